"""Exports for bulk loading elsewhere: N-Quads shards, one named graph per article.

N-Quads is what Oxigraph (``oxigraph load``), Apache Jena (``tdb2.tdbloader``) and
Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run()``) take, and shards let them load
in parallel. Formats are registered by name in :data:`EXPORTERS`; another (``jsonld``,
``acled-csv``) is one more function taking the graph, a folder and the options.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from oxrdflib._converter import to_ox
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import InputError
from kg.graph import KnowledgeGraph

DEFAULT_SHARD_SIZE = 1_000_000


@dataclass
class ExportResult:
    """What an export wrote."""

    files: list[Path] = field(default_factory=list)
    quads: int = 0

    def summary(self) -> str:
        return f"{self.quads:,} quads in {len(self.files)} file(s)"


def iter_quads(kg: KnowledgeGraph) -> Iterator[ox.Quad]:
    """Every quad of ``kg`` as an Oxigraph quad, graph by graph in IRI order."""
    for graph in sorted(kg.dataset.graphs(), key=lambda g: str(g.identifier)):
        name = graph.identifier
        target = ox.DefaultGraph() if name == DATASET_DEFAULT_GRAPH_ID else to_ox(name)
        if not isinstance(name, URIRef):
            continue
        for s, p, o in graph:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), target)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_nquads(
    kg: KnowledgeGraph, out: str | os.PathLike[str], *, shard_size: int = DEFAULT_SHARD_SIZE
) -> ExportResult:
    """Write ``kg`` to the folder ``out`` as N-Quads shards ``part-00000.nq``, ... of at
    most ``shard_size`` quads each. Each shard is written atomically; shards left by an
    earlier, longer export are removed, so the folder holds exactly this export.
    """
    if shard_size < 1:
        raise InputError(f"shard size {shard_size}: must be at least 1")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    result = ExportResult()
    shard: list[ox.Quad] = []

    def flush() -> None:
        path = folder / f"part-{len(result.files):05d}.nq"
        _write_atomically(path, ox.serialize(shard, format=ox.RdfFormat.N_QUADS) or b"")
        result.files.append(path)
        result.quads += len(shard)
        shard.clear()

    for quad in iter_quads(kg):
        shard.append(quad)
        if len(shard) >= shard_size:
            flush()
    if shard or not result.files:
        flush()
    written = set(result.files)
    for stale in folder.glob("part-*.nq"):
        if stale not in written:
            stale.unlink()
    return result


#: Export formats by name: a function (graph, output folder, options) -> ExportResult.
EXPORTERS: dict[str, Callable[..., ExportResult]] = {"nquads": export_nquads}


def export(
    kg: KnowledgeGraph, out: str | os.PathLike[str], fmt: str, **options: object
) -> ExportResult:
    """Export ``kg`` to ``out`` in the format named ``fmt`` (see :data:`EXPORTERS`)."""
    if fmt not in EXPORTERS:
        raise InputError(
            f"unknown export format '{fmt}'", hint=f"use one of {', '.join(EXPORTERS)}"
        )
    return EXPORTERS[fmt](kg, out, **options)
