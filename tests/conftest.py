"""Shared fixtures: one spaCy pipeline and one seed graph per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def annotate(nlp):
    """Run the pipeline on a text (normalised as the build does)."""
    from kg.nlp.normalize import normalize_text

    return lambda text: nlp(normalize_text(text))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    import kg

    return kg.example_path()


@pytest.fixture(scope="session")
def seed_graph(seed_path):
    import kg

    return kg.build_graph([seed_path])


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seed_path):
    """The seed built once by ``kg build --out``: the graph file and what the build printed.
    (Here, not in tests/cli/conftest.py: a conftest there is collected before this one,
    and both are modules named ``conftest``.)"""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("cli") / "graph.trig"
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="session")
def corpus_sample():
    """A graph of the seed and the first 40 FA-KES articles (dated events, several
    outlets), built once."""
    corpus = SHARED / "data" / "fa-kes" / "fa-kes-dev.csv"
    if not corpus.is_file():
        pytest.skip("../shared/data/fa-kes is not present")
    import kg
    from kg.pipeline import build

    return build([*kg.read_articles([kg.example_path()]), *kg.read_articles([corpus])[:40]])


@pytest.fixture()
def oxigraph_server(tmp_path):
    """A real SPARQL server: ``oxigraph serve`` on 127.0.0.1 at a free port, its default
    graph a graph of its own (kg keeps the merge of the named graphs there, see
    ``kg/store/merged.py``); yields its base URL and stops it after."""
    import shutil
    import socket
    import subprocess
    import sys
    import time

    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists() and shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(binary) if binary.exists() else "oxigraph", "serve", "--location",
         str(tmp_path / "oxigraph-server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
