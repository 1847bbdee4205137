"""The shape of ``kg.cli``: commands import the shared ``_util``, never each other."""

from __future__ import annotations

import ast
from pathlib import Path

import kg.cli

CLI = Path(kg.cli.__file__).parent
MODULES = sorted(p.stem for p in CLI.glob("*.py"))


def imported(path: Path) -> set[str]:
    """The modules ``path`` imports, by absolute name (``from kg.cli import x`` names
    ``kg.cli.x`` too, as it may import the module ``x``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            names.add(node.module or "")
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_commands_are_modules_of_their_own():
    assert {"_util", "build_cmd", "query_cmd", "validate_cmd"} <= set(MODULES)


def test_no_module_but_the_package_imports_another_command_module():
    for module in MODULES:
        if module == "__init__":
            continue
        cli_imports = {n for n in imported(CLI / f"{module}.py") if n.startswith("kg.cli")}
        allowed = {"kg.cli._util", *(f"kg.cli._util.{name}" for name in dir(kg.cli._util))}
        assert cli_imports <= allowed, (
            f"kg/cli/{module}.py imports {sorted(cli_imports)}: a command module imports "
            "only kg.cli._util"
        )


def test_the_package_imports_every_command_module():
    names = imported(CLI / "__init__.py")
    assert {f"kg.cli.{m}" for m in MODULES if m.endswith("_cmd")} <= names


# What command modules may import when `kg --help` loads them: heavy libraries (spaCy,
# rdflib, pyoxigraph, networkx, tqdm) wait until the command runs.
LIGHT = {"__future__", "click", "json", "sys", "time", "pathlib", "typing", "collections.abc",
         "kg.errors", "kg.cli._util"}  # fmt: skip
# kg export's --format choices are the names of the registered exporters.
KNOWN = {"export_cmd": {"kg.store.export"}}


def test_command_modules_import_heavy_libraries_only_when_run():
    for module in MODULES:
        tree = ast.parse((CLI / f"{module}.py").read_text(encoding="utf-8"))
        top = set()
        for node in tree.body:  # module level, outside functions and TYPE_CHECKING blocks
            if isinstance(node, ast.Import):
                top.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                top.add(node.module or "")
        allowed = LIGHT | KNOWN.get(module, set())
        if module == "__init__":
            allowed |= {f"kg.cli.{m}" for m in MODULES} | {"kg.cli"}
        assert top <= allowed, f"kg/cli/{module}.py imports {sorted(top - allowed)} at load"
