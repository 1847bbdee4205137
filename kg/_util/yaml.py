"""One loader for the YAML data files, with errors that name the file and entry."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import DataError
from kg.resources import data_path


def load_yaml(path: Path, *, top_key: str | None) -> dict[str, Any]:
    """Load a data file and check that it is a mapping (with a ``top_key`` list or mapping,
    unless ``top_key`` is None)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping of sections")
    if top_key is not None and not isinstance(data.get(top_key), list | dict):
        raise DataError(f"{path}: expected a mapping with a '{top_key}' entry")
    return data


def require(entry: dict[str, Any], key: str, path: Path, index: int) -> Any:
    """Return ``entry[key]`` or raise a DataError naming the file and entry."""
    if key not in entry or entry[key] in (None, ""):
        raise DataError(f"{path}: entry {index} ({entry.get('id', '?')}) has no '{key}'")
    return entry[key]


#: The sections of ``data/text_rules.yaml`` and the stage that compiles each: the file is
#: read and checked here once; each stage compiles only its own sections.
TEXT_RULE_SECTIONS = frozenset(
    {
        "version",
        # kg.nlp.rules: lines and pieces
        "skip_line_patterns",
        "publisher_line_patterns",
        "piece_synonyms",
        "abbreviations",
        # kg.nlp.layout: furniture inside paragraphs
        "inline_skip_patterns",
        "list_headers",
        "list_end_tags",
        "list_end_auxiliaries",
        # kg.link.places: words that are never place names
        "place_name_stoplist",
        # kg.nlp.place_metonymy: a capital's acts that are its government's
        "capital_metonym_nouns",
        # kg.ingest.datelines: datelines
        "dateline_parts",
        "dateline_patterns",
        "dateline_inline_window",
        "dateline_inline_patterns",
    }
)


def load_text_rules(path: str | None = None) -> dict[str, Any]:
    """The one loader of ``data/text_rules.yaml`` (read once per process) or of the file
    at ``path`` (read each time): a mapping whose keys are among
    :data:`TEXT_RULE_SECTIONS` (a misspelt section would be silently ignored by every
    stage, so it is an error here)."""
    if path is None:
        return _shipped_text_rules()
    return _read_text_rules(Path(path))


@cache
def _shipped_text_rules() -> dict[str, Any]:
    return _read_text_rules(data_path("text_rules.yaml"))


def _read_text_rules(file: Path) -> dict[str, Any]:
    data = load_yaml(file, top_key=None)
    unknown = sorted(set(data) - TEXT_RULE_SECTIONS)
    if unknown:
        raise DataError(
            f"{file}: unknown section(s) {', '.join(unknown)}",
            hint="the sections are: " + ", ".join(sorted(TEXT_RULE_SECTIONS)),
        )
    return data
