"""A store's default graph holds the RDF merge of its named graphs, kept by kg itself.

Each article graph repeats the description (label, type, coordinates, ...) of every actor
and place it mentions, and queries are meant to run over the RDF merge of all graphs: a
*set* of triples. Oxigraph 0.5's union default graph repeats a triple once per named graph
holding it (oxigraph issue #1919, fixed after 0.5), and Virtuoso's default dataset does the
same, so a store's queries would join each actor's description once per article.

So a store keeps the merge in its default graph, and queries read the default graph alone.
Every request that changes a named graph changes the default graph in the same SPARQL
Update request (one transaction), so the two never disagree, even after a ``SIGKILL``:

1. delete from the default graph the triples of the old named graph that no *other* named
   graph holds (the named graph is still there for this step to read);
2. drop the old named graph;
3. insert the new named graph;
4. copy its triples into the default graph.

The operations of one request run in order, each seeing the one before (SPARQL 1.1
Update, section 3). The requests are standard SPARQL 1.1, so a SPARQL server is kept the
same way, as long as its default graph is a graph of its own (not the union).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pyoxigraph as ox
from oxrdflib._converter import to_ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

#: Fill the default graph with the merge of the named graphs (a store made before kg kept
#: it, or quads loaded in bulk).
MATERIALISE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"

#: Whether a store holds named graphs: with :data:`HAS_DEFAULT`, tells an older store.
HAS_NAMED = "ASK { GRAPH ?g { ?s ?p ?o } }"
HAS_DEFAULT = "ASK { ?s ?p ?o }"


def ntriples(graph: Graph) -> str:
    """The triples of ``graph`` as canonical N-Triples (valid inside ``INSERT DATA``)."""
    data = ox.serialize(
        (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph),
        format=ox.RdfFormat.N_TRIPLES,
    )
    return data.decode("utf-8") if data else ""


def drop_graph_update(name: URIRef) -> str:
    """SPARQL Update that drops the named graph ``name`` and takes out of the default graph
    the triples that only ``name`` held (steps 1 and 2 of the module doc)."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{name}>"
    )


def replace_graph_update(name: URIRef, graph: Graph) -> str:
    """SPARQL Update that replaces the named graph ``name`` by the triples of ``graph``
    and keeps the default graph the merge of the named graphs (see the module doc)."""
    update = drop_graph_update(name)
    if len(graph):
        update += (
            f" ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples(graph)}}} }} ;\n"
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        )
    return update


def load_quads(
    store: ox.Store,
    path: str | os.PathLike[str],
    fmt: ox.RdfFormat | None = None,
    *,
    to_graph: ox.NamedNode | None = None,
) -> None:
    """Bulk-load the file ``path`` into ``store``, each triple also into the default graph.

    Quads keep their graph; ``to_graph`` names the graph of a triple format's triples
    (they go to the default graph alone without it). One pass over the file: cheaper than
    :meth:`pyoxigraph.Store.bulk_load` followed by :data:`MATERIALISE`. Raises what
    :func:`pyoxigraph.parse` and :meth:`pyoxigraph.Store.bulk_extend` raise.

    >>> import pathlib, tempfile
    >>> store, path = ox.Store(), pathlib.Path(tempfile.mkdtemp()) / "g.nq"
    >>> _ = path.write_text("<urn:isis> <urn:label> \\"ISIS\\" <urn:g1> .\\n"
    ...                     "<urn:isis> <urn:label> \\"ISIS\\" <urn:g2> .\\n")
    >>> load_quads(store, path)
    >>> len(store), len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    (3, 1)
    """

    def quads() -> Iterator[ox.Quad]:
        for quad in ox.parse(path=path, format=fmt):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                if to_graph is None:
                    yield quad
                    continue
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, to_graph)
            yield quad
            yield ox.Quad(quad.subject, quad.predicate, quad.object)

    store.bulk_extend(quads())


def named_quads(store: ox.Store) -> int:
    """The number of quads in the named graphs of ``store`` (not the merge's copies)."""
    default = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return len(store) - int(next(iter(default))[0].value)  # type: ignore[index, union-attr]


def needs_materialising(store: ox.Store) -> bool:
    """Whether ``store`` was written before kg kept the merge in its default graph: named
    graphs, but nothing in the default graph."""
    return bool(store.query(HAS_NAMED)) and not bool(store.query(HAS_DEFAULT))


class MergedDataset(Dataset):
    """An rdflib ``Dataset`` over a store whose default graph is the merge of its named
    graphs.

    rdflib's union default graph (``default_union``) would ask the store for every quad
    (or, for a query, for its union graph, which repeats shared triples); here the default
    graph already is the union, as a set, so ``default_union`` is always off: queries and
    triple patterns without a graph read the default graph. ``graphs()`` lists the named
    graphs only, as the default graph is derived from them (writing the dataset out, or
    exporting it, writes each triple where it belongs).
    """

    @property  # type: ignore[override]
    def default_union(self) -> bool:
        return False

    @default_union.setter
    def default_union(self, value: bool) -> None:
        pass  # KnowledgeGraph turns it on for in-memory graphs; here it stays off

    def graphs(self, triple=None):  # noqa: ANN001, ANN201
        for graph in super().graphs(triple):
            if graph.identifier != DATASET_DEFAULT_GRAPH_ID:
                yield graph
