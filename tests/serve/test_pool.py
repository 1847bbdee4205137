"""The worker pool on its own: a full pool answers 503 at once, a stopped worker is replaced."""

from __future__ import annotations

import threading
import time

import pytest

from kg.serve.pool import WorkerPool
from kg.serve.source import open_source
from kg.serve.worker import Job

EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def source(served_trig):
    with open_source(served_trig) as opened:
        yield opened
    assert not opened.store_dir.exists()  # the temporary store is removed


def test_full_pool_answers_503_and_recovers(source):
    with WorkerPool(str(source.store_dir), size=1, timeout=2.0, waiting=0) as pool:
        slow: list = []
        thread = threading.Thread(target=lambda: slow.append(pool.run(Job(EXPLOSIVE))))
        thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        busy = pool.run(Job("ASK { ?s ?p ?o }"))
        assert busy.status == 503 and busy.headers["Retry-After"] == "1"
        assert time.monotonic() - started < 0.5
        thread.join()
        assert slow[0].status == 503 and b"time limit" in slow[0].body
        answer = pool.run(Job("ASK { ?s ?p ?o }", accept="text/csv"))
        assert (answer.status, answer.body) == (200, b"true")
