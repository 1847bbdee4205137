"""One loader for the YAML data files, with errors that name the file and entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kg.errors import DataError


def load_yaml(path: Path, *, top_key: str) -> dict[str, Any]:
    """Load a data file and check that it is a mapping with a ``top_key`` list."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get(top_key), list | dict):
        raise DataError(f"{path}: expected a mapping with a '{top_key}' entry")
    return data


def require(entry: dict[str, Any], key: str, path: Path, index: int) -> Any:
    """Return ``entry[key]`` or raise a DataError naming the file and entry."""
    if key not in entry or entry[key] in (None, ""):
        raise DataError(f"{path}: entry {index} ({entry.get('id', '?')}) has no '{key}'")
    return entry[key]
