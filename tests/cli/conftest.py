"""Fixtures of the command-line tests: the seed built once with ``kg build``."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture(scope="session")
def built(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("cli") / "graph.trig"
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out, result.output
