"""kg export's ACLED CSV, GraphML, GEXF and JSON-LD."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.store.acled import COLUMNS

PLOVER_TYPES = {"", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT", "AGREE", "AID"}


@pytest.fixture(scope="module")
def seed_file(seed_graph, tmp_path_factory):
    return seed_graph.serialize(tmp_path_factory.mktemp("seed") / "seed.trig")


def _export(source, fmt: str, out) -> str:
    result = CliRunner().invoke(main, ["export", str(source), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def test_acled_csv_has_acleds_columns_and_one_row_per_event(seed_file, seed_graph, tmp_path):
    out = _export(seed_file, "acled-csv", tmp_path / "acled.csv")
    assert "7 events in 1 file(s)" in out
    with (tmp_path / "acled.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == COLUMNS
    assert len(rows) == seed_graph.stats()["events"]
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert strike["event_type"] == "Explosions/Remote violence"
    assert (strike["actor1"], strike["actor2"]) == ("US-led coalition", "Pro-government militias")
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "3", "38")
    assert (strike["location"], strike["admin1"]) == ("At Tanf", "Homs Governorate")
    assert float(strike["latitude"]) == pytest.approx(33.5)
    assert strike["geo_precision"] == "1" and strike["fatalities"] == "0"
    assert strike["source"].endswith("Sputnik") and "BuzzFeed News" in strike["source"]
    assert strike["notes"]
    # PLOVER after ACLED's own columns, from the ontology's mapping of the event type
    assert COLUMNS[-3:] == ["fatalities", "plover_type", "plover_mode"]
    assert (strike["plover_type"], strike["plover_mode"]) == ("ASSAULT", "aerial")
    assert all(r["plover_type"] in PLOVER_TYPES for r in rows)
    regains = next(
        r for r in rows if r["event_type"] == "Battles" and r["actor1"].startswith("Syrian")
    )
    assert regains["sub_event_type"] == "Government regains territory"
    assert {r["interaction"] for r in rows if r["actor1"] and not r["actor2"]} <= {"10", "20", "80"}


def test_acled_dates_and_precision():
    from kg.analyze.actors import EventRow
    from kg.store.acled import _date

    base = EventRow("shelling", None, None, None, None, None, None)
    assert _date(base.__class__(**{**base.__dict__, "date": "2016-07-19"}), None) == (
        "2016-07-19", 1,
    )  # fmt: skip
    assert _date(base.__class__(**{**base.__dict__, "date": "2016-07"}), None) == ("2016-07-01", 3)
    assert _date(base, "2017-04-09") == ("2017-04-09", 2)


def test_graphml_and_gexf_flatten_aliases(seed_file, tmp_path):
    _export(seed_file, "graphml", tmp_path)
    _export(seed_file, "gexf", tmp_path / "g.gexf")
    graphml = nx.read_graphml(tmp_path / "graph.graphml")
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert graphml.number_of_nodes() == gexf.number_of_nodes() > 20
    syrian = next(
        d for _, d in graphml.nodes(data=True) if d["label"] == "Syrian government forces"
    )
    assert "Assad’s forces" in syrian["aliases"].split("; ")
    assert {d["role"] for _, _, d in graphml.edges(data=True)} >= {"agent", "target", "place"}


def test_jsonld_has_the_project_context(seed_file, seed_graph, tmp_path):
    out = _export(seed_file, "jsonld", tmp_path / "g.jsonld")
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["ckg"] == "https://w3id.org/conflict-kg/ontology#"
    assert "brick" not in document["@context"]
    from rdflib import Dataset

    back = Dataset()
    back.parse(tmp_path / "g.jsonld", format="json-ld")
    assert len(back) == int(out.split(" quads")[0].rsplit(" ", 1)[-1].replace(",", ""))


def test_acled_rows_use_the_events_decided_sub_event_type():
    """The export reads the event's ckg:acledSubEventType (decided from its text) and its
    broader type; a graph built before events carried one falls back to the type's default."""
    from rdflib.namespace import RDF

    import kg
    from kg.ontology.namespaces import ACLED, CKG
    from kg.store.acled import acled_rows

    graph = kg.build_graph([kg.example_path()])
    data = graph.dataset
    strike = ACLED["sub-event-type/air-drone-strike"]
    event, where = next(
        (s, g)
        for s, _, _, g in data.quads((None, CKG.acledSubEventType, strike, None))
        if (s, RDF.type, CKG.Event) in data  # not the event type's default
    )
    article = data.graph(where)
    article.remove((event, CKG.acledSubEventType, None))
    article.add((event, CKG.acledSubEventType, ACLED["sub-event-type/grenade"]))
    assert "Grenade" in {r["sub_event_type"] for r in acled_rows(graph)}
    article.remove((event, CKG.acledSubEventType, None))
    article.remove((event, CKG.acledEventType, None))
    fallback = {r["sub_event_type"] for r in acled_rows(graph)}
    assert "Grenade" not in fallback and "Air/drone strike" in fallback


def test_acled_rows_put_an_event_known_to_its_unit_only_at_the_units_seat(tmp_path):
    """ACLED codes an event whose only place is a first-level unit at the unit's seat
    (geo precision 3), not at the unit's centroid."""
    import kg
    from kg.link.places import load_place_gazetteer
    from kg.store.acled import acled_rows

    article = tmp_path / "najran.txt"
    article.write_text(
        "Houthi forces fired artillery at Saudi soldiers in Najran governorate on Monday.\n",
        encoding="utf-8",
    )
    rows = acled_rows(kg.build_graph([article]))
    row = next(r for r in rows if r["admin1"] == "Najran")
    seat = load_place_gazetteer().index.seat("SA.16")
    assert (float(row["latitude"]), float(row["longitude"])) == pytest.approx(
        (seat.lat, seat.lon), abs=1e-4
    )
    assert row["geo_precision"] == 3


def test_acled_units_one_event_per_sentence_place_and_day():
    """Rows of one sentence at one place are one ACLED event, coded by ACLED's precedence:
    the territory won, else the battle; a row elsewhere stays its own."""
    from kg.store.acled import acled_units

    def row(sub, kind, location="", fatalities=0, notes="X took Y after clashes."):
        return {
            "notes": notes, "event_date": "2018-04-01", "source": "S", "sub_event_type": sub,
            "event_type": kind, "location": location, "admin1": "", "latitude": "",
            "longitude": "", "geo_precision": "", "fatalities": fatalities,
        }  # fmt: skip

    rows = acled_units(
        [
            row("Armed clash", "Battles", "Y", 4),
            row("Non-state actor overtakes territory", "Battles"),
        ]
    )
    assert [(r["sub_event_type"], r["location"], r["fatalities"]) for r in rows] == [
        ("Non-state actor overtakes territory", "Y", 4)
    ]
    shelled = "Clashes accompanied by shelling."
    rows = acled_units(
        [
            row("Shelling/artillery/missile attack", "Explosions/Remote violence", notes=shelled),
            row("Armed clash", "Battles", notes=shelled),
        ]
    )
    assert [r["sub_event_type"] for r in rows] == ["Armed clash"]
    apart = [row("Armed clash", "Battles", "A"), row("Air/drone strike", "Explosions", "B")]
    assert len(acled_units(apart)) == 2
