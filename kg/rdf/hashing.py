"""An article's content hash, stored on its node so that an incremental build can tell
an unchanged article from a changed one."""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal

from kg.ontology.namespaces import CKG
from kg.rdf.iris import article_iri
from kg.types import Article


def content_hash(article: Article) -> str:
    """The SHA-256 (hex) of what extraction reads from ``article``: its id, title, date,
    publisher, URL and text. Where it was read from (``origin``) does not count.

    >>> a = Article("a1", "Jets struck Idlib.", origin="one.csv")
    >>> content_hash(a) == content_hash(Article("a1", "Jets struck Idlib.", origin="two.csv"))
    True
    >>> content_hash(a) == content_hash(Article("a1", "Jets struck Homs."))
    False
    """
    fields = (
        article.id,
        article.title or "",
        article.date.isoformat() if article.date else "",
        article.publisher or "",
        article.url or "",
        article.text,
    )
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def add_content_hash(graph: Graph, article: Article) -> None:
    """Add ``ckg:contentHash`` to the article's node in its named graph."""
    graph.add((article_iri(article.id), CKG.contentHash, Literal(content_hash(article))))
