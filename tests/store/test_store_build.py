"""Building into an on-disk Oxigraph store: incremental, idempotent, atomic per article."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.compare import isomorphic

from kg.cli.main import main
from kg.errors import StoreError
from kg.ontology.namespaces import PROV
from kg.rdf.iris import MERGES_GRAPH, article_graph_iri
from kg.store import open_graph


def build(*args: str) -> str:
    result = CliRunner().invoke(main, ["build", *args, "--no-progress"])
    assert result.exit_code == 0, result.output
    return result.output


def query_rows(source, sparql: str) -> set[tuple]:  # noqa: ANN001
    with open_graph(source) as graph:
        return {tuple(v.toPython() if v is not None else None for v in row)
                for row in graph.query(sparql)}  # fmt: skip


def test_file_and_store_give_the_same_answers(tmp_path, seed_path):
    build(str(seed_path), "--out", str(tmp_path / "g.trig"), "--store", str(tmp_path / "st"))
    for sparql in (
        "SELECT ?e ?type ?agent ?place WHERE { ?e a ckg:Event ; sem:eventType ?type . "
        "OPTIONAL { ?e ckg:agent ?agent } OPTIONAL { ?e sem:hasPlace ?place } }",
        'SELECT ?e WHERE { ?e ckg:agent/rdfs:label "US-led coalition" }',
        "SELECT ?p ?lat WHERE { ?p a ckg:Place ; wgs:lat ?lat }",
    ):
        in_file = query_rows(tmp_path / "g.trig", sparql)
        assert in_file and in_file == query_rows(tmp_path / "st", sparql)


def by_value(graph) -> set[tuple]:  # noqa: ANN001
    """Triples with typed literals as (value, datatype): Oxigraph keeps numbers canonical
    ("33.50000" comes back "33.5"), the same value."""
    return {
        (s, p, (o.toPython(), o.datatype) if isinstance(o, Literal) and o.datatype else o)
        for s, p, o in graph
    }


def test_store_graph_equals_the_memory_graph_and_conforms(tmp_path, seed_path, seed_graph):
    build(str(seed_path), "--store", str(tmp_path / "st"))
    name = article_graph_iri("coalition-strike-at-tanf")
    with open_graph(tmp_path / "st") as store:
        assert by_value(store.dataset.graph(name)) == by_value(seed_graph.dataset.graph(name))
        assert store.validate().conforms


def test_building_twice_adds_nothing(tmp_path, articles_dir):
    store = str(tmp_path / "st")
    build(str(articles_dir), "--store", store)
    with open_graph(store) as graph:
        before = graph.quad_count()
    assert "0 new, 0 changed, 3 unchanged" in build(str(articles_dir), "--store", store)
    with open_graph(store) as graph:
        assert graph.quad_count() == before


def test_new_article_adds_its_graph_and_changed_text_replaces_it(tmp_path, articles_dir):
    store = str(tmp_path / "st")
    (articles_dir / "clash-c.txt").rename(tmp_path / "clash-c.txt")
    build(str(articles_dir), "--store", store, "--merge")
    with open_graph(store) as graph:
        assert len(graph.article_graphs()) == 2
        assert len(list(graph.query("SELECT ?m WHERE { ?m a ckg:MergedEvent }"))) == 1
    (tmp_path / "clash-c.txt").rename(articles_dir / "clash-c.txt")
    assert "1 new, 0 changed, 2 unchanged" in build(str(articles_dir), "--store", store)
    # strike-a now tells another event: its graph is replaced and, as it took part in a
    # merge, the merges are recomputed (without --merge): nothing is left to merge.
    (articles_dir / "strike-a.txt").write_text(
        "Clashes in Daraa\n\nSat 08 Jul 2017\n\nRebels clashed with Hezbollah fighters in "
        "Daraa on Saturday.\n",
        encoding="utf-8",
    )
    output = build(str(articles_dir), "--store", store)
    assert "0 new, 1 changed, 2 unchanged" in output and "merged:" in output
    with open_graph(store) as graph:
        assert len(graph.article_graphs()) == 3
        texts = [str(t) for t in graph.query("SELECT ?t WHERE { ?a nif:isString ?t }")]
        assert not any("Maarat" in t and "warplanes" in t for t in texts)
        assert not list(graph.query("SELECT ?m WHERE { ?m a ckg:MergedEvent }"))
        assert not graph.merges_stale()
        assert (MERGES_GRAPH, PROV.invalidatedAtTime, None) not in graph.dataset


def test_sigkill_mid_build_leaves_whole_articles_and_the_next_run_completes(tmp_path, articles_dir):
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    build(str(articles_dir), "--store", str(clean), "--merge")
    args = ["build", str(articles_dir), "--store", str(killed), "--merge", "--no-progress"]
    command = [sys.executable, "-m", "kg", *args]
    # The same build, killed right after its first article commit (the hook lives here,
    # not in the write path).
    killer = (
        "import os, signal, sys\n"
        "from kg.store.graph import StoreGraph\n"
        "real = StoreGraph.add_extraction\n"
        "def add_extraction(self, extraction):\n"
        "    name = real(self, extraction)\n"
        "    if self.committed == 1:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return name\n"
        "StoreGraph.add_extraction = add_extraction\n"
        "from kg.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    run = subprocess.run([sys.executable, "-c", killer, *args], capture_output=True, timeout=300)
    assert run.returncode == -9, run.stderr.decode()
    with open_graph(killed) as graph, open_graph(clean) as reference:
        (done,) = graph.article_graphs()  # one article fully in, the others not at all
        assert isomorphic(graph.dataset.graph(done), reference.dataset.graph(done))
    run = subprocess.run(command, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    assert b"0 new" not in run.stdout and b"2 new, 0 changed, 1 unchanged" in run.stdout
    with open_graph(killed) as graph, open_graph(clean) as reference:
        assert graph.quad_count() == reference.quad_count()
        assert quads_equal(graph, reference)


def quads_equal(a, b) -> bool:  # noqa: ANN001
    names = {g.identifier for g in a.dataset.graphs()} | {g.identifier for g in b.dataset.graphs()}
    return all(isomorphic(a.dataset.graph(n), b.dataset.graph(n)) for n in names)


def test_errors_name_the_problem(tmp_path):
    with pytest.raises(StoreError, match="no such graph file or store"):
        open_graph(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="no Oxigraph store"):
        open_graph(tmp_path / "plain")
    with (
        open_graph(tmp_path / "st", create=True),
        pytest.raises(StoreError, match="in use by another process"),
    ):
        open_graph(tmp_path / "st")
    with pytest.raises(StoreError, match="cannot reach"):
        open_graph("http://127.0.0.1:9/query")
    result = CliRunner().invoke(main, ["query", str(tmp_path / "missing"), "events"])
    assert result.exit_code == StoreError.exit_code and "TIP:" in result.output
