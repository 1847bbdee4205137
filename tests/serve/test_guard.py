"""The lexical check that refuses updates, LOAD, SERVICE and foreign datasets."""

from __future__ import annotations

import pytest

from kg.serve.guard import QueryRefused, check_graph, check_query

GRAPH = "https://w3id.org/conflict-kg/id/graph/a"
GRAPHS = frozenset({GRAPH})


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("prefix ex: <http://e/> ask { ?s ex:service ?o }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p 'SERVICE <http://x/> { }' }", "CONSTRUCT"),
        ('DESCRIBE ?s WHERE { ?s rdfs:label """LOAD\nDROP ALL""" }', "DESCRIBE"),
        ("SELECT * WHERE { ?s ?p ?o } # INSERT DATA { } SERVICE", "SELECT"),
        ("SELECT ?load ?service WHERE { ?load <http://e/SERVICE> ?service }", "SELECT"),
        (f"SELECT * FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}", "SELECT"),
        (f"SELECT * FROM NAMED <{GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", "SELECT"),
        ("SELECT * FROM kgid:graph\\/a WHERE { ?s ?p ?o }", "SELECT"),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o<3) }", "SELECT"),
    ],
)
def test_read_only_queries_pass(query, form):
    assert check_query(query, GRAPHS) == form


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("INSERT DATA { <http://a/> <http://b/> <http://c/> }", "INSERT"),
        ("delete where { ?s ?p ?o }", "DELETE"),
        ("LOAD <http://other-host/data.ttl>", "LOAD"),
        ("LOAD SILENT <http://other-host/data.ttl> INTO GRAPH <http://g/>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <http://g/>", "DROP"),
        ("SELECT * WHERE { SERVICE <http://other-host/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { SERVICE<http://h/>{?s ?p ?o} FILTER(?o<3) }", "SERVICE"),
        ("SELECT * WHERE { \\u0053ERVICE <http://other-host/> { ?s ?p ?o } }", "SERVICE"),
        ('SELECT * WHERE { "\\u0022\\u0022" SERVICE <http://h/> {} """ }', "SERVICE"),
        ("SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <a:b> <a:c> <a:d> }", "INSERT"),
        ("SELECT * FROM <http://other-host/> WHERE { ?s ?p ?o }", "FROM"),
        ("SELECT * FROM NAMED <http://other-host/g> WHERE { ?s ?p ?o }", "FROM"),
        ("PREFIX o: <http://other-host/> SELECT * FROM o:g WHERE { ?s ?p ?o }", "FROM"),
        ("BASE <http://other-host/> SELECT * FROM <g> WHERE { ?s ?p ?o }", "FROM"),
    ],
)
def test_refusals_name_what_is_refused(query, refused):
    with pytest.raises(QueryRefused) as caught:
        check_query(query, GRAPHS)
    assert str(caught.value).startswith(refused)
    assert caught.value.status == 403
    assert caught.value.hint


def test_dataset_parameters_must_name_graphs_of_the_store():
    check_graph(GRAPH, GRAPHS, shown=f"<{GRAPH}>", clause="default-graph-uri")
    with pytest.raises(QueryRefused, match="never fetches graphs from other hosts"):
        check_graph("http://other-host/", GRAPHS, shown="<x>", clause="named-graph-uri")
