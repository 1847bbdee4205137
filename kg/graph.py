"""The :class:`KnowledgeGraph`: an rdflib ``Dataset`` with one named graph per article,
plus the ontology, and the operations on it that need nothing built on top of it.

What is built on a graph takes it as an argument, as networkx's algorithms take a
``Graph``: :func:`kg.pipeline.build` (``graph=``) adds articles, :func:`kg.merge.merge`
and :func:`kg.merge.unmerge` merge reports across them, :func:`kg.analyze.to_networkx`
converts it, :func:`kg.visualize.write_html` draws that. Files are read and written by
:mod:`kg.rdf.io`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from kg.errors import QueryError
from kg.ontology import shapes
from kg.ontology.namespaces import CKG, bind_prefixes, sparql_prologue
from kg.rdf.builder import extraction_to_graph
from kg.rdf.frames import with_frames
from kg.rdf.hashing import add_content_hash
from kg.rdf.io import read_dataset, write_dataset
from kg.rdf.iris import MERGES_GRAPH, ONTOLOGY_GRAPH, article_graph_iri
from kg.resources import ontology_path
from kg.types import Extraction


class KnowledgeGraph:
    """A conflict knowledge graph.

    Each article's statements live in their own named graph; the ontology and its
    vocabularies (event types, actor types, ACLED) in ``kgid:graph/ontology``. Queries
    run over the union of all graphs.

    >>> import kg
    >>> graph = kg.build_graph([kg.example_path()])
    >>> graph.stats()["articles"]
    1
    >>> rows = graph.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a ckg:Event }")
    >>> int(next(iter(rows))[0]) > 0
    True
    """

    def __init__(self, dataset: Dataset | None = None, *, with_ontology: bool = True) -> None:
        self.dataset = dataset if dataset is not None else Dataset(default_union=True)
        self.dataset.default_union = True
        bind_prefixes(self.dataset)
        if with_ontology and (None, None, None, ONTOLOGY_GRAPH) not in self.dataset:
            ontology = self.dataset.graph(ONTOLOGY_GRAPH)
            ontology.parse(ontology_path("conflict.ttl"), format="turtle")

    # -- building ------------------------------------------------------------------
    def add_extraction(self, extraction: Extraction) -> URIRef:
        """Replace the named graph of ``extraction``'s article with its triples."""
        name = article_graph_iri(extraction.article.id)
        self.dataset.remove_graph(self.dataset.graph(name))
        graph = self.dataset.graph(name)
        extraction_to_graph(extraction, graph)
        add_content_hash(graph, extraction.article)
        return name

    # -- reading and writing -------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> KnowledgeGraph:
        """Load a graph written by :meth:`serialize` (format from the suffix; see
        :func:`kg.rdf.io.read_dataset`)."""
        return cls(read_dataset(path))

    def serialize(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the graph to ``path`` atomically (format from the suffix unless given).

        Triple formats (``.ttl``, ``.nt``) flatten the named graphs into one (see
        :func:`kg.rdf.io.write_dataset`).
        """
        return write_dataset(self.dataset, path, format)

    # -- using ---------------------------------------------------------------------
    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Result:
        """Run a SPARQL query over all graphs; the project's prefixes are predeclared.

        ``bindings`` bind variables to values (never paste user input into query text).
        A SELECT result has ``.to_dataframe()`` (:mod:`kg.rdf.frames`, with pandas).
        """
        try:
            found = self.dataset.query(sparql_prologue() + sparql, initBindings=bindings or {})
        except Exception as exc:  # noqa: BLE001 - rdflib raises parser-specific errors
            raise QueryError(f"query failed: {exc}") from None
        return with_frames(found)

    def article_graphs(self) -> list[URIRef]:
        """The named graphs of the articles (not the ontology graph)."""
        return sorted(
            g.identifier
            for g in self.dataset.graphs()
            if isinstance(g.identifier, URIRef) and "/id/graph/" in str(g.identifier)
        )

    def stats(self) -> dict[str, int]:
        """Counts of articles, triples, actors, places, events and mentions."""
        counts = {"articles": len(self.article_graphs())}
        data_triples = sum(len(self.dataset.graph(g)) for g in self.article_graphs())
        counts["triples"] = data_triples
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

    # -- writing named graphs -------------------------------------------------------
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace the named graph ``name`` by the triples of ``graph``."""
        self.dataset.remove_graph(self.dataset.graph(name))
        target = self.dataset.graph(name)
        for triple in graph:
            target.add(triple)

    def drop_graph(self, name: URIRef) -> int:
        """Drop the named graph ``name``; return the number of triples it held."""
        graph = self.dataset.graph(name)
        removed = len(graph)
        self.dataset.remove_graph(graph)
        return removed

    def validate(self) -> shapes.ValidationReport:
        """Validate against ``ontology/shapes.ttl`` (see :func:`kg.ontology.shapes.validate`)."""
        merges = self.dataset.graph(MERGES_GRAPH)
        if not len(merges):
            return shapes.validate(self)
        union = Graph()
        for name in [*self.article_graphs(), MERGES_GRAPH]:
            for triple in self.dataset.graph(name):
                union.add(triple)
        return shapes.validate_graph(union)

    def local(self) -> KnowledgeGraph:
        """The graph to read fact by fact (triple patterns rather than SPARQL): itself,
        or for a graph behind a SPARQL server an in-memory copy."""
        return self

    def close(self) -> None:
        """Release what the graph holds (nothing in memory; a store's lock)."""

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.dataset)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph articles={len(self.article_graphs())} quads={len(self)}>"
