"""``kg build``: articles into a graph file or a store."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli._util import FORMATS, graph_summary, main, report_problems

if TYPE_CHECKING:
    from kg.types import Article


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help=f"Graph file to write; format from the suffix ({FORMATS}).",
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
    default=None,
    help="Merge reports of one event across articles (see kg merge): the default, and "
    "with --store whenever articles come in (--merge: every time); --no-merge keeps the "
    "reports apart (kg merge GRAPH merges them later).",
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
def build(
    paths: tuple[Path, ...],
    out: Path | None,
    store_: str | None,
    force: bool,
    validate: bool,
    progress: bool,
    merge_: bool | None,
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

    from kg.errors import InputError
    from kg.ingest import Columns, iter_articles
    from kg.pipeline import BuildReport, build_file
    from kg.rdf.io import format_for
    from kg.store.building import build_store

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

    def extracted(_: Article) -> None:
        bar.update(1)

    if store_ is not None:
        done = build_store(
            store_,
            articles,
            report=report,
            validate=validate,
            merge=merge_,
            force=force,
            progress=extracted,
            workers=workers,
            dask=dask_address,
            out=out,
        )
        bar.close()
        click.echo(
            f"built {store_}: {done.plan.summary()}; the store holds {graph_summary(done.stats)}"
            f" in {time.perf_counter() - started:.1f}s"
            + (f"; {len(report.skipped)} skipped" if report.skipped else "")
            + ("; SHACL: each article conforms" if validate and done.plan.todo else "")
            + (f"; wrote {out}" if out is not None else "")
        )
        merged, unchanged, rejected = done.merged, len(done.plan.unchanged), done.rejected
    else:
        assert out is not None  # checked above
        result = build_file(
            articles,
            out,
            report=report,
            validate=validate,
            merge=merge_ is not False,
            progress=extracted,
            workers=workers,
            dask=dask_address,
        )
        bar.close()
        if result.written:
            click.echo(
                f"built {out}: {graph_summary(result.graph.stats())}"
                f" in {time.perf_counter() - started:.1f}s"
                + (f"; {len(report.skipped)} skipped" if report.skipped else "")
                + ("; SHACL: conforms" if result.validated else "")
            )
        else:
            click.echo(f"built nothing: {out} left as it was; {len(report.skipped)} skipped")
        merged, unchanged, rejected = result.merged, 0, 0
    if merged is not None:
        click.echo(f"merged: {merged.summary()}")
    report_problems(report, unchanged=unchanged, rejected=rejected)
    if report.skipped:
        sys.exit(2)
