"""Reading ACLED-format CSVs for ``kg eval --acled``: the notes with ACLED's coding, the
label files joined on ``event_id_cnty``, and the deterministic per-country sample."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.errors import InputError

_REQUIRED = ("event_id_cnty", "notes")


@dataclass(frozen=True)
class AcledNote:
    """One ACLED row: the note and ACLED's coding of it (None where ACLED's field is empty)."""

    id: str
    country: str
    notes: str
    date: str
    event_type: str | None = None
    sub_event_type: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    inter1: int | None = None
    fatalities: int | None = None
    origin: str = ""


def _open_csv(path: Path, required: Sequence[str]) -> tuple[csv.DictReader, Any]:
    csv.field_size_limit(sys.maxsize)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    reader = csv.DictReader(handle)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        handle.close()
        raise InputError(
            f"{path}: no column {', '.join(repr(c) for c in missing)} "
            "(an ACLED-format CSV needs event_id_cnty and notes)",
            hint="give an ACLED export (one event per row with its notes)",
        )
    return reader, handle


def number(value: str | None, kind: type) -> Any:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return kind(float(text)) if kind is int else kind(text)
    except ValueError:
        return None


def _text(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def read_acled(path: str | Path) -> list[AcledNote]:
    """The rows of an ACLED-format CSV, in file order."""
    path = Path(path)
    reader, handle = _open_csv(path, _REQUIRED)
    with handle:
        return [
            AcledNote(
                id=row["event_id_cnty"].strip(),
                country=_text(row.get("country")) or "(no country)",
                notes=(row.get("notes") or "").strip(),
                date=(row.get("event_date") or "").strip(),
                event_type=_text(row.get("event_type")),
                sub_event_type=_text(row.get("sub_event_type")),
                admin1=_text(row.get("admin1")),
                latitude=number(row.get("latitude"), float),
                longitude=number(row.get("longitude"), float),
                inter1=number(row.get("inter1"), int),
                fatalities=number(row.get("fatalities"), int),
                origin=f"{path}:{reader.line_num}",
            )
            for row in reader
        ]


def read_labels(path: str | Path) -> dict[str, tuple[str | None, str | None]]:
    """event_id_cnty -> (event_type, sub_event_type) from a labels CSV.

    The columns are ``event_type`` / ``sub_event_type``, or the first whose name starts
    so (``event_type_2019``); an empty value is unknown.
    """
    path = Path(path)
    reader, handle = _open_csv(path, ("event_id_cnty",))
    names = list(reader.fieldnames or [])

    def column(prefix: str) -> str | None:
        return prefix if prefix in names else next((n for n in names if n.startswith(prefix)), None)

    type_col, sub_col = column("event_type"), column("sub_event_type")
    if type_col is None and sub_col is None:
        handle.close()
        raise InputError(f"{path}: no column 'event_type' or 'sub_event_type' (nor one so named)")
    with handle:
        return {
            row["event_id_cnty"].strip(): (
                _text(row.get(type_col)) if type_col else None,
                _text(row.get(sub_col)) if sub_col else None,
            )
            for row in reader
        }


def with_labels(
    notes: list[AcledNote], labels: Iterable[dict[str, tuple[str | None, str | None]]]
) -> list[AcledNote]:
    """``notes`` with types from ``labels`` where the row's own are empty."""
    merged: dict[str, tuple[str | None, str | None]] = {}
    for table in labels:
        for key, (etype, sub) in table.items():
            old = merged.get(key, (None, None))
            merged[key] = (old[0] or etype, old[1] or sub)
    out = []
    for note in notes:
        etype, sub = merged.get(note.id, (None, None))
        out.append(
            replace(note, event_type=note.event_type or etype,
                    sub_event_type=note.sub_event_type or sub)
        )  # fmt: skip
    return out


def sample(
    notes: list[AcledNote], countries: Iterable[str] = (), per_country: int | None = None
) -> list[AcledNote]:
    """The notes of ``countries`` (all if none; case-insensitive), the first
    ``per_country`` of each country in file order: a deterministic sample."""
    wanted = {c.casefold() for c in countries}
    seen: Counter = Counter()
    out = []
    for note in notes:
        if wanted and note.country.casefold() not in wanted:
            continue
        if per_country is not None and seen[note.country] >= per_country:
            continue
        seen[note.country] += 1
        out.append(note)
    return out
