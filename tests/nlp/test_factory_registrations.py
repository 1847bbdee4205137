"""Every spaCy component kg declares has a ``spacy_factories`` entry point, so that a
saved pipeline loads in a fresh interpreter (spaCy's tests/test_factory_registrations.py)."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> dict[str, str]:
    """factory name -> "module:function" for every ``@Language.factory`` in kg/."""
    found = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and ast.unparse(deco.func) == "Language.factory"
                    and deco.args
                ):
                    found[deco.args[0].value] = f"{module}:{node.name}"
    return found


def test_every_factory_has_its_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = project["project"]["entry-points"]["spacy_factories"]
    declared = _declared()
    assert "kg_new_actors" in declared
    assert declared == entry_points
