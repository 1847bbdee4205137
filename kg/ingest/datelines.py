"""Datelines: the date a page prints at the top of an article or of a paragraph.

FA-KES contents start with one ("Wed 05 Apr 2017 ...", "Posted on August 3 2016 by
Jordan Dakamseh ...", "12.10.2016(updated 15:30 12.10.2016) ..."). The patterns are data,
``dateline_patterns`` in ``data/text_rules.yaml``; this module loads them and finds the
datelines at the start of the text and of its lines. The reader takes the article's date
from one when the metadata has none, and ``kg_layout`` skips their character ranges.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg._util.yaml import load_text_rules
from kg.errors import DataError
from kg.ingest.dates import make_date
from kg.resources import data_path

_PART = re.compile(r"\{([a-z_]+)\}")
_GROUPS = frozenset({"day", "month", "year"})
_HEAD_LINES = 3  # a dateline that dates the article is in its first lines


@dataclass(frozen=True)
class Dateline:
    """A dateline: ``text[start:end]`` is the whole of it, ``date`` the day it names."""

    start: int
    end: int
    date: dt.date


def _expand(pattern: str, parts: dict[str, str], path: Path) -> str:
    for _ in range(5):  # pieces may use pieces
        expanded = _PART.sub(lambda m: parts.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            break
        pattern = expanded
    unknown = _PART.search(pattern)
    if unknown:
        raise DataError(f"{path}: dateline pattern uses an unknown piece {unknown.group(0)}")
    return pattern


@dataclass(frozen=True)
class DatelineRules:
    """The dateline patterns of ``data/text_rules.yaml``, compiled.

    ``patterns`` match at the start of a line; ``inline`` are searched within the first
    ``window`` characters of a line.
    """

    patterns: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...] = ()
    window: int = 300


def _compile(raws: list[Any], parts: dict[str, str], path: Path) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for raw in raws:
        try:
            # A digit may not follow: "9 Oct 2016" is not the start of "9 Oct 20161".
            pattern = re.compile(_expand(str(raw), parts, path) + r"(?!\d)", re.IGNORECASE)
        except re.error as exc:
            raise DataError(f"{path}: bad dateline pattern {raw!r}: {exc}") from None
        if not set(pattern.groupindex) >= _GROUPS:
            raise DataError(
                f"{path}: dateline pattern {raw!r} must capture the groups day, month and year",
                hint="name them (?P<day>...), (?P<month>...), (?P<year>...)",
            )
        patterns.append(pattern)
    return tuple(patterns)


@cache
def load_dateline_rules(text_rules_path: str | None = None) -> DatelineRules:
    """Load and check the dateline patterns of ``data/text_rules.yaml`` (cached)."""
    path = Path(text_rules_path) if text_rules_path else data_path("text_rules.yaml")
    data = load_text_rules(text_rules_path)
    if not isinstance(data.get("dateline_patterns"), list):
        raise DataError(f"{path}: expected a 'dateline_patterns' list")
    parts = {str(k): str(v) for k, v in (data.get("dateline_parts") or {}).items()}
    window = data.get("dateline_inline_window", 300)
    if not isinstance(window, int) or window < 0:
        raise DataError(f"{path}: 'dateline_inline_window' must be a number of characters")
    return DatelineRules(
        patterns=_compile(data["dateline_patterns"], parts, path),
        inline=_compile(data.get("dateline_inline_patterns") or [], parts, path),
        window=window,
    )


def _line_starts(text: str, start: int) -> Iterator[int]:
    if start == 0 or (0 < start <= len(text) and text[start - 1] == "\n"):
        yield start
    position = text.find("\n", start)
    while position != -1:
        yield position + 1
        position = text.find("\n", position + 1)


def _dateline(found: re.Match[str] | None) -> Dateline | None:
    if found is None:
        return None
    date = make_date(found["year"], found["month"], found["day"])
    return Dateline(found.start(), found.end(), date) if date is not None else None


def _match_at(text: str, position: int, rules: DatelineRules) -> Dateline | None:
    while position < len(text) and text[position] in " \t\r\f\v":
        position += 1
    best: Dateline | None = None
    for pattern in rules.patterns:
        found = _dateline(pattern.match(text, position))
        if found is not None and (best is None or found.end > best.end):
            best = found
    if best is not None or not rules.inline:
        return best
    line_end = text.find("\n", position)
    window_end = min(len(text) if line_end == -1 else line_end, position + rules.window)
    inline = []
    for pattern in rules.inline:
        for match in pattern.finditer(text, position, window_end):
            found = _dateline(match)
            if found is not None:
                inline.append(found)
                break
    return min(inline, key=lambda d: (d.start, -d.end), default=None)


def find_dateline(
    text: str, start: int = 0, *, rules: DatelineRules | None = None
) -> Dateline | None:
    """Return the first dateline that opens the text or a line at or after ``start`` (or,
    for the inline patterns, lies early in such a line).

    When several patterns match at one place the longest match wins.

    >>> text = "Homs shelled\\n\\nWed 05 Apr 2017 Homs shelled. Three people died."
    >>> found = find_dateline(text)
    >>> text[found.start : found.end], found.date
    ('Wed 05 Apr 2017', datetime.date(2017, 4, 5))
    >>> find_dateline("Three people died on 5 April 2017.") is None
    True
    """
    rules = load_dateline_rules() if rules is None else rules
    for position in _line_starts(text, start):
        found = _match_at(text, position, rules)
        if found is not None:
            return found
    return None


def iter_datelines(text: str, *, rules: DatelineRules | None = None) -> Iterator[Dateline]:
    """Yield every dateline in ``text``, in order (at most one per line)."""
    found = find_dateline(text, rules=rules)
    while found is not None:
        yield found
        found = find_dateline(text, found.end, rules=rules)


def date_from_dateline(text: str) -> dt.date | None:
    """The date of the dateline in the first lines of ``text`` (its head), if any.

    >>> date_from_dateline("Title\\n\\nPosted on August 3 2016 by Jordan Dakamseh Toxic gas")
    datetime.date(2016, 8, 3)
    """
    found = find_dateline(text)
    if found is None:
        return None
    head_lines = sum(1 for line in text[: found.start].splitlines() if line.strip())
    return found.date if head_lines < _HEAD_LINES else None
