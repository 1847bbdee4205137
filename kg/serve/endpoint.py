"""Start the endpoint: prepare the source, start the workers, draw the network view in the
background, and serve until interrupted (Ctrl-C or SIGTERM), then clean up."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from kg.serve.page import render_home
from kg.serve.pool import WorkerPool
from kg.serve.server import EndpointServer
from kg.serve.source import Source, network_page, open_source


@dataclass(frozen=True)
class Limits:
    """What one query may cost: run time in seconds, rows (or triples) in its answer,
    bytes in its request; and how many worker processes answer, how many requests wait."""

    timeout: float = 10.0
    max_results: int = 10_000
    max_request_bytes: int = 256 * 1024
    workers: int = 2
    waiting: int = 64


def _draw_network(server: EndpointServer, source: Source, title: str) -> None:
    try:
        server.network = network_page(source, title=f"{title}: network").encode("utf-8")
    except Exception as exc:  # noqa: BLE001 - the endpoint serves queries without it
        message = f"the network view could not be drawn: {exc}"
        server.network = f"<!DOCTYPE html><title>network</title><p>{message}</p>".encode()
        print(f"kg serve: {message}", file=sys.stderr)


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(
    path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    limits: Limits = Limits(),  # noqa: B008 - frozen, so sharing the default is safe
    quiet: bool = False,
    ready: Callable[[EndpointServer], None] | None = None,
) -> None:
    """Serve the graph file or Oxigraph store folder at ``path`` until interrupted.

    ``ready`` is called with the listening server (its ``server_address`` holds the
    port, useful with ``port=0``) before requests are answered.
    """
    title = f"conflict-kg: {Path(path).name}"
    with open_source(path) as source:
        pool = WorkerPool(
            str(source.store_dir),
            size=limits.workers,
            timeout=limits.timeout,
            waiting=limits.waiting,
            max_results=limits.max_results,
        )
        with pool:
            home = render_home(
                title=title,
                quads=source.quads,
                graphs=len(source.graphs),
                timeout=limits.timeout,
                max_results=limits.max_results,
            ).encode("utf-8")
            server = EndpointServer(
                (host, port),
                source=source,
                pool=pool,
                home=home,
                max_request_bytes=limits.max_request_bytes,
                quiet=quiet,
            )
            with server:
                threading.Thread(
                    target=_draw_network, args=(server, source, title), daemon=True
                ).start()
                if ready is not None:
                    ready(server)
                in_main = threading.current_thread() is threading.main_thread()
                previous = signal.signal(signal.SIGTERM, _stop_on_sigterm) if in_main else None
                try:
                    server.serve_forever()
                except KeyboardInterrupt:
                    pass
                finally:
                    if in_main:
                        signal.signal(signal.SIGTERM, previous)
