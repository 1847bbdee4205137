"""RDF output: IRIs, formats and round trips."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.rdf import iris


def test_iris_are_stable_and_nif_style():
    assert str(iris.span_iri("a b", 3, 9)).endswith("/id/article/a%20b#char=3,9")
    assert str(iris.geonames_iri(170654)) == "https://sws.geonames.org/170654/"
    assert iris.article_graph_iri("x") == iris.article_graph_iri("x")


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_round_trip_keeps_named_graphs(seed_graph, tmp_path, suffix):
    from kg.graph import KnowledgeGraph

    path = seed_graph.serialize(tmp_path / f"g{suffix}")
    loaded = KnowledgeGraph.load(path)
    name = seed_graph.article_graphs()[0]
    assert loaded.article_graphs() == [name]
    assert isomorphic(loaded.dataset.graph(name), seed_graph.dataset.graph(name))


def test_serialize_is_atomic(seed_graph, tmp_path, monkeypatch):
    target = tmp_path / "g.trig"
    target.write_text("previous", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Dataset, "serialize", boom)
    monkeypatch.setattr(Graph, "serialize", boom)
    with pytest.raises(RuntimeError):
        seed_graph.serialize(target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["g.trig"]


def test_namespace_is_closed():
    from kg.ontology.namespaces import CKG

    with pytest.raises(AttributeError):
        CKG.Evnt  # noqa: B018


def test_wgs84_namespace_is_the_w3c_one():
    from kg.ontology.namespaces import WGS

    assert str(WGS.lat) == "http://www.w3.org/2003/01/geo/wgs84_pos#lat"
