"""``kg validate``: check a graph against the SHACL shapes."""

from __future__ import annotations

import click

from kg.cli._util import main


@main.command()
@click.argument("graph")
def validate(graph: str) -> None:
    """Validate GRAPH (a file, store folder or SPARQL URL) against the SHACL shapes
    (exit status 6 on violations)."""
    from kg.errors import ValidationError
    from kg.store import open_graph

    with open_graph(graph) as kg:
        report = kg.local().validate()
    if not report.conforms:
        raise ValidationError(
            str(report), hint="a graph built by kg always conforms; was the file edited by hand?"
        )
    click.echo(str(report))
