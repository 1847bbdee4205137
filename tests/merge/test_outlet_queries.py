"""Source analysis queries: outlets' agents, exclusive reports, one-sided events.

Articles from the FA-KES dev corpus (Abu Salem et al., ICWSM 2019, CC BY 4.0), read from
../shared: two bombings of July 2016 (Hasakeh, Qamishli) told by several outlets.
"""

from pathlib import Path

import pytest

from kg.merge import merge
from kg.query.named import list_queries, load_query

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "fa-kes" / "fa-kes-dev.csv"
IDS = {"1919191742", "1924058115", "1923848176", "1923102821", "1918398793"}


def rows(graph, name):
    return [[None if x is None else str(x) for x in row] for row in graph.query(load_query(name))]


def test_the_queries_are_shipped():
    assert {"outlet-agents", "outlet-exclusive", "one-sided-events"} <= set(list_queries())


def test_without_merges_every_report_is_exclusive(seed_graph):
    (row,) = rows(seed_graph, "outlet-exclusive")
    assert row[0] == "Sputnik" and row[1] == "pro_government"
    assert row[3] == "0" and float(row[4]) == 1.0
    assert rows(seed_graph, "one-sided-events") == []
    agents = rows(seed_graph, "outlet-agents")
    assert agents[0][:2] == ["Sputnik", "Syrian government forces"]


@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/fa-kes is not present")
def test_outlets_and_sides_after_merging():
    from kg.ingest import iter_articles
    from kg.pipeline import build

    graph = build(a for a in iter_articles([CORPUS]) if a.id in IDS)
    merge(graph)
    exclusive = {r[0]: r for r in rows(graph, "outlet-exclusive")}
    assert exclusive["Daily Sabah"][1] == "opposition"
    assert exclusive["Ahram Online"][1] == "independent"
    assert all(0 <= float(r[4]) <= 1 for r in exclusive.values())
    assert int(exclusive["Daily Sabah"][3]) >= 1  # some of its reports are told elsewhere
    one_sided = rows(graph, "one-sided-events")
    assert one_sided and all(r[1] == "opposition" and int(r[2]) >= 2 for r in one_sided)
    assert graph.validate().conforms


@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/fa-kes is not present")
def test_conflicting_claims_give_each_outlets_version():
    from collections import defaultdict

    from kg.ingest import iter_articles
    from kg.pipeline import build

    graph = build(a for a in iter_articles([CORPUS]) if a.id in IDS)
    merge(graph)
    versions = defaultdict(list)
    for event, publisher, agent, fatalities, _modality, sentence in rows(
        graph, "conflicting-claims"
    ):
        versions[event].append((publisher, agent, fatalities, sentence))
    assert versions, "the Qamishli bombing is told with 44 and 48 dead"
    for told in versions.values():
        assert len({p for p, *_ in told}) >= 2  # at least two outlets
        assert len({(a, f) for _, a, f, _ in told}) >= 2  # that disagree
        assert all(s for *_, s in told)  # each with its sentence
