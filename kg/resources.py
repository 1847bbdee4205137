"""Where the package finds its data files and ontology.

In a source checkout (and an editable install) they are the repository's top-level
``data/`` and ``ontology/`` folders; in a built wheel they are copied to
``kg/_resources/`` (see ``[tool.hatch.build.targets.wheel.force-include]`` in
``pyproject.toml``). One function decides, so no module hard-codes a path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.errors import DataError

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the folder of shipped resources called ``name`` (``"data"`` or ``"ontology"``).

    >>> resource_dir("ontology").name
    'ontology'
    """
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise DataError(
        f"cannot find the '{name}' folder shipped with conflict-kg (looked in "
        f"{_PACKAGE / '_resources' / name} and {_PACKAGE.parent / name})",
        hint="reinstall the package: pip install --force-reinstall conflict-kg",
    )


def data_path(filename: str) -> Path:
    """Return the path of a file in the shipped ``data/`` folder, checking that it exists."""
    path = resource_dir("data") / filename
    if not path.is_file():
        raise DataError(f"missing data file {path}", hint="reinstall the package")
    return path


def ontology_path(filename: str) -> Path:
    """Return the path of a file in the shipped ``ontology/`` folder, checking that it exists."""
    path = resource_dir("ontology") / filename
    if not path.is_file():
        raise DataError(f"missing ontology file {path}", hint="reinstall the package")
    return path
