"""Cross-article merging: reports of one real-world event joined into one merged event.

>>> import kg
>>> graph = kg.build_graph([kg.example_path()])
>>> result = merge(graph)          # one article: nothing to merge across articles
>>> result.clusters
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.merge.cluster import Cluster, Link, MergeResult, cluster_reports
from kg.merge.pairs import LabelledPair, PairEvaluation, evaluate_pairs, read_pairs
from kg.merge.rdf import result_to_graph
from kg.merge.reports import Context, Report, load_reports
from kg.merge.rules import THRESHOLD, Comparison, compare
from kg.rdf.iris import MERGES_GRAPH

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "THRESHOLD",
    "Cluster",
    "Comparison",
    "Context",
    "LabelledPair",
    "Link",
    "MergeResult",
    "PairEvaluation",
    "Report",
    "cluster_reports",
    "compare",
    "evaluate_pairs",
    "load_reports",
    "merge",
    "read_pairs",
    "unmerge",
]


def merge(kg: KnowledgeGraph, *, threshold: float = THRESHOLD) -> MergeResult:
    """Merge the reports of ``kg`` and replace its merges graph; return the result.

    Earlier merges are replaced, so running it twice gives the same graph. A store
    replaces the merges graph in one transaction
    (:meth:`~kg.graph.KnowledgeGraph.replace_graph`).
    """
    # Merging reads many small facts: over HTTP, one bulk copy beats a request each.
    reports, context = load_reports(kg.local())
    result = cluster_reports(reports, context, threshold=threshold)
    kg.replace_graph(MERGES_GRAPH, result_to_graph(result, context))
    return result


def unmerge(kg: KnowledgeGraph) -> int:
    """Drop every cross-article merge of ``kg`` (its merges graph); return the number of
    triples removed. Article graphs are untouched.

    >>> import kg
    >>> graph = kg.build_graph([kg.example_path()])
    >>> unmerge(graph)
    0
    """
    return kg.drop_graph(MERGES_GRAPH)
