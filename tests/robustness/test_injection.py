"""User input never becomes query text: filters, names, ids and bound values are data.

Where user input meets the graph:

- ``kg viz`` / ``kg map`` filters and ``kg stats --actor`` are matched in Python against
  rows read with triple patterns (:class:`kg.visualize.explore.EventFilter`,
  :func:`kg.analyze.actors.actor_timeline`): no SPARQL at all;
- ``kg query`` runs the user's own query, or a shipped one by name; a graph file is
  queried through rdflib's query parser and a store through its engine's query API, both
  of which refuse updates;
- values bound by the code (``KnowledgeGraph.query(sparql, bindings)``) go to rdflib as
  ``initBindings``, or to a store as a ``VALUES`` block of ``term.n3()``
  (:func:`kg.store.graph.with_values`);
- article ids and texts from tables reach SPARQL Update only as minted IRIs
  (percent-encoded, :mod:`kg.rdf.iris`) and N-Triples literals;
- the endpoint's ``default-graph-uri``/``named-graph-uri`` must name one of its graphs
  and are handed to Oxigraph as graph names (tests/serve/test_guard.py,
  tests/serve/test_protocol.py::test_protocol_dataset_parameters).
"""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kg.cli.main import main

INJECTIONS = [
    "'",
    '"',
    "}",
    "#",
    "\n",
    "\\u0022",
    "\u0022",
    '" } ; DROP ALL ; #',
    "' } ; DROP ALL ; #",
    "x> } ; DROP ALL ; #",
    "\\u0022 } INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    '" . } } UNION { ?s ?p ?o } #',
    "</script><script>alert(1)</script>",
]


def digest(path) -> str:  # noqa: ANN001
    """The bytes of a graph file; the quads of a store (its files change when opened)."""
    from kg.store import open_graph

    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    with open_graph(path) as kg:
        rows = kg.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        quads = sorted(" ".join(term.n3() for term in row) for row in rows)
    return hashlib.sha256("\n".join(quads).encode()).hexdigest()


@pytest.fixture(scope="module")
def graph_file(seed_graph, tmp_path_factory):
    return seed_graph.serialize(tmp_path_factory.mktemp("inj") / "graph.trig")


@pytest.fixture(scope="module")
def store(seed_path, tmp_path_factory):
    location = tmp_path_factory.mktemp("inj-store") / "store"
    result = CliRunner().invoke(
        main, ["build", str(seed_path), "--store", str(location), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    return location


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    # A clean answer: no Python exception other than the exit of a KGError.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize("text", INJECTIONS)
@pytest.mark.parametrize("command", ["viz", "map"])
def test_viz_and_map_filters_are_data(graph_file, tmp_path, command, text):
    before = digest(graph_file)
    page = tmp_path / "page.html"
    filters = [x for option in ("--actor", "--place", "--source", "--event-type")
               for x in (option, text)]  # fmt: skip
    result = run(command, str(graph_file), "--out", str(page), *filters)
    assert result.exit_code == 0, result.output
    assert digest(graph_file) == before
    html = page.read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in html  # shown escaped, if at all
    if command == "viz":  # nothing matches: the page holds no event
        assert '"kind":"event"' not in html


@pytest.mark.parametrize("option", ["--actor", "--place", "--source", "--event-type"])
def test_each_filter_alone_is_data(graph_file, tmp_path, option):
    page = tmp_path / "page.html"
    assert run("viz", str(graph_file), "--out", str(page)).exit_code == 0
    assert '"kind":"event"' in page.read_text(encoding="utf-8")  # unfiltered: events shown
    result = run("viz", str(graph_file), "--out", str(page), option, '" } ; DROP ALL ; #')
    assert result.exit_code == 0, result.output
    assert '"kind":"event"' not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", INJECTIONS)
def test_stats_actor_is_data(graph_file, store, text):
    for graph in (graph_file, store):
        before = digest(graph)
        result = run("stats", str(graph), "--actor", text)
        assert result.exit_code != 0 and "no events with the actor" in result.output
        assert "Traceback" not in result.output
        assert digest(graph) == before


@pytest.mark.parametrize("text", [*INJECTIONS, "DROP ALL", "CLEAR DEFAULT"])
def test_kg_query_names_are_data(graph_file, store, text):
    for graph in (graph_file, store):
        before = digest(graph)
        result = run("query", str(graph), text)
        assert result.exit_code == 7, result.output  # QueryError, with its TIP
        assert "TIP:" in result.output
        assert digest(graph) == before


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
        "DELETE WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o } INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "ASK { } ; CLEAR ALL",
    ],
)
def test_kg_query_runs_no_update(graph_file, store, text):
    from kg.store import open_graph

    for graph in (graph_file, store):
        with open_graph(graph) as kg:
            before = len(kg.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))
        result = run("query", str(graph), text)
        assert result.exit_code == 7, result.output
        with open_graph(graph) as kg:
            assert len(kg.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")) == before


@pytest.mark.parametrize("text", INJECTIONS)
def test_bound_values_are_data(graph_file, store, text):
    from kg.store import open_graph

    sparql = "SELECT ?x WHERE { ?x rdfs:label ?name }"
    for graph in (graph_file, store):
        with open_graph(graph) as kg:
            assert list(kg.query(sparql, {"name": Literal(text)})) == []
            count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            before = int(next(iter(kg.query(count)))[0])
            label = next(iter(kg.query("SELECT ?l WHERE { ?a a ckg:Actor ; rdfs:label ?l }")))[0]
            # The real label, bound the same way, is found: binding works, and is exact.
            assert list(kg.query(sparql, {"name": Literal(str(label))}))
            assert int(next(iter(kg.query(count)))[0]) == before


def test_ids_and_texts_from_a_table_reach_a_store_as_data(tmp_path, nlp):
    import csv

    from kg.store import open_graph

    rows = [(f"{t}-{i}", f"Syrian army shelled Douma. {t}") for i, t in enumerate(INJECTIONS)]
    feed = tmp_path / "feed.csv"
    with feed.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("id", "text"), *rows])
    location = tmp_path / "store"
    result = run("build", str(feed), "--store", str(location), "--no-progress")
    assert result.exit_code == 0, result.output
    with open_graph(location) as kg:
        assert len(kg.article_graphs()) == len(INJECTIONS)  # each in, none dropped
        texts = {str(t) for (t,) in kg.query("SELECT ?t WHERE { ?c nif:isString ?t }")}
    assert texts == {text.strip() for _, text in rows}  # cells are read stripped
    again = run("build", str(feed), "--store", str(location), "--no-progress")
    assert f"0 new, 0 changed, {len(INJECTIONS)} unchanged" in again.output


@pytest.mark.parametrize("text", INJECTIONS)
def test_endpoint_dataset_parameters_are_checked_against_the_store(text):
    from kg.serve.guard import QueryRefused, check_graph

    graphs = frozenset({"https://w3id.org/conflict-kg/id/graph/a"})
    for clause in ("default-graph-uri", "named-graph-uri"):
        with pytest.raises(QueryRefused, match="no such graph in this store"):
            check_graph(text, graphs, shown=f"<{text}>", clause=clause)
