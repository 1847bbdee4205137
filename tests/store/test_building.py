"""``kg.store.building.build_store``: ``kg build --store`` as a library call."""

from __future__ import annotations

import kg
from kg.graph import KnowledgeGraph
from kg.pipeline import BuildReport
from kg.store import open_graph
from kg.store.building import build_store


def test_build_store_adds_what_the_store_lacks_and_reports_it(tmp_path, articles_dir):
    articles = kg.read_articles([articles_dir])
    seen: list[str] = []
    first = build_store(tmp_path / "store", articles, progress=lambda a: seen.append(a.id))
    assert first.plan.summary() == "3 new, 0 changed, 0 unchanged article(s)"
    assert first.stats["articles"] == 3 and first.rejected == 0
    assert first.report.ok == sorted(first.report.ok, key=[a.id for a in articles].index)
    assert first.merged is not None and first.written is None  # new articles: merged
    assert sorted(seen) == sorted(a.id for a in articles)

    seen.clear()
    report = BuildReport()
    out = tmp_path / "all.trig"
    again = build_store(
        tmp_path / "store", articles, report=report, merge=True, out=out,
        progress=lambda a: seen.append(a.id),
    )  # fmt: skip
    assert again.plan.summary() == "0 new, 0 changed, 3 unchanged article(s)"
    assert again.report is report and report.ok == [] and report.skipped == []
    assert sorted(seen) == sorted(a.id for a in articles)  # the unchanged, counted too
    assert again.merged is not None and again.written == out
    with open_graph(tmp_path / "store") as store:
        assert store.stats() == KnowledgeGraph.load(out).stats() == again.stats
