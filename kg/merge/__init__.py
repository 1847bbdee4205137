"""Cross-article merging: reports of one real-world event joined into one merged event.

>>> import kg
>>> graph = kg.build_graph([kg.example_path()])
>>> result = merge(graph)          # one article: nothing to merge across articles
>>> result.clusters
[]
"""

from __future__ import annotations

from kg.merge.cluster import Cluster, Link, MergeResult, cluster_reports
from kg.merge.pairs import LabelledPair, PairEvaluation, evaluate_pairs, read_pairs
from kg.merge.reports import Context, Report, load_reports
from kg.merge.rules import THRESHOLD, Comparison, compare

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
]


def merge(kg, *, threshold: float = THRESHOLD) -> MergeResult:  # noqa: ANN001 - KnowledgeGraph
    """Merge the reports of ``kg`` and (re)write its merges graph; return the result.

    Any earlier merges are dropped first, so running it twice gives the same graph.
    """
    from kg.merge.rdf import result_to_graph
    from kg.rdf.iris import MERGES_GRAPH

    kg.unmerge()
    reports, context = load_reports(kg)
    result = cluster_reports(reports, context, threshold=threshold)
    result_to_graph(result, context, kg.dataset.graph(MERGES_GRAPH))
    return result
