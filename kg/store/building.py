"""Incremental builds into a store: extract only what the store lacks, one commit per article."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kg.pipeline import BuildReport
from kg.store.graph import StoreGraph
from kg.store.incremental import Plan, plan
from kg.types import Article

if TYPE_CHECKING:
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
    dask: str | None = None,
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
    merged = store.merge() if merge or store.merges_stale() else None
    return todo, merged
