"""Articles from tables: CSV, TSV and JSON Lines files, one article per row or line.

Columns are found by name, case-insensitively: the first of the usual names present
(``DEFAULT_COLUMNS``), or the one named in :class:`Columns`. A row with a title becomes
the text ``title + "\\n\\n" + text``, so the title is the first line and every character
offset points into that string. A text cell holding HTML is read as its text (see
:mod:`kg.ingest.webpages`); NUL characters are removed from every cell, with a warning
naming the row. FA-KES's CSV reads with no options.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kg._util.text import slugify
from kg.errors import InputError
from kg.ingest.common import strip_nul
from kg.ingest.datelines import date_from_dateline
from kg.ingest.dates import parse_date
from kg.ingest.webpages import html_to_text, looks_like_html
from kg.types import Article

CSV_DELIMITERS = {".csv": ",", ".tsv": "\t"}
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TABLE_SUFFIXES = frozenset(CSV_DELIMITERS) | JSONL_SUFFIXES

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "unit_id", "article_id", "doc_id"),
    "title": ("title", "article_title", "headline"),
    "text": ("text", "content", "article_content", "body"),
    "date": ("date", "published", "publication_date", "pub_date"),
    "publisher": ("source", "publisher", "outlet"),
    "url": ("url", "link"),
}
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")

Fail = Callable[[InputError], None]
Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    """Drop a warning (when the caller collects none)."""


@dataclass(frozen=True)
class Columns:
    """The names of the columns (or JSON keys) to read; None means "the usual names".

    >>> Columns(text="body_html", id="guid").text
    'body_html'
    """

    id: str | None = None
    title: str | None = None
    text: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


_FIELDS = tuple(f.name for f in fields(Columns))


class _NoColumn(Exception):
    def __init__(self, field: str, wanted: str | None) -> None:
        self.field, self.wanted = field, wanted


def _key(name: str) -> str:
    return name.strip().lower()


def _lowered(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """A record keyed by lowercase names (of two names that differ in case, the first)."""
    out: dict[str, Any] = {}
    for name, value in pairs:
        out.setdefault(_key(name), value)
    return out


def _resolve(names: list[str], columns: Columns, *, strict: bool = True) -> dict[str, str]:
    """Map each field to the (lowercase) name of its column; fields the file lacks are left
    out. If ``strict``, raise _NoColumn for a named column that is missing, or if there is
    no text column.
    """
    present = {_key(n) for n in names}
    found: dict[str, str] = {}
    for field in _FIELDS:
        wanted = getattr(columns, field)
        candidates = (wanted,) if wanted else DEFAULT_COLUMNS[field]
        name = next((_key(c) for c in candidates if _key(c) in present), None)
        if name is not None:
            found[field] = name
        elif strict and (wanted or field == "text"):
            raise _NoColumn(field, wanted)
    return found


def _missing_column(path: Path, names: list[str], problem: _NoColumn, kind: str) -> InputError:
    option = f"--{problem.field}-column"
    have = ", ".join(n for n in names if n) or "none"
    if problem.wanted:
        what = f"no {kind} '{problem.wanted}' for the {problem.field}"
    else:
        usual = ", ".join(DEFAULT_COLUMNS[problem.field])
        what = f"no text {kind} (looked for {usual})"
    return InputError(
        f"{path}: {what}; its {kind}s are: {have} (name the {kind} with {option})",
        hint=f"name the {problem.field} {kind} with {option} (Columns({problem.field}=...) "
        "in Python)",
    )


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _article(
    record: Mapping[str, Any],
    names: dict[str, str],
    path: Path,
    where: str,
    number: int,
    warn: Warn = _ignore,
) -> Article:
    """Build the article of one row (``record`` keyed by lowercase names); raise InputError
    naming the row if it has no text."""
    value = {field: _as_text(record.get(name)) for field, name in names.items()}
    notes: list[str] = []
    for field, text in value.items():
        if text and "\x00" in text:
            value[field] = strip_nul(text, f"{path}:{where}: {field}", notes).strip() or None
    for note in notes:
        warn(note)
    body = value.get("text")
    if body and looks_like_html(body):
        page = html_to_text(body)
        body = page.text.strip() or None
        if not value.get("title"):
            value["title"] = page.title
        elif body and page.title and body.startswith(page.title + "\n\n"):
            body = body[len(page.title) + 2 :]  # the row's own title goes first
    if not body:
        raise InputError(f"{path}:{where}: no text", hint="fill in the text or remove the row")
    title = " ".join(value["title"].split()) if value.get("title") else None
    text = f"{title}\n\n{body}" if title else body
    given_id = value.get("id")
    if not given_id:
        article_id = f"{slugify(path.stem)}-{number}"
    else:
        article_id = given_id if _SAFE_ID.fullmatch(given_id) else slugify(given_id)
    date = parse_date(value["date"]) if value.get("date") else None
    return Article(
        id=article_id,
        text=text,
        title=title,
        # The dateline printed with the text is what its "on Friday" counts from; scraped
        # date columns are often the crawl or update date (FA-KES: 6 of 24 gold rows).
        date=date_from_dateline(text) or date,
        publisher=value.get("publisher"),
        url=value.get("url"),
        origin=f"{path}:{where}",
    )


def _set_field_size_limit() -> None:
    # News bodies can be longer than the csv module's default 128 KiB field limit.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on Windows
            limit //= 2


def read_csv(
    path: Path,
    text: str,
    *,
    columns: Columns,
    fail: Fail,
    delimiter: str = ",",
    warn: Warn = _ignore,
) -> Iterator[Article]:
    """Yield one article per data row of the decoded CSV (or TSV) ``text``.

    A row that cannot be read is passed to ``fail`` and the others are still read.
    """
    _set_field_size_limit()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        fail(InputError(f"{path}: no header row", hint="the first row must name the columns"))
        return
    try:
        names = _resolve(header, columns)
    except _NoColumn as problem:
        fail(_missing_column(path, header, problem, "column"))
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            fail(InputError(f"{path}:row {number}: malformed ({exc})"))
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank lines are not rows
        number += 1
        if len(row) > len(header):
            fail(
                InputError(
                    f"{path}:row {number}: {len(row)} fields but the header has {len(header)}",
                    hint="quote fields that hold the delimiter",
                )
            )
            continue
        record = _lowered(zip(header, row, strict=False))  # a short row lacks fields
        try:
            yield _article(record, names, path, f"row {number}", number, warn)
        except InputError as problem:
            fail(problem)


def read_jsonl(
    path: Path, text: str, *, columns: Columns, fail: Fail, warn: Warn = _ignore
) -> Iterator[Article]:
    """Yield one article per line of the decoded JSON Lines ``text`` (blank lines skipped).

    Control characters inside strings, which strict JSON refuses, are accepted (scrapers
    write them); a line that is not JSON is passed to ``fail`` and the others are read.

    Each object's keys are looked up on their own, since objects may differ; a file whose
    first object has no text key (or lacks a key named in ``columns``) is one error.
    """
    first = True
    # Lines end at line feeds only: splitlines() would also cut at form feeds or U+2028,
    # which may sit inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line, strict=False)
        except json.JSONDecodeError as exc:
            fail(InputError(f"{path}:{where}: invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            fail(InputError(f"{path}:{where}: expected a JSON object, not {type(record).__name__}"))
            continue
        if first:
            first = False
            try:
                _resolve(list(record), columns)
            except _NoColumn as problem:
                fail(_missing_column(path, list(record), problem, "key"))
                return
        names = _resolve(list(record), columns, strict=False)
        try:
            yield _article(_lowered(record.items()), names, path, where, number, warn)
        except InputError as problem:
            fail(problem)


def read_table(
    path: Path, text: str, *, columns: Columns, fail: Fail, warn: Warn = _ignore
) -> Iterator[Article]:
    """Dispatch on the suffix: CSV, TSV or JSON Lines."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path, text, columns=columns, fail=fail, warn=warn)
    delimiter = CSV_DELIMITERS[suffix]
    return read_csv(path, text, columns=columns, fail=fail, delimiter=delimiter, warn=warn)
