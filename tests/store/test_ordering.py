"""A query's final ORDER BY, applied by kg to a store's rows (kg/store/ordering.py).

The engine's own ORDER BY is the reference: the same rows, in an order that agrees with
SPARQL's wherever SPARQL orders two terms.
"""

from __future__ import annotations

import gc
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import XSD, BNode, Literal, URIRef

from kg.merge import merge
from kg.ontology.namespaces import sparql_prologue
from kg.query import list_queries, load_query
from kg.store import open_graph
from kg.store.merged import load_quads
from kg.store.ordering import final_order, term_key

# -- reading the final ORDER BY --------------------------------------------------------


@pytest.mark.parametrize(
    ("sparql", "body", "keys", "limit", "offset"),
    [
        ("SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a", "SELECT ?a WHERE { ?a ?p ?o } ",
         (("a", False),), None, 0),
        ("select ?a ?n where { ?a ?p ?n }\norder by desc(?n) ASC( ?a ) limit 10 offset 20\n",
         "select ?a ?n where { ?a ?p ?n }\n", (("n", True), ("a", False)), 10, 20),
        ("SELECT ?a WHERE { ?a ?p ?o } ORDER BY $a OFFSET 3 LIMIT 2",
         "SELECT ?a WHERE { ?a ?p ?o } ", (("a", False),), 2, 3),
        # GROUP BY and HAVING stay in the body
        ("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a HAVING (COUNT(*) > 1) "
         "ORDER BY DESC(?n)",
         "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a HAVING (COUNT(*) > 1) ",
         (("n", True),), None, 0),
        # braces, quotes and '#' inside strings and IRIs, and a comment after the clause
        ('SELECT ?a WHERE { ?a <urn:x#p> "}\\"#" . FILTER (?a != \'{\') } ORDER BY ?a # done',
         'SELECT ?a WHERE { ?a <urn:x#p> "}\\"#" . FILTER (?a != \'{\') } ', (("a", False),),
         None, 0),
    ],
)  # fmt: skip
def test_a_final_order_by_on_variables_is_split_off(sparql, body, keys, limit, offset):
    order = final_order(sparql)
    assert order is not None
    assert (order.body, order.keys, order.limit, order.offset) == (body, keys, limit, offset)


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?a WHERE { ?a ?p ?o }",  # no ORDER BY
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY STR(?a)",  # an expression
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY (?a)",  # (a bracketted one too)
        "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 1 } }",  # inner
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a VALUES ?a { <urn:a> }",  # not last
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 1 LIMIT 2",  # not SPARQL
        'SELECT ?a WHERE { ?a ?p "} ORDER BY ?a" }',  # in a string
        "SELECT ?a WHERE { ?a ?p ?o } # ORDER BY ?a",  # in a comment
        "SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a?b",  # unspaced: the engine decides
    ],
)
def test_anything_else_is_left_to_the_engine(sparql):
    assert final_order(sparql) is None


# -- the order of terms ----------------------------------------------------------------


def _sorted(terms):  # noqa: ANN001, ANN202
    return sorted(terms, key=term_key)


def test_unbound_then_blank_nodes_then_iris_then_literals():
    terms = [Literal("a"), URIRef("urn:b"), None, BNode("x"), Literal(1)]
    assert _sorted(terms) == [None, BNode("x"), URIRef("urn:b"), Literal(1), Literal("a")]


def test_numbers_by_value_whatever_their_type():
    terms = [
        Literal("10", datatype=XSD.integer),
        Literal("2.5", datatype=XSD.decimal),
        Literal("3", datatype=XSD.nonNegativeInteger),
        Literal("-1e3", datatype=XSD.double),
        Literal("2.75", datatype=XSD.float),
    ]
    values = [t.value for t in _sorted(terms)]
    assert values == [-1000.0, Decimal("2.5"), 2.75, 3, 10]


def test_strings_by_code_point_and_xsd_string_as_plain():
    terms = [Literal("b"), Literal("B"), Literal("a", datatype=XSD.string), Literal("Ä")]
    assert [str(t) for t in _sorted(terms)] == ["B", "a", "b", "Ä"]


def test_dates_of_any_precision_chronologically_the_coarser_first():
    terms = [
        Literal("2016-05-01", datatype=XSD.date),
        Literal("2016", datatype=XSD.gYear),
        Literal("2015-12", datatype=XSD.gYearMonth),
        Literal("2016-01-01", datatype=XSD.date),
        Literal("2016-04-30T23:30:00-02:00", datatype=XSD.dateTime),  # 1 May, 01:30 UTC
        Literal(datetime(2016, 5, 1, 1, 0, tzinfo=UTC)),
    ]
    assert [str(t) for t in _sorted(terms)] == [
        "2015-12", "2016", "2016-01-01", "2016-05-01", "2016-05-01T01:00:00+00:00",
        "2016-04-30T23:30:00-02:00",
    ]  # fmt: skip


