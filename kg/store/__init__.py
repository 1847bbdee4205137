"""Where graphs live: files, on-disk Oxigraph stores, SPARQL servers.

:func:`open_graph` is the one way commands open a graph they read: a graph file (loaded
into memory), an Oxigraph store folder (``kg build --store DIR``), or the URL of a SPARQL
server. The last two give a :class:`~kg.store.graph.StoreGraph`, whose queries run on the
store's own SPARQL engine and whose writes are one transaction per article.

>>> import kg, tempfile
>>> folder = tempfile.mkdtemp() + "/store"
>>> with open_graph(folder, create=True) as graph:
...     graph.stats()["articles"]
0
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import StoreError
from kg.graph import KnowledgeGraph
from kg.store.remote import Endpoint, is_endpoint

__all__ = ["Endpoint", "is_endpoint", "open_graph", "open_store"]


def open_graph(source: str | os.PathLike[str], *, create: bool = False) -> KnowledgeGraph:
    """Open the graph at ``source``: a graph file, an Oxigraph store folder or a SPARQL URL.

    ``create``: a store folder that does not exist yet is made (``kg build --store``).
    Files are read into memory; stores stay where they are and are queried in place.
    Close a store when done (``with open_graph(...) as graph:``) to release its lock.
    """
    text = os.fspath(source)
    if is_endpoint(text):
        return open_store(text, writable=False)
    path = Path(text)
    if path.is_file():
        return KnowledgeGraph.load(path)
    from kg.store.oxigraph import is_store_folder

    if is_store_folder(path) or create:
        return open_store(path, create=create, writable=create)
    if path.is_dir():
        raise StoreError(
            f"{path}: a folder, but no Oxigraph store",
            hint="give a graph file, a folder made by kg build --store, or a SPARQL URL",
        )
    if path.suffix:
        raise StoreError(f"{path}: no such graph file", hint="build one with: kg build")
    raise StoreError(
        f"{path}: no such graph file or store folder",
        hint=f"build one with: kg build ARTICLES --store {path}",
    )


def open_store(  # noqa: ANN201 - a StoreGraph
    source: str | os.PathLike[str], *, create: bool = False, writable: bool = True
):
    """Open an Oxigraph store folder or a SPARQL server as a
    :class:`~kg.store.graph.StoreGraph`.

    ``writable``: the store will be written to (the ontology graph is added if missing).
    """
    from kg.store.graph import StoreGraph

    text = os.fspath(source)
    if is_endpoint(text):
        from kg.store.remote import SparqlBackend, endpoint_dataset

        endpoint = Endpoint.from_url(text)
        backend = SparqlBackend(endpoint, text)
        backend.ping()
        return StoreGraph(endpoint_dataset(endpoint), backend, writable=writable)
    from kg.store.oxigraph import OxigraphBackend, oxigraph_dataset
    from kg.store.oxigraph import open_store as open_oxigraph

    store = open_oxigraph(text, create=create)
    return StoreGraph(oxigraph_dataset(store), OxigraphBackend(store, text), writable=writable)
