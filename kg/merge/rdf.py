"""Merges as RDF: the named graph ``<https://w3id.org/conflict-kg/graph/merges>``.

Each group of reports becomes a ``ckg:MergedEvent`` (a ``sem:Event``) with
``ckg:hasReport`` to each article-level ``ckg:Event``, the facts the reports agree on
(type, place, date, and agent or target when no report contradicts it) and one
``ckg:MergeLink`` per pair the merge joined, with its ``ckg:mergeScore`` and its
``ckg:mergeReason`` in words. What each outlet said stays on its own report node.
Nothing here is written into the article graphs, so dropping this one graph undoes
every merge without re-reading any text.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.merge.cluster import Cluster, MergeResult
from kg.merge.reports import Context, Report
from kg.ontology.namespaces import CKG, SEM, bind_prefixes
from kg.rdf import iris

_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_PLACE_RANK = {"site": 0, "village": 0, "town": 0, "district": 0, "city": 1, "admin2": 2,
               "region": 2, "admin1": 3, "country": 4}  # fmt: skip


def _digest(*parts: str) -> str:
    return hashlib.sha1("\n".join(sorted(parts)).encode()).hexdigest()[:16]


def _agreed(values: list[URIRef | None]) -> URIRef | None:
    given = {v for v in values if v is not None}
    return given.pop() if len(given) == 1 else None


def _most_specific_place(reports: list[Report], context: Context) -> URIRef | None:
    places = Counter(r.place for r in reports if r.place is not None)
    if not places:
        return None

    def rank(place: URIRef) -> tuple[int, int, str]:
        info = context.places.get(place)
        return (_PLACE_RANK.get(info.kind, 5) if info else 5, -places[place], str(place))

    return min(places, key=rank)


def _type(reports: list[Report]) -> str:
    counts = Counter(r.type for r in reports if r.type != "attack") or Counter(
        r.type for r in reports
    )
    return min(counts, key=lambda t: (-counts[t], t))


def _date(reports: list[Report]):  # noqa: ANN202 - a TimeStamp or None
    dated = [r.date for r in reports if r.date is not None]
    if not dated:
        return None
    best = min(_PRECISION_RANK[d.precision] for d in dated)
    counts = Counter(d for d in dated if _PRECISION_RANK[d.precision] == best)
    return min(counts, key=lambda d: (-counts[d], d.value))


def _label(event_type: str, agent, place, date, size: int, context: Context) -> str:  # noqa: ANN001
    words = [event_type.replace("_", " ")]
    if agent is not None:
        words.append(f"by {context.label(agent)}")
    if place is not None:
        words.append(f"at {context.label(place)}")
    if date is not None:
        words.append(f"({date.value})")
    return " ".join(words) + f", {size} reports"


def cluster_to_graph(cluster: Cluster, context: Context, graph: Graph) -> URIRef:
    """Add one merged event and its links to ``graph``; return the event's IRI."""
    reports = cluster.reports
    node = iris.merged_event_iri(_digest(*(str(r.iri) for r in reports)))
    event_type = _type(reports)
    agent = _agreed([r.agent for r in reports if r.modality != "denied"])
    target = _agreed([r.target for r in reports])
    place = _most_specific_place(reports, context)
    date = _date(reports)
    graph.add((node, RDF.type, CKG.MergedEvent))
    graph.add(
        (node, RDFS.label, Literal(_label(event_type, agent, place, date, len(reports), context)))
    )
    graph.add((node, SEM.eventType, iris.event_type_iri(event_type)))
    for report in reports:
        graph.add((node, CKG.hasReport, report.iri))
    if agent is not None:
        graph.add((node, CKG.agent, agent))
    if target is not None:
        graph.add((node, CKG.target, target))
    if place is not None:
        graph.add((node, SEM.hasPlace, place))
    if date is not None:
        graph.add((node, SEM.hasTimeStamp, Literal(date.value, datatype=_DATATYPE[date.precision])))
    for link in cluster.links:
        link_node = iris.merge_link_iri(_digest(str(link.a.iri), str(link.b.iri)))
        graph.add((link_node, RDF.type, CKG.MergeLink))
        graph.add((node, CKG.mergeLink, link_node))
        graph.add((link_node, CKG.linksReport, link.a.iri))
        graph.add((link_node, CKG.linksReport, link.b.iri))
        score = Decimal(f"{link.comparison.score:.3f}")
        graph.add((link_node, CKG.mergeScore, Literal(score, datatype=XSD.decimal)))
        for reason in link.comparison.reasons:
            graph.add((link_node, CKG.mergeReason, Literal(reason)))
        for role in link.comparison.conflicts:
            graph.add((link_node, CKG.conflictingClaim, Literal(role)))
    for report in reports:
        graph.add((node, PROV.wasDerivedFrom, report.iri))
    return node


def result_to_graph(result: MergeResult, context: Context, graph: Graph | None = None) -> Graph:
    """All merged events of ``result`` as a graph (identifier: the merges graph)."""
    graph = graph if graph is not None else Graph(identifier=iris.MERGES_GRAPH)
    bind_prefixes(graph)
    for cluster in result.clusters:
        cluster_to_graph(cluster, context, graph)
    return graph
