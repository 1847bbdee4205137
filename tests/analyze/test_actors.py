"""The actor-actor network and ``kg stats``."""

import networkx as nx
from click.testing import CliRunner

from kg.analyze.actors import EventRow, activity, actor_network, event_rows
from kg.cli.main import main


def test_event_rows_match_the_events_query(seed_graph):
    rows = event_rows(seed_graph)
    assert len(rows) == seed_graph.stats()["events"]
    strike = next(r for r in rows if r.type == "airstrike")
    assert (strike.agent_label, strike.target_label) == (
        "US-led coalition",
        "Pro-government militias",
    )
    assert {r.publisher for r in rows} == {"Sputnik"}


def test_network_aggregates_events_per_agent_target_pair():
    rows = [
        EventRow("airstrike", "gov", "Government", "reb", "Rebels", "2016-07-19", "AFP"),
        EventRow("airstrike", "gov", "Government", "reb", "Rebels", "2016-08-02", "SANA"),
        EventRow("shelling", "reb", "Rebels", "gov", "Government", None, "AFP"),
        EventRow("evacuation", "civ", "civilians", None, None, "2016-08", "AFP"),
    ]
    net = actor_network(rows)
    assert set(net.edges) == {("gov", "reb"), ("reb", "gov")}
    assert net.edges["gov", "reb"] == {
        "count": 2,
        "types": "airstrike: 2",
        "first": "2016-07-19",
        "last": "2016-08-02",
    }
    figures = activity(rows)
    assert figures["most_active"][0] == ("Government", 2)
    assert figures["by_month"] == [("2016-07", 1), ("2016-08", 2)]
    assert dict(figures["outlets"]) == {"AFP": 3, "SANA": 1}


def test_kg_stats_prints_and_writes_the_network(seed_graph, tmp_path):
    graph = seed_graph.serialize(tmp_path / "g.trig")
    runner = CliRunner()
    result = runner.invoke(main, ["stats", str(graph), "--network", str(tmp_path / "n.graphml")])
    assert result.exit_code == 0, result.output
    assert "most active" in result.output and "Syrian government forces" in result.output
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_edges() >= 4
    gexf = runner.invoke(main, ["stats", str(graph), "--network", str(tmp_path / "n.gexf")])
    assert gexf.exit_code == 0 and (tmp_path / "n.gexf").is_file()
    bad = runner.invoke(main, ["stats", str(graph), "--network", str(tmp_path / "n.png")])
    assert bad.exit_code != 0 and "unknown network format" in bad.output


def test_actor_activity_by_month():
    import datetime as dt

    from kg.pipeline import build
    from kg.query.named import load_query
    from kg.types import Article

    graph = build(
        [
            Article(
                id="a",
                text="Syrian army artillery shelled Douma on Friday.",
                date=dt.date(2017, 4, 9),
            ),
            Article(id="b", text="Syrian army jets bombed Idlib in March 2016."),
        ]
    )
    rows = [tuple(map(str, r)) for r in graph.query(load_query("actor-activity"))]
    assert ("Syrian government forces", "2016-03", "1") in [r[:3] for r in rows]
    assert ("Syrian government forces", "2017-04", "1") in [r[:3] for r in rows]


def test_typed_relations_centrality_communities_timeline_places(seed_graph):
    from kg.analyze.actors import (
        actor_relations,
        actor_timeline,
        backing_pairs,
        busiest_places,
        centrality,
        communities,
        hostility,
    )

    rows = event_rows(seed_graph)
    net = actor_relations(rows, backing_pairs(seed_graph))
    relations = {k for _, _, k in net.edges(keys=True)}
    assert {"hostile", "backing", "agreement"} <= relations
    hostile = hostility(net)
    assert all(d["weight"] >= 1 for _, _, d in hostile.edges(data=True))
    assert centrality(hostile) and all(0 <= v <= 1 for _, v in centrality(hostile))
    groups = communities(hostile)
    assert sorted(n for g in groups for n in g) == sorted(hostile.nodes)
    timeline = actor_timeline(rows, "us-led coalition")
    assert [(e["type"], e["role"], e["place"]) for e in timeline] == [
        ("airstrike", "agent", "At Tanf")
    ]
    assert busiest_places(rows)[0] == ("At Tanf", 5)


def test_kg_stats_prints_communities_places_and_a_timeline(seed_graph, tmp_path):
    graph = seed_graph.serialize(tmp_path / "g.trig")
    result = CliRunner().invoke(main, ["stats", str(graph), "--actor", "US-led coalition"])
    assert result.exit_code == 0, result.output
    assert "communities" in result.output and "busiest places" in result.output
    assert "timeline of US-led coalition" in result.output and "airstrike (agent)" in result.output
    missing = CliRunner().invoke(main, ["stats", str(graph), "--actor", "Nobody"])
    assert missing.exit_code != 0 and "no events with the actor" in missing.output
