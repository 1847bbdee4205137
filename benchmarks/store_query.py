"""Time one shipped query on an on-disk store, in a child process of the benchmark.

``python -m benchmarks.store_query STORE NAME REPEATS REPEAT_UNDER`` opens the store with
:func:`kg.store.open_graph`, runs the query once untimed (to warm the caches) and then
``REPEATS`` times, printing one JSON line per timed run: ``{"seconds": s, "rows": n}``.

Why a child: Oxigraph evaluates in native code, where no Python signal can stop it, and a
query that explodes (as the shipped queries did on Oxigraph 0.5's union default graph:
oxigraph issue #1919) can take all the machine's memory. The parent stops the child after
its time limit and caps its address space, and keeps the runs it printed.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from benchmarks.queries import Timing

ROOT = Path(__file__).resolve().parents[1]
STARTUP_ALLOWANCE = 30.0  # seconds to import kg and open the store


def time_in_child(
    store: Path,
    name: str,
    *,
    repeats: int,
    cap: float,
    repeat_under: float,
    memory_gb: float,
) -> Timing:
    """Time the shipped query ``name`` on ``store`` in a child process (see module doc).

    ``cap`` bounds each run (the child is stopped after ``STARTUP_ALLOWANCE`` + ``cap`` *
    (``repeats`` + 1) seconds); ``memory_gb`` bounds the child's address space.
    """
    limit = int(memory_gb * 1024**3)

    def restrict() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    command = [
        sys.executable,
        "-m",
        "benchmarks.store_query",
        str(store),
        name,
        str(repeats),
        str(repeat_under),
    ]
    timing = Timing()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": path},
            timeout=STARTUP_ALLOWANCE + cap * (repeats + 1),
            preexec_fn=restrict,  # noqa: PLW1509 - no threads run the benchmark here
            check=False,
        )
        stdout, failed = done.stdout, done.returncode != 0
        stderr = done.stderr
    except subprocess.TimeoutExpired as expired:
        stdout = expired.stdout.decode() if isinstance(expired.stdout, bytes) else expired.stdout
        stdout, failed, stderr = stdout or "", False, ""
        timing.capped = True
    for line in stdout.splitlines():
        if line.startswith("{"):
            run = json.loads(line)
            timing.runs.append(run["seconds"])
            timing.rows = run["rows"]
    if timing.capped and not timing.runs:
        timing.runs.append(cap)
    elif timing.capped:
        timing.capped = False  # some runs finished: their median stands
    if failed and not timing.runs:
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        timing.error = f"child failed ({last[:160]}; address space limit {memory_gb:g} GB)"
    return timing


def _child(store: str, name: str, repeats: str, repeat_under: str) -> None:
    from benchmarks.queries import run_once
    from kg.query import load_query
    from kg.store import open_graph

    graph = open_graph(store)
    sparql = load_query(name)
    seconds, rows = run_once(graph, sparql)  # warm-up
    if seconds > float(repeat_under):  # too slow to repeat: this run is the measure
        print(json.dumps({"seconds": seconds, "rows": rows}), flush=True)
        return
    for _ in range(int(repeats)):
        seconds, rows = run_once(graph, sparql)
        print(json.dumps({"seconds": seconds, "rows": rows}), flush=True)
    graph.close()


if __name__ == "__main__":
    _child(*sys.argv[1:5])
