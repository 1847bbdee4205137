"""Load rate and memory: the replicated N-Quads into an on-disk Oxigraph store (bulk
load, each triple also into the default graph, which holds the merge of the named graphs
the store's queries read: :func:`kg.store.merged.load_quads`) and, as the baseline, into
rdflib's in-memory Dataset.

The store is built in a fresh child process (``python -m benchmarks.load NQ STORE``), so
that its peak RSS is the load's alone; the rdflib load happens in this process, whose
graph the query benchmark then uses, and its memory is the RSS it added.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.machine import folder_size, peak_rss_mb, rss_mb

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class StoreLoad:
    quads: int  # in the named graphs
    default_triples: int  # the merge, in the default graph
    seconds: float  # both, in one pass
    rss_before_mb: float  # the child after its imports, before loading
    peak_rss_mb: float
    disk_bytes: int
    nquads_bytes: int

    @property
    def rate(self) -> float:
        return self.quads / self.seconds

    @property
    def mb_per_million(self) -> float:
        return self.disk_bytes / 1e6 / (self.quads / 1e6)

    def to_json(self) -> dict[str, object]:
        return {
            **asdict(self),
            "quads_per_s": self.rate,
            "disk_mb_per_million": self.mb_per_million,
        }


@dataclass
class MemoryLoad:
    quads: int
    seconds: float
    rss_added_mb: float

    @property
    def rate(self) -> float:
        return self.quads / self.seconds

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "quads_per_s": self.rate}


def load_store(nquads: Path, folder: Path) -> StoreLoad:
    """Bulk-load ``nquads`` into a new store at ``folder`` in a child process."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.load", str(nquads), str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"loading the store failed:\n{done.stderr}")
    child = json.loads(done.stdout.strip().splitlines()[-1])
    return StoreLoad(**child, disk_bytes=folder_size(folder), nquads_bytes=nquads.stat().st_size)


def load_memory(nquads: Path):  # noqa: ANN201 - (KnowledgeGraph, MemoryLoad)
    """Parse ``nquads`` into an rdflib in-memory :class:`~kg.graph.KnowledgeGraph`."""
    import gc

    from rdflib import Dataset

    from kg.graph import KnowledgeGraph

    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    seconds = time.perf_counter() - start
    graph = KnowledgeGraph(dataset)
    quads = sum(len(g) for g in dataset.graphs())
    return graph, MemoryLoad(quads, seconds, rss_mb() - before)


def _child(nquads: str, folder: str) -> None:
    import pyoxigraph as ox

    from kg.store.merged import load_quads, named_quads
    from kg.store.oxigraph import open_store

    before = rss_mb()
    start = time.perf_counter()
    store = open_store(folder, create=True)
    load_quads(store, nquads, ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - start
    quads = named_quads(store)
    default_triples = len(store) - quads
    del store
    print(
        json.dumps(
            {
                "quads": quads,
                "default_triples": default_triples,
                "seconds": seconds,
                "rss_before_mb": before,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


if __name__ == "__main__":
    _child(*sys.argv[1:3])
