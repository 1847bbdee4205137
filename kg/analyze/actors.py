"""The actor-actor network: who acts against whom, aggregated over events.

An edge from agent to target carries the number of events, their types, and the first
and last date; :func:`activity` summarises a graph for analysts (``kg stats``): the most
active and most targeted actors, centrality in the network, event counts by type and by
month, and the outlets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.namespaces import CKG, SEM


@dataclass(frozen=True)
class EventRow:
    """One event as the network needs it."""

    type: str
    agent: str | None
    agent_label: str | None
    target: str | None
    target_label: str | None
    date: str | None
    publisher: str | None


def event_rows(kg) -> list[EventRow]:  # noqa: ANN001 - a KnowledgeGraph
    """The events of ``kg`` (article-level reports), one row each.

    Read with triple patterns rather than SPARQL: the same answer as the shipped
    ``actor-events`` query, twenty times faster on rdflib's in-memory store.
    """
    data = kg.dataset

    def first(subject, predicate):  # noqa: ANN001, ANN202
        return next(data.objects(subject, predicate), None)

    def label(node):  # noqa: ANN001, ANN202
        return str(first(node, RDFS.label)) if node is not None else None

    type_labels: dict[Any, str] = {}
    rows = []
    for event in sorted(set(data.subjects(RDF.type, CKG.Event))):
        concept = first(event, SEM.eventType)
        if concept not in type_labels:
            type_labels[concept] = str(first(concept, SKOS.prefLabel) or concept)
        agent, target = first(event, CKG.agent), first(event, CKG.target)
        article = first(event, PROV.wasDerivedFrom)
        publisher = first(article, DCTERMS.publisher) if article is not None else None
        date = first(event, SEM.hasTimeStamp)
        rows.append(
            EventRow(
                type=type_labels[concept],
                agent=str(agent) if agent is not None else None,
                agent_label=label(agent),
                target=str(target) if target is not None else None,
                target_label=label(target),
                date=str(date) if date is not None else None,
                publisher=label(publisher),
            )
        )
    return rows


def actor_network(rows: list[EventRow]) -> nx.DiGraph:
    """A directed graph of actors; an edge agent -> target aggregates their events.

    Edge attributes: ``count``, ``types`` (a "type: n; ..." string, so that GraphML and
    GEXF writers take it), ``first`` and ``last`` (ISO dates, "" if none).

    >>> rows = [EventRow("airstrike", "a", "A", "b", "B", "2016-07-19", None),
    ...         EventRow("shelling", "a", "A", "b", "B", "2016-07", None)]
    >>> net = actor_network(rows)
    >>> dict(net.edges["a", "b"])
    {'count': 2, 'types': 'airstrike: 1; shelling: 1', 'first': '2016-07', 'last': '2016-07-19'}
    """
    net = nx.DiGraph()
    edges: dict[tuple[str, str], list[EventRow]] = defaultdict(list)
    for row in rows:
        if row.agent and row.target and row.agent != row.target:
            edges[(row.agent, row.target)].append(row)
            net.add_node(row.agent, label=row.agent_label or row.agent)
            net.add_node(row.target, label=row.target_label or row.target)
    for (a, b), events in edges.items():
        types = Counter(e.type for e in events)
        dates = sorted(e.date for e in events if e.date)
        net.add_edge(
            a,
            b,
            count=len(events),
            types="; ".join(f"{t}: {n}" for t, n in sorted(types.items())),
            first=dates[0] if dates else "",
            last=dates[-1] if dates else "",
        )
    return net


def activity(rows: list[EventRow], top: int = 10) -> dict[str, Any]:
    """What ``kg stats`` prints: counts and rankings over the events in ``rows``."""
    labels = {r.agent: r.agent_label for r in rows if r.agent} | {
        r.target: r.target_label for r in rows if r.target
    }
    active = Counter(r.agent for r in rows if r.agent)
    targeted = Counter(r.target for r in rows if r.target)
    net = actor_network(rows)
    # Betweenness in the hostility network: the actors that stand between the others.
    between = nx.betweenness_centrality(net) if net.number_of_nodes() > 2 else {}
    centrality = sorted(between.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    months = Counter(r.date[:7] for r in rows if r.date and len(r.date) >= 7)

    def named(counter: Counter) -> list[tuple[str, int]]:
        return [(labels.get(k) or k, n) for k, n in counter.most_common(top)]

    return {
        "events": len(rows),
        "most_active": named(active),
        "most_targeted": named(targeted),
        "central": [(labels.get(k) or k, round(v, 4)) for k, v in centrality],
        "by_type": Counter(r.type for r in rows).most_common(),
        "by_month": sorted(months.items()),
        "outlets": Counter(r.publisher or "(unknown)" for r in rows).most_common(top),
        "network": {"actors": net.number_of_nodes(), "edges": net.number_of_edges()},
    }
