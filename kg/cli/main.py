"""``kg``: build, query, validate and visualise conflict knowledge graphs.

Every command has ``--help``. Errors print one line naming the problem and one ``TIP``
line with the fix, and exit with the status of their class (see :mod:`kg.errors`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from kg.errors import KGError

_FORMATS = ".trig, .nq, .ttl, .jsonld"


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Map KGError to an exit status with a hint line (pypa/build style)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            if exc.hint:
                click.echo(f"TIP: {exc.hint}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-kg", prog_name="kg")
def main() -> None:
    """Turn conflict reporting into a knowledge graph: who did what to whom, where, when,
    and who says so."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help=f"Graph file to write; format from the suffix ({_FORMATS}).",
)
@click.option(
    "--store",
    "store_",
    default=None,
    help="Oxigraph store folder, or SPARQL server URL, to add the articles to: unchanged "
    "articles are skipped, changed ones replaced, each article committed whole.",
)
@click.option(
    "--force",
    is_flag=True,
    help="With --store: extract the articles again even if the store has them unchanged.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check the built graph (with --store: each article's) against the SHACL shapes.",
)
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Show a progress bar on stderr.",
)
@click.option(
    "--merge/--no-merge",
    "merge_",
    default=False,
    show_default=True,
    help="Also merge reports of one event across articles (see kg merge).",
)
@click.option(
    "--workers",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Extract in this many processes (the graph is the same as with one).",
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="SCHEDULER",
    help="Extract on a Dask cluster (dask.distributed scheduler address, e.g. "
    "tcp://10.0.0.5:8786); each worker loads the spaCy model once.",
)
@click.option("--id-column", default=None, help="Column of article ids in CSV/TSV/JSONL input.")
@click.option("--title-column", default=None, help="Column of titles.")
@click.option("--text-column", default=None, help="Column of article texts.")
@click.option("--date-column", default=None, help="Column of publication dates.")
@click.option("--publisher-column", default=None, help="Column of publishers.")
@click.option("--url-column", default=None, help="Column of URLs.")
@_handle_errors
def build(
    paths: tuple[Path, ...],
    out: Path | None,
    store_: str | None,
    force: bool,
    validate: bool,
    progress: bool,
    merge_: bool,
    workers: int,
    dask_address: str | None,
    id_column: str | None,
    title_column: str | None,
    text_column: str | None,
    date_column: str | None,
    publisher_column: str | None,
    url_column: str | None,
) -> None:
    """Extract articles from PATHS into a graph file (--out) or a store (--store).

    PATHS are text files (one article each), CSV, TSV or JSON Lines files (one article per
    row or line), or folders of them. Table columns are found by their usual names (id,
    unit_id, title, text, content, article_content, body, date, source, url, ...); name
    others with the --*-column options.

    \b
    With --store, builds are incremental and can be stopped at any time:
      kg build feed.jsonl --store out/store            # an Oxigraph folder
      kg build feed.jsonl --store http://127.0.0.1:7878/update   # a SPARQL server
    """
    from tqdm import tqdm

    from kg.errors import InputError, ValidationError
    from kg.graph import format_for
    from kg.ingest import Columns, iter_articles
    from kg.pipeline import BuildReport
    from kg.pipeline import build as run_build

    if out is None and store_ is None:
        raise InputError("give --out FILE, --store DIR or URL, or both", hint="kg build --help")
    if out is not None:
        format_for(out)  # fail before the slow part if the suffix is unknown
    started = time.perf_counter()
    errors: list[InputError] = []
    columns = Columns(
        id=id_column,
        title=title_column,
        text=text_column,
        date=date_column,
        publisher=publisher_column,
        url=url_column,
    )
    warnings: list[str] = []
    articles = list(iter_articles(paths, errors=errors, columns=columns, warnings=warnings))
    report = BuildReport(skipped=[(str(e), "") for e in errors], warnings=warnings)
    bar = tqdm(
        total=len(articles),
        unit="article",
        desc="extracting",
        file=sys.stderr,
        disable=not progress or not articles,
    )
    if store_ is not None:
        _build_store(
            store_,
            articles,
            report,
            bar,
            out=out,
            force=force,
            merge_=merge_,
            validate=validate,
            started=started,
            workers=workers,
            dask=dask_address,
        )
    else:
        graph = run_build(
            articles,
            report=report,
            progress=lambda _: bar.update(1),
            workers=workers,
            dask=dask_address,
        )
        bar.close()
        merged = graph.merge() if merge_ else None
        if validate and report.ok:
            result = graph.validate()
            if not result.conforms and _drop_nonconforming(graph, articles, report):
                result = graph.validate()
            if not result.conforms:
                raise ValidationError(
                    str(result), hint="please report this as a bug in conflict-kg"
                )
        if not report.ok and report.skipped and out.exists():
            # Everything given was bad: an empty graph must not replace a good one.
            click.echo(f"built nothing: {out} left as it was; {len(report.skipped)} skipped")
        else:
            graph.serialize(out)
            click.echo(
                f"built {out}: {_summary(graph.stats())} in {time.perf_counter() - started:.1f}s"
                + (f"; {len(report.skipped)} skipped" if report.skipped else "")
                + ("; SHACL: conforms" if validate and report.ok else "")
            )
        if merged is not None:
            click.echo(f"merged: {merged.summary()}")
        _report_problems(report)
    if report.skipped:
        sys.exit(2)


def _summary(stats: dict[str, int]) -> str:
    return (
        f"{stats['articles']} article(s), {stats['triples']:,} triples, "
        f"{stats['actors']} actors, {stats['places']} places, {stats['events']} events, "
        f"{stats['mentions']} mentions"
    )


