"""``kg merge``, ``kg unmerge`` and ``kg eval-merge``: reports of one event across articles."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli._util import main


@main.command("merge")
@click.argument("graph")
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help="Graph file to write (default: GRAPH, or none for a store).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Lowest pair score that merges (default 0.7; higher: fewer, safer merges).",
)
@click.option("--validate/--no-validate", default=True, show_default=True)
def merge_command(graph: str, out: Path | None, threshold: float | None, validate: bool) -> None:
    """Merge reports of the same real-world event across the articles of GRAPH (a file,
    a store folder or a SPARQL URL; a store is updated in place, in one transaction).

    Writes the named graph <https://w3id.org/conflict-kg/graph/merges> (replacing an
    earlier one): a ckg:MergedEvent per event told by two or more articles, linked to
    each article's report, with the score and reasons of each merge. `kg unmerge`
    drops it again.
    """
    from kg.errors import ValidationError
    from kg.merge import THRESHOLD, merge
    from kg.store import open_graph

    with open_graph(graph) as kg:
        result = merge(kg, threshold=THRESHOLD if threshold is None else threshold)
        if validate:
            report = kg.local().validate()
            if not report.conforms:
                raise ValidationError(
                    str(report), hint="please report this as a bug in conflict-kg"
                )
        target = _write_back(kg, graph, out)
    click.echo(f"merged {target}: {result.summary()}")


def _write_back(kg, graph: str, out: Path | None) -> str:  # noqa: ANN001 - a KnowledgeGraph
    """Write ``kg`` to ``out``, or back to its file; a store already holds the change."""
    from kg.store.graph import StoreGraph

    if out is not None or not isinstance(kg, StoreGraph):
        return str(kg.serialize(out or graph))
    return graph


@main.command("unmerge")
@click.argument("graph")
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help="Graph file to write (default: GRAPH, or none for a store).",
)
def unmerge_command(graph: str, out: Path | None) -> None:
    """Undo every cross-article merge of GRAPH (drop its merges graph)."""
    from kg.merge import unmerge
    from kg.store import open_graph

    with open_graph(graph) as kg:
        removed = unmerge(kg)
        target = _write_back(kg, graph, out)
    click.echo(f"unmerged {target}: {removed} triples removed")


@main.command("eval-merge")
@click.argument("pairs", type=click.Path(path_type=Path))
@click.option(
    "--graph",
    "graph_path",
    help="A built graph of the corpus: file, store folder or SPARQL URL (merged afresh, "
    "in memory).",
)
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    help="Build this CSV/JSONL instead (only the articles the pairs name, unless --all).",
)
@click.option("--all", "all_", is_flag=True, help="With --corpus: build every article.")
@click.option("--misses", is_flag=True, help="List the pairs merged wrongly or missed.")
@click.option("--json", "as_json", type=click.Path(path_type=Path), help="Write scores as JSON.")
def eval_merge_command(
    pairs: Path,
    graph_path: str | None,
    corpus: Path | None,
    all_: bool,
    misses: bool,
    as_json: Path | None,
) -> None:
    """Merge precision and recall on labelled PAIRS of reports (same / different event).

    PAIRS is a CSV like tests/data/merge_pairs.csv: unit_id_a, span_a, unit_id_b, span_b,
    label, note — each report named by its article and the character offsets (begin-end,
    in the article's text) of a piece of its sentence that holds its trigger.
    """
    from kg.errors import InputError
    from kg.merge import cluster_reports, evaluate_pairs, load_reports, read_pairs
    from kg.store import open_graph

    labelled = read_pairs(pairs)
    if graph_path is not None:
        with open_graph(graph_path) as source:
            reports, context = load_reports(source.local())
    elif corpus is not None:
        from kg.ingest import iter_articles
        from kg.pipeline import build

        wanted = {side[0] for pair in labelled for side in (pair.a, pair.b)}
        articles = [a for a in iter_articles([corpus]) if all_ or a.id in wanted]
        reports, context = load_reports(build(articles))
    else:
        raise InputError("give --graph or --corpus", hint="kg eval-merge --help")
    result = cluster_reports(reports, context)
    evaluation = evaluate_pairs(labelled, reports, result)
    click.echo(result.summary())
    click.echo(evaluation.report())
    if misses:
        click.echo("\n".join(evaluation.errors + evaluation.unresolved))
    if as_json:
        as_json.write_text(json.dumps(evaluation.as_dict(), indent=2), encoding="utf-8")
