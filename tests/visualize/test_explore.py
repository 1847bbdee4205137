"""kg viz's views and filters, and kg map's page (without a browser)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.analyze.actors import EventRow, event_rows
from kg.cli.main import main
from kg.visualize.explore import (
    EventFilter,
    actors_view,
    events_view,
    keep_most_connected,
    omitted_notice,
)
from kg.visualize.map_html import map_markers, place_coordinates, render_map


def _data(html: str, element: str) -> object:
    found = re.search(rf'id="{element}" type="application/json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


@pytest.fixture(scope="module")
def seed_file(seed_graph, tmp_path_factory):
    return seed_graph.serialize(tmp_path_factory.mktemp("seed") / "seed.trig")


def row(**fields) -> EventRow:
    base = dict(type="airstrike", agent="a", agent_label="Army", target="b",
                target_label="Rebels", date="2016-07-19", publisher="AFP", iri="e",
                type_key="airstrike", place="p", place_label="Douma",
                governorate="Rif Dimashq Governorate", sources=("SOHR",), reports=1)  # fmt: skip
    return EventRow(**(base | fields))


@pytest.mark.parametrize(
    ("chosen", "kept"),
    [
        (EventFilter(), True),
        (EventFilter(actors=("REBELS",)), True),
        (EventFilter(actors=("b",)), True),
        (EventFilter(actors=("ISIS",)), False),
        (EventFilter(event_types=("airstrike", "shelling")), True),
        (EventFilter(event_types=("shelling",)), False),
        (EventFilter(since="2016-07"), True),
        (EventFilter(since="2016-07-20"), False),
        (EventFilter(until="2016"), True),
        (EventFilter(until="2016-07-18"), False),
        (EventFilter(places=("rif dimashq governorate",)), True),
        (EventFilter(places=("Aleppo",)), False),
        (EventFilter(sources=("sohr",)), True),
        (EventFilter(sources=("AFP",)), True),
        (EventFilter(sources=("SANA",)), False),
        (EventFilter(min_reports=2), False),
    ],
)
def test_filters(chosen: EventFilter, kept: bool) -> None:
    assert chosen.keep(row()) is kept


def test_month_dates_overlap_and_undated_events_drop_out_of_date_filters() -> None:
    assert EventFilter(since="2016-07-15", until="2016-07-31").keep(row(date="2016-07"))
    assert not EventFilter(since="2016-08-01").keep(row(date="2016-07"))
    assert not EventFilter(until="2020").keep(row(date=None))
    assert EventFilter(min_reports=3).keep(row(reports=3))


def test_events_view_has_roles_sizes_and_tooltips(seed_graph) -> None:
    rows = event_rows(seed_graph)
    view = events_view(seed_graph, rows)
    kinds = {k for _, k in view.nodes(data="kind")}
    assert kinds == {"actor", "place", "event"}
    roles = {r for _, _, r in view.edges(data="role")}
    assert {"agent", "target", "place", "reported_by"} <= roles
    strike = next(r for r in rows if r.type_key == "airstrike")
    title = view.nodes[strike.iri]["title"]
    assert "type: airstrike" in title and "date:" in title and "Sputnik" in title
    assert "“" in title  # the sentence
    coalition = next(n for n, d in view.nodes(data=True) if d["label"] == "US-led coalition")
    assert view.nodes[coalition]["group"] == "international_coalition"
    tanf = next(n for n, d in view.nodes(data=True) if d["label"] == "At Tanf")
    douma_like = [d["size"] for n, d in view.nodes(data=True) if d["kind"] == "place"]
    assert view.nodes[tanf]["size"] == max(douma_like)  # the place with the most events


def test_actors_view_types_and_weights_edges(seed_graph) -> None:
    view = actors_view(seed_graph, event_rows(seed_graph))
    assert {d["kind"] for _, d in view.nodes(data=True)} == {"actor"}
    relations = {k for _, _, k in view.edges(keys=True)}
    assert "hostile" in relations and relations <= {"hostile", "backing", "agreement"}
    for _, _, data in view.edges(data=True):
        assert data["label"].startswith(data["role"]) and data["weight"] >= 1


def test_keep_most_connected_says_what_was_left_out(seed_graph) -> None:
    view = events_view(seed_graph, event_rows(seed_graph))
    kept, left = keep_most_connected(view, 10)
    assert 0 < kept.number_of_nodes() <= 10
    assert left["nodes"] == view.number_of_nodes() - kept.number_of_nodes()
    assert all(kept.degree(n) for n in kept)  # nothing left floating alone
    degree = dict(view.degree())
    assert min(degree[n] for n in kept) >= max(degree[n] for n in view if n not in kept)
    notice = omitted_notice(view.number_of_nodes(), left, 10)
    assert "left out" in notice and "--max-nodes" in notice
    assert keep_most_connected(view, 0) == (view, {})


def test_kg_viz_filters_views_and_notice(seed_file, tmp_path) -> None:
    runner = CliRunner()
    page = tmp_path / "v.html"
    result = runner.invoke(main, ["viz", str(seed_file), "-o", str(page), "--max-nodes", "6",
                                  "--actor", "Syrian government forces"])  # fmt: skip
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert 0 < len(_data(html, "kg-graph-data")["nodes"]) <= 6
    assert "Filters: actor Syrian government forces." in html and "left out" in html
    result = runner.invoke(main, ["viz", str(seed_file), "-o", str(page), "--view", "actors"])
    assert result.exit_code == 0, result.output
    data = _data(page.read_text(encoding="utf-8"), "kg-graph-data")
    assert {n["kind"] for n in data["nodes"]} == {"actor"}
    assert {e["role"] for e in data["edges"]} <= {"hostile", "backing", "agreement"}
    result = runner.invoke(main, ["viz", str(seed_file), "-o", str(page), "--since", "2030"])
    assert result.exit_code == 0 and "0 events" in result.output


def test_map_markers_and_page(seed_graph, seed_file, tmp_path) -> None:
    rows = event_rows(seed_graph)
    places = place_coordinates(seed_graph, {r.place for r in rows if r.place})
    markers, unplaced = map_markers(rows, places)
    assert unplaced == 0 and sum(m["count"] for m in markers) == len(rows)
    tanf = markers[0]
    assert tanf["label"] == "At Tanf" and tanf["count"] == 5
    assert tanf["radius"] == max(m["radius"] for m in markers)
    assert all(e["publisher"] == "Sputnik" for e in tanf["events"])
    html = render_map(markers, title="<t>")
    assert "&lt;t&gt;" in html and "<t>" not in html.split("<body>")[1]
    assert "<script src" not in html and "<link" not in html  # Leaflet is inlined
    assert re.findall(r"https?://[^\s\"')]+", _data(html, "kg-map-tiles")["url"]) == [
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    ]
    assert 'id="kg-tiles-notice"' in html
    page = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["map", str(seed_file), "-o", str(page),
                                       "--event-type", "airstrike", "--tiles", "none"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 places, 1 events" in result.output
    assert _data(page.read_text(encoding="utf-8"), "kg-map-tiles")["url"] == ""