def test_kinds_of_literal_that_sparql_leaves_unordered_get_a_fixed_order():
    terms = [
        Literal("x", datatype=URIRef("urn:type")),
        Literal("2016", datatype=XSD.gYear),
        Literal(True),
        Literal("fr", lang="fr"),
        Literal("s"),
        Literal(5),
        Literal("NaN", datatype=XSD.double),
        Literal("not a date", datatype=XSD.date),
    ]
    kinds = [t.datatype or t.language or "string" for t in _sorted(terms)]
    assert kinds[:5] == [XSD.integer, "string", "fr", XSD.boolean, XSD.gYear]
    assert set(kinds[5:]) == {XSD.double, XSD.date, URIRef("urn:type")}


# -- on a store: the engine's rows, in SPARQL's order ------------------------------------


@pytest.fixture(scope="module")
def sample_store(corpus_sample, tmp_path_factory) -> Path:
    """The seed and 40 FA-KES articles (tests/test_shipped_queries.py) in an Oxigraph
    store: events with dates of every precision, many actors, places and outlets."""
    folder = tmp_path_factory.mktemp("ordering")
    quads = folder / "sample.nq"
    corpus_sample.dataset.serialize(quads, format="nquads")
    store = ox.Store(str(folder / "store"))
    load_quads(store, quads)
    store.flush()
    del store
    gc.collect()
    return folder / "store"


@pytest.fixture(scope="module")
def sample(sample_store):
    graph = open_graph(sample_store)
    merge(graph)  # (for the queries on merged events)
    yield graph
    graph.close()


def _engine_rows(graph, sparql: str) -> list[tuple]:  # noqa: ANN001
    """The rows of ``sparql`` as Oxigraph itself sorts them."""
    found = graph.backend.store.query(sparql_prologue() + sparql)
    return [tuple(None if v is None else v.value for v in row) for row in found]


def _rows(result) -> list[tuple]:  # noqa: ANN001
    return [tuple(None if v is None else str(v) for v in row) for row in result]


SORTED = sorted(name for name in list_queries() if final_order(load_query(name)))


def test_most_shipped_queries_end_in_an_order_by_kg_applies():
    assert len(SORTED) >= 10


@pytest.mark.parametrize("name", SORTED)
def test_shipped_queries_give_the_engines_rows_in_sparql_order(sample, name):
    sparql = load_query(name)
    order = final_order(sparql)
    result = sample.query(sparql)
    names = [str(v) for v in result.vars]
    ours = list(result)
    engine = _engine_rows(sample, sparql)
    assert Counter(_rows(ours)) == Counter(engine)
    assert ours, f"{name} has no rows on the sample: the order is untested"
    # sorted by the key, condition by condition
    columns = [(names.index(var), descending) for var, descending in order.keys]
    for before, after in zip(ours, ours[1:], strict=False):
        for column, descending in columns:
            a, b = term_key(before[column]), term_key(after[column])
            if a != b:
                assert (a > b) if descending else (a < b), (name, before, after)
                break
    # where the engine orders every pair (no dates of mixed precision), it agrees
    if "date" not in names:
        keyed = [tuple(row[c] for c, _ in columns) for row in _rows(ours)]
        assert keyed == [tuple(row[c] for c, _ in columns) for row in engine]


def test_limit_and_offset_slice_the_sorted_rows(sample):
    sparql = "SELECT ?place ?p WHERE { ?p a ckg:Place ; rdfs:label ?place } ORDER BY DESC(?p)"
    whole = _rows(sample.query(sparql))
    page = _rows(sample.query(sparql + " LIMIT 5 OFFSET 3"))
    assert page == whole[3:8] == [tuple(r) for r in _engine_rows(sample, sparql)[3:8]]
    assert _rows(sample.query(sparql + " OFFSET 3")) == whole[3:]


def test_a_variable_the_query_does_not_return_is_sorted_by_the_engine(sample):
    sparql = "SELECT ?place WHERE { ?p a ckg:Place ; rdfs:label ?place } ORDER BY DESC(?p)"
    assert final_order(sparql) is not None
    assert _rows(sample.query(sparql)) == _engine_rows(sample, sparql)


def test_bindings_do_not_change_the_order(sample):
    sparql = (
        "SELECT ?event ?date WHERE { ?e a ?c ; rdfs:label ?event ; sem:hasTimeStamp ?date } "
        "ORDER BY DESC(?date) ?event"
    )
    from kg.ontology.namespaces import CKG

    rows = _rows(sample.query(sparql, {"c": CKG.Event}))
    assert len(rows) > 10
    assert rows == _rows(sample.query(sparql.replace("?c", "ckg:Event")))
