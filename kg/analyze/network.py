"""The knowledge graph as a networkx graph, and a summary of it.

Nodes are actors, places and events (keyed by IRI) with ``label``, ``kind``, ``group``
(actor type, place kind or event type) and a ``title`` for tooltips. Edges carry a
``role``: an actor is the ``agent`` of an event, an event has a ``target`` and a
``place`` and is ``reported_by`` sources; actors are ``backed_by`` others; places are
``in_governorate`` / ``in_country``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import SKOS

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

_NODES = """
SELECT ?x ?label ?kind ?group WHERE {
  { ?x a ckg:Actor ; rdfs:label ?label ; sem:actorType ?g . BIND("actor" AS ?kind) }
  UNION { ?x a ckg:Place ; rdfs:label ?label ; ckg:placeKind ?g . BIND("place" AS ?kind) }
  UNION { ?x a ckg:Event ; rdfs:label ?label ; sem:eventType ?g . BIND("event" AS ?kind) }
  BIND (REPLACE(STR(?g), "^.*/", "") AS ?group)
}"""

_EDGES = """
SELECT ?s ?o ?role WHERE {
  { ?o ckg:agent ?s . BIND("agent" AS ?role) }
  UNION { ?s ckg:target ?o . BIND("target" AS ?role) }
  UNION { ?s sem:hasPlace ?o . BIND("place" AS ?role) }
  UNION { ?s prov:wasAttributedTo ?o . BIND("reported_by" AS ?role) }
  UNION { ?s ckg:backedBy ?o . BIND("backed_by" AS ?role) }
  UNION { ?s ckg:inAdmin1 ?o . BIND("in_governorate" AS ?role) }
  UNION { ?s ckg:inCountry ?o . BIND("in_country" AS ?role) }
}"""

_EVENT_DETAILS = """
SELECT ?e ?date ?sentence ?publisher WHERE {
  ?e a ckg:Event .
  OPTIONAL { ?e sem:hasTimeStamp ?date }
  OPTIONAL { ?e ckg:sentence/nif:anchorOf ?sentence }
  OPTIONAL { ?e prov:wasDerivedFrom/dcterms:publisher/rdfs:label ?publisher }
}"""


def to_networkx(kg: KnowledgeGraph, *, include_places: bool = True) -> nx.MultiDiGraph:
    """Convert a :class:`~kg.graph.KnowledgeGraph` to a ``networkx.MultiDiGraph``.

    >>> import kg
    >>> g = to_networkx(kg.build_graph([kg.example_path()]))
    >>> sorted({d["kind"] for _, d in g.nodes(data=True)})
    ['actor', 'event', 'place']
    """
    graph = nx.MultiDiGraph()
    for x, label, kind, group in kg.query(_NODES):
        if kind == "place" and not include_places:
            continue
        graph.add_node(
            str(x),
            label=str(label),
            kind=str(kind),
            group=str(group),
            title=f"{label}\n{kind}: {str(group).replace('_', ' ')}",
        )
    details: dict[str, dict[str, Any]] = {}
    for e, date, sentence, publisher in kg.query(_EVENT_DETAILS):
        info = details.setdefault(str(e), {"sentence": None})
        if date is not None:
            info["date"] = str(date)
        if sentence is not None and (
            info["sentence"] is None or len(sentence) < len(info["sentence"])
        ):
            info["sentence"] = str(sentence)
        if publisher is not None:
            info["publisher"] = str(publisher)
    for node, info in details.items():
        if node in graph:
            data = graph.nodes[node]
            lines = [data["title"]]
            if "date" in info:
                lines.append(f"date: {info['date']}")
                data["date"] = info["date"]
            if info.get("sentence"):
                lines.append(f"“{' '.join(info['sentence'].split())}”")
            if "publisher" in info:
                lines.append(f"— {info['publisher']}")
            data["title"] = "\n".join(lines)
    for s, o, role in kg.query(_EDGES):
        if str(s) in graph and str(o) in graph:
            graph.add_edge(str(s), str(o), key=str(role), role=str(role))
    data = kg.dataset
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == "actor":
            attrs["aliases"] = sorted({str(a) for a in data.objects(URIRef(node), SKOS.altLabel)})
    return graph


def flatten_attributes(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose attributes GraphML and GEXF writers accept: lists and
    tuples (such as ``aliases``) joined with "; ", ``None`` dropped, other values as they
    are (numbers, booleans) or as strings.

    >>> g = nx.Graph()
    >>> g.add_node("a", aliases=["x", "y"], note=None)
    >>> flatten_attributes(g).nodes["a"]
    {'aliases': 'x; y'}
    """

    def flat(attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple, set, frozenset)):
                value = "; ".join(sorted(map(str, value)) if isinstance(value, (set, frozenset))
                                  else map(str, value))  # fmt: skip
            elif not isinstance(value, (str, int, float, bool)):
                value = str(value)
            out[key] = value
        return out

    copy = graph.__class__()
    copy.graph.update(flat(graph.graph))
    copy.add_nodes_from((n, flat(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        copy.add_edges_from((u, v, k, flat(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        copy.add_edges_from((u, v, flat(d)) for u, v, d in graph.edges(data=True))
    return copy


def summarize(graph: nx.MultiDiGraph, top: int = 5) -> dict[str, Any]:
    """Counts by kind and group, and the most connected actors.

    >>> import kg
    >>> summary = summarize(to_networkx(kg.build_graph([kg.example_path()])))
    >>> summary["nodes"] > 10
    True
    """
    kinds = Counter(d["kind"] for _, d in graph.nodes(data=True))
    groups = Counter((d["kind"], d["group"]) for _, d in graph.nodes(data=True))
    actors = [n for n, d in graph.nodes(data=True) if d["kind"] == "actor"]
    degree = sorted(((graph.degree(n), graph.nodes[n]["label"]) for n in actors), reverse=True)
    simple = nx.Graph(graph)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "by_kind": dict(kinds),
        "by_group": {f"{k}:{g}": n for (k, g), n in sorted(groups.items())},
        "most_connected_actors": [(label, deg) for deg, label in degree[:top]],
        "components": nx.number_connected_components(simple) if len(simple) else 0,
    }
