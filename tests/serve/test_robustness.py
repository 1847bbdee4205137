"""What the endpoint refuses, its limits, and a burst of concurrent queries."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from serve_helpers import (
    MAX_REQUEST_BYTES,
    MAX_RESULTS,
    TIMEOUT,
    fetch,
    form,
    start_server,
    stop_server,
)

from kg.errors import StoreError

EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ("INSERT DATA { <http://a/> <http://b/> <http://c/> }", b"INSERT is refused"),
        ("DELETE WHERE { ?s ?p ?o }", b"DELETE is refused"),
        ("LOAD <http://other-host/data.ttl>", b"LOAD is refused"),
        ("SELECT * FROM <http://other-host/> WHERE { ?s ?p ?o }", b"FROM <http://other-host/>"),
    ],
)
def test_refusals(endpoint, query, start):
    status, _, body = fetch(f"{endpoint}/sparql", form(query))
    assert status == 403 and body.startswith(start) and b"\nTIP: " in body


def test_update_requests_are_refused(endpoint):
    update = "INSERT DATA { <http://a/> <http://b/> <http://c/> }"
    body = urllib.parse.urlencode({"update": update}).encode()
    assert fetch(f"{endpoint}/sparql", body)[0] == 403
    headers = {"Content-Type": "application/sparql-update"}
    assert fetch(f"{endpoint}/sparql", update.encode(), **headers)[0] == 403
    count = "SELECT (COUNT(*) AS ?n) WHERE { <http://a/> ?p ?o }"
    assert fetch(f"{endpoint}/sparql", form(count), Accept="text/csv")[2].split() == [b"n", b"0"]


def test_service_never_reaches_the_other_host(endpoint):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = fetch(f"{endpoint}/sparql", form(query))
        assert status == 403 and body.startswith(b"SERVICE is refused")
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def test_time_limit(endpoint):
    started = time.monotonic()
    status, _, body = fetch(f"{endpoint}/sparql", form(EXPLOSIVE))
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert TIMEOUT <= elapsed < TIMEOUT + 5
    for _ in range(3):  # a worker was killed; the endpoint still answers
        status, _, body = fetch(f"{endpoint}/sparql", form("ASK { ?s ?p ?o }"))
        assert (status, json.loads(body)["boolean"]) == (200, True)


def test_result_size_limit(endpoint):
    status, _, body = fetch(f"{endpoint}/sparql", form("SELECT * WHERE { ?s ?p ?o }"))
    assert status == 400 and f"more than {MAX_RESULTS:,} rows".encode() in body
    status, _, body = fetch(f"{endpoint}/sparql", form("CONSTRUCT WHERE { ?s ?p ?o }"))
    assert status == 400 and b"triples" in body
    limited = "SELECT * WHERE { ?s ?p ?o } LIMIT 1000"
    status, _, body = fetch(f"{endpoint}/sparql", form(limited), Accept="text/csv")
    assert status == 200 and len(body.splitlines()) == MAX_RESULTS + 1


def test_request_size_limit(endpoint):
    padding = "#" + "x" * MAX_REQUEST_BYTES + "\n"
    status, _, body = fetch(f"{endpoint}/sparql", form(padding + "ASK {}"))
    assert status == 413 and b"limit" in body
    status, _, _ = fetch(f"{endpoint}/sparql?{form(padding + 'ASK {}').decode()}")
    assert status == 414


def test_burst_from_another_process(endpoint, served_graph):
    events = len(set(served_graph.query("SELECT ?e WHERE { ?e a ckg:Event }")))
    expected = {
        "events_csv": f"n\r\n{events}\r\n",
        "graphs": sorted(str(g.identifier) for g in served_graph.dataset.graphs() if len(g)),
    }
    script = Path(__file__).with_name("burst.py")
    run = subprocess.run(
        [sys.executable, str(script), endpoint, "200", json.dumps(expected)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["other"] == []
    assert report["correct"] + report["503"] == 200
    assert report["correct"] >= 20
    print(f"burst of 200: {report['correct']} correct, {report['503']} clean 503")
    assert fetch(f"{endpoint}/health")[0] == 200


def test_store_folder_source_and_cleanup(served_trig, tmp_path):
    import pyoxigraph as ox

    from kg.serve.source import open_source
    from kg.store.merged import load_quads

    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.bulk_load(path=str(served_trig), format=ox.RdfFormat.TRIG)  # named graphs only
    store.flush()
    del store
    # as an earlier kg wrote stores: their default graph does not hold the merge yet
    with pytest.raises(StoreError, match="earlier kg") as refused:
        open_source(folder)
    assert "kg stats" in (refused.value.hint or "")
    shutil.rmtree(folder)
    store = ox.Store(str(folder))
    load_quads(store, served_trig, ox.RdfFormat.TRIG)
    store.flush()
    del store
    process, url = start_server(folder, tmp_path, "--workers", "1")
    try:
        status, _, body = fetch(f"{url}/sparql", form("ASK { ?e a ckg:Event }"))
        assert (status, json.loads(body)["boolean"]) == (200, True)
        assert fetch(f"{url}/sparql", form("INSERT DATA { <a:b> <a:c> <a:d> }"))[0] == 403
    finally:
        stop_server(process)
    assert process.returncode is not None
    assert (folder / "CURRENT").exists() or any(folder.iterdir())  # the store is untouched
