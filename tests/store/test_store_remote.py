"""A SPARQL server as the store: written with SPARQL Update, read through the SPARQL Protocol."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli.main import main
from kg.store import open_graph


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def answers(source: str, sparql: str) -> set[tuple]:
    with open_graph(source) as graph:
        return {tuple(v.toPython() if v is not None else None for v in row)
                for row in graph.query(sparql)}  # fmt: skip


def test_build_query_stats_and_viz_through_a_sparql_server(oxigraph_server, tmp_path, seed_path):
    url = f"{oxigraph_server}/update"
    run("build", str(seed_path), "--store", url, "--out", str(tmp_path / "g.trig"), "--no-progress")
    assert "0 new, 0 changed, 1 unchanged" in run(
        "build", str(seed_path), "--store", url, "--no-progress"
    )
    query = f"{oxigraph_server}/query"
    for sparql in (
        "SELECT ?e ?type ?agent WHERE { ?e a ckg:Event ; sem:eventType ?type . "
        "OPTIONAL { ?e ckg:agent ?agent } }",
        'SELECT ?e WHERE { ?e ckg:agent/rdfs:label "US-led coalition" }',
    ):
        in_file = answers(str(tmp_path / "g.trig"), sparql)
        assert in_file and in_file == answers(query, sparql)
    assert "US-led coalition" in run("stats", query)
    assert run("stats", query, "--json") == run("stats", str(tmp_path / "g.trig"), "--json")
    assert "nodes" in run("viz", query, "--out", str(tmp_path / "g.html"))
    assert "conforms" in run("validate", query)
    with open_graph(query) as graph, open_graph(tmp_path / "g.trig") as local:
        assert graph.stats() == local.stats()


def test_a_triple_in_two_graphs_counts_once_on_the_server(oxigraph_server):
    """The server's default graph is kg's merge of the named graphs (no union flag)."""
    from rdflib import RDFS, Graph, Literal, URIRef

    isis = URIRef("https://w3id.org/conflict-kg/id/actor/isis")
    count = 'SELECT (COUNT(*) AS ?n) WHERE { ?a rdfs:label "ISIS" }'
    with open_graph(f"{oxigraph_server}/update", create=True) as graph:
        for article in ("a1", "a2"):
            described = Graph()
            described.add((isis, RDFS.label, Literal("ISIS")))
            described.add((URIRef(f"urn:{article}"), RDFS.label, Literal(article)))
            graph.replace_graph(
                URIRef(f"https://w3id.org/conflict-kg/id/graph/{article}"), described
            )
        assert int(next(iter(graph.query(count)))[0]) == 1
        graph.replace_graph(URIRef("https://w3id.org/conflict-kg/id/graph/a1"), Graph())
        assert int(next(iter(graph.query(count)))[0]) == 1
        assert not list(graph.query('SELECT ?a WHERE { ?a rdfs:label "a1" }'))
