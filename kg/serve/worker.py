"""What one worker process does: open the store read-only, then answer jobs one at a time.

A job runs with the project's prefixes predeclared and, unless it names its dataset,
over the default graph: the RDF merge of all graphs, each triple once
(:mod:`kg.store.merged`; Oxigraph 0.5's union default graph would repeat a triple once
per graph holding it). Results are capped at ``max_results`` rows (or triples for
CONSTRUCT and DESCRIBE): a bigger answer is refused rather than cut, so a client never
takes a partial answer for a whole one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from kg.ontology.namespaces import PREFIXES
from kg.serve.formats import GRAPH_FORMATS, RESULT_FORMATS, Format, choose
from kg.serve.guard import QueryRefused

MAX_BODY_BYTES = 64 * 1024 * 1024

_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


@dataclass(frozen=True)
class Job:
    """One query to answer, as the HTTP layer received it."""

    query: str
    accept: str | None = None
    formats: tuple[str, ...] = ()
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, content type and body."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str, hint: str | None = None) -> Reply:
        text = message + (f"\nTIP: {hint}" if hint else "") + "\n"
        return cls(status, "text/plain; charset=utf-8", text.encode("utf-8"))


def _too_many(max_results: int, what: str) -> QueryRefused:
    return QueryRefused(
        f"the answer has more than {max_results:,} {what} (the endpoint's limit)",
        hint="add LIMIT (and OFFSET to page through it), or start kg serve with a "
        "higher --max-results",
        status=400,
    )


def _solutions(result: ox.QuerySolutions, fmt: Format, max_results: int) -> bytes:
    """Serialize at most ``max_results`` solutions.

    pyoxigraph serializes only a whole solution iterator, so the first rows are written
    as TSV (a term's ``str()`` is its SPARQL syntax) and pyoxigraph re-reads them to write
    the requested format: the same bytes it would have written itself.
    """
    variables = result.variables
    lines = ["\t".join(str(v) for v in variables)]
    size = 0
    for count, solution in enumerate(result, start=1):
        if count > max_results:
            raise _too_many(max_results, "rows")
        line = "\t".join("" if solution[v] is None else str(solution[v]) for v in variables)
        size += len(line)
        if size > MAX_BODY_BYTES:
            raise _too_many(count - 1, "rows that fit in 64 MiB")
        lines.append(line)
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    if fmt.name == "tsv":
        return tsv
    return ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV).serialize(
        format=_RESULTS[fmt.name]
    )


def _triples(result: ox.QueryTriples, fmt: Format, max_results: int) -> bytes:
    triples = []
    for count, triple in enumerate(result, start=1):
        if count > max_results:
            raise _too_many(max_results, "triples")
        triples.append(triple)
    prefixes = _PREFIXES if fmt.name in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=_GRAPHS[fmt.name], prefixes=prefixes)


def answer(store: ox.Store, job: Job, max_results: int) -> Reply:
    """Run ``job`` on ``store`` and serialize its answer as negotiated."""
    dataset: dict[str, Any] = {}
    if job.default_graphs:
        dataset["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, prefixes=_PREFIXES, **dataset)
        if isinstance(result, ox.QueryBoolean):
            fmt = choose(RESULT_FORMATS, job.accept, job.formats)
            body = result.serialize(format=_RESULTS[fmt.name])
        elif isinstance(result, ox.QuerySolutions):
            fmt = choose(RESULT_FORMATS, job.accept, job.formats)
            body = _solutions(result, fmt, max_results)
        else:
            fmt = choose(GRAPH_FORMATS, job.accept, job.formats)
            body = _triples(result, fmt, max_results)
    except QueryRefused as refused:
        return Reply.error(refused.status, str(refused), refused.hint)
    except SyntaxError as exc:
        return Reply.error(400, f"SPARQL syntax error: {exc}", "the query must be SPARQL 1.1")
    except Exception as exc:  # noqa: BLE001 - the engine's errors become one clean answer
        return Reply.error(500, f"query failed: {type(exc).__name__}: {exc}")
    return Reply(200, fmt.content_type, body)


def run(conn: Connection, store_dir: str, max_results: int) -> None:
    """A worker's main loop: say ``ready`` (or why not), then answer jobs until ``None``."""
    try:
        store = ox.Store.read_only(store_dir)
    except OSError as exc:
        conn.send(("failed", f"cannot open the store {store_dir}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(answer(store, job, max_results))
