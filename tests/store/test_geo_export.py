"""GeoJSON and GeoPackage exports, read back with GDAL (pyogrio), not by string matching."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import main
from kg.errors import InputError
from kg.ontology.namespaces import SEM, WGS
from kg.store.export import export
from kg.store.geo import EVENT_COLUMNS, PLACE_COLUMNS, map_layers
from kg.store.gpkg import Layer, point_blob, write_geopackage

pyogrio = pytest.importorskip("pyogrio", reason="pip install conflict-kg[analysis]")


def _located_events(graph) -> dict[str, tuple[float, float]]:
    """Each event with a located place -> (longitude, latitude), from the graph itself."""
    data = graph.dataset
    out = {}
    for event, place in data.subject_objects(SEM.hasPlace):
        lat, long = (
            next(data.objects(place, WGS.lat), None),
            next(data.objects(place, WGS.long), None),
        )
        if lat is not None and long is not None:
            out[str(event)] = (float(long), float(lat))
    return out


def test_gpkg_has_both_layers_in_wgs84_read_by_gdal(seed_graph, tmp_path):
    path = tmp_path / "events.gpkg"
    result = export(seed_graph, path, "gpkg")
    assert result.files == [path]
    assert sorted(map(tuple, pyogrio.list_layers(path))) == [
        ("events", "Point"),
        ("places", "Point"),
    ]
    info = pyogrio.read_info(path, layer="events")
    assert info["crs"] == "EPSG:4326"
    assert list(info["fields"]) == list(EVENT_COLUMNS)
    assert info["features"] == result.quads == len(_located_events(seed_graph))
    meta, _, geometry, fields = pyogrio.raw.read(path, layer="events")
    shapely = pytest.importorskip("shapely")
    names = list(meta["fields"])
    expected = _located_events(seed_graph)
    for i, wkb in enumerate(geometry):
        point = shapely.from_wkb(wkb)
        event = fields[names.index("event")][i]
        assert (point.x, point.y) == pytest.approx(expected[event])  # longitude first
    assert fields[names.index("reports")].dtype.kind == "i"  # numbers stay numbers
    kinds = dict(
        zip(fields[names.index("event_type")], fields[names.index("plover_type")], strict=True)
    )
    assert kinds.get("airstrike") == "ASSAULT"


def test_places_layer_counts_events(seed_graph, tmp_path):
    path = export(seed_graph, tmp_path, "gpkg").files[0]
    assert path.name == "graph.gpkg"
    meta, _, _, fields = pyogrio.raw.read(path, layer="places")
    names = list(meta["fields"])
    assert names == list(PLACE_COLUMNS)
    counts = dict(zip(fields[names.index("place")], fields[names.index("events")], strict=True))
    located = _located_events(seed_graph)
    data = seed_graph.dataset
    for place, count in counts.items():
        here = {str(e) for e in data.subjects(SEM.hasPlace, URIRef(place))}
        assert count == len(here & set(located))
    assert sum(counts.values()) == len(located)


def test_geojson_files_read_by_gdal(seed_graph, tmp_path):
    files = export(seed_graph, tmp_path / "map.geojson", "geojson").files
    assert [f.name for f in files] == ["map.geojson", "map-places.geojson"]
    events = json.loads(files[0].read_text(encoding="utf-8"))
    assert events["type"] == "FeatureCollection"
    info = pyogrio.read_info(files[0])
    assert info["features"] == len(events["features"]) == len(_located_events(seed_graph))
    assert info["geometry_type"] == "Point"
    for feature in events["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(feature["properties"]) == set(EVENT_COLUMNS)
        assert feature["properties"]["acled_event_type"]
    strikes = [f["properties"] for f in events["features"]]
    strikes = [p for p in strikes if p["event_type"] == "airstrike"]
    assert strikes and all(
        (p["plover_type"], p["plover_mode"]) == ("ASSAULT", "aerial") for p in strikes
    )


def test_cli_export_gpkg(seed_build, tmp_path):
    out = tmp_path / "g.gpkg"
    result = CliRunner().invoke(main, ["export", str(seed_build[0]), "-f", "gpkg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "events in 1 file(s)" in result.output
    assert pyogrio.read_info(out, layer="places")["features"] > 0


def test_geopackage_is_a_geopackage(tmp_path):
    path = tmp_path / "one.gpkg"
    write_geopackage(
        path,
        [
            Layer(
                "spots", {"name": "TEXT", "n": "INTEGER"}, [((10.5, -3.25), {"name": "x", "n": 2})]
            )
        ],
    )
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert con.execute("SELECT srs_id, min_x, max_y FROM gpkg_contents").fetchone() == (
        4326,
        10.5,
        -3.25,
    )
    blob = con.execute("SELECT geom FROM spots").fetchone()[0]
    assert blob == point_blob(10.5, -3.25)
    meta, _, _, fields = pyogrio.raw.read(path)
    assert list(fields[0]) == ["x"] and list(fields[1]) == [2]


def test_empty_layer_and_bad_columns(tmp_path):
    path = tmp_path / "empty.gpkg"
    write_geopackage(path, [Layer("nothing", {"name": "TEXT"}, [])])
    assert pyogrio.read_info(path)["features"] == 0
    with pytest.raises(InputError, match="type 'BLOB'"):
        write_geopackage(path, [Layer("bad", {"x": "BLOB"}, [])])
    with pytest.raises(InputError, match="not a plain name"):
        write_geopackage(path, [Layer("bad name", {}, [])])


def test_failed_write_keeps_the_previous_file(seed_graph, tmp_path, monkeypatch):
    path = tmp_path / "keep.gpkg"
    export(seed_graph, path, "gpkg")
    before = path.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.store.gpkg._fill", broken)
    with pytest.raises(OSError):
        export(seed_graph, path, "gpkg")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.gpkg"]


def test_events_without_coordinates_are_counted(seed_graph):
    events, places = map_layers(seed_graph)
    total = len(set(seed_graph.dataset.subjects(SEM.eventType, None)))
    if len(events.features) < total:
        assert "without coordinates left out" in events.description
    assert all(f[1]["events"] >= 0 for f in places.features)
