"""SPARQL results as pandas DataFrames with typed columns.

Every result :meth:`kg.graph.KnowledgeGraph.query` returns (a file's graph, a store's, a
SPARQL server's) has ``.to_dataframe()``. A column takes the type of its values:

- ``xsd:date`` / ``xsd:dateTime`` -> ``datetime64``; ``xsd:gYearMonth`` -> a monthly
  ``Period``, ``xsd:gYear`` -> a yearly one; a column that mixes precisions (an event's
  ``sem:hasTimeStamp`` is a day, a month or a year) -> ``datetime64`` at the start of each
  period, with a ``<column>_precision`` column beside it (``day``, ``month``, ``year``);
- integers -> ``Int64`` (nullable), decimals and floats (coordinates) -> ``float64``,
  booleans -> ``boolean``;
- IRIs and strings -> ``string``.

pandas is an optional dependency: ``pip install conflict-kg[analysis]``.

>>> import kg
>>> graph = kg.build_graph([kg.example_path()])
>>> frame = graph.query("SELECT ?p ?lat WHERE { ?p wgs:lat ?lat }").to_dataframe()
>>> str(frame["lat"].dtype), str(frame["p"].dtype)
('float64', 'string')
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from kg.errors import KGError, QueryError

_INTEGERS = frozenset(
    XSD[name]
    for name in [
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
)
_FLOATS = frozenset({XSD.decimal, XSD.double, XSD.float})
_PRECISION = {XSD.date: "day", XSD.dateTime: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}


def require_pandas() -> Any:
    """The pandas module, or a clear error saying how to install it."""
    try:
        import pandas
    except ImportError:
        raise KGError(
            "DataFrames need pandas, which is not installed",
            hint="pip install 'conflict-kg[analysis]'",
        ) from None
    return pandas


class _Frames:
    """What every kg query result adds to rdflib's :class:`~rdflib.query.Result`."""

    def to_dataframe(self) -> Any:
        """This SELECT result as a pandas DataFrame, a column per variable, typed."""
        return to_dataframe(self)  # type: ignore[arg-type]


@cache
def _with_frames_class(cls: type) -> type:
    return type(cls.__name__, (cls, _Frames), {"__module__": cls.__module__})


def with_frames(result: Result) -> Result:
    """``result`` itself, its class extended with :meth:`_Frames.to_dataframe` (the
    result's own behaviour unchanged: it is a subclass with no state of its own)."""
    if not isinstance(result, _Frames):
        result.__class__ = _with_frames_class(type(result))
    return result


def to_dataframe(result: Result) -> Any:
    """A SELECT ``result`` as a typed DataFrame (see the module's docstring)."""
    pd = require_pandas()
    if result.type != "SELECT":
        raise QueryError(f"a {result.type} result has no table", hint="use a SELECT query")
    names = [str(v) for v in result.vars or []]
    rows = [[row[i] for i in range(len(names))] for row in result]
    columns: dict[str, Any] = {}
    for i, name in enumerate(names):
        values = [row[i] for row in rows]
        columns.update(_column(pd, name, values))
    return pd.DataFrame(columns, columns=list(columns) or names)


def _column(pd: Any, name: str, values: list[Any]) -> dict[str, Any]:
    present = [v for v in values if v is not None]
    kinds = {v.datatype for v in present if isinstance(v, Literal)}
    literals = present and all(isinstance(v, Literal) for v in present)
    if literals and kinds and kinds <= set(_PRECISION):
        return _dates(pd, name, values, kinds)
    if literals and kinds and kinds <= _INTEGERS:
        return {name: pd.array([None if v is None else int(v) for v in values], dtype="Int64")}
    if literals and kinds and kinds <= _INTEGERS | _FLOATS:
        return {name: pd.Series([float("nan") if v is None else float(v) for v in values])}
    if literals and kinds == {XSD.boolean}:
        return {name: pd.array([None if v is None else bool(v.toPython()) for v in values])}
    text = [None if v is None else str(v) for v in values]
    return {name: pd.array(text, dtype="string")}


def _dates(pd: Any, name: str, values: list[Any], kinds: set[URIRef]) -> dict[str, Any]:
    precisions = {_PRECISION[k] for k in kinds}
    text = [None if v is None else str(v) for v in values]
    if precisions == {"day"}:
        return {name: pd.to_datetime(text, errors="coerce", utc=XSD.dateTime in kinds)}
    if len(kinds) == 1:  # all months or all years: periods at that precision
        freq = "M" if kinds == {XSD.gYearMonth} else "Y"
        return {name: pd.array([None if t is None else pd.Period(t, freq) for t in text])}
    starts = [None if t is None else period_start(t) for t in text]
    precision = [
        None if v is None else _PRECISION.get(getattr(v, "datatype", None), "day") for v in values
    ]
    return {
        name: pd.to_datetime(starts, errors="coerce"),
        f"{name}_precision": pd.array(precision, dtype="string"),
    }


def period_start(text: str) -> str:
    """The first day of a date, month or year written in ISO form.

    >>> period_start("2016-07"), period_start("2015"), period_start("2016-07-19T10:00:00")
    ('2016-07-01', '2015-01-01', '2016-07-19')
    """
    text = text[:10]
    return text if len(text) == 10 else (text + "-01-01")[:10] if len(text) == 4 else text + "-01"
