"""Atomic writes: an exception or a kill while ``kg build --out FILE`` runs leaves the
previous FILE byte for byte.

Stores: each article is one transaction; ``tests/store/test_store_build.py::
test_sigkill_mid_build_leaves_whole_articles_and_the_next_run_completes`` kills a store
build after its first commit.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli.main import main
from kg.graph import KnowledgeGraph

PREVIOUS = b"# the previous graph, which must survive\n"


def _partial_then_fail(monkeypatch):
    """Make every rdflib serialisation write half its output, then fail (a full disk)."""
    real = Graph.serialize

    def serialize(self, destination=None, *args, **kwargs):  # noqa: ANN001, ANN202
        text = real(self, None, *args, **kwargs)
        if destination is not None:
            Path(destination).write_text(text[: len(text) // 2], encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Graph, "serialize", serialize)


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".jsonld"])
def test_an_exception_while_writing_leaves_the_previous_file(seed_graph, tmp_path, monkeypatch,
                                                             suffix):  # fmt: skip
    target = tmp_path / f"graph{suffix}"
    target.write_bytes(PREVIOUS)
    _partial_then_fail(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        seed_graph.serialize(target)
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_kg_build_failing_to_write_leaves_the_previous_file(seed_path, tmp_path, monkeypatch):
    target = tmp_path / "graph.trig"
    target.write_bytes(PREVIOUS)
    _partial_then_fail(monkeypatch)
    result = CliRunner().invoke(
        main, ["build", str(seed_path), "--out", str(target), "--no-progress", "--no-validate"]
    )
    assert result.exit_code == 9  # one line naming the file, no traceback
    assert f"error: cannot write {target}: No space left on device" in result.output
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def _stream(process: subprocess.Popen, seen: list[bytes]) -> threading.Thread:
    def pump() -> None:
        for chunk in iter(lambda: process.stderr.read1(4096), b""):
            seen.append(chunk)

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return thread


def _wait_for(seen: list[bytes], marker: bytes, process: subprocess.Popen, timeout: float) -> None:
    """Wait until the process's stderr matches the regular expression ``marker``."""
    deadline = time.monotonic() + timeout
    while not re.search(marker, b"".join(seen)):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"never saw {marker!r}: {b''.join(seen)[-2000:]!r}")
        time.sleep(0.05)


def test_sigkill_during_kg_build_leaves_the_previous_file(seed_path, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(200):  # enough to be killed while extracting
        shutil.copy(seed_path, articles / f"copy{i}.txt")
    target = tmp_path / "out" / "graph.trig"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(articles), "--out", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen: list[bytes] = []
    pump = _stream(process, seen)
    # Killed once the progress bar shows the first articles extracted, with more to come.
    _wait_for(seen, rb"extracting: .*\b(1[6-9]|[2-9]\d|1\d\d)/200\b", process, timeout=300)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    pump.join(timeout=10)
    assert b"built" not in b"".join(seen)
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in target.parent.iterdir()] == [target.name]


# A process that writes a graph with a serializer slowed down half-way, so that it can be
# killed in the middle of the write.
_SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from rdflib import Graph, Literal, URIRef
    from kg.graph import KnowledgeGraph

    kg = KnowledgeGraph(with_ontology=False)
    for n in range(50):
        g = kg.dataset.graph(URIRef(f"https://w3id.org/conflict-kg/id/graph/a{n}"))
        g.add((URIRef(f"urn:s{n}"), URIRef("urn:p"), Literal("x" * 1000)))
    real = Graph.serialize
    calls = []

    def slow(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 25:
            print("half-way", flush=True)
            time.sleep(60)
        return real(self, *args, **kwargs)

    Graph.serialize = slow
    kg.serialize(sys.argv[1])
    """
)


def test_sigkill_while_writing_leaves_the_previous_file(tmp_path):
    target = tmp_path / "graph.trig"
    target.write_bytes(PREVIOUS)
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout.readline() == b"half-way\n", process.stderr.read()
        temp = [p for p in tmp_path.iterdir() if p != target]
        assert len(temp) == 1 and temp[0].stat().st_size > 0  # half the graph is written
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        process.kill()
    assert target.read_bytes() == PREVIOUS
    # The half-written temporary file (".graph.trig.XXXX", hidden) is all that is left
    # over; the next successful write of the same file does not depend on it.
    KnowledgeGraph(with_ontology=False).serialize(target)
    assert target.read_bytes() != PREVIOUS


def test_written_files_get_the_permissions_of_a_new_file_or_of_the_one_replaced(
    seed_graph, tmp_path
):
    umask = os.umask(0o022)
    try:
        new = seed_graph.serialize(tmp_path / "new.trig")
        assert new.stat().st_mode & 0o777 == 0o644  # not the temporary file's 0o600
        kept = tmp_path / "kept.ttl"
        kept.write_bytes(PREVIOUS)
        kept.chmod(0o640)
        seed_graph.serialize(kept)
        assert kept.stat().st_mode & 0o777 == 0o640
        assert kept.read_bytes() != PREVIOUS
    finally:
        os.umask(umask)
