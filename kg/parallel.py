"""Extraction in several processes or on a Dask cluster, with the result of one process.

:func:`kg.pipeline.build` runs extraction on an :class:`Executor`: :class:`InProcess`,
:class:`Processes` (``workers=``) or :class:`OnDask` (``dask=``). The last two cut the articles
into chunks of :data:`~kg.pipeline.BATCH_SIZE`, aligned on the input, so that every spaCy
minibatch is the one a single process would run; run :func:`~kg.pipeline.extract_chunk`
on each chunk where the spaCy pipeline is loaded once per process; and yield each chunk's
picklable :class:`~kg.pipeline.ChunkResult` as it finishes, with the chunk's start in the
input, so that ``build`` can put them back in input order before the cross-article step.

A worker process that dies (a crash in native code, the out-of-memory killer) costs only
the article that killed it: its chunk is retried one article at a time and that article
is skipped with a reason, as an article that raises is.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kg.errors import KGError
from kg.types import Article
from kg.worker import BATCH_SIZE, ChunkResult, _extractor, extract_chunk

if TYPE_CHECKING:
    from distributed import Client

Chunk = tuple[int, Sequence[Article]]  # (start in the input, articles)

DIED = "extraction failed: the worker process died while extracting it"


def chunks(articles: Sequence[Article], size: int | None = None) -> list[Chunk]:
    """Cut ``articles`` into chunks of ``size`` (:data:`~kg.pipeline.BATCH_SIZE` unless
    given), each with its start in the input.

    >>> [(start, len(part)) for start, part in chunks([Article("a", "")] * 40)]
    [(0, 16), (16, 16), (32, 8)]
    """
    size = size or BATCH_SIZE
    return [(start, articles[start : start + size]) for start in range(0, len(articles), size)]


# -- processes on this machine -----------------------------------------------------------
def start_method() -> str:
    """The way to start worker processes: ``fork`` while this process runs one thread, so
    that workers inherit the loaded spaCy pipeline and start at once; else ``forkserver``
    (forking a process that runs threads can deadlock the child), where each worker loads
    the pipeline itself."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def extract_in_processes(
    articles: Sequence[Article], workers: int, *, method: str | None = None
) -> Iterator[tuple[int, ChunkResult]]:
    """Extract ``articles`` in ``workers`` processes; yield ``(start, result)`` per chunk,
    in the order the chunks finish. ``method`` overrides :func:`start_method`."""
    method = method or start_method()
    if method == "fork":
        _extractor()  # loaded before forking: workers share it instead of loading it again
    # otherwise each worker loads it with its first chunk (a missing model then raises
    # ModelError from that chunk's result, here)
    pending = chunks(articles)
    while pending:
        unfinished = yield from _run_pool(pending, workers, method)
        if unfinished and not _pool_starts(method):
            raise KGError(
                f"worker processes ({method}) die before extracting anything",
                hint="build with --workers 1; from a script, start the build under "
                "if __name__ == '__main__': (worker processes import the main module)",
            )
        # The pool broke. The chunks that were running are among the first `workers + 1`
        # unfinished ones (a pool hands out work in order, one call ahead): run those alone
        # to find the one that kills its worker, then its articles alone to skip the culprit.
        suspects, pending = unfinished[: workers + 1], unfinished[workers + 1 :]
        for chunk in suspects:
            if (yield from _run_pool([chunk], 1, method)):
                for single in _singles(chunk):
                    if (yield from _run_pool([single], 1, method)):
                        yield single[0], _died(single[1][0])


def _run_pool(pending: list[Chunk], workers: int, method: str) -> Iterator[tuple[int, ChunkResult]]:
    """Yield the results of ``pending`` as they finish; return the chunks left unfinished
    because a worker process died (none if all went well)."""
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(min(workers, len(pending)), context)
    unfinished: list[Chunk] = []
    try:
        futures: dict[Future[ChunkResult], Chunk] = {
            pool.submit(extract_chunk, part): (start, part) for start, part in pending
        }
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                unfinished.append(futures[future])
                continue
            yield futures[future][0], result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return sorted(unfinished, key=lambda chunk: chunk[0])


def _pool_starts(method: str) -> bool:
    """Whether a worker process can start and run a task at all."""
    with ProcessPoolExecutor(1, multiprocessing.get_context(method)) as pool:
        try:
            return pool.submit(abs, 1).result() == 1
        except BrokenProcessPool:
            return False


