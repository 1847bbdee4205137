"""What the endpoint serves: a graph file loaded into a temporary Oxigraph store, or an
Oxigraph store folder (``kg build --store DIR``) opened read-only.

Queries read the store's default graph, which holds the RDF merge of its named graphs
(:mod:`kg.store.merged`): a store folder keeps it as it is written, and a graph file's
triples are copied into it as the file is loaded."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.merged import load_quads, named_quads, needs_materialising

_FILE_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass
class Source:
    """An Oxigraph store folder the workers open read-only, and what it holds."""

    path: Path
    store_dir: Path
    quads: int
    graphs: frozenset[str]
    temporary: bool = False

    def close(self) -> None:
        """Remove the temporary store a graph file was loaded into."""
        if self.temporary:
            shutil.rmtree(self.store_dir, ignore_errors=True)

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _load_file(path: Path, folder: Path) -> None:
    fmt = _FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(
            f"{path}: cannot serve a '{path.suffix}' file",
            hint=f"give a graph file ({', '.join(_FILE_FORMATS)}) or an Oxigraph store folder",
        )
    store = ox.Store(str(folder))
    # Triples of a triple format go to a graph named after the file, as KnowledgeGraph.load
    # puts them, so every statement of the source is in some named graph.
    target = None if fmt.supports_datasets else ox.NamedNode(path.resolve().as_uri())
    try:
        load_quads(store, path, fmt, to_graph=target)
        store.flush()
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path}: cannot load as {fmt.name}: {exc}") from None
    finally:
        del store  # closes the database, so the workers can open it


def open_source(path: str | Path) -> Source:
    """Prepare ``path`` for serving: load a graph file into a temporary store, or check
    that a folder is an Oxigraph store. Close the result to remove a temporary store."""
    path = Path(path)
    temporary = path.is_file()
    if temporary:
        store_dir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        try:
            _load_file(path, store_dir)
        except BaseException:
            shutil.rmtree(store_dir, ignore_errors=True)
            raise
    elif path.is_dir():
        store_dir = path
    else:
        raise StoreError(
            f"{path}: no such graph file or store folder",
            hint="build one with: kg build ARTICLES --out graph.trig (or --store DIR)",
        )
    try:
        store = ox.Store.read_only(str(store_dir))
        graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        quads = named_quads(store)
        older = needs_materialising(store)
    except OSError as exc:
        if temporary:
            shutil.rmtree(store_dir, ignore_errors=True)
        raise StoreError(
            f"{path}: cannot open as an Oxigraph store: {exc}",
            hint="give a graph file or a folder written by kg build --store",
        ) from None
    if older:  # only a folder: a file's store was just loaded with its default graph
        raise StoreError(
            f"{path}: a store from an earlier kg, whose default graph (read by queries) "
            "does not yet hold the merge of its named graphs",
            hint=f"open it once with kg to fill it (kg stats {path}), then serve it",
        )
    return Source(path, store_dir, quads, graphs, temporary)


def network_page(source: Source, *, title: str) -> str:
    """The offline network view of the source (:func:`kg.visualize.render_html`)."""
    from oxrdflib import OxigraphStore

    from kg.analyze.network import to_networkx
    from kg.graph import KnowledgeGraph
    from kg.store.merged import MergedDataset
    from kg.visualize import render_html

    store = ox.Store.read_only(str(source.store_dir))
    dataset = MergedDataset(store=OxigraphStore(store=store))
    graph = KnowledgeGraph(dataset, with_ontology=False)
    return render_html(to_networkx(graph), title=title)
