"""Incremental builds into a store: extract only what the store lacks, one commit per article.

:func:`build_store` is ``kg build --store``; :func:`build_into_store` the step it runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import StoreError, is_write_failure, os_reason, write_fix
from kg.merge import merge as merge_reports
from kg.pipeline import BuildReport
from kg.store import open_store
from kg.store.graph import StoreGraph
from kg.store.incremental import Plan, plan
from kg.types import Article

if TYPE_CHECKING:
    from distributed import Client

    from kg.merge import MergeResult

#: Articles extracted per round. Each round's articles are committed before the next
#: round is read, so a long build that is stopped keeps most of its work.
ROUND = 64


def build_into_store(
    articles: Iterable[Article],
    store: StoreGraph,
    *,
    report: BuildReport | None = None,
    progress: Callable[[Article], None] | None = None,
    force: bool = False,
    merge: bool = False,
    workers: int = 1,
    dask: str | Client | None = None,
) -> tuple[Plan, MergeResult | None]:
    """Add ``articles`` to ``store``: skip unchanged ones, add new ones, replace changed ones.

    Each article's graph is checked against the SHACL shapes in memory (unless
    ``store.validate_articles`` is off) and committed in one transaction. The merges are
    recomputed with ``merge``, or when a replaced article had taken part in them.
    ``workers`` and ``dask`` extract each round in parallel (see :func:`kg.pipeline.build`).
    Returns the :class:`~kg.store.incremental.Plan` carried out, and the
    :class:`~kg.merge.MergeResult` if the merges were recomputed.
    """
    from kg.pipeline import build

    report = report if report is not None else BuildReport()
    todo = plan(articles, store.content_hashes(), force=force)
    for start in range(0, len(todo.todo), ROUND):
        build(
            todo.todo[start : start + ROUND],
            graph=store,
            report=report,
            progress=progress,
            workers=workers,
            dask=dask,
        )
    report.skipped.extend(store.rejected)
    merged = merge_reports(store) if merge or store.merges_stale() else None
    return todo, merged


@dataclass(frozen=True)
class StoreBuild:
    """What :func:`build_store` did."""

    plan: Plan
    report: BuildReport
    #: The store's :meth:`~kg.graph.KnowledgeGraph.stats` after the build.
    stats: dict[str, int]
    #: Articles the store refused (they are also in ``report.skipped``).
    rejected: int
    #: The recomputed merges, if they were (see :func:`build_into_store`).
    merged: MergeResult | None = None
    #: The graph file the whole store was also written to, if one was asked for.
    written: Path | None = None


def build_store(
    location: str | os.PathLike[str],
    articles: Iterable[Article],
    *,
    report: BuildReport | None = None,
    validate: bool = True,
    merge: bool = False,
    force: bool = False,
    progress: Callable[[Article], None] | None = None,
    workers: int = 1,
    dask: str | Client | None = None,
    out: str | os.PathLike[str] | None = None,
) -> StoreBuild:
    """``kg build --store``: open (or create) the store at ``location``, an Oxigraph folder
    or a SPARQL server's URL, add to it what it lacks (:func:`build_into_store`), checking
    each article against the SHACL shapes if ``validate``, and write the whole store to the
    graph file ``out`` if given.

    ``progress`` is called with each article extracted, then with each found unchanged.
    """
    report = report if report is not None else BuildReport()
    with open_store(location, create=True) as store:
        store.validate_articles = validate
        try:
            done, merged = build_into_store(
                articles,
                store,
                report=report,
                progress=progress,
                force=force,
                merge=merge,
                workers=workers,
                dask=dask,
            )
        except OSError as exc:
            if not is_write_failure(exc):
                raise
            raise StoreError(
                f"{location}: cannot write the store: {os_reason(exc)}. It is consistent: "
                f"the {store.committed} article(s) this build committed before the failure are "
                "in it, whole, and none in part",
                hint=f"{write_fix(exc)}; then run the same kg build again, which adds only "
                "what the store lacks",
            ) from exc
        if progress is not None:
            for article in done.unchanged:
                progress(article)
        if out is not None:
            store.serialize(out)
        return StoreBuild(
            done,
            report,
            stats=store.stats(),
            rejected=len(store.rejected),
            merged=merged,
            written=Path(out) if out is not None else None,
        )
