"""A store's default graph holds the RDF merge of its named graphs (kg/store/merged.py)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from kg.cli.main import main
from kg.graph import KnowledgeGraph
from kg.merge import merge, unmerge
from kg.ontology.namespaces import CKG
from kg.rdf.iris import MERGES_GRAPH, ONTOLOGY_GRAPH
from kg.store import open_graph
from kg.store.export import export_nquads
from kg.store.merged import load_quads, named_quads, needs_materialising

ISIS = URIRef("https://w3id.org/conflict-kg/id/actor/isis")
G1 = URIRef("https://w3id.org/conflict-kg/id/graph/a1")
G2 = URIRef("https://w3id.org/conflict-kg/id/graph/a2")
COUNT_ISIS = 'SELECT (COUNT(*) AS ?n) WHERE { ?a rdfs:label "ISIS" }'


def article(event: str, *extra: tuple) -> Graph:  # noqa: ANN001
    """An article graph: ISIS described (as every article mentioning it does) and an event."""
    graph = Graph()
    graph.add((ISIS, RDFS.label, Literal("ISIS")))
    graph.add((ISIS, RDF.type, CKG.Actor))
    event_iri = URIRef(f"https://w3id.org/conflict-kg/id/event/{event}")
    graph.add((event_iri, RDF.type, CKG.Event))
    graph.add((event_iri, CKG.agent, ISIS))
    for triple in extra:
        graph.add(triple)
    return graph


def default_graph(store) -> set:  # noqa: ANN001 - a StoreGraph
    return set(store.dataset.triples((None, None, None)))


def merge_of_named(store) -> set:  # noqa: ANN001
    return {t for g in store.dataset.graphs() for t in g}


def count(graph, sparql: str = COUNT_ISIS) -> int:  # noqa: ANN001
    return int(next(iter(graph.query(sparql)))[0])


def in_memory(*graphs: tuple[URIRef, Graph]) -> KnowledgeGraph:
    dataset = Dataset(default_union=True)
    for name, graph in graphs:
        for triple in graph:
            dataset.graph(name).add(triple)
    return KnowledgeGraph(dataset, with_ontology=False)


def test_a_triple_in_two_articles_counts_once_as_in_rdflib(tmp_path):
    one, two = article("a1/e1"), article("a2/e1")
    with open_graph(tmp_path / "st", create=True) as store:
        store.replace_graph(G1, one)
        store.replace_graph(G2, two)
        assert count(store) == count(in_memory((G1, one), (G2, two))) == 1
        # patterns naming graphs still see each graph
        in_graphs = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a rdfs:label "ISIS" } }'
        assert count(store, in_graphs) == 2
        assert default_graph(store) == merge_of_named(store)
        assert store.quad_count() == len(one) + len(two) + len(store.dataset.graph(ONTOLOGY_GRAPH))


def test_replacing_an_article_removes_only_what_no_other_graph_holds(tmp_path):
    only_a1 = (URIRef("https://w3id.org/conflict-kg/id/article/a1"), RDFS.label, Literal("a1"))
    with open_graph(tmp_path / "st", create=True) as store:
        store.replace_graph(G1, article("a1/e1", only_a1))
        store.replace_graph(G2, article("a2/e1"))
        before = default_graph(store)
        store.replace_graph(G1, article("a1/e9"))  # the same article, told anew
        removed, added = before - default_graph(store), default_graph(store) - before
        old_event = URIRef("https://w3id.org/conflict-kg/id/event/a1/e1")
        assert removed == {only_a1, (old_event, RDF.type, CKG.Event), (old_event, CKG.agent, ISIS)}
        assert len(added) == 2 and (ISIS, RDFS.label, Literal("ISIS")) in default_graph(store)
        assert default_graph(store) == merge_of_named(store)
        store.replace_graph(G2, Graph())  # an empty graph: the article is gone
        assert count(store) == 1 and default_graph(store) == merge_of_named(store)
        store.replace_graph(G1, Graph())
        assert count(store) == 0 and default_graph(store) == merge_of_named(store)


def test_merge_and_unmerge_keep_the_default_graph_the_merge(tmp_path, articles_dir):
    store = str(tmp_path / "st")
    result = CliRunner().invoke(main, ["build", str(articles_dir), "--store", store,
                                       "--merge", "--no-progress"])  # fmt: skip
    assert result.exit_code == 0, result.output
    merged = "SELECT (COUNT(*) AS ?n) WHERE { ?m a ckg:MergedEvent }"
    with open_graph(store) as graph:
        assert count(graph, merged) == 1
        assert default_graph(graph) == merge_of_named(graph)
        assert unmerge(graph) > 0
        assert count(graph, merged) == 0 and default_graph(graph) == merge_of_named(graph)
        merge(graph)
        assert count(graph, merged) == 1 and default_graph(graph) == merge_of_named(graph)
        assert MERGES_GRAPH in {g.identifier for g in graph.dataset.graphs()}


def test_a_store_from_an_earlier_kg_is_filled_once_on_open(tmp_path, capsys):
    folder = tmp_path / "old"
    old = ox.Store(str(folder))  # named graphs only, as kg wrote stores before
    label = ox.NamedNode(str(RDFS.label))
    old.extend(
        ox.Quad(ox.NamedNode(ISIS), label, ox.Literal("ISIS"), ox.NamedNode(g)) for g in (G1, G2)
    )
    assert needs_materialising(old)
    del old
    with open_graph(folder) as store:
        assert count(store) == 1
    assert "earlier kg" in capsys.readouterr().err
    with open_graph(folder) as store:
        assert count(store) == 1 and default_graph(store) == merge_of_named(store)
    assert "earlier kg" not in capsys.readouterr().err


def test_exports_hold_the_named_graphs_and_bulk_loads_fill_the_default_graph(tmp_path):
    with open_graph(tmp_path / "st", create=True) as store:
        store.replace_graph(G1, article("a1/e1"))
        store.replace_graph(G2, article("a2/e1"))
        written = export_nquads(store, tmp_path / "nq")
        assert written.quads == store.quad_count()
    (shard,) = written.files
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in ox.parse(path=shard))
    loaded = ox.Store()
    load_quads(loaded, shard)
    assert named_quads(loaded) == written.quads
    assert not needs_materialising(loaded)
    label = f'SELECT (COUNT(*) AS ?n) WHERE {{ ?a <{RDFS.label}> "ISIS" }}'
    assert int(next(iter(loaded.query(label)))[0].value) == 1  # type: ignore[index]


def test_serialising_a_store_writes_no_default_graph_block(tmp_path):
    with open_graph(tmp_path / "st", create=True) as store:
        store.replace_graph(G1, article("a1/e1"))
        store.replace_graph(G2, article("a2/e1"))
        out = store.serialize(tmp_path / "g.trig")
    assert "urn:x-rdflib:default" not in out.read_text()
    assert count(KnowledgeGraph.load(out)) == 1


@pytest.mark.parametrize("flag", [True, False])
def test_the_dataset_keeps_default_union_off(tmp_path, flag):
    with open_graph(tmp_path / "st", create=True) as store:
        store.dataset.default_union = flag
        assert store.dataset.default_union is False
