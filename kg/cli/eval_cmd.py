"""``kg eval``: score the extractor against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli._util import main


@main.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    help="CSV/JSONL holding the articles the gold files name (by unit_id).",
)
@click.option(
    "--coverage/--no-coverage",
    default=True,
    show_default=True,
    help="Also measure governorate coverage over the whole corpus (its 'location' column).",
)
@click.option(
    "--check-ids",
    help="The check split: comma-separated article ids or @FILE "
    "(default: the split GOLD_DIR/GUIDE.md names under 'Tune and check').",
)
@click.option("--misses", is_flag=True, help="List every missed or wrong item.")
@click.option(
    "--json",
    "as_json",
    type=click.Path(path_type=Path),
    help="Also write the scores as JSON to this file.",
)
@click.option("--progress/--no-progress", default=True, show_default=True)
def eval_command(
    gold_dir: Path,
    corpus: Path | None,
    coverage: bool,
    check_ids: str | None,
    misses: bool,
    as_json: Path | None,
    progress: bool,
) -> None:
    """Score extraction on GOLD_DIR (gold JSON files, see shared/data/gold/GUIDE.md).

    Prints precision, recall and F1 for actors, places and events, the accuracy of each
    field on matched events, and governorate coverage on the corpus; where the gold folder
    has a check split, the tune and the check split apart, then the whole. Matching rules:
    README, "Measuring against gold".
    """
    from tqdm import tqdm

    from kg.evaluate.run import run_eval
    from kg.evaluate.splits import misses_by_kind, parse_check_ids

    bar = tqdm(
        unit="article",
        desc="coverage",
        file=sys.stderr,
        disable=not (progress and coverage and corpus),
    )
    ids = parse_check_ids(check_ids) if check_ids else None
    run = run_eval(gold_dir, corpus, coverage=coverage, progress=bar.update, check_ids=ids)
    bar.close()
    scores = run.result.as_dict()
    for name, split in run.splits.items():
        click.echo(f"== {name} split ({split.counts['articles']} articles)")
        click.echo(split.report())
        scores[name] = split.as_dict()
    if run.splits:
        click.echo(f"== all ({run.result.counts['articles']} articles)")
    click.echo(run.result.report())
    if run.coverage is not None:
        covered, total, missed = run.coverage
        share = covered / total if total else 0.0
        click.echo(f"governorate coverage: {covered}/{total} = {share:.3f}")
        scores["governorate_coverage"] = {
            "covered": covered,
            "total": total,
            "share": round(share, 3),
        }
        if run.articles_per_second:
            click.echo(f"throughput: {run.articles_per_second:.1f} articles/s")
            scores["articles_per_second"] = round(run.articles_per_second, 2)
        if misses:
            click.echo("\n".join(missed))
    if misses:
        if run.splits:
            # Check misses only in aggregate: never debug a single check article.
            click.echo("== tune misses")
            click.echo("\n".join(run.splits["tune"].misses))
            click.echo("== check misses, by kind")
            click.echo("\n".join(misses_by_kind(run.splits["check"].misses)))
        else:
            click.echo("\n".join(run.result.misses))
    if as_json:
        as_json.write_text(json.dumps(scores, indent=2), encoding="utf-8")
