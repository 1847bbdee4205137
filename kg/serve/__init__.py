"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph, with a query page
and the network view.

Queries run on pyoxigraph in a pool of worker processes (:mod:`kg.serve.pool`), each with
a time limit and a result-size limit; updates, ``LOAD``, ``SERVICE`` and datasets naming
graphs the store does not hold are refused (:mod:`kg.serve.guard`).
"""

from kg.serve.endpoint import Limits, serve

__all__ = ["Limits", "serve"]
