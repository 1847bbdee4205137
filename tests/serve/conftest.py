"""One endpoint per test session: ``kg serve`` on the seed graph, in a subprocess, on a
free loopback port, with small limits so the limit tests run fast."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_helpers import MAX_REQUEST_BYTES, MAX_RESULTS, TIMEOUT, start_server, stop_server


@pytest.fixture(scope="session")
def served_trig(tmp_path_factory) -> Path:
    import kg

    path = tmp_path_factory.mktemp("serve") / "g.trig"
    kg.build_graph([kg.example_path()]).serialize(path)
    return path


@pytest.fixture(scope="session")
def served_graph(served_trig):
    from kg.graph import KnowledgeGraph

    return KnowledgeGraph.load(served_trig)


@pytest.fixture(scope="session")
def endpoint(served_trig, tmp_path_factory):
    """The base URL of a running endpoint (``/sparql`` is the SPARQL endpoint)."""
    process, url = start_server(
        served_trig,
        tmp_path_factory.mktemp("serve-log"),
        "--timeout",
        str(TIMEOUT),
        "--max-results",
        str(MAX_RESULTS),
        "--max-request-bytes",
        str(MAX_REQUEST_BYTES),
        "--workers",
        "2",
    )
    yield url
    stop_server(process)
