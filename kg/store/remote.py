"""SPARQL 1.1 servers: read through the SPARQL Protocol, write with SPARQL Update.

A server is named by one URL. Its query, update and Graph Store URLs are found from it by
the common layouts: Oxigraph (``/query``, ``/update``, ``/store``) and Fuseki
(``/ds/query``, ``/ds/update``, ``/ds/data``) by their last path segment; any other URL
(Virtuoso's ``/sparql``, GraphDB's ``/repositories/x``) serves queries and updates alike.

Queries run over the server's default graph, which kg keeps as the RDF merge of the named
graphs (:mod:`kg.store.merged`): it must be a graph of its own, not the union of the named
graphs (``oxigraph serve`` without ``--union-default-graph``, Fuseki without
``tdb2:unionDefaultGraph``). Virtuoso has no default graph of its own: it refuses updates
to it, and its default dataset (every graph) repeats a triple once per graph.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from rdflib import Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from kg.errors import StoreError
from kg.store.terms import restore

TIMEOUT_S = 60.0

# last path segment -> (query segment, update segment)
_LAYOUTS = {
    "query": ("query", "update"),
    "update": ("query", "update"),
    "store": ("query", "update"),  # Oxigraph's Graph Store
    "data": ("query", "update"),  # Fuseki's Graph Store
}


def is_endpoint(source: object) -> bool:
    """Whether ``source`` names a SPARQL server (an ``http(s)://`` URL)."""
    return isinstance(source, str) and source.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoint:
    """The query and update URLs of a SPARQL server.

    >>> Endpoint.from_url("http://127.0.0.1:7878/store")
    Endpoint(query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update')
    >>> Endpoint.from_url("http://127.0.0.1:7878")
    Endpoint(query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update')
    >>> Endpoint.from_url("https://example.org/sparql").update
    'https://example.org/sparql'
    """

    query: str
    update: str

    @classmethod
    def from_url(cls, url: str) -> Endpoint:
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        head, _, last = path.rpartition("/")
        if not path:
            head, last = "", "query"  # a bare Oxigraph server: http://host:7878
        if last not in _LAYOUTS:
            return cls(url, url)
        query, update = _LAYOUTS[last]

        def sibling(segment: str) -> str:
            return urlunsplit(parts._replace(path=f"{head}/{segment}", query="", fragment=""))

        return cls(sibling(query), sibling(update))


def _request(url: str, body: bytes, content_type: str, accept: str = "*/*") -> bytes:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": content_type, "Accept": accept}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310
            return response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:3]
        raise StoreError(
            f"{url}: the SPARQL server answered {exc.code} {exc.reason}: {' '.join(detail)}",
            hint="check the URL (its query or update endpoint) and that the server accepts writes",
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(
            f"{url}: cannot reach the SPARQL server ({reason})",
            hint="is the server running? e.g. oxigraph serve --location DIR",
        ) from None


class _ReadOnlySPARQLStore(SPARQLStore):
    """rdflib's SPARQL Protocol client; ``Dataset.graph(name)`` only names a graph, and
    literals come back as they were written (:mod:`kg.store.terms`)."""

    def add_graph(self, graph) -> None:  # noqa: ANN001
        pass

    def triples(self, spo, context=None):  # noqa: ANN001, ANN201
        for (s, p, o), contexts in super().triples(spo, context):
            yield (s, p, restore(p, o)), contexts


class SparqlBackend:
    """A SPARQL server as a :class:`~kg.store.graph.Backend`."""

    name = "sparql"

    def __init__(self, endpoint: Endpoint, location: str) -> None:
        self.endpoint = endpoint
        self.location = location

    def ping(self) -> None:
        """Fail with a clear :class:`~kg.errors.StoreError` if the server does not answer."""
        _request(self.endpoint.query, b"ASK {}", "application/sparql-query")

    def update(self, sparql: str) -> None:
        _request(self.endpoint.update, sparql.encode("utf-8"), "application/sparql-update")

    def close(self) -> None:
        pass


def endpoint_dataset(endpoint: Endpoint) -> Dataset:
    """An rdflib ``Dataset`` that reads ``endpoint`` through the SPARQL Protocol.

    ``default_union`` here only keeps rdflib from naming a default graph in its requests:
    queries then read the server's own default graph, the merge kg keeps there."""
    store = _ReadOnlySPARQLStore(endpoint.query, method="POST")
    return Dataset(store=store, default_union=True)
