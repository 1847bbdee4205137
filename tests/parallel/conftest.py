"""Articles for the parallel builds, and the graph one process builds from them."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.types import Article

TEXTS = [
    "Syrian government forces shelled Douma on Monday, killing five civilians, the Syrian "
    "Observatory for Human Rights said.",
    "Russian warplanes struck rebel positions in Idlib province on Tuesday. At least 12 "
    "fighters were killed, according to activists.",
    "ISIS militants attacked a checkpoint near Palmyra, killing three soldiers, state media "
    "reported.",
    "The US-led coalition carried out an air strike near Raqqa that killed eight people, "
    "the {new} said on Wednesday.",
    "Turkish troops and allied Syrian rebels captured the town of al-Bab from ISIS after "
    "weeks of fighting.",
    "A car bomb exploded in Azaz near the Turkish border on Thursday, killing at least 40 people.",
    "Hezbollah fighters and Syrian army troops advanced on Zabadani, the {new} reported.",
    "Kurdish YPG fighters clashed with ISIS in Hasakah, leaving ten militants dead.",
    "Barrel bombs dropped by government helicopters hit a market in Aleppo, killing "
    "20 people, rescuers said.",
    "The Syrian Democratic Forces said they had seized a dam near Tabqa from ISIS.",
    "Israeli jets struck a weapons depot near Damascus airport overnight, Syrian state "
    "television said.",
    "Jabhat Fateh al-Sham fighters shelled government-held districts of Aleppo, the "
    "{new} said, killing four people.",
]

# An outlet the gazetteer lacks, spelled two ways in different chunks: one label is chosen.
NEW_ACTOR = ("Idlib Media Center", "Idlib-Media Center", "Idlib Media Center")


def small_articles() -> list[Article]:
    """The seed and 36 short articles: three chunks of work."""
    import kg

    articles = kg.read_articles([kg.example_path()])
    for copy, spelling in enumerate(NEW_ACTOR):
        for i, text in enumerate(TEXTS):
            articles.append(
                Article(
                    id=f"short-{copy}-{i:02d}",
                    text=text.format(new=spelling),
                    title=text.split(",")[0],
                    date=dt.date(2017, 4, 1 + i),
                    publisher=spelling if i % 4 == 0 else None,
                )
            )
    return articles


def _nquads(graph) -> list[str]:
    return sorted(filter(None, graph.dataset.serialize(format="nquads").splitlines()))


@pytest.fixture(scope="session")
def nquads():
    """The graph's quads as sorted N-Quads lines (the graphs hold no blank nodes, so
    equal lines mean the same graph)."""
    return _nquads


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    return small_articles()


@pytest.fixture(scope="session")
def one_process(articles):
    """The build in one process: its graph, its quads, its report and its progress calls."""
    from types import SimpleNamespace

    from kg.pipeline import BuildReport, build

    report = BuildReport()
    seen: list[str] = []
    graph = build(articles, report=report, progress=lambda a: seen.append(a.id))
    return SimpleNamespace(graph=graph, quads=_nquads(graph), report=report, seen=seen)
