"""The quickstart notebook runs top to bottom and is committed without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
QUICKSTART = NOTEBOOKS / "quickstart.ipynb"


def _text(output) -> str:
    """Everything an output shows: stream text, plain text and HTML."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return "\n".join(str(data.get(mime, "")) for mime in ("text/plain", "text/html"))


def _cell_text(cell) -> str:
    return "\n".join(_text(output) for output in cell.get("outputs", []))


def _cell_with(cells, needle: str):
    """The first code cell whose source contains ``needle``."""
    for cell in cells:
        if cell.cell_type == "code" and needle in cell.source:
            return cell
    raise AssertionError(f"no code cell contains {needle!r}")


@pytest.fixture(scope="module")
def executed():
    notebook = nbformat.read(QUICKSTART, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook


def test_quickstart_runs_without_errors(executed) -> None:
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"cell failed:\n{cell.source}\n{errors[0].get('evalue')}"
        assert cell.execution_count is not None


def test_quickstart_shows_stats(executed) -> None:
    text = _cell_text(_cell_with(executed.cells, "graph.stats()"))
    assert "events" in text
    assert "actors" in text


def test_quickstart_provenance_names_the_source(executed) -> None:
    text = _cell_text(_cell_with(executed.cells, "prov:wasAttributedTo"))
    assert "BuzzFeed" in text or "Sputnik" in text
    assert "coalition" in text


def test_quickstart_displays_the_network_inline(executed) -> None:
    cell = _cell_with(executed.cells, "graph.visualize(")
    html = "\n".join(
        str(o.get("data", {}).get("text/html", ""))
        for o in cell.outputs
        if o.output_type in ("display_data", "execute_result")
    )
    assert "<iframe" in html
    assert "srcdoc=" in html
    assert "kg-graph-data" in html  # the page itself is embedded, not a link to it


def test_quickstart_is_committed_clean() -> None:
    raw = json.loads(QUICKSTART.read_text(encoding="utf-8"))
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    notebook = nbformat.reads(json.dumps(raw), as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"committed with outputs:\n{cell.source}"
            assert cell.execution_count is None, f"committed executed:\n{cell.source}"
