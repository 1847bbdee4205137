"""scripts/build_gazetteer.py's first-level units from GeoNames' admin1 names and the
compiled index's seats of units (kg/link/gazetteer_index.py)."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from kg.link.gazetteer_index import _COLUMNS, GazetteerIndex, compile_index
from kg.link.places import load_place_gazetteer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts/build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


def _city(gid, name, lat, lon, code, iso="XX", pop=1000):
    return {
        "geonameid": gid, "name": name, "latitude": lat, "longitude": lon,
        "countrycode": iso, "admin1code": code, "population": pop,
    }  # fmt: skip


def test_units_named_by_their_towns_admin1_name_at_their_towns_mean(build, tmp_path):
    table = tmp_path / "rg.csv"
    table.write_text(
        "lat,lon,name,admin1,admin2,cc\n"
        "10.0,20.0,Alpha,Mintaqat `Asir,,XX\n"
        "12.0,22.0,Beta,Mintaqat `Asir,,XX\n"
        "30.0,40.0,Gamma,Known Province,,XX\n",
        encoding="utf-8",
    )
    comp = build.Compiler()
    comp.add("wof-1", name="Known Province", kind="admin1", admin1="XX.02", country="XX")
    cities = [
        _city(1, "Alpha", 10.0, 20.0, "01"),
        _city(2, "Beta", 12.0, 22.0, "01", pop=5000),
        _city(3, "Gamma", 30.0, 40.0, "02"),
    ]
    assert build.add_admin1_units(comp, cities, table) == 1  # XX.02 has its WOF unit
    unit = comp.rows["admin1-XX.01"]
    assert (unit["name"], unit["kind"], unit["admin1"], unit["country"]) == (
        "Asir", "admin1", "XX.01", "XX",
    )  # fmt: skip
    assert (unit["lat"], unit["lon"], unit["population"]) == (11.0, 21.0, 6000)
    assert "Mintaqat `Asir" not in unit["names"] or "Asir" in unit["names"]


def _index(tmp_path, rows) -> GazetteerIndex:
    table = tmp_path / "t.tsv.gz"
    lines = ["\t".join(_COLUMNS), *("\t".join(r) for r in rows)]
    table.write_bytes(gzip.compress("\n".join(lines).encode() + b"\n"))
    compile_index(table, tmp_path / "t.sqlite")
    return GazetteerIndex(tmp_path / "t.sqlite")


def test_a_units_seat_is_its_capital_else_its_largest_town(tmp_path):
    index = _index(
        tmp_path,
        [
            ["u1", "Unit One", "admin1", "1", "1", "", "XX.01", "XX", "900000", "ADM1", ""],
            ["t1", "Big", "city", "1.1", "1.1", "", "XX.01", "XX", "500000", "", ""],
            ["t2", "Capital", "town", "1.2", "1.2", "", "XX.01", "XX", "20000", "PPLA", ""],
            ["t3", "Largest", "town", "2.1", "2.1", "", "XX.02", "XX", "30000", "", ""],
            ["t4", "Small", "village", "2.2", "2.2", "", "XX.02", "XX", "300", "", ""],
        ],
    )
    assert index.seat("XX.01").key == "t2"
    assert index.seat("XX.02").key == "t3"
    assert index.seat("XX.99") is None


def test_shipped_gazetteer_has_units_and_seats_beyond_who_s_on_first():
    gaz = load_place_gazetteer()
    unit = gaz.get(gaz.admin1_unit("SA.16"))  # Saudi Arabia: no WOF table
    assert (unit.kind, unit.country, unit.label) == ("admin1", "SA", "Najran")
    assert unit.lat is not None and unit.lon is not None
    seat = gaz.index.seat("SA.16")
    assert seat.name == "Najran" and seat.kind in ("city", "town")
    names = {gaz.get(k).kind for k in gaz.lookup(["Najran"])["Najran"]}
    assert {"admin1", "city"} <= names or {"admin1", "town"} <= names


def test_shipped_gazetteer_has_second_level_units():
    gaz = load_place_gazetteer()
    keys = gaz.lookup(["Sahar District"]).get("Sahar District", [])
    units = [gaz.get(k) for k in keys if gaz.get(k).kind == "admin2"]
    if not units:
        pytest.skip("built without ../shared's Who's On First tables")
    assert units[0].country == "YE" and units[0].admin1_unit is not None
    assert gaz.get(units[0].admin1_unit).kind == "admin1"
