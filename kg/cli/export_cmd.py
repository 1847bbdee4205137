"""``kg export``: a graph in a format other tools bulk-load."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._util import main
from kg.store.export import DEFAULT_SHARD_SIZE, EXPORTERS


@main.command("export")
@click.argument("source")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(EXPORTERS)),
    default="nquads",
    show_default=True,
    help="Export format.",
)
@click.option(
    "--shard-size",
    type=click.IntRange(1),
    default=DEFAULT_SHARD_SIZE,
    show_default=True,
    help="Quads per N-Quads file.",
)
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to write; for acled-csv, graphml, gexf, jsonld, gpkg and geojson also a "
    "file with that suffix (.csv, .graphml, .gexf, .jsonld, .gpkg, .geojson).",
)
def export_command(source: str, fmt: str, shard_size: int, out: Path) -> None:
    """Export SOURCE (a graph file, store folder or SPARQL URL) for bulk loading elsewhere.

    \b
    N-Quads shards part-00000.nq, part-00001.nq, ... load into
      Oxigraph:  oxigraph load --location DB --file OUT/*.nq
      Jena:      tdb2.tdbloader --loc DB OUT/*.nq
      Virtuoso:  ld_dir('OUT', '*.nq', 'https://w3id.org/conflict-kg/'); rdf_loader_run();

    \b
    acled-csv  one row per event with ACLED's columns (event_date, event_type, actor1, ...)
    graphml    actors, places and events with their roles, for Gephi, yEd, Cytoscape
    gexf       the same for Gephi
    jsonld     the data as JSON-LD, the project's prefixes as its @context
    geojson    events (at their most specific place) and places as points: QGIS, kepler.gl
    gpkg       the same as the two layers of one GeoPackage: QGIS, GDAL, ArcGIS
    """
    from kg.store import open_graph
    from kg.store.export import export

    with open_graph(source) as kg:
        result = export(kg, out, fmt, shard_size=shard_size)
    click.echo(f"exported {source} to {out}: {result.summary()}")
