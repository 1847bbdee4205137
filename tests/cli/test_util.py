"""``kg.cli._util``: the group and its one error handler, over every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.store
from kg.cli import main
from kg.errors import InputError, KGError, QueryError, StoreError, ValidationError

PAIRS = Path(__file__).resolve().parents[1] / "data" / "merge_pairs.csv"


@pytest.mark.parametrize("command", ["build", "query", "viz", "validate"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_every_command_is_registered():
    assert sorted(main.commands) == [
        "build", "eval", "eval-merge", "export", "map", "merge", "query", "serve", "stats",
        "unmerge", "validate", "viz",
    ]  # fmt: skip


@pytest.mark.parametrize("command", ["query", "stats", "export", "viz", "map", "validate"])
@pytest.mark.parametrize("error", [KGError, InputError, ValidationError, QueryError, StoreError])
def test_a_kg_error_in_any_command_prints_the_tip_and_exits_with_its_status(
    monkeypatch, tmp_path, command, error
):
    def fail(*_args: object, **_options: object) -> None:
        raise error("the graph is unwell", hint="give it a rest")

    monkeypatch.setattr(kg.store, "open_graph", fail)
    args = {
        "query": ["g.trig", "events"],
        "export": ["g.trig", "--out", str(tmp_path)],
        "viz": ["g.trig", "--out", str(tmp_path / "v.html")],
        "map": ["g.trig", "--out", str(tmp_path / "m.html")],
    }.get(command, ["g.trig"])
    result = CliRunner().invoke(main, [command, *args])
    assert result.exit_code == error.exit_code, result.output
    assert result.stdout == ""
    assert result.stderr == "error: the graph is unwell\nTIP: give it a rest\n"


@pytest.mark.parametrize(
    ("args", "status", "tip"),
    [
        (["build", "x.txt"], 3, "TIP: kg build --help"),
        (["query", "g.trig"], 7, "TIP: kg query --help"),
        (["eval-merge", str(PAIRS)], 3, "TIP: kg eval-merge --help"),
        (["stats", "missing.trig"], 8, "TIP: build one with: kg build"),
    ],
)
def test_errors_of_the_commands_themselves_print_a_tip(args, status, tip):
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == status, result.output
    assert result.stderr.splitlines()[0].startswith("error: ")
    assert result.stderr.splitlines()[-1] == tip


def test_an_error_without_a_hint_prints_no_tip(monkeypatch):
    def fail(*_args: object, **_options: object) -> None:
        raise StoreError("no luck")

    monkeypatch.setattr(kg.store, "open_graph", fail)
    result = CliRunner().invoke(main, ["validate", "g.trig"])
    assert (result.exit_code, result.stderr) == (8, "error: no luck\n")
