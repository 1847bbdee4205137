"""N-Quads shards for bulk loaders, and literals that survive a store round trip."""

from __future__ import annotations

from click.testing import CliRunner
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.cli.main import main
from kg.store import open_graph


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_export_shards_round_trip(tmp_path, seed_path):
    store, out = tmp_path / "st", tmp_path / "export"
    run("build", str(seed_path), "--store", str(store), "--no-progress")
    (out).mkdir()
    (out / "part-00099.nq").write_text("stale")  # an earlier, longer export's shard
    run("export", str(store), "--format", "nquads", "--shard-size", "500", "--out", str(out))
    shards = sorted(out.glob("*.nq"))
    with open_graph(store) as source:
        assert len(shards) == -(-source.quad_count() // 500)
        loaded = Dataset()
        for shard in shards:
            loaded.parse(shard, format="nquads")
        names = {g.identifier for g in source.dataset.graphs() if len(g)}
        assert names == {g.identifier for g in loaded.graphs() if len(g)}
        for name in names:
            assert isomorphic(source.dataset.graph(name), loaded.graph(name))


def test_labels_are_found_after_a_store_round_trip(tmp_path, seed_path):
    """rdflib issue 2123: a literal back from Oxigraph as "X"^^xsd:string would not match
    rdfs:label "X" in rdflib's memory store; it must come back plain."""
    store, out = tmp_path / "st", tmp_path / "export"
    run("build", str(seed_path), "--store", str(store), "--no-progress")
    run("export", str(store), "--out", str(out))
    lookup = 'SELECT ?a WHERE { ?a rdfs:label "US-led coalition" }'
    with open_graph(store) as graph:
        assert list(graph.query(lookup))  # Oxigraph's engine
        assert list(graph.to_memory().query(lookup))  # rdflib's, on a copy
    assert "kgid:actor/us_led_coalition" in run("query", str(out / "part-00000.nq"), lookup)
