"""The world gazetteer's index: ``data/gazetteer/places.tsv.gz`` compiled once into SQLite.

The shipped table (built by ``scripts/build_gazetteer.py`` from GeoNames cities500, Who's On
First and UN-OCHA) holds ~490,000 places and 1.3 million spellings: too many to hold in
dicts or a phrase matcher at start-up. On first use it is compiled into a SQLite file under
the user's cache directory (``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/conflict-kg``, else
``~/.cache/conflict-kg``), named by the table's hash, and every later process only opens
that file: names are looked up on demand, a place is read when it is asked for.

Names are compared under :func:`name_key` (diacritics, case, apostrophes, hyphens and dots
folded: "Dar`a" = "Dara", "Deir ez-Zor" = "Deir Ez Zor") and, for the transliteration
fallback, under :func:`translit_key`.

Example:
    >>> index = open_index()
    >>> [index.row(k).country for k in index.lookup(["kabul"])["kabul"]][:1]
    ['AF']
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg._util.atomic import atomic_path
from kg._util.text import fold
from kg.errors import DataError
from kg.resources import data_path, resource_dir

TABLE = "gazetteer/places.tsv.gz"
_SCHEMA = 4  # bump when the index's layout changes: a new cache file is built
_COLUMNS = (
    "key", "name", "kind", "lat", "lon", "geonameid", "admin1", "country", "population",
    "feature_code", "names",
)  # fmt: skip
_SETTLEMENTS = frozenset({"city", "town", "village", "district"})
_TRANSLIT_KINDS = _SETTLEMENTS | {"admin2"}  # spelling variants are looked up for these
_APOSTROPHES = re.compile(r"['`´‘’ʿʾ]")
_SEPARATORS = re.compile(r"[-/\s.,()]+")
# Letters that Unicode does not decompose into a Latin letter and a mark.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss",
                          "æ": "ae", "œ": "oe", "ħ": "h"})  # fmt: skip


@cache
def name_key(name: str) -> str:
    """The key under which spellings of one name coincide.

    >>> name_key("Dar`a") == name_key("Dara"), name_key("Deir ez-Zor"), name_key("Diyarbakır")
    (True, 'deir ez zor', 'diyarbakir')
    """
    text = _APOSTROPHES.sub("", fold(name).lower().translate(_LETTERS))
    return _SEPARATORS.sub(" ", text).strip()


# Transliteration variants of Arabic names, folded to one spelling: "Hassia" / "Hasiya",
# "Mansoura" / "Mansurah", "al-Husainiyah" / "Husayniyah", "Al-Saan" / "As Sa`an".
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|at|ash|an|az|es|ed|et|ez)[- ]+")
_TRANSLIT = (
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"ou|oo|o|w(?=[^aeiouy]|$)"), "u"),
    (re.compile(r"ee|ei|ey|ie|e|y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[aiu])h$|(?<=[aiu])h(?=[^aeiou])"), ""),
    (re.compile(r"(?<=.)[ai]$"), "a"),
)


def translit_key(name: str) -> str:
    """A key under which transliteration variants of one Arabic name coincide.

    >>> translit_key("Hassia") == translit_key("Hasiya") == translit_key("Hasyah")
    True
    >>> translit_key("Al-Saan") == translit_key("As Sa`an")
    True
    >>> translit_key("Tall Rifaat") == translit_key("Tal Rifat")
    True
    """
    text = _ARTICLE.sub("", fold(name).lower().strip())
    for pattern, repl in _TRANSLIT:
        text = pattern.sub(repl, text)
    return text


@dataclass(frozen=True)
class IndexRow:
    """One place of the compiled table."""

    key: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    admin1: str | None  # "SY.09"
    country: str | None
    population: int
    feature_code: str


def cache_dir() -> Path:
    """Where compiled indexes live (created on demand)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-kg"


