"""``kg viz``, run in-process with click's runner."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def test_viz_writes_an_offline_page(seed_build, tmp_path):
    out, _ = seed_build
    page = tmp_path / "graph.html"
    result = CliRunner().invoke(main, ["viz", str(out), "--out", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "US-led coalition" in html and "At Tanf" in html
    assert "<script src=" not in html
    assert 'src="http' not in html and 'href="http' not in html
