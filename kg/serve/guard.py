"""What the endpoint refuses before a query reaches the engine.

The endpoint is read-only and never makes a request to another host, so it refuses
updates (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ...), ``SERVICE`` (pyoxigraph would
send the sub-query over HTTP) and datasets (``FROM``, ``FROM NAMED``, the protocol's
``default-graph-uri``) that name a graph the store does not hold.

pyoxigraph exposes no parsed query to inspect, so the check is lexical: the query is cut
into SPARQL tokens (strings, IRIs and comments are single tokens, so a keyword inside
them does not count) and the bare keywords are looked at. None of the refused keywords
can appear as a bare word in a legal read-only query, so this never refuses one; the
engine's parser then reports any syntax error. SPARQL processes ``\\uXXXX`` escapes
before parsing; the check runs on the text both with and without them, so an escaped
keyword cannot slip through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kg.errors import QueryError
from kg.ontology.namespaces import PREFIXES

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""
      (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'
               |"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<comment>\#[^\n\r]*)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<pname>[\w\-.\u00b7-\U0010ffff]*:(?:[\w\-.:%\u00b7-\U0010ffff]|\\.)*)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE,
)


class QueryRefused(QueryError):
    """The endpoint will not run a query; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, *, hint: str | None = None, status: int = 403) -> None:
        super().__init__(message, hint=hint)
        self.status = status


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def _tokens(text: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind != "comment":
            yield _Token(kind, match.group())


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _resolve(token: _Token, prefixes: Mapping[str, str]) -> str | None:
    """The absolute IRI a graph name stands for, or None when it has none."""
    if token.kind == "iri":
        iri = token.text[1:-1]
        return iri if re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri) else None
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        local = re.sub(r"\\(.)", r"\1", local)  # PN_LOCAL_ESC: kgid:graph\/a
        return prefixes[prefix] + local if prefix in prefixes else None
    return None


def _check_tokens(tokens: list[_Token], graphs: frozenset[str]) -> str | None:
    words = [t.text.upper() for t in tokens if t.kind == "word"]
    if "SERVICE" in words:
        raise QueryRefused(
            "SERVICE is refused: this endpoint never sends a query to another host",
            hint="query the other endpoint yourself and join the results locally",
        )
    if "LOAD" in words:
        raise QueryRefused(
            "LOAD is refused: this endpoint is read-only and never fetches data from other hosts",
            hint="add the data to the graph with kg build, then restart kg serve",
        )
    updates = sorted(UPDATE_KEYWORDS.intersection(words))
    if updates:
        raise QueryRefused(
            f"{updates[0]} is refused: this endpoint is read-only (SPARQL Update is not served)",
            hint="change the graph with kg build or kg merge, then restart kg serve",
        )
    prefixes: dict[str, str] = {p: str(ns) for p, ns in PREFIXES.items()}
    for i, token in enumerate(tokens):
        upper = token.text.upper() if token.kind == "word" else ""
        if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2].kind == "iri":
            prefixes[tokens[i + 1].text.rstrip(":")] = tokens[i + 2].text[1:-1]
        if upper == "FROM":
            j = i + 1
            if j < len(tokens) and tokens[j].text.upper() == "NAMED":
                j += 1
            name = tokens[j] if j < len(tokens) else _Token("other", "")
            check_graph(_resolve(name, prefixes), graphs, shown=name.text, clause="FROM")
    return next((w for w in words if w in QUERY_FORMS), None)


def check_graph(iri: str | None, graphs: frozenset[str], *, shown: str, clause: str) -> None:
    """Refuse a dataset graph the store does not hold (or one that is not an absolute IRI)."""
    if iri is not None and iri in graphs:
        return
    raise QueryRefused(
        f"{clause} {shown}: no such graph in this store; "
        "the endpoint never fetches graphs from other hosts",
        hint="leave the dataset out to query the union of all graphs, or name a graph listed "
        "by: SELECT DISTINCT ?g WHERE { GRAPH ?g {} }",
    )


def check_query(text: str, graphs: frozenset[str]) -> str | None:
    """Refuse what the endpoint does not serve; return the query form (``SELECT``, ...)
    when it is visible, None when the engine's parser will have to say what is wrong.

    ``graphs`` holds the IRIs of the store's named graphs, which ``FROM`` may name.

    >>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' } # LOAD", frozenset())
    'SELECT'
    >>> try:
    ...     check_query("INSERT DATA { <a:b> <a:c> <a:d> }", frozenset())
    ... except QueryRefused as refused:
    ...     print(refused.status, str(refused)[:17])
    403 INSERT is refused
    """
    form = _check_tokens(list(_tokens(text)), graphs)
    unescaped = _unescape(text)
    if unescaped != text:
        form = _check_tokens(list(_tokens(unescaped)), graphs) or form
    return form
