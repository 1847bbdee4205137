"""Cross-article merging on tiny hand-made reports, and the merges graph."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.merge import Context, Report, cluster_reports, compare, merge, unmerge
from kg.merge.reports import ActorInfo, PlaceInfo
from kg.rdf.iris import actor_iri, place_iri
from kg.types import TimeStamp

ALEPPO_GOV = PlaceInfo(place_iri("aleppo_governorate"), "Aleppo Governorate", "admin1")
ALEPPO = PlaceInfo(place_iri("aleppo"), "Aleppo", "city", ALEPPO_GOV.iri, lat=36.2021, lon=37.1343)
MANBIJ = PlaceInfo(place_iri("manbij"), "Manbij", "town", ALEPPO_GOV.iri, lat=36.5281, lon=37.9549)
TOKHAR = PlaceInfo(place_iri("tokhar"), "Tokhar", "village", ALEPPO_GOV.iri, lat=36.57, lon=37.97)
JARABLUS = PlaceInfo(
    place_iri("jarablus"), "Jarablus", "town", ALEPPO_GOV.iri, lat=36.8175, lon=38.0114
)
COALITION, US, ISIS = actor_iri("us_led_coalition"), actor_iri("us_forces"), actor_iri("isis")
RUSSIA, CIVILIANS = actor_iri("russian_forces"), actor_iri("civilians")


@pytest.fixture
def context() -> Context:
    places = {p.iri: p for p in (ALEPPO_GOV, ALEPPO, MANBIJ, TOKHAR, JARABLUS)}
    actors = {
        a: ActorInfo(a, str(a).rsplit("/", 1)[-1], "x") for a in (COALITION, US, ISIS, RUSSIA)
    }
    return Context(places=places, actors=actors)


def report(n: int, article: str, **fields) -> Report:
    fields.setdefault("type", "airstrike")
    fields.setdefault("place", MANBIJ.iri)
    if isinstance(fields.get("date"), str):
        value = fields["date"]
        precision = {10: "day", 7: "month", 4: "year"}[len(value)]
        fields["date"] = TimeStamp(value, precision)
    return Report(URIRef(f"urn:e{n}"), article, **fields)


def test_same_place_same_day_same_agent_merges(context):
    a = report(1, "a", date="2016-07-19", agent=COALITION)
    b = report(2, "b", date="2016-07-19", agent=COALITION, target=CIVILIANS)
    verdict = compare(a, b, context)
    assert verdict is not None and verdict.links()
    assert "place: Manbij" in verdict.reasons


def test_nearby_village_and_generic_attack_merge(context):
    a = report(1, "a", date="2016-07-19", place=TOKHAR.iri, agent=COALITION)
    b = report(2, "b", date="2016-07-19", type="attack", agent=US)  # a member's forces
    assert compare(a, b, context).links()


@pytest.mark.parametrize(
    "other",
    [
        {"date": "2016-07-18"},  # a day apart
        {"place": JARABLUS.iri},  # 33 km away
        {"type": "armed_clash"},  # incompatible types
        {"agent": RUSSIA, "target": actor_iri("sdf")},  # who did it and to whom both differ
    ],
)
def test_contradictions_veto(context, other):
    a = report(1, "a", date="2016-07-19", agent=COALITION, target=ISIS)
    b = report(2, "b", **{"date": "2016-07-19", **other})
    assert compare(a, b, context) is None


def test_month_precision_is_a_window(context):
    a = report(1, "a", date="2016-07-19", agent=COALITION)
    b = report(2, "b", date="2016-07", agent=COALITION)
    verdict = compare(a, b, context)
    assert verdict is not None and "within 2016-07" in " ".join(verdict.reasons)
    assert compare(a, report(3, "c", date="2016-08", agent=COALITION), context) is None


def test_disagreeing_agents_are_a_conflicting_claim_only_when_all_else_agrees(context):
    a = report(1, "a", date="2016-07-19", agent=COALITION, target=CIVILIANS)
    b = report(2, "b", date="2016-07-19", agent=RUSSIA, target=CIVILIANS)
    verdict = compare(a, b, context)
    assert verdict.conflicts == ("agent",) and verdict.linkable
    c = report(3, "c", date="2016-07", agent=RUSSIA, target=CIVILIANS)
    assert not compare(a, c, context).linkable


def test_busy_city_needs_the_same_type(context):
    a = report(1, "a", date="2016-08-10", place=ALEPPO.iri, type="shelling")
    b = report(2, "b", date="2016-08-10", place=ALEPPO.iri, type="killing")
    assert compare(a, b, context) is None


def test_clusters_are_complete_link_and_one_report_per_article(context):
    day = "2016-07-19"
    reports = [
        report(1, "a", date=day, place=ALEPPO_GOV.iri, agent=COALITION),  # vague
        report(2, "b", date=day, place=MANBIJ.iri, agent=COALITION),
        report(3, "c", date=day, place=JARABLUS.iri, agent=COALITION),
        report(4, "d", date=day, place=JARABLUS.iri, agent=COALITION),
        report(5, "d", date=day, place=MANBIJ.iri, agent=COALITION),
    ]
    result = cluster_reports(reports, context)
    assert result.clusters
    for cluster in result.clusters:  # Manbij and Jarablus never chained via the vague one
        assert not {MANBIJ.iri, JARABLUS.iri} <= {r.place for r in cluster.reports}
    assert all(len(c.reports) == len(c.articles) for c in result.clusters)
    assert result.events == len(reports) - sum(len(c.reports) - 1 for c in result.clusters)


def test_merge_graph_validates_and_unmerges():
    import datetime as dt

    import kg
    from kg.rdf.iris import MERGES_GRAPH
    from kg.types import Article

    text = kg.example_path().read_text(encoding="utf-8")
    day = dt.date(2017, 6, 8)
    graph = kg.build([Article(name, text, date=day) for name in ("one", "two")])
    before = len(graph)
    result = merge(graph)
    assert result.clusters, "two copies of one article tell the same events"
    merges = graph.dataset.graph(MERGES_GRAPH)
    assert len(merges) > 0
    assert graph.validate().conforms
    query = "SELECT ?m ?s WHERE { ?m a ckg:MergedEvent ; ckg:mergeLink/ckg:mergeScore ?s }"
    rows = list(graph.query(query))
    assert rows and all(0 <= float(s) <= 1 for _, s in rows)
    size = len(merges)
    assert unmerge(graph) == size
    assert len(graph) == before


def test_two_kinds_for_one_event_only_on_the_same_day(context):
    chemical = report(1, "a", type="chemical_attack", date="2017-04-04")
    assert compare(chemical, report(2, "b", date="2017-04-04"), context) is not None
    assert compare(chemical, report(3, "c", date="2017-04"), context) is None
    assert compare(chemical, report(4, "d", type="chemical_attack", date="2017-04"), context)
