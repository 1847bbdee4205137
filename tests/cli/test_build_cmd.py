"""``kg build``, run in-process with click's runner."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main


def test_build_prints_a_summary(seed_build):
    _, output = seed_build
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
