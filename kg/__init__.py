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

from kg.errors import InputError, KGError, QueryError, StoreError, ValidationError
from kg.graph import KnowledgeGraph
from kg.ingest import iter_articles, read_article_file
from kg.pipeline import BuildReport, build, extract_article
from kg.types import Article

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
    "build_graph",
    "example_path",
    "extract_article",
    "iter_articles",
    "load",
    "open_graph",
    "read_article_file",
    "read_articles",
]


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> list[Article]:
    """Read articles from text files and folders (the first problem raises)."""
    return list(iter_articles(paths))


def build_graph(paths: Iterable[str | os.PathLike[str]]) -> KnowledgeGraph:
    """Read the articles in ``paths`` and build their knowledge graph.

    >>> graph = build_graph([example_path()])
    >>> graph.stats()["events"] >= 5
    True
    """
    return build(read_articles(paths))


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
    from kg.resources import data_path

    return data_path("articles/coalition-strike-at-tanf.txt")
