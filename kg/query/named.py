"""Named queries: ``kg/query/queries/<name>.rq``, each starting with ``# title`` lines."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kg.errors import QueryError

_PACKAGE = "kg.query.queries"


def _files() -> dict[str, str]:
    folder = resources.files(_PACKAGE)
    return {
        Path(entry.name).stem: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    }


def list_queries() -> dict[str, str]:
    """Map each shipped query's name to its one-line description.

    >>> "events" in list_queries()
    True
    """
    out = {}
    for name, text in sorted(_files().items()):
        first = next((ln for ln in text.splitlines() if ln.startswith("#")), "# ")
        out[name] = first.lstrip("# ").strip()
    return out


def requires(sparql: str) -> frozenset[str]:
    """What a query's ``# requires: ...`` header lines say it needs of the graph
    (``merges``: the cross-article merges of ``kg merge``, which ``kg build`` makes
    unless ``--no-merge``).

    >>> sorted(requires(load_query("conflicting-claims")))
    ['merges']
    """
    needs: set[str] = set()
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        if key.strip() == "requires":
            needs.update(v.strip() for v in value.split(",") if v.strip())
    return frozenset(needs)


def load_query(name: str) -> str:
    """The SPARQL text of a shipped query."""
    files = _files()
    if name not in files:
        raise QueryError(
            f"no shipped query named '{name}'",
            hint=f"kg query --list shows them: {', '.join(sorted(files))}",
        )
    return files[name]


def resolve_query(query: str) -> str:
    """Turn what a user gave — SPARQL text, a ``.rq`` file or a shipped query's name —
    into SPARQL text."""
    stripped = query.strip()
    if stripped in _files():
        return load_query(stripped)
    if stripped.endswith(".rq") or (
        len(stripped) < 300 and "\n" not in stripped and Path(stripped).is_file()
    ):
        path = Path(stripped)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    if not any(k in stripped.upper() for k in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(
            f"'{stripped[:60]}' is neither SPARQL, a .rq file nor a shipped query",
            hint="kg query --list shows the shipped queries",
        )
    return query