def _digest(path: Path) -> str:
    sha = hashlib.sha256(f"schema {_SCHEMA}\n".encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def compile_index(table: Path, target: Path) -> None:
    """Compile the TSV ``table`` into the SQLite file ``target`` (atomically)."""
    with atomic_path(target) as temp:
        temp.unlink()
        db = sqlite3.connect(temp)
        db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, key TEXT, name TEXT, kind TEXT,"
            " lat REAL, lon REAL, geonameid INTEGER, admin1 TEXT, country TEXT,"
            " population INTEGER, feature_code TEXT);"
            "CREATE TABLE names (nkey TEXT, place INTEGER);"
            "CREATE TABLE translit (tkey TEXT, place INTEGER);"
        )
        places, names, translit = [], [], []
        with gzip.open(table, "rt", encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            if tuple(header) != _COLUMNS:
                raise DataError(f"{table}: expected the columns {_COLUMNS}, found {header}")
            for number, line in enumerate(handle, start=1):
                cells = line.rstrip("\n").split("\t")
                if len(cells) != len(_COLUMNS):
                    raise DataError(f"{table}: row {number} has {len(cells)} cells")
                key, name, kind, lat, lon, gid, admin1, country, pop, fcode, alts = cells
                try:
                    places.append(
                        (number, key, name, kind, float(lat) if lat else None,
                         float(lon) if lon else None, int(gid) if gid else None,
                         admin1 or None, country or None, int(pop or 0), fcode)
                    )  # fmt: skip
                except ValueError as exc:
                    raise DataError(f"{table}: row {number} ({key}): {exc}") from exc
                spellings = dict.fromkeys([name, *(alts.split("|") if alts else [])])
                keys = {name_key(s) for s in spellings} - {""}
                names.extend((k, number) for k in keys)
                if kind in _TRANSLIT_KINDS:
                    tkeys = {translit_key(s) for s in spellings}
                    translit.extend((t, number) for t in tkeys if len(t) >= 4)
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO names VALUES (?,?)", names)
        db.executemany("INSERT INTO translit VALUES (?,?)", translit)
        db.executescript(
            "CREATE INDEX names_nkey ON names (nkey);"
            "CREATE INDEX translit_tkey ON translit (tkey);"
            "CREATE UNIQUE INDEX places_key ON places (key);"
            # A first-level unit's seat: its capital where the table says (PPLA), else its
            # most populous settlement.
            "CREATE TABLE seats (admin1 TEXT PRIMARY KEY, place INTEGER);"
            "INSERT INTO seats SELECT admin1, id FROM ("
            " SELECT admin1, id, row_number() OVER (PARTITION BY admin1"
            "  ORDER BY feature_code = 'PPLA' DESC, feature_code = 'PPLC' DESC,"
            "  population DESC, key) AS rank"
            " FROM places WHERE admin1 IS NOT NULL AND kind IN ('city', 'town', 'village'))"
            " WHERE rank = 1;"
        )
        db.commit()
        db.close()


class GazetteerIndex:
    """Read access to the compiled index; safe to share between threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._rows: dict[str, IndexRow | None] = {}
        cursor = self._db().execute(
            "SELECT key, kind, country, admin1 FROM places WHERE kind IN ('country', 'admin1')"
        )
        self.countries: dict[str, str] = {}  # ISO code -> key
        self.admin1: dict[str, str] = {}  # admin1 code -> key
        for key, kind, country, admin1 in cursor:
            if kind == "country" and country:
                self.countries[country] = key
            elif admin1:
                self.admin1.setdefault(admin1, key)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def row(self, key: str) -> IndexRow | None:
        """The place ``key``, or None."""
        if key not in self._rows:
            found = (
                self._db()
                .execute(
                    "SELECT key, name, kind, lat, lon, geonameid, admin1, country, population,"
                    " feature_code FROM places WHERE key = ?",
                    (key,),
                )
                .fetchone()
            )
            self._rows[key] = IndexRow(*found) if found else None
        return self._rows[key]

    def seat(self, admin1: str) -> IndexRow | None:
        """The seat of the first-level unit with the code ``admin1`` ("SA.16"): its capital
        where the table marks one, else its most populous settlement."""
        found = (
            self._db()
            .execute(
                "SELECT p.key FROM seats s JOIN places p ON p.id = s.place WHERE s.admin1 = ?",
                (admin1,),
            )
            .fetchone()
        )
        return self.row(found[0]) if found else None

    def extent(self, country: str) -> tuple[float, float, float, float] | None:
        """South, north, west and east bounds of ``country``'s towns and cities."""
        found = (
            self._db()
            .execute(
                "SELECT min(lat), max(lat), min(lon), max(lon) FROM places"
                " WHERE country = ? AND kind IN ('city', 'town')",
                (country,),
            )
            .fetchone()
        )
        return None if found is None or found[0] is None else tuple(found)  # type: ignore[return-value]

    def _grouped(self, sql: str, keys: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for nkey, key in self._db().execute(sql.format(marks=marks), chunk):
                out.setdefault(nkey, []).append(key)
        return out

    def lookup(self, nkeys: Iterable[str]) -> dict[str, list[str]]:
        """The place keys of each :func:`name_key` found (keys not found are left out)."""
        return self._grouped(
            "SELECT n.nkey, p.key FROM names n JOIN places p ON p.id = n.place"
            " WHERE n.nkey IN ({marks}) ORDER BY p.population DESC",
            list(dict.fromkeys(nkeys)),
        )

    def translit(self, tkeys: Iterable[str]) -> dict[str, list[str]]:
        """The settlements of each :func:`translit_key` found."""
        return self._grouped(
            "SELECT t.tkey, p.key FROM translit t JOIN places p ON p.id = t.place"
            " WHERE t.tkey IN ({marks}) ORDER BY p.population DESC",
            list(dict.fromkeys(tkeys)),
        )


@cache
def open_index(table: str | None = None) -> GazetteerIndex:
    """The index of the shipped table (or of ``table``), compiled into the cache on first
    use; cached per process."""
    if table is None and not (resource_dir("data") / TABLE).is_file():
        raise DataError(
            f"the world gazetteer {resource_dir('data') / TABLE} is not built",
            hint="build it with: make gazetteer (python scripts/build_gazetteer.py), "
            "or install conflict-kg from a wheel, which ships it",
        )
    source = Path(table) if table else data_path(TABLE)
    name = f"gazetteer-{_digest(source)}.sqlite"
    target = cache_dir() / name
    if not target.is_file():
        try:
            compile_index(source, target)
        except OSError:
            # No writable cache directory (a read-only home): the system's temporary one.
            target = Path(tempfile.gettempdir()) / f"conflict-kg-{os.getuid()}" / name
            if not target.is_file():
                compile_index(source, target)
    return GazetteerIndex(target)
