"""The HTTP layer: the SPARQL 1.1 Protocol at ``/sparql``, the query page at ``/``, the
network view at ``/network`` and ``/health``.

Queries arrive by GET (``?query=``) or POST (a form, or the query as
``application/sparql-query``); ``default-graph-uri`` and ``named-graph-uri`` name a
dataset. Each is checked (:mod:`kg.serve.guard`) and answered by the worker pool
(:mod:`kg.serve.pool`). Every answer carries ``Access-Control-Allow-Origin: *`` so pages
from any origin may query; the endpoint is read-only and holds no credentials.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.serve.guard import QueryRefused, check_graph, check_query
from kg.serve.pool import WorkerPool
from kg.serve.source import Source
from kg.serve.worker import Job, Reply

MAX_CONNECTIONS = 256
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
_OVERLOADED = (
    b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 1\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n"
    b"Content-Length: 43\r\n\r\nthe endpoint is busy: too many connections\n"
)
_FORM = "application/x-www-form-urlencoded"


class EndpointServer(ThreadingHTTPServer):
    """A threading HTTP server with a connection cap, holding what handlers need."""

    daemon_threads = True
    request_queue_size = 256

    def __init__(
        self,
        address: tuple[str, int],
        *,
        source: Source,
        pool: WorkerPool,
        home: bytes,
        max_request_bytes: int,
        quiet: bool = False,
    ) -> None:
        super().__init__(address, _Handler)
        self.source = source
        self.pool = pool
        self.home = home
        self.network: bytes | None = None
        self.max_request_bytes = max_request_bytes
        self.quiet = quiet
        self._connections = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if self._connections.acquire(blocking=False):
            super().process_request(request, client_address)
            return
        # Over the cap: answer 503 here, without a thread. The request is read first so
        # that closing the socket does not reset the connection before the client reads.
        try:
            request.settimeout(0.2)
            request.recv(65536)
            request.sendall(_OVERLOADED)
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.shutdown_request(request)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()


class _Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "conflict-kg"
    timeout = 30  # seconds a client may take to send its request

    # -- plumbing --------------------------------------------------------------------
    def _send(self, status: int, content_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**_CORS, **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _reply(self, reply: Reply) -> None:
        self._send(reply.status, reply.content_type, reply.body, **reply.headers)

    def _error(self, status: int, message: str, hint: str | None = None) -> None:
        self._reply(Reply.error(status, message, hint))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    # -- methods ---------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(204, "text/plain", b"", Allow="GET, POST, OPTIONS")

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.server.home)
        elif url.path == "/network":
            if self.server.network is None:
                self._error(503, "the network view is still being drawn", "reload in a moment")
            else:
                self._send(200, "text/html; charset=utf-8", self.server.network)
        elif url.path == "/health":
            source = self.server.source
            health = {"status": "ok", "quads": source.quads, "graphs": len(source.graphs)}
            self._send(200, "application/json", json.dumps(health).encode())
        elif url.path == "/sparql":
            if len(url.query) > self.server.max_request_bytes:
                self._error(
                    414,
                    "the query is longer than the endpoint's request limit",
                    "send it by POST; a longer one needs a higher --max-request-bytes",
                )
            elif not url.query and "text/html" in self.headers.get("Accept", ""):
                self._send(303, "text/plain", b"", Location="/")
            else:
                self._query(self._params(url.query))
        else:
            self._error(404, f"no such page: {url.path}", "the endpoint is at /sparql")

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, f"no such endpoint: {url.path}", "POST queries to /sparql")
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._error(411, "a POST needs a Content-Length", "send the query with its length")
            return
        if int(length) > self.server.max_request_bytes:
            self.close_connection = True
            self._error(
                413,
                f"the request ({int(length):,} bytes) is larger than the endpoint's limit "
                f"({self.server.max_request_bytes:,} bytes)",
                "shorten the query, or start kg serve with a higher --max-request-bytes",
            )
            return
        body = self.rfile.read(int(length))
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._error(400, "the request is not UTF-8 text")
            return
        if media == _FORM:
            self._query(self._params(text))
        elif media == "application/sparql-query":
            self._query({**self._params(url.query), "query": [text]})
        elif media == "application/sparql-update":
            self._error(403, "SPARQL Update is refused: this endpoint is read-only")
        else:
            self._error(
                415,
                f"cannot read a '{media or 'untyped'}' request",
                f"POST the query as application/sparql-query or as a form ({_FORM})",
            )

    # -- queries ---------------------------------------------------------------------
    @staticmethod
    def _params(text: str) -> dict[str, list[str]]:
        try:
            return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=64)
        except (UnicodeDecodeError, ValueError):
            return {"": ["malformed"]}

    def _query(self, params: dict[str, list[str]]) -> None:
        if "" in params:
            self._error(400, "the request's parameters are malformed or not UTF-8")
            return
        if "update" in params:
            self._error(403, "SPARQL Update is refused: this endpoint is read-only")
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._error(400, "give exactly one 'query' parameter", "see the page at /")
            return
        graphs = self.server.source.graphs
        try:
            for clause in ("default-graph-uri", "named-graph-uri"):
                for iri in params.get(clause, []):
                    check_graph(
                        iri if iri in graphs else None, graphs, shown=f"<{iri}>", clause=clause
                    )
            check_query(queries[0], graphs)
        except QueryRefused as refused:
            self._error(refused.status, str(refused), refused.hint)
            return
        job = Job(
            queries[0],
            accept=self.headers.get("Accept"),
            formats=tuple(params.get("format", [])),
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        self._reply(self.server.pool.run(job))
