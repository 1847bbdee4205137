"""Formatting SPARQL results as a readable table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.query import Result

from kg._util.atomic import atomic_path
from kg.errors import KGError
from kg.ontology.namespaces import PREFIXES
from kg.rdf.frames import to_dataframe


def _cell(value, *, short: bool) -> str:  # noqa: ANN001
    if value is None:
        return ""
    if isinstance(value, URIRef) and short:
        text = str(value)
        for prefix, namespace in PREFIXES.items():
            if text.startswith(str(namespace)):
                return f"{prefix}:{text[len(str(namespace)) :]}"
        return text
    if isinstance(value, Literal):
        return str(value)
    return str(value)


def format_result(result: Result, fmt: str = "table", *, max_width: int = 60) -> str:
    """Render ``result`` (SELECT, ASK or CONSTRUCT) as ``table``, ``csv`` or ``json``."""
    if result.type == "ASK":
        return (
            json.dumps({"boolean": bool(result.askAnswer)})
            if fmt == "json"
            else str(bool(result.askAnswer)).lower()
        )
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.serialize(format="json-ld" if fmt == "json" else "turtle").decode()
    names = [str(v) for v in result.vars or []]
    rows = [[row[i] for i in range(len(names))] for row in result]
    if fmt == "json":
        return result.serialize(format="json").decode()
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[_cell(v, short=False) for v in row] for row in rows])
        return out.getvalue().removesuffix("\n")  # the caller ends the last line
    cells = [[_cell(v, short=True).replace("\n", " ") for v in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    footer = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return "\n".join([line, rule, *body, footer])


def write_parquet(result: Result, path: str | os.PathLike[str]) -> int:
    """Write a SELECT ``result`` to ``path`` as Parquet with typed columns (see
    :mod:`kg.rdf.frames`), atomically; return the number of rows. Needs pandas and pyarrow
    (``pip install 'conflict-kg[analysis]'``)."""
    frame = to_dataframe(result)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise KGError(
            "Parquet needs pyarrow, which is not installed",
            hint="pip install 'conflict-kg[analysis]'",
        ) from None
    with atomic_path(Path(path)) as temp:
        frame.to_parquet(temp, index=False)
    return len(frame)
