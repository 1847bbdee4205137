"""kg build merges reports across articles by default; a shipped query that reads merges
says so on stderr when the graph has none."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.store import open_graph

NOTE = "has no merged events, which this query reads"


def _merged(path) -> int:
    with open_graph(path) as graph:
        rows = graph.query("SELECT (COUNT(?m) AS ?n) WHERE { ?m a ckg:MergedEvent }")
        return int(next(iter(rows))[0])


def test_build_merges_by_default_and_queries_say_when_there_are_none(articles_dir, tmp_path):
    runner = CliRunner()
    merged, apart = tmp_path / "merged.trig", tmp_path / "apart.trig"
    result = runner.invoke(
        main, ["build", str(articles_dir), "--out", str(merged), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "merged:" in result.output
    result = runner.invoke(
        main, ["build", str(articles_dir), "--out", str(apart), "--no-merge", "--no-progress"]
    )
    assert result.exit_code == 0 and "merged:" not in result.output
    assert _merged(merged) >= 1 and _merged(apart) == 0  # the two reports of the airstrike
    quiet = runner.invoke(main, ["query", str(merged), "merged-events"])
    assert quiet.exit_code == 0 and NOTE not in quiet.output
    noted = runner.invoke(main, ["query", str(apart), "merged-events"])
    assert noted.exit_code == 0
    assert NOTE in noted.output and f"kg merge {apart}" in noted.output
    plain = runner.invoke(main, ["query", str(apart), "events"])
    assert NOTE not in plain.output  # a query that reads no merges says nothing


def test_store_build_merges_by_default(articles_dir, tmp_path):
    store = tmp_path / "store"
    result = CliRunner().invoke(
        main, ["build", str(articles_dir), "--store", str(store), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert _merged(store) >= 1
    again = CliRunner().invoke(
        main, ["build", str(articles_dir), "--store", str(store), "--no-progress"]
    )
    assert again.exit_code == 0 and "merged:" not in again.output  # nothing new: merges kept
    assert _merged(store) >= 1
