"""A small pool of worker processes that answer queries with a time limit.

pyoxigraph has no query timeout and a thread cannot be stopped, but a process can: each
worker opens the store read-only and answers one query at a time; a worker that runs past
the limit is killed and a fresh one takes its place, while the client gets a clean 503.
Workers are forked from a ``forkserver`` that has already imported the worker module,
so a replacement is ready in well under a second.

Requests beyond the workers wait for one in a bounded queue; when the queue is full, or
no worker frees up within the time limit, the answer is 503 with ``Retry-After``.
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from kg.errors import StoreError
from kg.serve import worker
from kg.serve.worker import Job, Reply

_START_WAIT = 120.0


@dataclass(frozen=True)
class _Worker:
    process: BaseProcess
    conn: Connection


def _busy(message: str) -> Reply:
    reply = Reply.error(503, message, "retry in a moment")
    return Reply(reply.status, reply.content_type, reply.body, {"Retry-After": "1"})


class WorkerPool:
    """``size`` worker processes on the store at ``store_dir``.

    ``timeout`` bounds both how long a request waits for a free worker and how long its
    query may run; ``waiting`` is how many requests may wait at once.
    """

    def __init__(
        self,
        store_dir: str,
        *,
        size: int = 2,
        timeout: float = 10.0,
        waiting: int = 64,
        max_results: int = 10_000,
    ) -> None:
        self.store_dir = store_dir
        self.timeout = timeout
        self.max_results = max_results
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["kg.serve.worker"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._slots = threading.BoundedSemaphore(size + waiting)
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        started = [self._start() for _ in range(size)]
        try:
            for each in started:
                self._await_ready(each)
        except BaseException:
            self.close()
            raise

    # -- workers ---------------------------------------------------------------------
    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=worker.run,
            args=(child, self.store_dir, self.max_results),
            name="kg-serve-worker",
            daemon=True,
        )
        process.start()
        child.close()
        started = _Worker(process, parent)
        with self._lock:
            self._workers.add(started)
        return started

    def _await_ready(self, started: _Worker) -> None:
        message = None
        if started.conn.poll(_START_WAIT):
            status, message = started.conn.recv()
            if status == "ready":
                self._idle.put(started)
                return
        self._stop(started)
        raise StoreError(
            message or f"a query worker did not start within {_START_WAIT:g} s",
            hint="is the store folder an Oxigraph store written by kg build --store?",
        )

    def _stop(self, stopped: _Worker) -> None:
        stopped.process.kill()
        stopped.process.join(5)
        stopped.conn.close()
        with self._lock:
            self._workers.discard(stopped)

    def _replace(self, stopped: _Worker) -> None:
        """Kill ``stopped`` and start its successor in the background."""
        self._stop(stopped)
        if not self._closed:
            threading.Thread(target=self._respawn, name="kg-serve-respawn", daemon=True).start()

    def _respawn(self) -> None:
        try:
            self._await_ready(self._start())
        except (StoreError, OSError) as exc:
            print(f"kg serve: a query worker could not be restarted: {exc}", file=sys.stderr)

    # -- answering -------------------------------------------------------------------
    def run(self, job: Job) -> Reply:
        """Answer ``job`` on a free worker, or say why not (503) within the time limit."""
        if not self._slots.acquire(blocking=False):
            return _busy("the endpoint is busy: too many queries are waiting")
        try:
            try:
                chosen = self._idle.get(timeout=self.timeout)
            except queue.Empty:
                return _busy(
                    f"the endpoint is busy: no query worker was free for {self.timeout:g} s"
                )
            try:
                chosen.conn.send(job)
                if not chosen.conn.poll(self.timeout):
                    self._replace(chosen)
                    return Reply.error(
                        503,
                        f"the query ran longer than the time limit ({self.timeout:g} s) "
                        "and was stopped",
                        "make it more selective (fewer unbound triple patterns, a LIMIT), "
                        "or start kg serve with a longer --timeout",
                    )
                reply: Reply = chosen.conn.recv()
            except (EOFError, OSError):
                self._replace(chosen)
                return _busy("the query worker stopped unexpectedly")
            self._idle.put(chosen)
            return reply
        finally:
            self._slots.release()

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for each in workers:
            self._stop(each)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
