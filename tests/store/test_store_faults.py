"""A store build that fails to write leaves the store consistent; the next build completes it."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def test_store_left_consistent_and_completed_by_the_next_build(articles_dir, tmp_path, monkeypatch):
    from kg.store import open_graph
    from kg.store.graph import StoreGraph

    real = StoreGraph.add_extraction
    calls = {"n": 0}

    def full_after_one(self, extraction):
        calls["n"] += 1
        if calls["n"] > 1:  # pyoxigraph's words for a full disk
            raise OSError("IO error: No space left on device (os error 28)")
        return real(self, extraction)

    store = tmp_path / "store"
    runner = CliRunner()
    with monkeypatch.context() as patch:
        patch.setattr(StoreGraph, "add_extraction", full_after_one)
        result = runner.invoke(
            main, ["build", str(articles_dir), "--store", str(store), "--no-progress"]
        )
    assert result.exit_code == 8, result.output
    assert f"error: {store}: cannot write the store: No space left on device" in result.output
    assert "the 1 article(s) this build committed" in result.output
    assert "run the same kg build again" in result.output
    with open_graph(store) as graph:
        assert graph.stats()["articles"] == 1
    result = runner.invoke(
        main, ["build", str(articles_dir), "--store", str(store), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    with open_graph(store) as graph:
        assert graph.stats()["articles"] == 3
