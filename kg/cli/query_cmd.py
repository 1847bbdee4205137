"""``kg query``: a SPARQL query, a .rq file or a shipped query, on a graph."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._util import main


@main.command()
@click.argument("graph", required=False)
@click.argument("query", required=False)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json", "parquet"]),
    default="table",
    show_default=True,
    help="Output format (parquet: typed columns, for big results; needs --out).",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the result to this file (written whole or not at all) instead of stdout.",
)
@click.option("--list", "list_", is_flag=True, help="List the shipped queries and exit.")
def query(graph: str | None, query: str | None, fmt: str, out: Path | None, list_: bool) -> None:
    """Run QUERY on GRAPH: SPARQL text, a .rq file, or the name of a shipped query.

    GRAPH is a graph file, an Oxigraph store folder or a SPARQL server's URL.

    The project's prefixes (ckg:, sem:, prov:, skos:, nif:, wgs:, ...) are predeclared.

    \b
    Examples:
      kg query out/graph.trig events
      kg query out/graph.trig "SELECT ?a WHERE { ?a a ckg:Actor }" --format csv
      kg query out/graph.trig events --format parquet --out events.parquet
    """
    from kg.errors import QueryError
    from kg.query import format_result, list_queries, resolve_query

    if list_:
        for name, description in list_queries().items():
            click.echo(f"{name:16} {description}")
        return
    if graph is None or query is None:
        raise QueryError("give a GRAPH file and a QUERY", hint="kg query --help")
    from kg.store import open_graph

    if fmt == "parquet" and out is None:
        raise QueryError("--format parquet writes a file", hint="add --out FILE.parquet")
    sparql = resolve_query(query)
    with open_graph(graph) as kg:
        result = kg.query(sparql)
        if fmt == "parquet":
            from kg.query.results import write_parquet

            rows = write_parquet(result, out)
            click.echo(f"wrote {out}: {rows:,} row(s)", err=True)
        elif out is not None:
            from kg._util.atomic import write_bytes

            write_bytes(out, (format_result(result, fmt) + "\n").encode("utf-8"))
        else:
            click.echo(format_result(result, fmt))
