"""Latency of every shipped analyst query, engine against engine, on the same graph.

Each query runs on each engine and its rows are read to the end (time to the last row).
The store runs each query once untimed to warm its caches, then ``repeats`` times, in a
child process (:mod:`benchmarks.store_query`). rdflib runs ``repeats`` times in this
process. Either runs a query once only if it takes longer than ``repeat_under`` seconds; a
run still going after ``cap`` seconds is stopped and counted as ``>= cap``, which makes a
speed-up against it a lower bound (marked ``>=``).
"""

from __future__ import annotations

import signal
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


class QueryTimeout(BaseException):
    """A timed query ran out of time (a BaseException, so no ``except Exception`` eats it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`QueryTimeout` in this (main) thread after ``seconds``.

    rdflib evaluates SPARQL in Python, so the signal lands between two bytecodes.
    """
    if not seconds:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise QueryTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Timing:
    """The runs of one query on one engine."""

    runs: list[float] = field(default_factory=list)
    rows: int | None = None
    capped: bool = False  # a run was stopped at the cap: the median is a lower bound
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None


def run_once(graph, sparql: str, cap: float | None = None) -> tuple[float, int | None]:  # noqa: ANN001
    """Run ``sparql`` on ``graph`` (a KnowledgeGraph), read every row; (seconds, rows).

    Raises :class:`QueryTimeout` past ``cap`` seconds.
    """
    start = time.perf_counter()
    with time_limit(cap):
        result = graph.query(sparql)
        rows = 1 if result.type == "ASK" else sum(1 for _ in result)
    return time.perf_counter() - start, rows


def time_query(
    graph,  # noqa: ANN001
    sparql: str,
    *,
    repeats: int,
    warmup: bool,
    cap: float | None = None,
    repeat_under: float | None = None,
) -> Timing:
    timing = Timing()
    try:
        if warmup:
            run_once(graph, sparql, cap)
        for _ in range(repeats):
            seconds, timing.rows = run_once(graph, sparql, cap)
            timing.runs.append(seconds)
            if repeat_under is not None and seconds > repeat_under:
                break
    except QueryTimeout:
        timing.capped = True
        timing.runs.append(cap or 0.0)
    except Exception as exc:  # noqa: BLE001 - report the failure, go on with the others
        timing.error = f"{type(exc).__name__}: {exc}"
    return timing


@dataclass
class QueryResult:
    name: str
    timings: dict[str, Timing]  # engine -> timing

    def speed_up(self, fast: str, slow: str) -> tuple[float | None, str]:
        """How many times faster ``fast`` is than ``slow`` at the median, and ``">="`` if
        that is a lower bound (``slow`` was capped), ``"<="`` an upper one (``fast`` was)."""
        a, b = self.timings[fast], self.timings[slow]
        if a.median is None or b.median is None or a.error or b.error or (a.capped and b.capped):
            return None, ""
        bound = ">=" if b.capped else "<=" if a.capped else ""
        return b.median / max(a.median, 1e-9), bound


def measure_queries(
    runners: dict[str, Callable[[str], Timing]],
    names: Sequence[str],
    *,
    progress: Callable[[str, str, Timing], None] | None = None,
) -> list[QueryResult]:
    """Time each shipped query in ``names`` with each runner (engine name -> a function
    from a query's name to its :class:`Timing`)."""
    results = []
    for name in names:
        timings = {}
        for engine, runner in runners.items():
            timings[engine] = runner(name)
            if progress:
                progress(name, engine, timings[engine])
        results.append(QueryResult(name, timings))
    return results


def in_process(graph, **options: Any) -> Callable[[str], Timing]:  # noqa: ANN001
    """A runner timing shipped queries on ``graph`` in this process (see :func:`time_query`)."""
    from kg.query import load_query

    return lambda name: time_query(graph, load_query(name), **options)


@dataclass
class QuerySummary:
    """The figures the targets are about."""

    median_speed_up: float | None
    speed_up_bound: str  # "", ">=" (a lower bound) or "?" (some speed-ups are upper bounds)
    median_latency: float | None  # of the fast engine's per-query medians
    slowest_query: str | None
    slowest_latency: float | None
    fast_capped: list[str]  # queries stopped at the cap on the fast engine
    errors: list[str]


def summarize(results: list[QueryResult], fast: str, slow: str) -> QuerySummary:
    """Median speed-up (a lower bound if a query at or below it was capped on ``slow``: the
    median of lower bounds bounds the median), ``fast``'s median and slowest query."""
    valid = [(up, bound) for up, bound in (r.speed_up(fast, slow) for r in results) if up]
    median_up = statistics.median(up for up, _ in valid) if valid else None
    bound = ""
    if any(b == "<=" for _, b in valid):
        bound = "?"
    elif any(b == ">=" and median_up is not None and up <= median_up for up, b in valid):
        bound = ">="
    medians = [(t.median, r.name) for r in results if (t := r.timings[fast]).median is not None]
    slowest = max(medians) if medians else (None, None)
    return QuerySummary(
        median_speed_up=median_up,
        speed_up_bound=bound,
        median_latency=statistics.median(m for m, _ in medians) if medians else None,
        slowest_query=slowest[1],
        slowest_latency=slowest[0],
        fast_capped=[r.name for r in results if r.timings[fast].capped],
        errors=[
            f"{r.name} on {engine}: {t.error}"
            for r in results
            for engine, t in r.timings.items()
            if t.error
        ],
    )


def query_table(results: list[QueryResult], fast: str, slow: str, title: str) -> str:
    from benchmarks.report import ms, ratio, table

    rows = []
    for result in results:
        f, s = result.timings[fast], result.timings[slow]
        up, bound = result.speed_up(fast, slow)
        same = "" if f.rows == s.rows or None in (f.rows, s.rows) else " (!)"
        rows.append(
            [
                result.name,
                "error" if f.error else ms(f.median, at_least=f.capped),
                "error" if s.error else ms(s.median, at_least=s.capped),
                "-" if up is None else bound + ratio(up),
                "-" if f.rows is None else f"{f.rows:,}",
                ("-" if s.rows is None else f"{s.rows:,}") + same,
            ]
        )
    return table(
        title,
        ["query", f"{fast} ms", f"{slow} ms", "speed-up", f"rows {fast}", f"rows {slow}"],
        rows,
    )
