"""conflict-kg: turn conflict reporting into a knowledge graph.

>>> import kg
>>> graph = kg.build_graph([kg.example_path()])
>>> sorted(graph.stats())
['actors', 'articles', 'events', 'mentions', 'places', 'triples']
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, KGError, QueryError, StoreError, ValidationError
from kg.graph import KnowledgeGraph
from kg.ingest import iter_articles, read_article_file
from kg.resources import data_path
from kg.types import Article

if TYPE_CHECKING:
    from kg.pipeline import BuildReport, build, build_file, extract_article

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BuildReport",
    "InputError",
    "KGError",
    "KnowledgeGraph",
    "QueryError",
    "StoreError",
    "ValidationError",
    "build",
    "build_file",
    "build_graph",
    "example_path",
    "extract_article",
    "iter_articles",
    "load",
    "open_graph",
    "read_article_file",
    "read_articles",
]


# The building functions load spaCy: imported on first use, so that `import kg` (and
# `kg --help`, `kg query`) stay fast.
_FROM_PIPELINE = frozenset(
    {"BuildReport", "build", "build_checked", "build_file", "extract_article"}
)


def __getattr__(name: str) -> Any:
    if name in _FROM_PIPELINE:
        import kg.pipeline

        return getattr(kg.pipeline, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> list[Article]:
    """Read articles from text files and folders (the first problem raises)."""
    return list(iter_articles(paths))


def build_graph(
    paths: Iterable[str | os.PathLike[str]],
    *,
    report: BuildReport | None = None,
    validate: bool = True,
    merge: bool = True,
) -> KnowledgeGraph:
    """Read the articles in ``paths`` and build their knowledge graph, as ``kg build``
    does (see :func:`kg.pipeline.build_checked`): with ``validate`` the graph is checked
    against the SHACL shapes, an article whose own graph fails them is left out, and a
    graph that still fails raises :class:`ValidationError`; with ``merge`` reports of
    one event are merged across articles.

    Without a ``report`` the first file or row that cannot be read raises
    :class:`InputError`; with one, it is skipped into ``report.skipped`` as ``kg build``
    skips it, and the rest is built.

    >>> graph = build_graph([example_path()])
    >>> graph.stats()["events"] >= 5
    True
    """
    from kg.pipeline import build_checked

    if report is None:
        articles = read_articles(paths)
    else:
        errors: list[InputError] = []
        articles = list(iter_articles(paths, errors=errors, warnings=report.warnings))
        report.skipped.extend((str(e), "") for e in errors)
    return build_checked(articles, report=report, validate=validate, merge=merge).graph


def load(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """Load a graph file written by ``kg build`` or :meth:`KnowledgeGraph.serialize`."""
    return KnowledgeGraph.load(path)


def open_graph(source: str | os.PathLike[str], *, create: bool = False) -> KnowledgeGraph:
    """Open a graph file, an Oxigraph store folder or a SPARQL server's URL
    (see :func:`kg.store.open_graph`)."""
    from kg.store import open_graph as open_source

    return open_source(source, create=create)


def example_path() -> Path:
    """The bundled example article (the seed: a coalition strike near At Tanf)."""
    return data_path("articles/coalition-strike-at-tanf.txt")
