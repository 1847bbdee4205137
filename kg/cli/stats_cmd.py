"""``kg stats``: who does what to whom, when, and who tells it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli._util import main


def _table(title: str, rows: list[tuple[object, object]]) -> list[str]:
    if not rows:
        return [f"{title}: none"]
    width = max(len(str(k)) for k, _ in rows)
    return [f"{title}:", *(f"  {str(k):<{width}}  {v}" for k, v in rows)]


@main.command("stats")
@click.argument("graph")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--actor",
    metavar="NAME",
    help="Also print this actor's timeline (a label, case-insensitive, or an IRI).",
)
@click.option(
    "--network",
    type=click.Path(path_type=Path),
    help="Also write the actor-actor network as GraphML (.graphml) or GEXF (.gexf).",
)
def stats_command(
    graph: str, top: int, as_json: bool, actor: str | None, network: Path | None
) -> None:
    """Most active and most targeted actors, centrality and communities in the actor
    network, the busiest places, events by type and by month, and the outlets of GRAPH
    (a file, store folder or SPARQL URL); with --actor, that actor's timeline.

    The network has an edge from agent to target for each pair that meets in an event,
    with the number of events, their types and the first and last date.
    """
    import networkx as nx

    from kg.analyze.actors import activity, actor_network, actor_timeline, event_rows
    from kg.errors import InputError
    from kg.store import open_graph

    with open_graph(graph) as kg:
        rows = event_rows(kg.local())
    figures = activity(rows, top=top)
    if actor is not None:
        figures["timeline"] = actor_timeline(rows, actor)
        if not figures["timeline"]:
            raise InputError(
                f"no events with the actor '{actor}'",
                hint="give an actor's label as kg stats prints it, or its IRI",
            )
    if network is not None:
        net = actor_network(rows)
        if network.suffix == ".graphml":
            nx.write_graphml(net, network)
        elif network.suffix == ".gexf":
            nx.write_gexf(net, network)
        else:
            raise InputError(f"{network}: unknown network format", hint="use .graphml or .gexf")
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    lines = [
        f"{figures['events']} events; actor network: {figures['network']['actors']} actors, "
        f"{figures['network']['edges']} agent-target pairs",
        *_table("most active (agent of n events)", figures["most_active"]),
        *_table("most targeted (target of n events)", figures["most_targeted"]),
        *_table("most central (betweenness in the actor network)", figures["central"]),
        *_table(
            "communities (who deals with whom, Louvain)",
            [
                (i + 1, ", ".join(group[:8]) + (" ..." if len(group) > 8 else ""))
                for i, group in enumerate(figures["communities"])
            ],
        ),  # fmt: skip
        *_table("busiest places (events)", figures["busiest_places"]),
        *_table("events by type", figures["by_type"]),
        *_table("events by month", figures["by_month"]),
        *_table("outlets (events reported)", figures["outlets"]),
    ]
    if actor is not None:
        lines += _table(
            f"timeline of {actor}",
            [(e["date"] or "(undated)",
              f"{e['type']} ({e['role']}) {e['counterpart']} @ {e['place']} [{e['publisher']}]")
             for e in figures["timeline"]],
        )  # fmt: skip
    click.echo("\n".join(lines))
    if network is not None:
        click.echo(f"wrote {network}")
