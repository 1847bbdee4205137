"""The table of countries (``data/countries.csv``): names, demonyms and short forms of
every state, from which the actor gazetteer generates each state's forces, police and
government (:mod:`kg.link.state_actors`)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import DataError
from kg.resources import data_path

_COLUMNS = ("iso2", "iso3", "name", "demonyms", "short_forms", "wikidata")
_ISO2 = re.compile(r"[A-Z]{2}")
_QID = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True)
class Country:
    """One row of the table. ``government`` / ``forces`` / ``police`` name the curated
    actors that stand for the state's, or are empty when they are generated."""

    iso2: str
    iso3: str
    name: str
    demonyms: tuple[str, ...] = ()
    short_forms: tuple[str, ...] = ()
    wikidata: str | None = None
    government: str | None = None
    forces: str | None = None
    police: str | None = None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def parse_countries(text: str, path: Path) -> dict[str, Country]:
    """The countries of a ``countries.csv`` text, by ISO 3166-1 alpha-2 code; lines that
    start with ``#`` are comments.

    >>> rows = "iso2,iso3,name,demonyms,short_forms,wikidata\\nML,MLI,Mali,Malian,,Q912\\n"
    >>> parse_countries(rows, Path("countries.csv"))["ML"].demonyms
    ('Malian',)
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(f"{path}: missing columns {', '.join(missing)}")
    out: dict[str, Country] = {}
    for number, row in enumerate(reader, start=2):
        iso2, wikidata = row["iso2"].strip(), (row["wikidata"] or "").strip()
        if not _ISO2.fullmatch(iso2) or iso2 in out:
            raise DataError(f"{path}: row {number}: bad or repeated ISO code '{iso2}'")
        if wikidata and not _QID.fullmatch(wikidata):
            raise DataError(f"{path}: row {number}: bad Wikidata id '{wikidata}'")
        out[iso2] = Country(
            iso2=iso2,
            iso3=row["iso3"].strip(),
            name=row["name"].strip(),
            demonyms=_split(row["demonyms"]),
            short_forms=_split(row["short_forms"]),
            wikidata=wikidata or None,
            government=(row.get("government") or "").strip() or None,
            forces=(row.get("forces") or "").strip() or None,
            police=(row.get("police") or "").strip() or None,
        )
    return out


@cache
def load_countries(path: str | None = None) -> dict[str, Country]:
    """Load ``data/countries.csv`` (or ``path``); cached per process.

    >>> load_countries()["UA"].demonyms
    ('Ukrainian',)
    """
    file = Path(path) if path else data_path("countries.csv")
    return parse_countries(file.read_text(encoding="utf-8"), file)
