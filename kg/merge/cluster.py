"""Grouping reports into events: greedy, complete-link agglomeration over scored pairs.

Pairs that are evidence enough on their own (:meth:`~kg.merge.rules.Comparison.links`)
are taken best first; two groups are joined only when *every* pair across them is
compatible (:func:`~kg.merge.rules.compare` does not veto it), at most half of those
pairs disagree on an actor (a conflicting claim, kept on the reports), and no article
would tell the event twice. So a vague report ("strikes in Aleppo province") can join one
of two events at two towns of the governorate, but never chain them into one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kg.merge.blocking import candidate_pairs
from kg.merge.reports import Context, Report
from kg.merge.rules import THRESHOLD, Comparison, compare


@dataclass(frozen=True)
class Link:
    """A pair of reports joined into one event, with the verdict that joined them."""

    a: Report
    b: Report
    comparison: Comparison


@dataclass
class Cluster:
    """Reports of one real-world event, and the links that joined them."""

    reports: list[Report]
    links: list[Link] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {r.article for r in self.reports}


@dataclass
class MergeResult:
    """The outcome of merging: groups of two or more reports, and counts."""

    clusters: list[Cluster]
    reports: int
    candidate_pairs: int
    compatible_pairs: int

    @property
    def events(self) -> int:
        """Distinct events: merged groups plus the reports left on their own."""
        return self.reports - sum(len(c.reports) - 1 for c in self.clusters)

    def summary(self) -> str:
        merged = sum(len(c.reports) for c in self.clusters)
        return (
            f"{self.reports} reports -> {self.events} events "
            f"({len(self.clusters)} merged events of {merged} reports; "
            f"{self.candidate_pairs} candidate pairs, {self.compatible_pairs} compatible)"
        )


def cluster_reports(
    reports: list[Report],
    context: Context,
    *,
    threshold: float = THRESHOLD,
    comparer: Callable[[Report, Report, Context], Comparison | None] = compare,
) -> MergeResult:
    """Merge ``reports`` into events; see the module docstring.

    >>> from rdflib import URIRef
    >>> from kg.types import TimeStamp
    >>> def r(n, article):
    ...     return Report(URIRef(f"e{n}"), article, "airstrike", place=URIRef("p"),
    ...                   date=TimeStamp("2016-07-19", "day"))
    >>> result = cluster_reports([r(1, "a"), r(2, "b"), r(3, "b")], Context())
    >>> [sorted(x.article for x in c.reports) for c in result.clusters]
    [['a', 'b']]
    """
    pairs = candidate_pairs(reports, context)
    verdicts: dict[tuple[int, int], Comparison | None] = {}
    scored = []
    for i, j in pairs:
        verdict = comparer(reports[i], reports[j], context)
        verdicts[(i, j)] = verdict
        if verdict is not None and verdict.links(threshold):
            scored.append((verdict.score, i, j))
    # Best first; ties broken by IRI so the result does not depend on set order.
    scored.sort(key=lambda x: (-x[0], str(reports[x[1]].iri), str(reports[x[2]].iri)))

    def verdict(i: int, j: int) -> Comparison | None:
        key = (min(i, j), max(i, j))
        if key not in verdicts:
            verdicts[key] = comparer(reports[key[0]], reports[key[1]], context)
        return verdicts[key]

    group_of = {i: i for i in range(len(reports))}
    members: dict[int, list[int]] = {i: [i] for i in range(len(reports))}
    links: dict[int, list[Link]] = {i: [] for i in range(len(reports))}
    for _, i, j in scored:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if {reports[x].article for x in members[gi]} & {reports[y].article for y in members[gj]}:
            continue
        cross = [verdict(x, y) for x in members[gi] for y in members[gj]]
        if any(v is None for v in cross):
            continue
        if sum(bool(v.conflicts) for v in cross) * 2 > len(cross):  # type: ignore[union-attr]
            continue
        keep, gone = (gi, gj) if len(members[gi]) >= len(members[gj]) else (gj, gi)
        for x in members[gone]:
            group_of[x] = keep
        members[keep].extend(members.pop(gone))
        links[keep].extend(links.pop(gone))
        links[keep].append(Link(reports[i], reports[j], verdicts[(i, j)]))  # type: ignore[arg-type]
    clusters = [
        Cluster(sorted((reports[x] for x in group), key=lambda r: str(r.iri)), links[key])
        for key, group in members.items()
        if len(group) > 1
    ]
    clusters.sort(key=lambda c: str(c.reports[0].iri))
    compatible = sum(1 for v in verdicts.values() if v is not None)
    return MergeResult(clusters, len(reports), len(pairs), compatible)
