"""``kg merge``, ``kg unmerge`` and ``kg eval-merge`` on the command line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli.main import main


@pytest.mark.parametrize("command", ["merge", "unmerge", "eval-merge"])
def test_merge_commands_have_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_merge_then_unmerge(tmp_path, seed_path):
    graph = tmp_path / "graph.trig"
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(seed_path), "-o", str(graph), "--no-progress"])
    assert built.exit_code == 0, built.output
    merged = runner.invoke(main, ["merge", str(graph), "-o", str(tmp_path / "m.trig")])
    assert merged.exit_code == 0, merged.output
    assert "reports ->" in merged.output
    undone = runner.invoke(main, ["unmerge", str(tmp_path / "m.trig")])
    assert undone.exit_code == 0 and "unmerged" in undone.output


def test_eval_merge_needs_a_graph_or_corpus(tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("unit_id_a,span_a,unit_id_b,span_b,label\n1,0-5,2,3-9,same\n")
    result = CliRunner().invoke(main, ["eval-merge", str(pairs)])
    assert result.exit_code == 3 and "TIP" in result.output


def test_bad_label_names_the_row(tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("unit_id_a,span_a,unit_id_b,span_b,label\n1,0-5,2,3-9,maybe\n")
    result = CliRunner().invoke(main, ["eval-merge", str(pairs), "--graph", "x.trig"])
    assert result.exit_code == 3 and "row 2" in result.output


@pytest.mark.parametrize("span", ["x", "9-3", "5"])
def test_bad_span_names_the_row(tmp_path, span):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        f"unit_id_a,span_a,unit_id_b,span_b,label\n1,0-5,2,3-9,same\n1,{span},2,3-9,same\n"
    )
    result = CliRunner().invoke(main, ["eval-merge", str(pairs), "--graph", "x.trig"])
    assert result.exit_code == 3 and "row 3" in result.output and "begin-end" in result.output


def test_shipped_merge_queries_are_listed():
    from kg.query import list_queries

    assert {"conflicting-claims", "merged-events"} <= set(list_queries())
