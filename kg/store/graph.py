"""A :class:`~kg.graph.KnowledgeGraph` kept in a store: an Oxigraph folder or a SPARQL server.

Reads go through rdflib (``kg.dataset``) and SPARQL goes to the store's own engine, over
the store's default graph, which holds the RDF merge of the named graphs
(:mod:`kg.store.merged`). Every write is one SPARQL Update request, which Oxigraph (and
SPARQL servers generally) apply as one transaction: an article's named graph, and its part
of the merge, are replaced whole or not at all, so a build killed at any point leaves each
article fully in or out, and the next build completes it.
"""

from __future__ import annotations

import gc
import re
import sys
from typing import Any, Protocol

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import StoreError
from kg.graph import KnowledgeGraph
from kg.ontology.namespaces import CKG, PROV
from kg.rdf.builder import extraction_to_graph
from kg.rdf.iris import MERGES_GRAPH, ONTOLOGY_GRAPH, article_graph_iri
from kg.resources import ontology_path
from kg.store.incremental import add_content_hash
from kg.store.merged import (
    HAS_DEFAULT,
    HAS_NAMED,
    MATERIALISE,
    drop_graph_update,
    replace_graph_update,
)
from kg.store.terms import restore
from kg.types import Extraction

#: The prefix of every article's named graph.
ARTICLE_GRAPHS = str(article_graph_iri(""))


