"""Merge precision and recall on the labelled pairs of FA-KES reports (slow: builds the
articles the pairs name).

``tests/data/merge_pairs.csv``: pairs of reports from the FA-KES dev corpus labelled same
or different event by reading the articles, each report named by its article's id and the
offsets of a piece of its sentence (Abu Salem et al., "FA-KES: A Fake News Dataset
around the Syrian War", ICWSM 2019, CC BY 4.0; the corpus is read from ../shared).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.merge import read_pairs

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "data" / "merge_pairs.csv"
CORPUS = ROOT.parent / "shared" / "data" / "fa-kes" / "fa-kes-dev.csv"


def test_pairs_file_is_well_formed():
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 40
    assert sum(p.same for p in pairs) >= 20 and sum(not p.same for p in pairs) >= 15
    assert all(p.a[1][0] < p.a[1][1] and p.b[1][0] < p.b[1][1] and p.note for p in pairs)


def test_pairs_file_holds_offsets_not_the_articles_text():
    """The corpus is read from ../shared, never copied: each side is an id and offsets."""
    header, *rows = PAIRS.read_text(encoding="utf-8").splitlines()
    assert header == "unit_id_a,span_a,unit_id_b,span_b,label,note"
    for row in rows:
        assert re.fullmatch(r"\d+,\d+-\d+,\d+,\d+-\d+,(same|different),.+", row), row


@pytest.fixture(scope="module")
def evaluation():
    from kg.ingest import iter_articles
    from kg.merge import cluster_reports, evaluate_pairs, load_reports
    from kg.pipeline import build

    pairs = read_pairs(PAIRS)
    wanted = {side[0] for pair in pairs for side in (pair.a, pair.b)}
    graph = build(a for a in iter_articles([CORPUS]) if a.id in wanted)
    reports, context = load_reports(graph)
    return evaluate_pairs(pairs, reports, cluster_reports(reports, context))


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/fa-kes is not present")
def test_merge_precision_meets_the_target(evaluation):
    assert evaluation.precision >= 0.9, "\n".join(evaluation.errors)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/fa-kes is not present")
def test_merge_recall_meets_the_target(evaluation):
    assert evaluation.recall >= 0.7, "\n".join(evaluation.errors)
