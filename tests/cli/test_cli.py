"""The ``kg`` command line, run in-process with click's runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli.main import main


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("cli") / "graph.trig"
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.mark.parametrize("command", ["build", "query", "viz", "validate"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_build_prints_a_summary(built):
    _, output = built
    assert "1 article(s)" in output and "events" in output and "SHACL: conforms" in output


@pytest.mark.parametrize("suffix", [".nq", ".ttl", ".jsonld"])
def test_build_other_formats(tmp_path, seed_path, suffix):
    out = tmp_path / f"graph{suffix}"
    result = CliRunner().invoke(
        main, ["build", str(seed_path), "--out", str(out), "--no-progress", "--no-validate"]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_unknown_suffix_is_a_clear_error(tmp_path, seed_path):
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path / "g.xyz")])
    assert result.exit_code != 0
    assert "unknown graph format" in result.output and "TIP" in result.output


def test_missing_input_is_skipped_with_a_message(tmp_path, seed_path):
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(
        main,
        ["build", str(seed_path), str(tmp_path / "nope.txt"), "--out", str(out), "--no-progress"],
    )
    assert result.exit_code == 2
    assert "nope.txt: no such file" in result.output
    assert out.exists()  # the good article still made it


def test_query_list_and_named_query(built):
    out, _ = built
    listing = CliRunner().invoke(main, ["query", "--list"])
    assert "events" in listing.output
    table = CliRunner().invoke(main, ["query", str(out), "events"])
    assert table.exit_code == 0, table.output
    assert "US-led coalition" in table.output and "rows)" in table.output


def test_query_formats(built, tmp_path):
    out, _ = built
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(?e) AS ?n) WHERE { ?e a ckg:Event }")
    as_csv = CliRunner().invoke(main, ["query", str(out), str(rq), "--format", "csv"])
    assert as_csv.output.splitlines()[0] == "n"
    as_json = CliRunner().invoke(
        main, ["query", str(out), "SELECT ?a WHERE { ?a a ckg:Actor }", "--format", "json"]
    )
    assert json.loads(as_json.output)["results"]["bindings"]


def test_bad_query_is_a_clear_error(built):
    out, _ = built
    result = CliRunner().invoke(main, ["query", str(out), "SELECT ?x WHERE { ?x"])
    assert result.exit_code == 7 and "query failed" in result.output


def test_viz_writes_an_offline_page(built, tmp_path):
    out, _ = built
    page = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["viz", str(out), "--out", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "US-led coalition" in html and "At Tanf" in html
    assert "<script src=" not in html
    assert 'src="http' not in html and 'href="http' not in html


def test_validate(built, tmp_path):
    out, _ = built
    ok = CliRunner().invoke(main, ["validate", str(out)])
    assert ok.exit_code == 0 and "conforms" in ok.output
    broken = tmp_path / "broken.trig"
    text = out.read_text(encoding="utf-8")
    broken.write_text(text.replace("wgs:lat 33.", "wgs:lat 133.", 1), encoding="utf-8")
    bad = CliRunner().invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 6, bad.output
    assert "violation" in bad.output
