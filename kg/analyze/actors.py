"""The actor-actor network: who acts against whom, aggregated over events.

An edge from agent to target carries the number of events, their types, and the first
and last date; :func:`activity` summarises a graph for analysts (``kg stats``): the most
active and most targeted actors, centrality in the network, communities, the busiest
places, event counts by type and by month, and the outlets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.ontology.namespaces import CKG, NIF, SEM


@dataclass(frozen=True)
class EventRow:
    """One event (an article-level report) as the network, the map and the exports need it.

    The first seven fields are what the actor network needs; the rest describe the event
    for views and exports (``type_key`` is the event-type notation, ``reports`` the number
    of reports of the merged event it belongs to, 1 when it was not merged).
    """

    type: str
    agent: str | None
    agent_label: str | None
    target: str | None
    target_label: str | None
    date: str | None
    publisher: str | None
    iri: str = ""
    type_key: str = ""
    agent_type: str | None = None
    target_type: str | None = None
    place: str | None = None
    place_label: str | None = None
    governorate: str | None = None
    sources: tuple[str, ...] = ()
    sentence: str | None = None
    fatalities: int | None = None
    modality: str | None = None
    reports: int = 1
    label: str = ""


def notation(node: Any) -> str | None:
    """The last segment of a concept's IRI: its notation (``.../event-type/airstrike``)."""
    return None if node is None else str(node).rstrip("/").rsplit("/", 1)[-1]


