"""`kg --help`, `import kg` and `kg query` load no spaCy: start-up stays fast (the figures
are measured by benchmarks/, this test holds the import graph that makes them)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["kg", "kg.cli.main", "kg.graph", "kg.store"])
def test_importing_loads_no_spacy(module):
    heavy = "('spacy', 'kg.pipeline')"
    code = f"import sys, {module}; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_building_functions_load_on_use():
    import kg

    assert kg.build.__module__ == "kg.pipeline" and kg.BuildReport.__name__ == "BuildReport"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        kg.nonsense  # noqa: B018
