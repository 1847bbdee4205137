"""``kg map``: an HTML map of the events, a marker per place."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._util import event_filter, filter_options, main


@main.command("map")
@click.argument("graph")
@click.option(
    "--out", "-o", required=True, type=click.Path(path_type=Path), help="HTML file to write."
)
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@filter_options
@click.option(
    "--tiles",
    default=None,
    metavar="URL",
    help="Tile URL template ({z}/{x}/{y}); 'none' for no background map "
    "(default: OpenStreetMap's standard tiles).",
)
def map_command(
    graph: str, out: Path, title: str | None, tiles: str | None, **filters: object
) -> None:
    """Write an HTML map of the events of GRAPH (a file, store folder or SPARQL URL): a
    marker per place sized by its events and coloured by their most frequent type, a
    popup with the events, their sentences and sources. Leaflet is inlined: only the map
    tiles come from the network, and the page says so when they cannot load."""
    from kg.analyze.actors import event_rows
    from kg.store import open_graph
    from kg.visualize.map_html import DEFAULT_TILES, map_markers, place_coordinates, write_map

    chosen = event_filter(filters)
    with open_graph(graph) as kg:
        local = kg.local()
        rows = [row for row in event_rows(local) if chosen.keep(row)]
        places = place_coordinates(local, {r.place for r in rows if r.place})
    markers, unplaced = map_markers(rows, places)
    name = graph.rstrip("/").rsplit("/", 1)[-1]
    tile_url = None if (tiles or "").lower() == "none" else tiles or DEFAULT_TILES
    described = chosen.describe()
    path = write_map(
        markers,
        out,
        title=title or f"conflict-kg map: {name}",
        unplaced=unplaced,
        tiles=tile_url,
        notice=f"Filters: {described}." if described else "",
    )
    click.echo(
        f"wrote {path}: {len(markers)} places, {len(rows) - unplaced} events "
        f"({unplaced} without coordinates)"
    )
