"""``kg serve``: a read-only SPARQL endpoint over a graph, with a query page."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._util import main

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@main.command("serve")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; 0.0.0.0 exposes the graph to the network.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--max-results",
    type=click.IntRange(1),
    default=10_000,
    show_default=True,
    help="Rows (or triples) an answer may have; bigger answers are refused.",
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(1024),
    default=256 * 1024,
    show_default=True,
    help="Largest request (query and parameters) accepted.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 32),
    default=2,
    show_default=True,
    help="Worker processes answering queries in parallel.",
)
@click.option(
    "--queue",
    "waiting",
    type=click.IntRange(0),
    default=64,
    show_default=True,
    help="Requests that may wait for a worker; beyond, the answer is 503.",
)
@click.option("--quiet", is_flag=True, help="Do not log each request on stderr.")
def serve_command(
    source: Path,
    host: str,
    port: int,
    timeout: float,
    max_results: int,
    max_request_bytes: int,
    workers: int,
    waiting: int,
    quiet: bool,
) -> None:
    """Serve SOURCE as a read-only SPARQL 1.1 endpoint at /sparql, with a query page at /
    and the network view at /network.

    SOURCE is a graph file (.trig, .nq, .ttl, .nt, .jsonld) or an Oxigraph store folder
    (kg build --store). Answers come as SPARQL JSON, XML, CSV or TSV (SELECT, ASK) and
    Turtle, N-Triples, JSON-LD or RDF/XML (CONSTRUCT, DESCRIBE), by the Accept header.
    Updates, LOAD, SERVICE and FROM naming graphs the store does not hold are refused.

    \b
    Examples:
      kg serve out/graph.trig
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:8000/sparql
    """
    from kg.serve import Limits, serve

    if host not in _LOOPBACK:
        click.secho(
            f"warning: listening on {host}: anyone who can reach this machine can query the graph",
            fg="yellow",
            err=True,
        )
    limits = Limits(
        timeout=timeout,
        max_results=max_results,
        max_request_bytes=max_request_bytes,
        workers=workers,
        waiting=waiting,
    )

    def ready(server) -> None:  # noqa: ANN001 - kg.serve.server.EndpointServer
        bound_host, bound_port = server.server_address[:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        click.echo(
            f"serving {source} at http://{shown}:{bound_port}/sparql "
            f"({server.source.quads:,} statements; query page at http://{shown}:{bound_port}/; "
            f"{workers} workers, {timeout:g} s and {max_results:,} rows per query); "
            "Ctrl-C stops"
        )

    serve(source, host=host, port=port, limits=limits, quiet=quiet, ready=ready)
