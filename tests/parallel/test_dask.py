"""``build(dask=...)`` on a two-worker ``LocalCluster``: the graph of one process."""

from __future__ import annotations

import pytest

from kg.pipeline import BuildReport, build
from kg.types import Article

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, on loopback only, no dashboard."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster


@pytest.mark.slow
def test_dask_builds_the_graph_of_one_process(cluster, articles, one_process, nquads):
    bad = Article(id="bad-row", text=b"bytes, not text")  # type: ignore[arg-type]
    report = BuildReport()
    seen: list[str] = []
    graph = build(
        [*articles, bad],
        report=report,
        progress=lambda a: seen.append(a.id),
        dask=cluster.scheduler_address,
    )
    assert nquads(graph) == one_process.quads
    assert report.ok == one_process.report.ok
    assert [origin for origin, _ in report.skipped] == ["bad-row"]
    assert sorted(seen) == sorted(report.ok)


@pytest.mark.slow
def test_dask_with_a_client(cluster, articles, one_process, nquads):
    with distributed.Client(cluster) as client:
        graph = build(articles, dask=client)
        assert client.status == "running"  # a client passed in is left open
    assert nquads(graph) == one_process.quads


def test_an_unreachable_scheduler_is_a_kg_error(articles):
    import dask

    from kg.errors import KGError

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(KGError, match="cannot reach the Dask scheduler"),
    ):
        build(articles[:1], dask="tcp://127.0.0.1:9")