def _drop_nonconforming(graph: Any, articles: list, report: Any) -> bool:
    """Skip each article whose own graph breaks the SHACL shapes, as a store build does, so
    that one article never costs the others; return whether any was. Only run when the whole
    graph fails (a bug in conflict-kg): checking article by article is slower."""
    from kg.ontology.shapes import validate_graph
    from kg.rdf.iris import article_graph_iri

    built = set(report.ok)
    dropped = False
    for article in articles:
        if article.id not in built:
            continue
        named = graph.dataset.graph(article_graph_iri(article.id))
        result = validate_graph(named)
        if result.conforms:
            continue
        graph.dataset.remove_graph(named)
        report.ok.remove(article.id)
        first = result.violations[0] if result.violations else "?"
        report.skipped.append(
            (
                article.origin or article.id,
                f"its graph does not conform to the SHACL shapes ({first}); please report "
                "this as a bug in conflict-kg",
            )
        )
        dropped = True
    return dropped


def _report_problems(report: Any, *, unchanged: int = 0, rejected: int = 0) -> None:
    """Print the closing summary of a build on stderr: what was built, then every article,
    file or row skipped with its reason and every warning, one line each.

    ``unchanged`` articles (already in the store) count as ok; ``rejected`` ones (refused
    by the store, and listed among the skipped) do not.
    """
    ok = len(report.ok) - rejected + unchanged
    counts = f"{ok} ok" + (f" ({unchanged} unchanged)" if unchanged else "")
    counts += f", {len(report.skipped)} skipped"
    counts += f", {len(report.warnings)} warning" + ("" if len(report.warnings) == 1 else "s")
    colour = "yellow" if report.skipped or report.warnings else None
    click.secho(f"summary: {counts}", fg=colour, err=True)
    for origin, reason in report.skipped:
        line = f"{origin}: {reason}" if reason else origin
        click.secho(f"skipped: {_one_line(line)}", fg="yellow", err=True)
    for warning in report.warnings:
        click.secho(f"warning: {_one_line(warning)}", fg="yellow", err=True)


def _one_line(text: str) -> str:
    r"""``text`` on one line, its control characters escaped: file names, headers and
    exception texts come from the input, and must neither break the line nor drive the
    terminal.

    >>> _one_line("a.csv: no text column; its columns are: x\x1b[31m, y\nz")
    'a.csv: no text column; its columns are: x\\x1b[31m, y\\nz'
    """
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


def _build_store(
    location: str,
    articles: list,
    report: Any,
    bar: Any,
    *,
    out: Path | None,
    force: bool,
    merge_: bool,
    validate: bool,
    started: float,
    workers: int = 1,
    dask: str | None = None,
) -> None:
    """``kg build --store``: add to a store what it lacks (see kg.store.building)."""
    from kg.store import open_store
    from kg.store.building import build_into_store

    with open_store(location, create=True) as store:
        store.validate_articles = validate
        done, merged = build_into_store(
            articles,
            store,
            report=report,
            progress=lambda _: bar.update(1),
            force=force,
            merge=merge_,
            workers=workers,
            dask=dask,
        )
        bar.update(len(done.unchanged))
        bar.close()
        if out is not None:
            store.serialize(out)
        click.echo(
            f"built {location}: {done.summary()}; the store holds {_summary(store.stats())}"
            f" in {time.perf_counter() - started:.1f}s"
            + (f"; {len(report.skipped)} skipped" if report.skipped else "")
            + ("; SHACL: each article conforms" if validate and done.todo else "")
            + (f"; wrote {out}" if out is not None else "")
        )
        if merged is not None:
            click.echo(f"merged: {merged.summary()}")
        _report_problems(report, unchanged=len(done.unchanged), rejected=len(store.rejected))


@main.command()
@click.argument("graph", required=False)
@click.argument("query", required=False)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("--list", "list_", is_flag=True, help="List the shipped queries and exit.")
@_handle_errors
def query(graph: str | None, query: str | None, fmt: str, list_: bool) -> None:
    """Run QUERY on GRAPH: SPARQL text, a .rq file, or the name of a shipped query.

    GRAPH is a graph file, an Oxigraph store folder or a SPARQL server's URL.

    The project's prefixes (ckg:, sem:, prov:, skos:, nif:, wgs:, ...) are predeclared.

    \b
    Examples:
      kg query out/graph.trig events
      kg query out/graph.trig "SELECT ?a WHERE { ?a a ckg:Actor }" --format csv
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

    sparql = resolve_query(query)
    with open_graph(graph) as kg:
        click.echo(format_result(kg.query(sparql), fmt))


@main.command()
@click.argument("graph")
@_handle_errors
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


def _register() -> None:
    from kg.cli.eval_cmd import eval_command
    from kg.cli.export_cmd import export_command
    from kg.cli.map_cmd import map_command
    from kg.cli.merge_cmd import eval_merge_command, merge_command, unmerge_command
    from kg.cli.serve_cmd import serve_command
    from kg.cli.stats_cmd import stats_command
    from kg.cli.viz_cmd import viz_command

    main.add_command(eval_command)
    main.add_command(merge_command)
    main.add_command(unmerge_command)
    main.add_command(eval_merge_command)
    main.add_command(stats_command)
    main.add_command(export_command)
    main.add_command(serve_command)
    main.add_command(viz_command)
    main.add_command(map_command)


_register()


if __name__ == "__main__":  # pragma: no cover
    main()
