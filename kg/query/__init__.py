"""Named SPARQL queries shipped with the package, and result formatting."""

from kg.query.named import list_queries, load_query, resolve_query
from kg.query.results import format_result

__all__ = ["format_result", "list_queries", "load_query", "resolve_query"]
