"""``kg query``, run in-process with click's runner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main


def test_query_list_and_named_query(seed_build):
    out, _ = seed_build
    listing = CliRunner().invoke(main, ["query", "--list"])
    assert "events" in listing.output
    table = CliRunner().invoke(main, ["query", str(out), "events"])
    assert table.exit_code == 0, table.output
    assert "US-led coalition" in table.output and "rows)" in table.output


def test_query_formats(seed_build, tmp_path):
    out, _ = seed_build
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(?e) AS ?n) WHERE { ?e a ckg:Event }")
    as_csv = CliRunner().invoke(main, ["query", str(out), str(rq), "--format", "csv"])
    assert as_csv.output.splitlines()[0] == "n"
    as_json = CliRunner().invoke(
        main, ["query", str(out), "SELECT ?a WHERE { ?a a ckg:Actor }", "--format", "json"]
    )
    assert json.loads(as_json.output)["results"]["bindings"]


def test_bad_query_is_a_clear_error(seed_build):
    out, _ = seed_build
    result = CliRunner().invoke(main, ["query", str(out), "SELECT ?x WHERE { ?x"])
    assert result.exit_code == 7 and "query failed" in result.output
