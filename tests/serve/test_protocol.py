"""The SPARQL 1.1 Protocol, spoken by real clients to a running ``kg serve``."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from serve_helpers import fetch, form
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.query import list_queries, load_query

EVENTS = "SELECT ?e ?label WHERE { ?e a ckg:Event ; rdfs:label ?label } ORDER BY ?e"
LABELS = "CONSTRUCT { ?e rdfs:label ?label } WHERE { ?e a ckg:Event ; rdfs:label ?label }"


def _key(value) -> str:
    """A term as a comparable string, blank nodes all alike. Numbers compare by value:
    Oxigraph stores them canonically (the decimal 33.49500 as 33.495, an
    xsd:nonNegativeInteger as an xsd:integer)."""
    if isinstance(value, BNode):
        return "_:b"
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, int | float | Decimal) and not isinstance(python, bool):
            return f"number {Decimal(str(python)).normalize()}"
        if isinstance(python, str) and " | " in python:
            # GROUP_CONCAT's order is the engine's own (SPARQL leaves it unspecified)
            python = " | ".join(sorted(python.split(" | ")))
        return f"{python}@{value.language}^^{value.datatype}"
    return str(value)


def _rdflib_rows(result) -> list[tuple[str, ...]]:
    return sorted(tuple("" if v is None else _key(v) for v in row) for row in result)


def _term(binding: dict):  # noqa: ANN202
    if binding["type"] == "bnode":
        return BNode()
    if binding["type"] == "uri":
        return URIRef(binding["value"])
    datatype = binding.get("datatype")
    return Literal(binding["value"], lang=binding.get("xml:lang"), datatype=datatype)


def _json_rows(data: dict) -> list[tuple[str, ...]]:
    names = data["head"]["vars"]
    rows = []
    for binding in data["results"]["bindings"]:
        row = []
        for name in names:
            term = binding.get(name)
            row.append("" if term is None else _key(_term(term)))
        rows.append(tuple(row))
    return sorted(rows)


@pytest.fixture(scope="module")
def sparql(endpoint):
    def client(query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
        wrapper = SPARQLWrapper(f"{endpoint}/sparql")
        wrapper.setQuery(query)
        wrapper.setReturnFormat(fmt)
        wrapper.setMethod(method)
        return wrapper

    return client


@pytest.fixture(scope="module")
def expected_events(served_graph):
    return _rdflib_rows(served_graph.query(EVENTS))


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_select_json(sparql, expected_events, method):
    data = sparql(EVENTS, JSON, method).query().convert()
    assert _json_rows(data) == expected_events


def test_sparqlwrapper_select_xml(sparql, expected_events):
    document = sparql(EVENTS, XML).query().convert()
    results = document.getElementsByTagName("result")
    assert len(results) == len(expected_events)
    uris = sorted(node.firstChild.data for node in document.getElementsByTagName("uri"))
    assert uris == sorted(row[0] for row in expected_events)


@pytest.mark.parametrize(("fmt", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_select_csv_tsv(sparql, served_graph, expected_events, fmt, delimiter):
    text = sparql(EVENTS, fmt).query().convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0] in (["e", "label"], ["?e", "?label"])
    assert len(rows) - 1 == len(expected_events)
    if fmt == CSV:
        expected = sorted((str(e), str(label)) for e, label in served_graph.query(EVENTS))
        assert sorted(map(tuple, rows[1:])) == expected
    else:  # TSV writes terms in SPARQL syntax
        assert {r[0] for r in rows[1:]} == {f"<{e}>" for e, _ in expected_events}


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(sparql, fmt):
    yes = sparql("ASK { ?e a ckg:Event }", fmt).query().convert()
    no = sparql("ASK { ?e a ckg:NoSuchClass }", fmt).query().convert()
    if fmt == JSON:
        assert (yes["boolean"], no["boolean"]) == (True, False)
    else:
        assert yes.getElementsByTagName("boolean")[0].firstChild.data == "true"
        assert no.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML])
def test_sparqlwrapper_construct(sparql, served_graph, fmt):
    expected = served_graph.query(LABELS).graph
    result = sparql(LABELS, fmt, POST).query()
    answer = result.convert()  # bytes for Turtle, an rdflib graph for the others
    parsed = Graph().parse(data=answer, format="turtle") if isinstance(answer, bytes) else answer
    assert len(parsed) == len(expected) > 0
    assert isomorphic(parsed, expected)


def test_ntriples_and_describe(endpoint, served_graph):
    status, headers, body = fetch(
        f"{endpoint}/sparql", form(LABELS), Accept="application/n-triples"
    )
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert len(Graph().parse(data=body, format="nt")) == len(served_graph.query(LABELS).graph)
    event = next(iter(served_graph.query(EVENTS)))[0]
    query = f"DESCRIBE <{event}>"
    status, headers, body = fetch(f"{endpoint}/sparql?{urllib.parse.urlencode({'query': query})}")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) > 3


def test_rdflib_sparqlstore(endpoint, served_graph):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = Graph(store=SPARQLStore(f"{endpoint}/sparql", returnFormat="json"))
    query = "SELECT ?e ?label WHERE { ?e a <https://w3id.org/conflict-kg/ontology#Event> ; "
    query += "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    assert _rdflib_rows(remote.query(query)) == _rdflib_rows(served_graph.query(query))


@pytest.mark.parametrize("name", sorted(list_queries()))
def test_shipped_queries_match_the_knowledge_graph(endpoint, served_graph, name):
    status, _, body = fetch(
        f"{endpoint}/sparql",
        load_query(name).encode("utf-8"),
        **{"Content-Type": "application/sparql-query", "Accept": "application/json"},
    )
    assert status == 200, body
    expected = _rdflib_rows(served_graph.query(load_query(name)))
    assert _json_rows(json.loads(body)) == expected


def test_get_and_both_posts_agree(endpoint, expected_events):
    get = fetch(f"{endpoint}/sparql?{form(EVENTS).decode()}")
    posted = fetch(f"{endpoint}/sparql", form(EVENTS))
    direct = fetch(
        f"{endpoint}/sparql", EVENTS.encode(), **{"Content-Type": "application/sparql-query"}
    )
    for status, headers, body in (get, posted, direct):
        assert status == 200
        assert headers["Content-Type"] == "application/sparql-results+json"
        assert _json_rows(json.loads(body)) == expected_events


def test_protocol_dataset_parameters(endpoint, served_graph):
    article = served_graph.article_graphs()[0]
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    params = urllib.parse.urlencode({"query": query, "default-graph-uri": str(article)})
    status, _, body = fetch(f"{endpoint}/sparql?{params}", Accept="text/csv")
    assert status == 200
    assert body.decode().split() == ["n", str(len(served_graph.dataset.graph(article)))]
    params = urllib.parse.urlencode({"query": query, "named-graph-uri": "http://other-host/g"})
    status, _, body = fetch(f"{endpoint}/sparql?{params}")
    assert status == 403 and b"never fetches" in body


def test_cors(endpoint):
    status, headers, _ = fetch(f"{endpoint}/sparql", form("ASK {}"), Origin="http://example.org")
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    request = urllib.request.Request(
        f"{endpoint}/sparql",
        method="OPTIONS",
        headers={
            "Origin": "http://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


def test_errors_are_plain_answers(endpoint):
    status, headers, body = fetch(f"{endpoint}/sparql", form("SELECT ?x WHERE { ?x"))
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"SPARQL syntax error")
    assert fetch(f"{endpoint}/sparql", b"query=x", **{"Content-Type": "text/plain"})[0] == 415
    assert fetch(f"{endpoint}/sparql", form("ASK {}"), Accept="image/png")[0] == 406
    assert fetch(f"{endpoint}/nowhere")[0] == 404
    assert fetch(f"{endpoint}/sparql", b"query=ASK%7B%7D&query=ASK%7B%7D")[0] == 400


def test_pages(endpoint):
    status, headers, body = fetch(f"{endpoint}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    for name in list_queries():
        assert f">{name}</button>" in page
    assert 'href="network"' in page and "http://" not in page.split("<script", 1)[1]
    assert json.loads(fetch(f"{endpoint}/health")[2])["quads"] > 1000
    for _ in range(100):
        status, _, body = fetch(f"{endpoint}/network")
        if status != 503:
            break
    assert status == 200 and b"vis-network" in body and b"<script src=" not in body
