"""What ``kg viz`` shows: the events view and the actors view of a graph, filtered, and cut
down to its most connected part when it is too big to read.

Both views are networkx graphs in the form :func:`kg.visualize.write_html` draws (nodes with
``label``, ``kind``, ``group``, ``title``, ``size``; edges with a ``role``):

- :func:`events_view`: events (diamonds) with their agent, target, place and sources;
  actors sized by their events, places by the events there, events by their reports.
- :func:`actors_view`: the actor-actor network aggregated from the events, an edge per
  relation (``hostile``, ``backing``, ``agreement``) weighted by its events.

Example:
    >>> from kg.analyze.actors import EventRow
    >>> rows = [EventRow("airstrike", "a", "Army", "b", "Rebels", "2016-07-19", "AFP",
    ...                  iri="e1", type_key="airstrike")]
    >>> EventFilter(actors=("rebels",), since="2016-07").keep(rows[0])
    True
    >>> EventFilter(until="2016-06").keep(rows[0])
    False
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib import RDFS, URIRef
from rdflib.namespace import PROV

from kg.analyze.actors import EventRow, actor_relations, backing_pairs
from kg.ontology.namespaces import CKG, SEM

__all__ = ["EventFilter", "actors_view", "events_view", "keep_most_connected", "omitted_notice"]


def _fold(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


@dataclass(frozen=True)
class EventFilter:
    """Which events to show. Names compare case-insensitively; IRIs match too.

    ``actors``: the agent or the target is one of them; ``event_types``: the type's key
    (``airstrike``) or label; ``since`` / ``until``: ISO dates or prefixes (``2016``,
    ``2016-07``), inclusive, an event's date kept when its period overlaps (undated
    events are left out once a bound is given); ``places``: the place or its governorate;
    ``sources``: a source the event is attributed to, or the publisher; ``min_reports``:
    the events told by at least that many reports (merged across articles by ``kg merge``).
    """

    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_reports: int = 1

    def keep(self, row: EventRow) -> bool:
        """Whether ``row`` passes every filter."""
        if self.actors and not _fold(self.actors) & _fold(
            v for v in (row.agent, row.agent_label, row.target, row.target_label) if v
        ):
            return False
        if self.event_types and not _fold(self.event_types) & _fold((row.type_key, row.type)):
            return False
        if self.places and not _fold(self.places) & _fold(
            v for v in (row.place, row.place_label, row.governorate) if v
        ):
            return False
        if self.sources and not _fold(self.sources) & _fold(
            [*row.sources, *([row.publisher] if row.publisher else [])]
        ):
            return False
        if row.reports < self.min_reports:
            return False
        if self.since or self.until:
            if not row.date:
                return False
            n_since = min(len(row.date), len(self.since or ""))
            n_until = min(len(row.date), len(self.until or ""))
            if self.since and row.date[:n_since] < self.since[:n_since]:
                return False
            if self.until and row.date[:n_until] > self.until[:n_until]:
                return False
        return True

    def describe(self) -> str:
        """The filters in force, as a short phrase ("" when none)."""
        parts = [
            *(f"actor {a}" for a in self.actors),
            *(f"type {t}" for t in self.event_types),
            *([f"since {self.since}"] if self.since else []),
            *([f"until {self.until}"] if self.until else []),
            *(f"place {p}" for p in self.places),
            *(f"source {s}" for s in self.sources),
            *([f"at least {self.min_reports} reports"] if self.min_reports > 1 else []),
        ]
        return ", ".join(parts)


def _size(count: int, base: float = 10.0, per: float = 4.0) -> float:
    return round(min(48.0, base + per * math.sqrt(max(count, 0))), 2)


def _span(dates: list[str]) -> str:
    dates = sorted(d for d in dates if d)
    if not dates:
        return "undated"
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def events_view(kg, rows: list[EventRow]) -> nx.MultiDiGraph:  # noqa: ANN001 - KnowledgeGraph
    """Events in ``rows`` with their agents, targets, places and sources; built in one pass
    over the rows, facts read from ``kg`` (use ``kg.local()`` for a remote store)."""
    data = kg.dataset

    def first(subject: Any, predicate: URIRef) -> Any:
        return next(data.objects(URIRef(subject), predicate), None)

    def label(iri: str) -> str:
        return str(first(iri, RDFS.label) or iri)

    def group(iri: str, predicate: URIRef) -> str:
        value = first(iri, predicate)
        return str(value).rsplit("/", 1)[-1] if value is not None else "other"

    graph = nx.MultiDiGraph()
    events_of: dict[str, list[EventRow]] = defaultdict(list)
    roles_of: dict[str, Counter] = defaultdict(Counter)
    edges: list[tuple[str, str, str]] = []
    for row in rows:
        sources = sorted({str(s) for s in data.objects(URIRef(row.iri), PROV.wasAttributedTo)})
        said = ", ".join(row.sources) or "—"
        lines = [
            row.label or row.type,
            f"type: {row.type}",
            f"date: {row.date or 'undated'}",
            *([f"modality: {row.modality}"] if row.modality else []),
            *([f"fatalities: {row.fatalities}"] if row.fatalities is not None else []),
            *([f"“{row.sentence}”"] if row.sentence else []),
            f"— {row.publisher or 'unknown outlet'}; reported by: {said}",
            *([f"told by {row.reports} reports across articles"] if row.reports > 1 else []),
        ]
        graph.add_node(
            row.iri,
            label=row.type,
            kind="event",
            group=row.type_key or "other",
            title="\n".join(lines),
            size=_size(row.reports, 8.0, 5.0),
            date=row.date or "",
        )
        for role, actor in (("agent", row.agent), ("target", row.target)):
            if actor:
                events_of[actor].append(row)
                roles_of[actor][role] += 1
                edges.append((actor, row.iri, role) if role == "agent" else (row.iri, actor, role))
        if row.place:
            events_of[row.place].append(row)
            edges.append((row.iri, row.place, "place"))
        for source in sources:
            roles_of[source]["source"] += 1
            events_of.setdefault(source, [])
            edges.append((row.iri, source, "reported_by"))
    places = {r.place for r in rows if r.place}
    for node, told in events_of.items():
        if node in places:
            governorate = first(node, CKG.inAdmin1)
            kind = group(node, CKG.placeKind)
            lines = [label(node), f"place: {kind}"]
            if governorate is not None and str(governorate) != node:
                lines.append(f"in {label(str(governorate))}")
            kind_attrs = {"kind": "place", "group": kind}
        else:
            kind = group(node, SEM.actorType)
            roles = roles_of[node]
            lines = [
                label(node),
                f"actor: {kind.replace('_', ' ')}",
                f"agent of {roles['agent']}, target of {roles['target']}"
                + (f", source of {roles['source']}" if roles["source"] else ""),
            ]
            kind_attrs = {"kind": "actor", "group": kind}
        lines.append(f"{len(told)} event(s), {_span([r.date or '' for r in told])}")
        count = len(told) or roles_of[node]["source"]
        graph.add_node(
            node, label=label(node), title="\n".join(lines), size=_size(count), **kind_attrs
        )
    for u, v, role in edges:
        graph.add_edge(u, v, key=role, role=role)
    actors = {n for n, k in graph.nodes(data="kind") if k == "actor"}
    for supporter, supported in backing_pairs(kg):
        if supporter in actors and supported in actors:
            graph.add_edge(supported, supporter, key="backed_by", role="backed_by")
    return graph


def actors_view(kg, rows: list[EventRow]) -> nx.MultiDiGraph:  # noqa: ANN001 - KnowledgeGraph
    """The actor-actor network of ``rows``: actors sized by their events, an edge per
    relation (hostile, backing, agreement) with its number of events as width and label."""
    actors = {a for r in rows for a in (r.agent, r.target) if a}
    backing = [(a, b) for a, b in backing_pairs(kg) if a in actors and b in actors]
    net = actor_relations(rows, backing)
    events = Counter(a for r in rows for a in {r.agent, r.target} if a)
    types = {r.agent: r.agent_type for r in rows if r.agent} | {
        r.target: r.target_type for r in rows if r.target
    }
    graph = nx.MultiDiGraph()
    for node, attrs in net.nodes(data=True):
        name = attrs.get("label") or str(next(kg.dataset.objects(URIRef(node), RDFS.label), node))
        group = types.get(node) or attrs.get("type") or "other"
        dates = [r.date or "" for r in rows if node in (r.agent, r.target)]
        graph.add_node(
            node,
            label=name,
            kind="actor",
            group=group,
            size=_size(events[node]),
            title=f"{name}\nactor: {group.replace('_', ' ')}\n{events[node]} event(s), "
            f"{_span(dates)}",
        )
    for a, b, relation, attrs in net.edges(keys=True, data=True):
        weight = int(attrs.get("weight", 1))
        dates = _span([attrs.get("first", ""), attrs.get("last", "")])
        graph.add_edge(
            a,
            b,
            key=relation,
            role=relation,
            label=f"{relation} ({weight})",
            width=round(1 + 1.5 * math.log2(weight), 2),
            weight=weight,
            title=f"{graph.nodes[a]['label']} —{relation}→ {graph.nodes[b]['label']}\n"
            f"{weight} event(s): {attrs.get('types', '')}\n{dates}",
        )
    return graph


def keep_most_connected(
    graph: nx.MultiDiGraph, max_nodes: int
) -> tuple[nx.MultiDiGraph, dict[str, int]]:
    """The ``max_nodes`` best connected nodes of ``graph`` (by degree, then label), less
    those left without a neighbour, and what was left out:
    ``{"nodes": n, "edges": n, "<kind>": n, ...}``.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("d", "e")])
    >>> kept, left = keep_most_connected(g, 3)
    >>> sorted(kept.nodes), left["nodes"], left["edges"]
    (['a', 'b', 'c'], 2, 1)
    """
    if max_nodes <= 0 or graph.number_of_nodes() <= max_nodes:
        return graph, {}
    degree = dict(graph.degree())
    ranked = sorted(
        graph.nodes, key=lambda n: (-degree[n], str(graph.nodes[n].get("label", n)), str(n))
    )
    kept = graph.subgraph(ranked[:max_nodes]).copy()
    # A node whose every neighbour was cut would float alone, telling nothing: cut it too.
    kept.remove_nodes_from([n for n in list(nx.isolates(kept)) if degree[n]])
    left: dict[str, int] = {
        "nodes": graph.number_of_nodes() - kept.number_of_nodes(),
        "edges": graph.number_of_edges() - kept.number_of_edges(),
    }
    for node in (n for n in ranked if n not in kept):
        kind = str(graph.nodes[node].get("kind", "other"))
        left[kind] = left.get(kind, 0) + 1
    return kept, left


def omitted_notice(total: int, left: dict[str, int], max_nodes: int) -> str:
    """The line the page shows when nodes were left out ("" when none were)."""
    if not left:
        return ""
    kinds = ", ".join(
        f"{n:,} {kind}{'s' if n != 1 else ''}"
        for kind, n in sorted(left.items())
        if kind not in ("nodes", "edges")
    )
    return (
        f"Showing the {total - left['nodes']:,} best connected of {total:,} nodes "
        f"(--max-nodes {max_nodes}); left out: {kinds} and {left['edges']:,} edges. "
        "Narrow the view with --actor, --event-type, --since/--until, --place, --source or "
        "--min-reports, or raise --max-nodes."
    )