def event_rows(kg) -> list[EventRow]:  # noqa: ANN001 - a KnowledgeGraph
    """The events of ``kg`` (article-level reports), one row each, in IRI order.

    Read with triple patterns rather than SPARQL: the same answer as the shipped
    ``actor-events`` query, twenty times faster on rdflib's in-memory store. Of several
    sentences, the first in the article is kept.
    """
    data = kg.dataset

    def first(subject, predicate):  # noqa: ANN001, ANN202
        return next(data.objects(subject, predicate), None)

    def label(node):  # noqa: ANN001, ANN202
        return str(first(node, RDFS.label)) if node is not None else None

    type_labels: dict[Any, str] = {}
    reports: dict[Any, int] = {}
    for merged in set(data.subjects(RDF.type, CKG.MergedEvent)):
        members = set(data.objects(merged, CKG.hasReport))
        for member in members:
            reports[member] = len(members)
    rows = []
    for event in sorted(set(data.subjects(RDF.type, CKG.Event))):
        concept = first(event, SEM.eventType)
        if concept not in type_labels:
            type_labels[concept] = str(first(concept, SKOS.prefLabel) or concept)
        agent, target = first(event, CKG.agent), first(event, CKG.target)
        place = first(event, SEM.hasPlace)
        article = first(event, PROV.wasDerivedFrom)
        publisher = first(article, DCTERMS.publisher) if article is not None else None
        date = first(event, SEM.hasTimeStamp)
        sentences = sorted(
            (int(first(s, NIF.beginIndex) or 0), " ".join(str(text).split()))
            for s in data.objects(event, CKG.sentence)
            if (text := first(s, NIF.anchorOf)) is not None
        )
        fatalities = first(event, CKG.fatalities)
        rows.append(
            EventRow(
                type=type_labels[concept],
                agent=str(agent) if agent is not None else None,
                agent_label=label(agent),
                target=str(target) if target is not None else None,
                target_label=label(target),
                date=str(date) if date is not None else None,
                publisher=label(publisher),
                iri=str(event),
                type_key=notation(concept) or "other",
                agent_type=notation(first(agent, SEM.actorType)) if agent else None,
                target_type=notation(first(target, SEM.actorType)) if target else None,
                place=str(place) if place is not None else None,
                place_label=label(place),
                governorate=label(first(place, CKG.inAdmin1)) if place else None,
                sources=tuple(
                    sorted({label(s) or str(s) for s in data.objects(event, PROV.wasAttributedTo)})
                ),
                sentence=sentences[0][1] if sentences else None,
                fatalities=int(fatalities) if fatalities is not None else None,
                modality=notation(first(event, CKG.modality)),
                reports=reports.get(event, 1),
                label=label(event) or "",
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


#: Event types whose agent and target are not adversaries: relation they stand for.
RELATION_OF_TYPE = {"agreement": "agreement", "support": "backing", "evacuation": "agreement"}


def relation_of(row: EventRow) -> str:
    """``hostile``, ``backing`` or ``agreement``: what an event says of agent and target.

    >>> relation_of(EventRow("agreement", "a", "A", "b", "B", None, None, type_key="agreement"))
    'agreement'
    """
    return RELATION_OF_TYPE.get(row.type_key or row.type, "hostile")


def actor_relations(rows: list[EventRow], backing: list[tuple[str, str]] = ()) -> nx.MultiDiGraph:
    """The typed actor network: an edge per (actor, actor, relation), keyed by relation.

    ``hostile`` and ``agreement`` edges go from agent to target, ``backing`` from the
    supporter to the supported; ``backing`` holds ``(supporter, supported)`` pairs read
    from ``ckg:backedBy`` (see :func:`backing_pairs`). Edge attributes: ``relation``,
    ``weight`` (events, or 1 for a stated backing), ``types``, ``first``, ``last``.

    >>> rows = [EventRow("airstrike", "a", "A", "b", "B", "2016", None, type_key="airstrike"),
    ...         EventRow("agreement", "a", "A", "b", "B", "2017", None, type_key="agreement")]
    >>> sorted(actor_relations(rows, [("c", "a")]).edges(keys=True))
    [('a', 'b', 'agreement'), ('a', 'b', 'hostile'), ('c', 'a', 'backing')]
    """
    net = nx.MultiDiGraph()
    grouped: dict[tuple[str, str, str], list[EventRow]] = defaultdict(list)
    for row in rows:
        if row.agent and row.target and row.agent != row.target:
            grouped[(row.agent, row.target, relation_of(row))].append(row)
            net.add_node(row.agent, label=row.agent_label or row.agent, type=row.agent_type or "")
            net.add_node(
                row.target, label=row.target_label or row.target, type=row.target_type or ""
            )
    for (a, b, relation), events in sorted(grouped.items()):
        dates = sorted(e.date for e in events if e.date)
        types = Counter(e.type for e in events)
        net.add_edge(
            a,
            b,
            key=relation,
            relation=relation,
            weight=len(events),
            types="; ".join(f"{t}: {n}" for t, n in sorted(types.items())),
            first=dates[0] if dates else "",
            last=dates[-1] if dates else "",
        )
    for supporter, supported in backing:
        if net.has_edge(supporter, supported, "backing"):
            continue
        net.add_nodes_from(n for n in (supporter, supported) if n not in net)
        net.add_edge(
            supporter, supported, key="backing", relation="backing", weight=1,
            types="stated backing", first="", last="",
        )  # fmt: skip
    return net


def backing_pairs(kg) -> list[tuple[str, str]]:  # noqa: ANN001 - a KnowledgeGraph
    """``(supporter, supported)`` actor IRIs from ``ckg:backedBy``, sorted."""
    return sorted({(str(o), str(s)) for s, o in kg.dataset.subject_objects(CKG.backedBy) if s != o})


def hostility(net: nx.MultiDiGraph | nx.DiGraph) -> nx.DiGraph:
    """The hostile edges of a typed network as a weighted ``DiGraph``."""
    if not net.is_multigraph():
        return nx.DiGraph(net)
    out = nx.DiGraph()
    out.add_nodes_from(net.nodes(data=True))
    for a, b, data in net.edges(data=True):
        if data.get("relation", "hostile") == "hostile":
            out.add_edge(a, b, weight=data.get("weight", data.get("count", 1)))
    return out


def centrality(net: nx.DiGraph, top: int | None = None) -> list[tuple[str, float]]:
    """Betweenness of each actor in the (hostility) network, highest first.

    The actors that stand between the others: through them run the shortest chains of
    who-strikes-whom. Unweighted (a count is not a distance).

    >>> net = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> centrality(net)[0]
    ('b', 0.5)
    """
    if net.number_of_nodes() <= 2:
        return []
    between = nx.betweenness_centrality(net)
    ranked = sorted(between.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:top] if top else ranked


def communities(net: nx.DiGraph | nx.MultiDiGraph, seed: int = 0) -> list[set[str]]:
    """Groups of actors that deal with each other more than with the rest (Louvain on
    the undirected network weighted by events), largest first.

    >>> net = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d")])
    >>> [sorted(group) for group in communities(net)]
    [['a', 'b'], ['c', 'd']]
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(net.nodes)
    for a, b, data in net.edges(data=True):
        weight = data.get("weight", data.get("count", 1))
        if undirected.has_edge(a, b):
            undirected[a][b]["weight"] += weight
        else:
            undirected.add_edge(a, b, weight=weight)
    if not undirected.number_of_edges():
        return [{n} for n in sorted(undirected.nodes)]
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), sorted(c)))


def actor_timeline(rows: list[EventRow], actor: str) -> list[dict[str, Any]]:
    """The events an actor takes part in, dated ones first in date order.

    ``actor`` is an IRI or a label (case-insensitive). Each entry: date, type, role
    (``agent`` / ``target``), counterpart, place, publisher, event IRI.

    >>> rows = [EventRow("shelling", "a", "Army", "b", "Rebels", "2016-08", "AFP"),
    ...         EventRow("airstrike", "c", "Jets", "a", "Army", "2016-07-01", "SANA")]
    >>> [(e["date"], e["role"], e["counterpart"]) for e in actor_timeline(rows, "army")]
    [('2016-07-01', 'target', 'Jets'), ('2016-08', 'agent', 'Rebels')]
    """
    wanted = actor.casefold()

    def matches(iri: str | None, label: str | None) -> bool:
        return iri == actor or (label or "").casefold() == wanted

    timeline = []
    for row in rows:
        for role, me, other in (
            ("agent", (row.agent, row.agent_label), row.target_label),
            ("target", (row.target, row.target_label), row.agent_label),
        ):
            if matches(*me):
                timeline.append(
                    {
                        "date": row.date or "",
                        "type": row.type,
                        "role": role,
                        "counterpart": other or "",
                        "place": row.place_label or "",
                        "publisher": row.publisher or "",
                        "event": row.iri,
                    }
                )
    return sorted(timeline, key=lambda e: (not e["date"], e["date"], e["event"], e["role"]))


def busiest_places(rows: list[EventRow], top: int = 10) -> list[tuple[str, int]]:
    """Places by number of events, most first (ties by name).

    >>> busiest_places([EventRow("shelling", None, None, None, None, None, None,
    ...                          place="p", place_label="Douma")] * 2)
    [('Douma', 2)]
    """
    counts = Counter(r.place_label or r.place for r in rows if r.place)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def activity(rows: list[EventRow], top: int = 10) -> dict[str, Any]:
    """What ``kg stats`` prints: counts and rankings over the events in ``rows``."""
    labels = {r.agent: r.agent_label for r in rows if r.agent} | {
        r.target: r.target_label for r in rows if r.target
    }
    active = Counter(r.agent for r in rows if r.agent)
    targeted = Counter(r.target for r in rows if r.target)
    net = actor_network(rows)
    hostile = hostility(actor_relations(rows))
    # Betweenness in the hostility network: the actors that stand between the others.
    central = centrality(hostile, top)
    months = Counter(r.date[:7] for r in rows if r.date and len(r.date) >= 7)

    def named(counter: Counter) -> list[tuple[str, int]]:
        return [(labels.get(k) or k, n) for k, n in counter.most_common(top)]

    groups = [
        [labels.get(k) or k for k in sorted(group, key=lambda k: (-active[k], labels.get(k) or k))]
        for group in communities(hostile)
        if len(group) > 1
    ]
    return {
        "events": len(rows),
        "most_active": named(active),
        "most_targeted": named(targeted),
        "central": [(labels.get(k) or k, round(v, 4)) for k, v in central],
        "communities": groups[:top],
        "busiest_places": busiest_places(rows, top),
        "by_type": Counter(r.type for r in rows).most_common(),
        "by_month": sorted(months.items()),
        "outlets": Counter(r.publisher or "(unknown)" for r in rows).most_common(top),
        "network": {"actors": net.number_of_nodes(), "edges": net.number_of_edges()},
    }
