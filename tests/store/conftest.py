"""Small hand-made articles for store tests: two reports of one airstrike and a clash."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "strike-a.txt": (
        "Russian jets strike Maarat al-Numan\n\nWed 05 Apr 2017\n\n"
        "Russian warplanes struck the town of Maarat al-Numan in Idlib province on "
        "Wednesday, killing 12 civilians, the Syrian Observatory for Human Rights said.\n"
    ),
    "strike-b.txt": (
        "Airstrikes hit Idlib town\n\nWed 05 Apr 2017\n\n"
        "Russian aircraft bombed Maarat al-Numan in Idlib on Wednesday, killing at least "
        "12 people, activists said.\n"
    ),
    "clash-c.txt": (
        "Clashes near Aleppo\n\nThu 06 Apr 2017\n\n"
        "Syrian government forces clashed with rebels near Aleppo on Thursday, the Syrian "
        "Observatory for Human Rights said.\n"
    ),
}


@pytest.fixture()
def articles_dir(tmp_path) -> Path:
    """A folder of the three small articles (a fresh copy per test)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def quads(graph) -> set:  # noqa: ANN001 - a KnowledgeGraph
    """Every (graph, s, p, o) of ``graph``, for comparing two stores."""
    return {(g.identifier, *t) for g in graph.dataset.graphs() for t in g}
