"""The whole FA-KES dev corpus and the gold files (slow: about a minute).

FA-KES: Abu Salem et al., "FA-KES: A Fake News Dataset around the Syrian War",
ICWSM 2019, CC BY 4.0 — read from ../shared, never copied into the repository.
The thresholds below are the extraction issue's targets where they are reached, and a
regression guard at the level reached so far where not (events F1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"

CORPUS = SHARED / "data" / "fa-kes" / "fa-kes-dev.csv"
GOLD = SHARED / "data" / "gold"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/fa-kes is not present"),
]


@pytest.fixture(scope="module")
def run():
    from kg.evaluate.run import run_eval

    return run_eval(GOLD, CORPUS, coverage=True)


def test_every_article_of_the_corpus_is_extracted(run):
    covered, total, _ = run.coverage
    assert total >= 750  # every row with a coded governorate went through the pipeline


def test_governorate_coverage(run):
    covered, total, misses = run.coverage
    assert covered / total >= 0.95, "\n".join(misses[:20])


def test_scores_do_not_regress(run):
    """The tune split (the files the rules were written against) holds the level reached;
    the check split (kept apart, written blind) must not fall below where it stands."""
    tune = run.splits["tune"].as_dict()
    assert tune["actor"]["f1"] >= 0.85
    assert tune["place"]["f1"] >= 0.90
    assert tune["event"]["f1"] >= 0.65
    assert tune["matched_events"]["type"] >= 0.85
    check = run.splits["check"].as_dict()
    assert check["actor"]["f1"] >= 0.78
    assert check["place"]["f1"] >= 0.70
    assert check["event"]["f1"] >= 0.33


def test_the_whole_corpus_builds_a_valid_graph(tmp_path):
    """Every article in, SHACL satisfied across articles (one label and type per actor),
    and the TriG written reads back."""
    from kg.graph import KnowledgeGraph
    from kg.ingest import iter_articles
    from kg.pipeline import BuildReport, build

    report = BuildReport()
    graph = build(iter_articles([CORPUS]), report=report)
    assert report.skipped == [] and len(report.ok) == 752
    validation = graph.validate()
    assert validation.conforms, str(validation)[:2000]
    path = graph.serialize(tmp_path / "fa-kes.trig")
    assert len(KnowledgeGraph.load(path)) == len(graph)
