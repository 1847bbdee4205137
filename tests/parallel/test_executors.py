"""Executors behind one protocol (kg.parallel.Executor)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from kg.errors import KGError
from kg.parallel import InProcess, OnDask, Processes, executor_for
from kg.pipeline import build
from kg.types import Article
from kg.worker import ChunkResult, extract_chunk


def test_the_options_pick_an_executor():
    assert executor_for() == InProcess()
    assert executor_for(3) == Processes(3)
    assert executor_for(3, dask="tcp://host:8786") == OnDask("tcp://host:8786")
    with pytest.raises(KGError, match="workers must be 1 or more"):
        executor_for(0)


class Backwards:
    """A user's executor: runs the chunks last first (results come in any order)."""

    def __init__(self) -> None:
        self.calls = 0

    def map_chunks(self, articles: Sequence[Article]) -> Iterator[tuple[int, ChunkResult]]:
        starts = list(range(0, len(articles), 2))
        for start in reversed(starts):
            self.calls += 1
            yield start, extract_chunk(articles[start : start + 2])


def test_any_executor_builds_the_graph_of_one_process(articles, one_process, nquads):
    executor = Backwards()
    graph = build(articles, executor=executor)
    assert executor.calls > 1
    assert nquads(graph) == one_process.quads
