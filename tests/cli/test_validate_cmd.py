"""``kg validate``, run in-process with click's runner."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def test_validate(seed_build, tmp_path):
    out, _ = seed_build
    ok = CliRunner().invoke(main, ["validate", str(out)])
    assert ok.exit_code == 0 and "conforms" in ok.output
    broken = tmp_path / "broken.trig"
    text = out.read_text(encoding="utf-8")
    broken.write_text(text.replace("wgs:lat 33.", "wgs:lat 133.", 1), encoding="utf-8")
    bad = CliRunner().invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 6, bad.output
    assert "violation" in bad.output
