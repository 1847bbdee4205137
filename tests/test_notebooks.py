"""The notebooks run top to bottom and are committed without outputs: the quickstart (the
seed), the FA-KES exploration (the dev corpus, Abu Salem et al., ICWSM 2019, CC BY 4.0) and
the Ukraine notebook (../shared's Russia-Ukraine articles, or any articles it is pointed at)."""

from __future__ import annotations

import json
import os
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
    cell = _cell_with(executed.cells, "write_html(nxg")
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


def _run(path: Path, timeout: int = 600):
    """The notebook at ``path`` executed in a fresh kernel, from the notebooks folder."""
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=timeout, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )  # fmt: skip
    client.execute()
    return notebook


# -- the FA-KES exploration notebook -------------------------------------------------

FAKES = NOTEBOOKS / "fa-kes-exploration.ipynb"

CORPUS = Path(__file__).parents[2] / "shared" / "data" / "fa-kes" / "fa-kes-dev.csv"


@pytest.fixture(scope="module")
def fakes_executed(monkeypatch_module):
    if not CORPUS.is_file() and not os.environ.get("KG_FAKES_GRAPH"):
        pytest.skip("../shared/data/fa-kes is not present")
    # The first 150 articles (about a minute), unless KG_FAKES_GRAPH names a built graph.
    monkeypatch_module.setenv("KG_FAKES_LIMIT", os.environ.get("KG_FAKES_LIMIT", "150"))
    return _run(FAKES, timeout=900)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_fakes_notebook_runs_without_errors(fakes_executed) -> None:
    for cell in fakes_executed.cells:
        if cell.cell_type == "code":
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert not errors, f"cell failed:\n{cell.source}\n{errors[0].get('evalue')}"


def test_fakes_notebook_shows_actors_months_network_and_claims(fakes_executed) -> None:
    cells = fakes_executed.cells
    assert "Syrian government forces" in _cell_text(_cell_with(cells, "most_active"))
    plot = _cell_with(cells, "bar_chart_svg(months")
    assert any("image/svg+xml" in o.get("data", {}) for o in plot.outputs)
    network = _cell_text(_cell_with(cells, "actors_view("))
    assert "most central" in network and "kg-graph-data" in network and "srcdoc=" in network
    claims = _cell_text(_cell_with(cells, "conflicting-claims"))
    assert "conflicting claims" in claims and "<table class='conflicting-claims'>" in claims


# -- the Ukraine notebook: another war ---------------------------------------------

UKRAINE = NOTEBOOKS / "ukraine.ipynb"
UKRAINE_ARTICLES = Path(__file__).parents[2] / "shared" / "data" / "gold-ukraine" / "articles.csv"


@pytest.fixture(scope="module")
def ukraine_executed():
    if not UKRAINE_ARTICLES.is_file() and not os.environ.get("KG_ARTICLES"):
        pytest.skip("../shared/data/gold-ukraine is not present")
    return _run(UKRAINE)


def _html(cell) -> str:
    return "\n".join(
        str(o.get("data", {}).get("text/html", ""))
        for o in cell.outputs
        if o.output_type in ("display_data", "execute_result")
    )


def test_ukraine_notebook_runs_without_errors(ukraine_executed) -> None:
    for cell in ukraine_executed.cells:
        if cell.cell_type == "code":
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert not errors, f"cell failed:\n{cell.source}\n{errors[0].get('evalue')}"
    stats = _cell_text(_cell_with(ukraine_executed.cells, "kg.build_graph([ARTICLES])"))
    assert "articles       10" in stats


def test_ukraine_notebook_shows_map_network_events_and_acled(ukraine_executed) -> None:
    cells = ukraine_executed.cells
    page = _html(_cell_with(cells, "write_map("))
    assert "srcdoc=" in page and "leaflet" in page.lower()  # kg's map page, inlined
    assert "places on the map" in _cell_text(_cell_with(cells, "write_map("))
    assert "kg-graph-data" in _html(_cell_with(cells, "actors_view("))
    events = _cell_text(_cell_with(cells, "events_frame(graph)"))
    assert "plover_type" in events and "ASSAULT" in events
    acled = _cell_text(_cell_with(cells, '"acled-csv"'))
    assert "event_date, event_type, sub_event_type" in acled and "plover_type" in acled
    assert "Battles" in acled or "Explosions/Remote violence" in acled


def test_ukraine_notebook_reads_any_articles_it_is_pointed_at(monkeypatch) -> None:
    """KG_ARTICLES (or the ARTICLES variable) names the input: here the bundled seed."""
    import kg

    monkeypatch.setenv("KG_ARTICLES", str(kg.example_path()))
    notebook = _run(UKRAINE)
    stats = _cell_text(_cell_with(notebook.cells, "kg.build_graph([ARTICLES])"))
    assert "articles        1" in stats
    assert "ASSAULT" in _cell_text(_cell_with(notebook.cells, "events_frame(graph)"))


@pytest.mark.parametrize("path", [QUICKSTART, FAKES, UKRAINE], ids=lambda p: p.name)
def test_notebooks_are_committed_clean(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    notebook = nbformat.reads(json.dumps(raw), as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source
