"""Exports for bulk loading elsewhere: N-Quads shards, one named graph per article.

N-Quads is what Oxigraph (``oxigraph load``), Apache Jena (``tdb2.tdbloader``) and
Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run()``) take, and shards let them load
in parallel. The shards hold the named graphs only, not the merge a store keeps in its
default graph (:mod:`kg.store.merged`): whoever loads them fills the default graph with
:data:`kg.store.merged.MATERIALISE` (kg does it when it first opens such a store) or
queries a union default graph (which in Oxigraph 0.5 and Virtuoso repeats shared triples).

Formats are registered by name in :data:`EXPORTERS`, each a function taking the graph,
where to write and the options:

- ``nquads``: N-Quads shards in a folder;
- ``acled-csv``: one row per event with ACLED's column names (:mod:`kg.store.acled`);
- ``graphml``, ``gexf``: the network of actors, places and events for Gephi (list-valued
  attributes such as aliases joined with "; ", which networkx's writers require);
- ``jsonld``: JSON-LD with the project's prefixes as its ``@context``;
- ``geojson``, ``gpkg``: events and places as map points (:mod:`kg.store.geo`).

The single-file formats write ``OUT`` itself when it ends with the format's suffix,
else ``OUT/events.csv``, ``OUT/graph.graphml``, ``OUT/graph.gexf``, ``OUT/graph.jsonld``,
``OUT/graph.gpkg``; GeoJSON writes ``OUT/events.geojson`` and ``OUT/places.geojson`` (or
``X.geojson`` and ``X-places.geojson`` for an ``OUT`` ending in ``.geojson``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from oxrdflib._converter import to_ox
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg._util.atomic import write_bytes
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.ontology.namespaces import PREFIXES, bind_prefixes
from kg.rdf.iris import ONTOLOGY_GRAPH

DEFAULT_SHARD_SIZE = 1_000_000


@dataclass
class ExportResult:
    """What an export wrote."""

    files: list[Path] = field(default_factory=list)
    quads: int = 0
    unit: str = "quads"

    def summary(self) -> str:
        return f"{self.quads:,} {self.unit} in {len(self.files)} file(s)"


def iter_quads(kg: KnowledgeGraph) -> Iterator[ox.Quad]:
    """Every quad of ``kg`` as an Oxigraph quad, graph by graph in IRI order (a store's
    named graphs, not the merge it keeps in its default graph)."""
    for graph in sorted(kg.dataset.graphs(), key=lambda g: str(g.identifier)):
        name = graph.identifier
        target = ox.DefaultGraph() if name == DATASET_DEFAULT_GRAPH_ID else to_ox(name)
        if not isinstance(name, URIRef):
            continue
        for s, p, o in graph:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), target)


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
        write_bytes(path, ox.serialize(shard, format=ox.RdfFormat.N_QUADS) or b"")
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


def _single_file(out: str | os.PathLike[str], suffix: str, name: str) -> Path:
    path = Path(out)
    if path.suffix.lower() != suffix:
        path = path / f"{name}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def export_acled_csv(kg: KnowledgeGraph, out: str | os.PathLike[str], **_: object) -> ExportResult:
    """One row per event with ACLED's column names (see :mod:`kg.store.acled`)."""
    from kg.store.acled import acled_rows, to_csv

    path = _single_file(out, ".csv", "events")
    rows = acled_rows(kg.local())
    write_bytes(path, to_csv(rows).encode("utf-8"))
    return ExportResult([path], len(rows), "events")


def _export_network(kg: KnowledgeGraph, out: str | os.PathLike[str], fmt: str) -> ExportResult:
    import networkx as nx

    from kg.analyze.network import flatten_attributes, to_networkx

    path = _single_file(out, f".{fmt}", "graph")
    network = flatten_attributes(to_networkx(kg.local()))
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, buffer)
    else:
        nx.write_gexf(network, buffer)
    write_bytes(path, buffer.getvalue())
    return ExportResult([path], network.number_of_nodes(), "nodes")


def export_graphml(kg: KnowledgeGraph, out: str | os.PathLike[str], **_: object) -> ExportResult:
    """Actors, places and events with their roles as GraphML (Gephi, yEd, Cytoscape)."""
    return _export_network(kg, out, "graphml")


def export_gexf(kg: KnowledgeGraph, out: str | os.PathLike[str], **_: object) -> ExportResult:
    """Actors, places and events with their roles as GEXF (Gephi)."""
    return _export_network(kg, out, "gexf")


def export_jsonld(kg: KnowledgeGraph, out: str | os.PathLike[str], **_: object) -> ExportResult:
    """The data (article graphs and merges, not the ontology) as JSON-LD whose
    ``@context`` holds the project's prefixes."""
    from rdflib import Dataset

    path = _single_file(out, ".jsonld", "graph")
    data = Dataset()
    bind_prefixes(data)
    quads = 0
    for graph in kg.local().dataset.graphs():
        if isinstance(graph.identifier, URIRef) and graph.identifier != ONTOLOGY_GRAPH:
            target = data.graph(graph.identifier)
            for triple in graph:
                target.add(triple)
                quads += 1
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    text = data.serialize(format="json-ld", context=context, auto_compact=True)
    write_bytes(path, text.encode("utf-8"))
    return ExportResult([path], quads)


def export_geojson(kg: KnowledgeGraph, out: str | os.PathLike[str], **_: object) -> ExportResult:
    """Events and places as GeoJSON points (QGIS, kepler.gl; see :mod:`kg.store.geo`)."""
    from kg.store.geo import map_layers, write_geojson

    layers = map_layers(kg)
    return ExportResult(write_geojson(layers, out), len(layers[0].features), "events")


def export_gpkg(kg: KnowledgeGraph, out: str | os.PathLike[str], **_: object) -> ExportResult:
    """Events and places as the two point layers of one GeoPackage (QGIS, GDAL, ArcGIS)."""
    from kg.store.geo import map_layers, write_gpkg

    layers = map_layers(kg)
    return ExportResult([write_gpkg(layers, out)], len(layers[0].features), "events")


#: Export formats by name: a function (graph, output, options) -> ExportResult.
EXPORTERS: dict[str, Callable[..., ExportResult]] = {
    "nquads": export_nquads,
    "acled-csv": export_acled_csv,
    "graphml": export_graphml,
    "gexf": export_gexf,
    "jsonld": export_jsonld,
    "geojson": export_geojson,
    "gpkg": export_gpkg,
}


def export(
    kg: KnowledgeGraph, out: str | os.PathLike[str], fmt: str, **options: object
) -> ExportResult:
    """Export ``kg`` to ``out`` in the format named ``fmt`` (see :data:`EXPORTERS`)."""
    if fmt not in EXPORTERS:
        raise InputError(
            f"unknown export format '{fmt}'", hint=f"use one of {', '.join(EXPORTERS)}"
        )
    return EXPORTERS[fmt](kg, out, **options)
