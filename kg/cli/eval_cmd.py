"""``kg eval``: score the extractor against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli._util import main

_ACLED_ONLY = ("acled_labels", "country", "per_country", "misses_by_kind", "workers")
_GOLD_ONLY = ("corpus", "check_ids", "misses", "coverage")


@main.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path), required=False)
@click.option(
    "--acled",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Score against this ACLED-format CSV instead of GOLD_DIR (each row's notes as one "
    "article, its other columns as ACLED's coding).",
)
@click.option(
    "--acled-labels",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    help="With --acled: a CSV joined on event_id_cnty giving event_type / sub_event_type "
    "(repeatable).",
)
@click.option(
    "--country",
    multiple=True,
    metavar="NAME",
    help="With --acled: only the rows of this country (repeatable).",
)
@click.option(
    "--per-country",
    type=click.IntRange(1),
    metavar="N",
    help="With --acled: the first N rows of each country, in file order.",
)
@click.option(
    "--misses-by-kind", is_flag=True, help="With --acled: count the disagreements by kind."
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="With --acled: extract in N processes.",
)
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
    gold_dir: Path | None,
    acled: Path | None,
    acled_labels: tuple[Path, ...],
    country: tuple[str, ...],
    per_country: int | None,
    misses_by_kind: bool,
    workers: int,
    corpus: Path | None,
    coverage: bool,
    check_ids: str | None,
    misses: bool,
    as_json: Path | None,
    progress: bool,
) -> None:
    """Score extraction on GOLD_DIR (gold JSON files, see shared/data/gold/GUIDE.md), or
    with --acled CSV against ACLED's coding of its event notes.

    Prints precision, recall and F1 for actors, places and events, the accuracy of each
    field on matched events, and governorate coverage on the corpus; where the gold folder
    has a check split, the tune and the check split apart, then the whole. Matching rules:
    README, "Measuring against gold".

    With --acled, prints per country and overall the share of notes with a kg event and
    the agreement of kg's ACLED export with ACLED on event type, sub-event type, location
    (within 25 km), admin1, inter1 and fatalities (README, "Checking kg against ACLED").
    """
    _check_mode(gold_dir, acled)
    if acled is not None:
        _acled_eval(acled, acled_labels, country, per_country, misses_by_kind, workers,
                    as_json, progress)  # fmt: skip
        return
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
    assert gold_dir is not None  # _check_mode: one of the two
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


def _check_mode(gold_dir: Path | None, acled: Path | None) -> None:
    """GOLD_DIR and --acled are two modes: exactly one, each with its own options."""
    ctx = click.get_current_context()

    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE

    if gold_dir is None and acled is None:
        raise click.UsageError("give GOLD_DIR (gold JSON files) or --acled CSV")
    if gold_dir is not None and acled is not None:
        raise click.UsageError("give GOLD_DIR or --acled CSV, not both")
    wrong = _GOLD_ONLY if acled is not None else _ACLED_ONLY
    used = [f"--{n.replace('_', '-')}" for n in wrong if given(n)]
    if used:
        mode = "--acled" if acled is not None else "GOLD_DIR"
        raise click.UsageError(f"{', '.join(used)} cannot be used with {mode}")


def _acled_eval(
    path: Path,
    labels: tuple[Path, ...],
    countries: tuple[str, ...],
    per_country: int | None,
    misses_by_kind: bool,
    workers: int,
    as_json: Path | None,
    progress: bool,
) -> None:
    from tqdm import tqdm

    from kg.evaluate.acled import evaluate_acled
    from kg.parallel import executor_for

    with tqdm(unit="note", desc="acled", file=sys.stderr, disable=not progress, delay=1) as bar:
        result = evaluate_acled(
            path,
            labels=labels,
            countries=countries,
            per_country=per_country,
            executor=executor_for(workers),
            progress=bar.update,
        )
    click.echo(result.report())
    if misses_by_kind:
        click.echo("== disagreements, by kind")
        click.echo(result.misses_report())
    if as_json:
        as_json.write_text(json.dumps(result.as_dict(), indent=2), encoding="utf-8")
