"""Graph files: an rdflib ``Dataset`` read from and written to TriG, N-Quads, JSON-LD,
Turtle or N-Triples, the format from the file's suffix.

>>> import tempfile
>>> from rdflib import Literal, URIRef
>>> dataset = Dataset()
>>> _ = dataset.graph(URIRef("urn:g")).add((URIRef("urn:s"), URIRef("urn:p"), Literal("o")))
>>> path = write_dataset(dataset, Path(tempfile.mkdtemp()) / "g.trig")
>>> len(read_dataset(path).graph(URIRef("urn:g")))
1
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg._util.atomic import atomic_path
from kg.errors import StoreError
from kg.ontology.namespaces import bind_prefixes

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


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read a graph file (format from the suffix) into a ``Dataset`` whose default graph
    is the union of its named graphs. A triple format (``.ttl``, ``.nt``) is read into
    one named graph, named by the file's URI."""
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
    return dataset


def write_dataset(
    dataset: Dataset, path: str | os.PathLike[str], format: str | None = None
) -> Path:
    """Write ``dataset`` to ``path`` atomically (format from the suffix unless given).

    Triple formats (``.ttl``, ``.nt``) flatten the named graphs into one.
    """
    fmt = format or format_for(path)
    target = Path(path)
    with atomic_path(target) as temp:
        if fmt == "trig":
            _write_trig(dataset, temp)
        elif fmt in _QUAD_FORMATS:
            dataset.serialize(temp, format=fmt)
        else:
            flat = Graph()
            bind_prefixes(flat)
            for triple in dataset.triples((None, None, None)):
                flat.add(triple)
            flat.serialize(temp, format=fmt)
    return target


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