class Backend(Protocol):
    """Where a :class:`StoreGraph` lives: what it needs beyond rdflib's read access."""

    location: str
    name: str  # "oxigraph" or "sparql"

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request, as one transaction."""

    def close(self) -> None:
        """Release the store (its lock, connections)."""


# When an article that took part in merges is replaced, its old reports may sit in merged
# events: the merges graph is marked stale (prov:invalidatedAtTime) in the same transaction,
# so a build killed before the merges are recomputed still recomputes them next time. The
# mark goes into the default graph too, which holds every triple of every named graph.
_MARK_MERGES_STALE = """
INSERT {{ GRAPH <{merges}> {{ <{merges}> <{invalidated}> ?now }} <{merges}> <{invalidated}> ?now }}
WHERE {{
  {{ SELECT (NOW() AS ?now) WHERE {{
       GRAPH <{merges}> {{ ?merged <{has_report}> ?report }}
       GRAPH <{article}> {{ ?report a <{event}> }}
     }} LIMIT 1 }}
}}"""


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(sparql: str, bindings: dict[str, Any]) -> str:
    """``sparql`` with each binding as a ``VALUES`` block opening its WHERE clause.

    Stores take bindings differently (Oxigraph substitutes only projected variables; the
    SPARQL Protocol has none, and rdflib's client appends ``VALUES`` after the query,
    which does not bind inside an aggregate); a ``VALUES`` block at the start of the
    WHERE clause binds the variable as rdflib's in-memory engine does.

    >>> with_values("SELECT (COUNT(?x) AS ?n) WHERE { ?x a ?c }", {"c": URIRef("urn:C")})
    'SELECT (COUNT(?x) AS ?n) WHERE { VALUES ?c { <urn:C> }  ?x a ?c }'
    """
    if not bindings:
        return sparql
    opening = _WHERE.search(sparql) or re.search(r"\{", sparql)
    if opening is None:
        return sparql
    values = " ".join(
        f"VALUES ?{name} {{ {(term if isinstance(term, Node) else Literal(term)).n3()} }}"
        for name, term in bindings.items()
    )
    return f"{sparql[: opening.end()]} {values} {sparql[opening.end() :]}"


class StoreGraph(KnowledgeGraph):
    """A knowledge graph in an Oxigraph folder or behind a SPARQL endpoint.

    Built with :func:`kg.store.open_graph`. ``validate_articles``: check each article's
    graph against the SHACL shapes, in memory, before it enters the store; an article
    that fails is left out and listed in ``rejected``.
    """

    def __init__(self, dataset: Dataset, backend: Backend, *, writable: bool = True) -> None:
        self.backend = backend
        self.writable = writable
        self.validate_articles = True
        self.rejected: list[tuple[str, str]] = []
        self.committed = 0
        super().__init__(dataset, with_ontology=False)
        self._materialise_if_older()
        if writable and not self._has_graph(ONTOLOGY_GRAPH):
            ontology = Graph().parse(ontology_path("conflict.ttl"), format="turtle")
            self.backend.update(replace_graph_update(ONTOLOGY_GRAPH, ontology))

    @property
    def location(self) -> str:
        return self.backend.location

    def close(self) -> None:
        """Release the store: an Oxigraph folder can then be opened by another process."""
        self.backend.close()
        self.dataset.store.close()
        # The folder's lock goes with the last reference to the pyoxigraph store.
        gc.collect()

    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Result:
        """Run a SPARQL query on the store's engine (see :meth:`KnowledgeGraph.query`)."""
        return super().query(with_values(sparql, bindings or {}))

    def _materialise_if_older(self) -> None:
        """Fill the default graph of a store made before kg kept the merge there (named
        graphs, an empty default graph), once, in one transaction."""
        if self.query(HAS_DEFAULT).askAnswer or not self.query(HAS_NAMED).askAnswer:
            return
        if not self.writable and self.backend.name == "sparql":
            raise StoreError(
                f"{self.location}: the server's default graph is empty but its named graphs "
                "are not: kg queries the default graph, which must hold their merge",
                hint=f"fill it once with the SPARQL update: {MATERIALISE} (or run kg build "
                "--store URL, which does it); serve without a union default graph",
            )
        print(
            f"kg: {self.location}: a store from an earlier kg: copying its named graphs into "
            "its default graph (once; queries read the default graph)",
            file=sys.stderr,
        )
        self.backend.update(MATERIALISE)

    def _has_graph(self, name: URIRef) -> bool:
        return bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": name}).askAnswer)

    # -- writing -------------------------------------------------------------------
    def add_extraction(self, extraction: Extraction) -> URIRef:
        """Validate the article's graph in memory, then replace its named graph in one
        transaction (marking the merges stale if its old version took part in any)."""
        name = article_graph_iri(extraction.article.id)
        graph = extraction_to_graph(extraction, Graph(identifier=name))
        add_content_hash(graph, extraction.article)
        if self.validate_articles:
            from kg.ontology.shapes import validate_graph

            report = validate_graph(graph)
            if not report.conforms:
                self.rejected.append(
                    (
                        extraction.article.origin or extraction.article.id,
                        f"does not conform to the SHACL shapes: {report}",
                    )
                )
                return name
        mark = _MARK_MERGES_STALE.format(
            merges=MERGES_GRAPH,
            invalidated=PROV.invalidatedAtTime,
            has_report=CKG.hasReport,
            article=name,
            event=CKG.Event,
        )
        self.backend.update(mark + " ;\n" + replace_graph_update(name, graph))
        self.committed += 1
        return name

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace the named graph ``name`` by ``graph`` (and its part of the default
        graph), in one transaction."""
        self.backend.update(replace_graph_update(name, graph))

    def drop_graph(self, name: URIRef) -> int:
        """Drop the named graph ``name`` (and its part of the default graph) in one
        transaction; return the number of triples it held."""
        removed = self._count(f"GRAPH <{name}> {{ ?s ?p ?o }}")
        self.backend.update(drop_graph_update(name))
        return removed

    # -- reading -------------------------------------------------------------------
    def content_hashes(self) -> dict[str, str]:
        """The stored articles' ids, each with the content hash of the text it was built from."""
        rows = self.query(
            "SELECT ?id ?hash WHERE { GRAPH ?g { ?a a ckg:Article ; dcterms:identifier ?id ;"
            " ckg:contentHash ?hash } }"
        )
        return {str(row[0]): str(row[1]) for row in rows}

    def merges_stale(self) -> bool:
        """Whether an article that took part in merges was replaced since they were made."""
        rows = self.query("ASK { GRAPH ?m { ?m prov:invalidatedAtTime ?t } }", {"m": MERGES_GRAPH})
        return bool(rows.askAnswer)

    def article_graphs(self) -> list[URIRef]:
        rows = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a ckg:Article } "
            "FILTER(STRSTARTS(STR(?g), ?prefix)) }",
            {"prefix": Literal(ARTICLE_GRAPHS)},
        )
        return sorted(row[0] for row in rows)

    def _count(self, pattern: str) -> int:
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(next(iter(rows))[0])

    def stats(self) -> dict[str, int]:
        """As :meth:`KnowledgeGraph.stats`, counted by the store's SPARQL engine."""
        counts = {"articles": len(self.article_graphs())}
        counts["triples"] = self._count(
            f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}"))'
        )
        for name, cls in (
            ("actors", CKG.Actor),
            ("places", CKG.Place),
            ("events", CKG.Event),
            ("mentions", CKG.Mention),
        ):
            rows = self.query(
                "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c . ?c rdfs:subClassOf* ?k }",
                {"k": cls},
            )
            counts[name] = int(next(iter(rows))[0])
        return counts

    def quad_count(self) -> int:
        """The number of quads in the store (every graph, the ontology's included)."""
        return self._count("GRAPH ?g { ?s ?p ?o }")

    def to_memory(self) -> KnowledgeGraph:
        """A copy of the whole store in memory, its literals as they were written."""
        dataset = Dataset(default_union=True)
        rows = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        for g, s, p, o in rows:
            dataset.graph(g).add((s, p, restore(p, o)))
        return KnowledgeGraph(dataset)

    def local(self) -> KnowledgeGraph:
        """The graph to read fact by fact: the store itself, or for a SPARQL server an
        in-memory copy (see :meth:`to_memory`)."""
        return self.to_memory() if self.backend.name == "sparql" else self

    def __len__(self) -> int:
        return self.quad_count()

    def __repr__(self) -> str:
        return f"<StoreGraph {self.backend.name} {self.location}>"
