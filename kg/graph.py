"""The :class:`KnowledgeGraph`: an rdflib ``Dataset`` with one named graph per article,
plus the ontology, and the operations users need on it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result

from kg._util.atomic import atomic_path
from kg.errors import QueryError, StoreError
from kg.ontology.namespaces import CKG, bind_prefixes, sparql_prologue
from kg.rdf.builder import extraction_to_graph
from kg.rdf.hashing import add_content_hash
from kg.rdf.iris import MERGES_GRAPH, ONTOLOGY_GRAPH, article_graph_iri
from kg.resources import ontology_path
from kg.types import Article, Extraction

if TYPE_CHECKING:
    import networkx as nx

FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".ttl": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
}
_QUAD_FORMATS = frozenset({"trig", "nquads", "json-ld"})


def format_for(path: str | os.PathLike[str]) -> str:
    """The rdflib format name for a file, from its suffix.

    >>> format_for("out/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise StoreError(
            f"{path}: unknown graph format '{suffix}'",
            hint=f"use one of {', '.join(sorted(FORMATS))}",
        )
    return FORMATS[suffix]


def _write_trig(dataset: Dataset, path: Path) -> None:
    """Write TriG one named graph at a time.

    rdflib's TriG serializer slows down badly with many named graphs (a minute for 150
    articles), and so does a namespace manager shared by all of them (its prefix trie
    grows with every article). Each graph is written as Turtle with its own small
    namespace manager, its prefix directives before its ``GRAPH`` block: the same TriG
    in linear time.
    """
    prefixes = list(dataset.namespace_manager.namespaces())
    # One pass over the quads: reading graph by graph looks up every graph of each triple
    # (rdflib's memory store), quadratic when articles share triples (actors, places).
    triples: dict[URIRef, list] = {}
    try:
        quads = list(dataset.quads((None, None, None, None)))
    except TypeError:  # a store that lists no quads (rdflib's SPARQLStore): graph by graph
        quads = [(s, p, o, g.identifier) for g in dataset.graphs() for s, p, o in g]
    for s, p, o, name in quads:
        if isinstance(name, Graph):
            name = name.identifier
        if isinstance(name, URIRef) and name != DATASET_DEFAULT_GRAPH_ID:
            # (a store's default graph is the merge of the named ones, not a graph to write)
            triples.setdefault(name, []).append((s, p, o))
    with path.open("w", encoding="utf-8") as out:
        for identifier in sorted(triples, key=str):
            single = Graph(identifier=identifier, bind_namespaces="none")
            for prefix, namespace in prefixes:
                single.bind(prefix, namespace, override=True)
            for triple in triples[identifier]:
                single.add(triple)
            body = single.serialize(format="turtle")
            # Split at line feeds only: splitlines() also cuts at form feeds, U+0085 or
            # U+2028 inside literals, and rejoining with "\n" broke them. The directives
            # are the leading lines only: a literal may hold a line starting "@prefix".
            lines = body.split("\n")
            count = next((i for i, ln in enumerate(lines) if not ln.startswith("@prefix")), 0)
            directives, statements = lines[:count], lines[count:]
            out.write("\n".join(directives) + "\n\n")
            out.write(f"<{identifier}> {{\n")
            # No re-indentation: it would change multi-line literals.
            out.write("\n".join(statements).strip("\n"))
            out.write("\n}\n\n")


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

    def add_articles(self, articles: Iterable[Article]) -> KnowledgeGraph:
        """Extract ``articles`` and add them (see :func:`kg.pipeline.build`)."""
        from kg.pipeline import build

        build(articles, graph=self)
        return self

    # -- reading and writing -------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> KnowledgeGraph:
        """Load a graph written by :meth:`serialize` (format from the suffix)."""
        fmt = format_for(path)
        if not Path(path).is_file():
            raise StoreError(f"{path}: no such graph file", hint="build one with: kg build")
        dataset = Dataset(default_union=True)
        try:
            if fmt in _QUAD_FORMATS:
                dataset.parse(path, format=fmt)
            else:
                dataset.graph(URIRef(Path(path).resolve().as_uri())).parse(path, format=fmt)
        except Exception as exc:  # noqa: BLE001 - parsers raise many kinds
            raise StoreError(f"{path}: cannot parse as {fmt}: {exc}") from None
        return cls(dataset)

    def serialize(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the graph to ``path`` atomically (format from the suffix unless given).

        Triple formats (``.ttl``, ``.nt``) flatten the named graphs into one.
        """
        fmt = format or format_for(path)
        target = Path(path)
        with atomic_path(target) as temp:
            if fmt == "trig":
                _write_trig(self.dataset, temp)
            elif fmt in _QUAD_FORMATS:
                self.dataset.serialize(temp, format=fmt)
            else:
                flat = Graph()
                bind_prefixes(flat)
                for triple in self.dataset.triples((None, None, None)):
                    flat.add(triple)
                flat.serialize(temp, format=fmt)
        return target

    # -- using ---------------------------------------------------------------------
    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Result:
        """Run a SPARQL query over all graphs; the project's prefixes are predeclared.

        ``bindings`` bind variables to values (never paste user input into query text).
        """
        try:
            return self.dataset.query(sparql_prologue() + sparql, initBindings=bindings or {})
        except Exception as exc:  # noqa: BLE001 - rdflib raises parser-specific errors
            raise QueryError(f"query failed: {exc}") from None

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

    # -- merging across articles ---------------------------------------------------
    def merge(self, **options: Any):  # noqa: ANN201
        """Merge reports of the same event across articles into ``graph/merges``
        (see :func:`kg.merge.merge`); return the :class:`~kg.merge.MergeResult`."""
        from kg.merge import merge

        return merge(self, **options)

    def unmerge(self) -> int:
        """Drop every cross-article merge (the ``graph/merges`` named graph); return the
        number of triples removed. Article graphs are untouched."""
        graph = self.dataset.graph(MERGES_GRAPH)
        removed = len(graph)
        self.dataset.remove_graph(graph)
        return removed

    def to_networkx(self, **options: Any) -> nx.MultiDiGraph:
        """The graph as a networkx ``MultiDiGraph`` (see :func:`kg.analyze.network.to_networkx`)."""
        from kg.analyze.network import to_networkx

        return to_networkx(self, **options)

    def visualize(self, path: str | os.PathLike[str], **options: Any) -> Path:
        """Write an interactive network page that works offline; return its path."""
        from kg.visualize import write_html

        return write_html(self.to_networkx(), path, **options)

    def validate(self):  # noqa: ANN201
        """Validate against ``ontology/shapes.ttl`` (see :func:`kg.ontology.shapes.validate`)."""
        from kg.ontology.shapes import validate, validate_graph

        merges = self.dataset.graph(MERGES_GRAPH)
        if not len(merges):
            return validate(self)
        union = Graph()
        for name in [*self.article_graphs(), MERGES_GRAPH]:
            for triple in self.dataset.graph(name):
                union.add(triple)
        return validate_graph(union)

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
