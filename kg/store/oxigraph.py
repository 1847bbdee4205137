"""On-disk Oxigraph stores (pyoxigraph), seen through rdflib as a ``Dataset``.

oxrdflib's store gives rdflib code (triple patterns, ``Dataset.graph``) direct access to
Oxigraph and sends SPARQL to Oxigraph's engine. :class:`PlainLiteralStore` hands back
literals as they were written (see :mod:`kg.store.terms`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph

from kg.errors import StoreError
from kg.store.merged import MergedDataset
from kg.store.terms import plain, restore


class PlainLiteralStore(OxigraphStore):
    """oxrdflib's store, handing back literals as they were written (:mod:`kg.store.terms`).

    Query results keep Oxigraph's types but lose ``xsd:string`` (their predicate is unknown).
    """

    def triples(self, triple_pattern, context=None):  # noqa: ANN001, ANN201
        for (s, p, o), contexts in super().triples(triple_pattern, context):
            yield (s, p, restore(p, o)), contexts

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: ANN001, ANN201, N803
        result = super().query(query, initNs, initBindings, queryGraph, **kwargs)
        if result.type == "SELECT":
            rows = result.bindings
            result.bindings = ({k: plain(v) for k, v in row.items()} for row in rows)
        elif result.type == "CONSTRUCT":
            graph = Graph()
            graph += ((s, p, restore(p, o)) for s, p, o in result.graph)
            result.graph = graph
        return result


def is_store_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder that holds an Oxigraph (RocksDB) store."""
    folder = Path(path)
    return folder.is_dir() and (folder / "CURRENT").is_file()


def open_store(path: str | os.PathLike[str], *, create: bool = False) -> ox.Store:
    """Open the Oxigraph store in the folder ``path`` for reading and writing.

    With ``create``, a missing or empty folder becomes a new store. Only one process may
    have a store open: the others get a :class:`~kg.errors.StoreError` saying so.
    """
    folder = Path(path)
    if not is_store_folder(folder):
        if not create:
            raise StoreError(
                f"{folder}: no Oxigraph store in this folder",
                hint=f"build one with: kg build ARTICLES --store {folder}",
            )
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise StoreError(
                f"{folder}: exists and is not an Oxigraph store",
                hint="give --store a new or empty folder, or one kg build --store made",
            )
    try:
        return ox.Store(str(folder))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                f"{folder}: the store is in use by another process (kg build, oxigraph serve, ...)",
                hint="wait for it to finish, or query the server that holds it by its URL",
            ) from None
        raise StoreError(f"{folder}: cannot open the Oxigraph store: {exc}") from None


def oxigraph_dataset(store: ox.Store) -> Dataset:
    """An rdflib ``Dataset`` over ``store``, whose default graph holds the merge of its
    named graphs (:class:`~kg.store.merged.MergedDataset`)."""
    return MergedDataset(store=PlainLiteralStore(store=store))


class OxigraphBackend:
    """An on-disk Oxigraph store as a :class:`~kg.store.graph.Backend`."""

    name = "oxigraph"

    def __init__(self, store: ox.Store, location: str) -> None:
        self.store: ox.Store | None = store
        self.location = location

    def update(self, sparql: str) -> None:
        if self.store is None:
            raise StoreError(f"{self.location}: the store is closed")
        try:
            self.store.update(sparql)
        except OSError as exc:
            raise StoreError(f"{self.location}: write failed: {exc}") from None

    def close(self) -> None:
        if self.store is not None:
            self.store.flush()
            self.store = None