def _singles(chunk: Chunk) -> list[Chunk]:
    """A chunk's articles as chunks of one (each keeps its own start in the input)."""
    start, part = chunk
    return [(start + i, [article]) for i, article in enumerate(part)]


def _died(article: Article) -> ChunkResult:
    return ChunkResult([], [(article.origin or article.id, DIED)])


# -- a Dask cluster ----------------------------------------------------------------------
def extract_on_dask(
    articles: Sequence[Article], dask: str | Client
) -> Iterator[tuple[int, ChunkResult]]:
    """Extract ``articles`` on the Dask cluster of ``dask`` (a scheduler address or a
    ``distributed.Client``); yield ``(start, result)`` per chunk as the chunks finish.

    Each worker process loads the spaCy pipeline once, with its first task. A chunk whose
    task kills workers (Dask gives up on it with ``KilledWorker``) is retried one article
    at a time and the articles that kill workers again are skipped.
    """
    from distributed import Client, as_completed
    from distributed.scheduler import KilledWorker

    if isinstance(dask, str):
        try:
            client = Client(dask, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise KGError(
                f"cannot reach the Dask scheduler at {dask}: {exc}",
                hint="start one with: dask scheduler (and dask worker ADDRESS on each machine)",
            ) from None
    else:
        client = dask
    try:
        parts = chunks(articles)
        futures = client.map(_dask_task, [part for _, part in parts], pure=False)
        start_of = {future.key: start for future, (start, _) in zip(futures, parts, strict=True)}
        for future in as_completed(futures, loop=client.loop):
            start = start_of[future.key]
            try:
                yield start, future.result()
            except KilledWorker:
                chunk = (start, articles[start : start + BATCH_SIZE])
                yield from _dask_one_by_one(client, _singles(chunk))
    finally:
        if client is not dask:
            client.close()


def _dask_one_by_one(client: Client, singles: list[Chunk]) -> Iterator[tuple[int, ChunkResult]]:
    from distributed.scheduler import KilledWorker

    futures = client.map(_dask_task, [part for _, part in singles], pure=False)
    for (start, part), future in zip(singles, futures, strict=True):
        try:
            yield start, future.result()
        except KilledWorker:
            yield start, _died(part[0])


def _dask_task(articles: Sequence[Article]) -> ChunkResult:
    # Dask may run several tasks at once in one worker process: the components keep no
    # state of a doc (each doc gets its own index and argument reader), so tasks need no
    # lock.
    return extract_chunk(articles)


# -- executors: one protocol ---------------------------------------------------------------
class Executor(Protocol):
    """Where extraction runs: maps :func:`~kg.worker.extract_chunk` over the articles and
    yields ``(start in the input, result)`` per chunk, in any order."""

    def map_chunks(self, articles: Sequence[Article]) -> Iterator[tuple[int, ChunkResult]]: ...


@dataclass(frozen=True)
class InProcess:
    """This process, chunk after chunk."""

    def map_chunks(self, articles: Sequence[Article]) -> Iterator[tuple[int, ChunkResult]]:
        for start, part in chunks(articles):
            yield start, extract_chunk(part)


@dataclass(frozen=True)
class Processes:
    """``workers`` processes on this machine (see :func:`extract_in_processes`)."""

    workers: int
    method: str | None = None

    def map_chunks(self, articles: Sequence[Article]) -> Iterator[tuple[int, ChunkResult]]:
        return extract_in_processes(articles, self.workers, method=self.method)


@dataclass(frozen=True)
class OnDask:
    """A Dask cluster: a scheduler address or a ``distributed.Client``."""

    cluster: str | Client

    def map_chunks(self, articles: Sequence[Article]) -> Iterator[tuple[int, ChunkResult]]:
        return extract_on_dask(articles, self.cluster)


def executor_for(workers: int = 1, dask: str | Client | None = None) -> Executor:
    """The executor of ``kg build --workers N`` / ``--dask ADDRESS``.

    >>> executor_for(), executor_for(4)
    (InProcess(), Processes(workers=4, method=None))
    """
    if dask is not None:
        return OnDask(dask)
    if workers > 1:
        return Processes(workers)
    if workers == 1:
        return InProcess()
    raise KGError(f"workers must be 1 or more, not {workers}", hint="use --workers 1")
