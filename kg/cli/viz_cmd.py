"""``kg viz``: an interactive network page of a graph, filtered, that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._util import event_filter, filter_options, main

#: Nodes drawn at most by default: vis-network stays responsive and the page readable.
DEFAULT_MAX_NODES = 600


@main.command("viz")
@click.argument("graph")
@click.option(
    "--out", "-o", required=True, type=click.Path(path_type=Path), help="HTML file to write."
)
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@click.option(
    "--view",
    type=click.Choice(["events", "actors"]),
    default="events",
    show_default=True,
    help="events: events with their actors, places and sources; "
    "actors: the actor-actor network (hostile, backing, agreement).",
)
@filter_options
@click.option(
    "--max-nodes",
    type=click.IntRange(0),
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="Draw at most N nodes, the best connected (0: all); the page says what was left out.",
)
@click.option("--no-places", is_flag=True, help="Leave places out of the events view.")
def viz_command(
    graph: str, out: Path, title: str | None, view: str, max_nodes: int, no_places: bool,
    **filters: object,
) -> None:  # fmt: skip
    """Write an interactive network page of GRAPH (a file, store folder or SPARQL URL)
    that works offline: actors, places and events shaped and coloured by kind and type,
    edges labelled by role, a legend, tooltips with the sentence and its outlet."""
    from kg.analyze.actors import event_rows
    from kg.store import open_graph
    from kg.visualize import write_html
    from kg.visualize.explore import (
        actors_view,
        events_view,
        keep_most_connected,
        omitted_notice,
    )

    chosen = event_filter(filters)
    with open_graph(graph) as kg:
        local = kg.local()
        rows = [row for row in event_rows(local) if chosen.keep(row)]
        network = actors_view(local, rows) if view == "actors" else events_view(local, rows)
    if no_places:
        network.remove_nodes_from([n for n, k in network.nodes(data="kind") if k == "place"])
    total = network.number_of_nodes()
    network, left = keep_most_connected(network, max_nodes)
    notice = " ".join(
        part
        for part in (
            f"Filters: {chosen.describe()}." if chosen.describe() else "",
            omitted_notice(total, left, max_nodes),
        )
        if part
    )
    name = graph.rstrip("/").rsplit("/", 1)[-1]
    page_title = title or f"conflict-kg: {name}" + (" (actors)" if view == "actors" else "")
    path = write_html(network, out, title=page_title, notice=notice)
    click.echo(
        f"wrote {path}: {len(rows)} events, {network.number_of_nodes()} nodes, "
        f"{network.number_of_edges()} edges"
        + (f" ({left['nodes']} nodes left out: --max-nodes {max_nodes})" if left else "")
    )
