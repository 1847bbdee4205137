"""Content negotiation."""

from __future__ import annotations

import pytest

from kg.serve.formats import GRAPH_FORMATS, RESULT_FORMATS, choose
from kg.serve.guard import QueryRefused


@pytest.mark.parametrize(
    ("accept", "name"),
    [
        (None, "json"),
        ("*/*", "json"),
        ("application/sparql-results+json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
        ("text/csv;q=0.9, application/json;q=0.5", "csv"),
        ("text/*;q=0.9, application/json;q=0.5", "xml"),  # text/xml asks for XML
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
    ],
)
def test_results(accept, name):
    assert choose(RESULT_FORMATS, accept).name == name


@pytest.mark.parametrize(
    ("accept", "name"),
    [
        (None, "turtle"),
        ("application/sparql-results+json, text/turtle;q=0.9", "turtle"),
        ("application/n-triples", "ntriples"),
        ("application/ld+json", "jsonld"),
        ("application/rdf+xml", "rdfxml"),
    ],
)
def test_graphs(accept, name):
    assert choose(GRAPH_FORMATS, accept).name == name


def test_format_parameter_wins_and_unknown_names_are_ignored():
    assert choose(RESULT_FORMATS, "text/csv", ("tsv",)).name == "tsv"
    assert choose(GRAPH_FORMATS, "text/turtle", ("xml", "application/rdf+xml")).name == "rdfxml"
    assert choose(RESULT_FORMATS, "text/csv", ("turtle",)).name == "csv"


def test_nothing_acceptable_is_406():
    with pytest.raises(QueryRefused) as caught:
        choose(RESULT_FORMATS, "image/png")
    assert caught.value.status == 406
