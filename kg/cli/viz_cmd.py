"""``kg viz``: an interactive network page of a graph, filtered, that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.main import _handle_errors

#: Nodes drawn at most by default: vis-network stays responsive and the page readable.
DEFAULT_MAX_NODES = 600


def filter_options(func):  # noqa: ANN001, ANN201 - a click command
    """The event filters ``kg viz`` and ``kg map`` share."""
    for option in reversed(
        [
            click.option("--actor", multiple=True, metavar="NAME",
                         help="Events whose agent or target is NAME (repeatable)."),
            click.option("--event-type", multiple=True, metavar="TYPE",
                         help="Events of TYPE, e.g. airstrike, shelling (repeatable)."),
            click.option("--since", metavar="DATE",
                         help="Events on or after DATE (2016, 2016-07)."),
            click.option("--until", metavar="DATE", help="Events on or before DATE."),
            click.option("--place", multiple=True, metavar="NAME",
                         help="Events at NAME or in the governorate NAME (repeatable)."),
            click.option("--source", multiple=True, metavar="NAME",
                         help="Events attributed to NAME or published by it (repeatable)."),
            click.option("--min-reports", type=click.IntRange(1), default=1, show_default=True,
                         help="Events told by at least N reports (merged by kg merge)."),
        ]
    ):  # fmt: skip
        func = option(func)
    return func


def event_filter(options: dict):  # noqa: ANN201 - an EventFilter
    from kg.visualize.explore import EventFilter

    return EventFilter(
        actors=tuple(options["actor"]),
        event_types=tuple(options["event_type"]),
        since=options["since"],
        until=options["until"],
        places=tuple(options["place"]),
        sources=tuple(options["source"]),
        min_reports=options["min_reports"],
    )


@click.command("viz")
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
@_handle_errors
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
