"""A graph of any size from the FA-KES graph: its articles replicated under new IRIs.

Copy ``r`` of every article's named graph (and of the merges graph) has each IRI the
article owns renamed with the suffix ``-r<r>``: the article, its graph, its events and
text spans, merged events and merge links (every ``kgid:`` IRI but actors' and places',
which all copies share, as articles from many days share them). Blank nodes and
``dcterms:identifier`` values are renamed the same way. The ontology graph is written
once. The result is N-Quads, the fastest format to bulk-load.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.ontology.namespaces import ID
from kg.rdf.iris import MERGES_GRAPH, article_graph_iri

#: ``kgid:`` IRI kinds that name things shared across articles: not renamed.
SHARED_KINDS = ("actor", "place")

_OWNED_IRI = re.compile(
    rb"<("
    + re.escape(str(ID).encode())
    + rb"(?!(?:"
    + b"|".join(k.encode() for k in SHARED_KINDS)
    + rb")/)[a-z-]+/[^/#>]+)"
)
_BNODE = re.compile(rb"(?m)(^|\s)(_:\S+)")
_IDENTIFIER = re.compile(rb'(<http://purl\.org/dc/terms/identifier> "[^"\\]*)"')


@dataclass
class Replica:
    """What :func:`replicate` wrote."""

    path: Path
    copies: int
    quads: int  # lines written (the store may hold fewer if some repeat)
    source_quads: int
    once_quads: int  # ontology and other graphs written once
    seconds: float


def rename(nquads: bytes, copy: int) -> bytes:
    """``nquads`` with every IRI an article owns, blank node and identifier suffixed ``-r<copy>``.

    >>> line = (b'<https://w3id.org/conflict-kg/id/event/a1/e2> '
    ...         b'<https://w3id.org/conflict-kg/ontology#agent> '
    ...         b'<https://w3id.org/conflict-kg/id/actor/isis> '
    ...         b'<https://w3id.org/conflict-kg/id/graph/a1> .')
    >>> print(rename(line, 2).decode())  # doctest: +NORMALIZE_WHITESPACE
    <https://w3id.org/conflict-kg/id/event/a1-r2/e2> <https://w3id.org/conflict-kg/ontology#agent>
    <https://w3id.org/conflict-kg/id/actor/isis> <https://w3id.org/conflict-kg/id/graph/a1-r2> .
    """
    suffix = b"-r%d" % copy
    text = _OWNED_IRI.sub(rb"<\1" + suffix, nquads)
    text = _BNODE.sub(rb"\1\2" + suffix.replace(b"-", b"_"), text)
    return _IDENTIFIER.sub(rb"\1" + suffix + b'"', text)


def _is_copied(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
    if not isinstance(graph, ox.NamedNode):
        return False
    return graph.value.startswith(str(article_graph_iri(""))) or graph.value == str(MERGES_GRAPH)


def replicate(quads: list[ox.Quad], out: Path, target: int) -> Replica:
    """Write ``quads`` to ``out`` as N-Quads, with as many renamed copies of the article
    and merges graphs as it takes to reach ``target`` quads (at least the original)."""
    start = time.perf_counter()
    copied = [q for q in quads if _is_copied(q.graph_name)]
    once = [q for q in quads if not _is_copied(q.graph_name)]
    copies = max(1, math.ceil((target - len(once)) / max(1, len(copied))))
    body = ox.serialize(copied, format=ox.RdfFormat.N_QUADS) or b""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        handle.write(ox.serialize(once, format=ox.RdfFormat.N_QUADS) or b"")
        handle.write(body)
        for copy in range(2, copies + 1):
            handle.write(rename(body, copy))
    return Replica(
        path=out,
        copies=copies,
        quads=len(once) + copies * len(copied),
        source_quads=len(quads),
        once_quads=len(once),
        seconds=time.perf_counter() - start,
    )
