"""``build(workers=N)``: the graph of one process, and a bad article costs only itself."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import parallel, worker
from kg.pipeline import BuildReport, build
from kg.types import Article

FA_KES = Path(__file__).resolve().parents[3] / "shared" / "data" / "fa-kes" / "fa-kes-dev.csv"


def test_the_articles_span_several_chunks(articles):
    assert len(parallel.chunks(articles)) >= 3


def test_two_workers_build_the_graph_of_one_process(articles, one_process, nquads):
    report = BuildReport()
    seen: list[str] = []
    graph = build(articles, report=report, progress=lambda a: seen.append(a.id), workers=2)
    assert nquads(graph) == one_process.quads
    assert report.ok == one_process.report.ok == [a.id for a in articles]
    assert report.skipped == one_process.report.skipped == []
    assert sorted(seen) == sorted(one_process.seen) == sorted(report.ok)


def test_the_new_actor_has_one_label(one_process):
    """Its spellings fall in different chunks; the build still picks one."""
    rows = one_process.graph.query(
        "SELECT DISTINCT ?label ?alt WHERE { ?a a ckg:Actor ; rdfs:label ?label ; "
        'skos:altLabel ?alt . FILTER(CONTAINS(LCASE(?label), "idlib media")) }'
    )
    assert {(str(label), str(alt)) for label, alt in rows} == {
        ("Idlib Media Center", "Idlib-Media Center")
    }


def test_extractions_pickle(articles):
    import pickle

    result = worker.extract_chunk(articles[:3])
    assert pickle.loads(pickle.dumps(result)) == result


BAD = Article(id="bad-row", text=b"bytes, not text", origin="rows.csv:7")  # type: ignore[arg-type]


def test_a_bad_article_is_skipped_and_the_others_built(articles, one_process, nquads):
    mixed = [*articles[:20], BAD, *articles[20:]]
    one, two = BuildReport(), BuildReport()
    graph_one = build(mixed, report=one)
    graph_two = build(mixed, report=two, workers=2)
    assert two.skipped == one.skipped
    assert [origin for origin, _ in two.skipped] == ["rows.csv:7"]
    assert two.skipped[0][1].startswith("extraction failed: TypeError")
    assert two.ok == one.ok == [a.id for a in articles]
    assert nquads(graph_two) == nquads(graph_one) == one_process.quads


def test_an_article_that_kills_its_worker_costs_only_itself(articles, one_process, monkeypatch):
    """A worker that dies (say a crash in native code) loses no other article."""
    real = worker.extract_docs

    def crash_on(batch, **options):  # inherited by the forked workers
        if any(a.id == "crash" for a in batch):
            os._exit(1)
        return real(batch, **options)

    monkeypatch.setattr(worker, "extract_docs", crash_on)
    mixed = [*articles[:5], Article(id="crash", text="Strikes hit Idlib."), *articles[5:]]
    found = dict(parallel.extract_in_processes(mixed, 2, method="fork"))
    ordered = [found[start] for start in sorted(found)]
    assert [e.article.id for r in ordered for e in r.extractions] == [a.id for a in articles]
    assert [s for r in ordered for s in r.skipped] == [("crash", parallel.DIED)]


@pytest.mark.slow
def test_forkserver_workers_build_the_graph_of_one_process(
    articles, one_process, nquads, monkeypatch
):
    """What a parent that runs threads gets: workers that load the pipeline themselves."""
    monkeypatch.setattr(parallel, "start_method", lambda: "forkserver")
    assert nquads(build(articles, workers=2)) == one_process.quads


@pytest.mark.slow
@pytest.mark.skipif(not FA_KES.is_file(), reason=f"{FA_KES} is missing")
def test_fa_kes_rows_with_two_workers(nquads):
    from kg.ingest import iter_articles

    rows = list(iter_articles([FA_KES]))[:60]
    one, two = BuildReport(), BuildReport()
    assert nquads(build(rows, report=one)) == nquads(build(rows, report=two, workers=2))
    assert (one.ok, one.skipped) == (two.ok, two.skipped)
