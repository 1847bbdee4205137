"""On-disk Oxigraph stores (pyoxigraph), seen through rdflib as a ``Dataset``.

oxrdflib's store gives rdflib code (triple patterns, ``Dataset.graph``) direct access to
Oxigraph and sends SPARQL to Oxigraph's engine. :class:`PlainLiteralStore` hands back
literals as they were written (see :mod:`kg.store.terms`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox, to_ox
from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from kg.errors import StoreError
from kg.store.merged import MergedDataset
from kg.store.ordering import FinalOrder, final_order, term_key
from kg.store.terms import plain, restore


class PlainLiteralStore(OxigraphStore):
    """oxrdflib's store, handing back literals as they were written (:mod:`kg.store.terms`).

    Query results keep Oxigraph's types but lose ``xsd:string`` (their predicate is unknown).
    SELECT results are converted to rdflib terms once per distinct term (kept across
    queries): results repeat labels, types and IRIs, and an rdflib term costs microseconds
    to make. A SELECT query's final ``ORDER BY`` on variables is applied to the rows here,
    where it is much faster than in Oxigraph 0.5 (:mod:`kg.store.ordering`).
    """

    def triples(self, triple_pattern, context=None):  # noqa: ANN001, ANN201
        for (s, p, o), contexts in super().triples(triple_pattern, context):
            yield (s, p, restore(p, o)), contexts

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: ANN001, ANN201, N803
        if isinstance(query, Query) or kwargs:  # what oxrdflib refuses: let it say so
            return super().query(query, initNs, initBindings, queryGraph, **kwargs)
        options = {
            "use_default_graph_as_union": queryGraph == "__UNION__",
            "default_graph": to_ox(queryGraph) if isinstance(queryGraph, Node) else None,
            "prefixes": dict(self._namespace_for_prefix, **initNs),
            "substitutions": {ox.Variable(k): to_ox(v) for k, v in initBindings.items()},
        }
        order = final_order(query)
        found = self._inner.query(query if order is None else order.body, **options)
        if order is not None and (
            not isinstance(found, ox.QuerySolutions)
            or not order.variables <= {v.value for v in found.variables}
        ):  # not rows, or sorted by what they do not hold: the engine sorts
            order = None
            found = self._inner.query(query, **options)
        if isinstance(found, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(found)
        elif isinstance(found, ox.QuerySolutions):
            result = _SelectResult("SELECT")
            result.vars = [Variable(v.value) for v in found.variables]
            if order is None:
                result.bindings = _rows(found, result.vars)
            else:
                result.bindings = _ordered_rows(found, result.vars, order)
        else:
            result = Result("CONSTRUCT")
            result.graph = Graph()
            result.graph += ((s, p, restore(p, o)) for s, p, o in map(from_ox, found))
        return result


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CACHED_TERMS = 500_000  # distinct terms remembered across queries (bounds the memory)


@lru_cache(maxsize=_CACHED_TERMS)
def _term(term: object) -> object:
    """The rdflib term for an Oxigraph term (``xsd:string`` literals plain), made once
    per distinct term across queries: results repeat labels, types and IRIs."""
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)  # type: ignore[attr-defined]
    if kind is ox.Literal:
        value, language = term.value, term.language  # type: ignore[attr-defined]
        datatype = term.datatype.value  # type: ignore[attr-defined]
        if language:
            return Literal(value, lang=language)
        if datatype == _XSD_STRING:
            return Literal(value)
        return Literal(value, datatype=URIRef(datatype))
    return plain(from_ox(term))


@lru_cache(maxsize=_CACHED_TERMS)
def _key(term: object) -> tuple:
    """The sort key (:func:`~kg.store.ordering.term_key`) of an Oxigraph term, made once."""
    return term_key(None if term is None else _term(term))


class _SelectResult(Result):
    """rdflib's SELECT result, whose rows share one column index instead of building
    a dict of column names for each row (a third of the time of a large result)."""

    def __iter__(self):  # noqa: ANN204
        names = self.vars or []
        labels = {str(name): i for i, name in enumerate(names)}
        pending, self._genbindings = self._genbindings, None
        if pending is None:
            bindings: Iterable[dict] = self._bindings
        else:
            bindings = _kept(pending, self._bindings)
        for binding in bindings:
            if binding:  # (as rdflib: no row for an empty binding)
                row = tuple.__new__(ResultRow, [binding.get(name) for name in names])
                row.labels = labels
                yield row


def _kept(pending: Iterator[dict], kept: list[dict]) -> Iterator[dict]:
    """``pending``'s bindings, each appended to ``kept`` as it passes (so that the result
    can be read again, as rdflib's can)."""
    for binding in pending:
        if binding:
            kept.append(binding)
        yield binding


def _row(names: list[Variable], values: Iterable[object]) -> dict:
    """A solution as ``{variable: rdflib term}`` (``None`` where unbound)."""
    return {
        name: None if value is None else _term(value)
        for name, value in zip(names, values, strict=True)
    }


def _rows(solutions: ox.QuerySolutions, names: list[Variable]) -> Iterator[dict]:
    """Each solution as a row (:func:`_row`), ``xsd:string`` literals plain."""
    for solution in solutions:
        yield _row(names, solution)


def _ordered_rows(
    solutions: ox.QuerySolutions, names: list[Variable], order: FinalOrder
) -> list[dict]:
    """The rows of :func:`_rows`, in ``order`` (sort keys made once per distinct term)."""
    positions = [names.index(Variable(name)) for name, _ in order.keys]
    rows, keys = [], []
    for solution in solutions:
        values = tuple(solution)
        rows.append(_row(names, values))
        keys.append(tuple(_key(values[i]) for i in positions))
    return order.arrange(rows, keys)


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
