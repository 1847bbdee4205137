"""The benchmark script's parts run end to end on a tiny input (no timing is asserted)."""

from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest

from benchmarks import replicate as replicate_module
from benchmarks import report
from benchmarks.load import load_memory, load_store
from benchmarks.queries import in_process, measure_queries, summarize
from benchmarks.replicate import replicate
from kg.rdf.iris import article_graph_iri
from kg.store.export import iter_quads


@pytest.mark.parametrize("module", [report, replicate_module])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


@pytest.fixture(scope="module")
def replica(seed_graph, tmp_path_factory):
    quads = list(iter_quads(seed_graph))
    target = 3 * len(quads)
    return replicate(quads, tmp_path_factory.mktemp("bench") / "g.nq", target), target


def test_replicas_have_their_own_articles(replica):
    result, target = replica
    assert result.copies >= 3 and result.quads >= target
    dataset = ox.Dataset(ox.parse(path=result.path, format=ox.RdfFormat.N_QUADS))
    assert len(dataset) == result.quads  # renamed copies repeat no quad
    graphs = {str(q.graph_name.value) for q in dataset if isinstance(q.graph_name, ox.NamedNode)}
    assert str(article_graph_iri("coalition-strike-at-tanf-r2")) in graphs


def test_load_and_query_both_engines(replica, tmp_path):
    result, _ = replica
    store = load_store(result.path, tmp_path / "store")
    assert store.quads == result.quads and store.disk_bytes > 0
    memory, loaded = load_memory(result.path)
    assert loaded.quads == result.quads
    runner = in_process(memory, repeats=1, warmup=False, cap=60)
    results = measure_queries({"rdflib": runner, "again": runner}, ["events", "actors"])
    assert all(t.rows and not t.error for r in results for t in r.timings.values())
    assert summarize(results, "again", "rdflib").median_speed_up is not None
