"""The network page's data: a networkx graph as vis-network nodes and edges, and the legend.

Everything here is plain data, sorted so that the same graph gives the same page whatever
the order its nodes and edges were added in; :mod:`kg.visualize.network_html` renders it.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ex:a", label="SAA", kind="actor", group="state_force")
    >>> g.add_node("ex:e", label="Airstrike", kind="event", group="airstrike")
    >>> _ = g.add_edge("ex:e", "ex:a", role="agent")
    >>> nodes, edges, counts = vis_data(g)
    >>> [(n["id"], n["shape"]) for n in nodes], edges[0]["title"]
    ([('ex:a', 'dot'), ('ex:e', 'diamond')], 'Airstrike —agent→ SAA')
    >>> sections, roles = legend(counts)
    >>> [s["title"] for s in sections], [(r["label"], r["count"]) for r in roles]
    (['Actors', 'Events'], [('agent', 1)])
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import networkx as nx

from kg.visualize.layout import spring_positions
from kg.visualize.network_style import edge_color, kind_style, node_style, shade

__all__ = ["legend", "vis_data"]

_KIND_ORDER = ["actor", "place", "event", "article"]
_KIND_TITLE = {"actor": "Actors", "place": "Places", "event": "Events", "article": "Articles"}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _layout(graph: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Seeded spring layout of the sorted graph, scaled to pixels and rounded."""
    edges = sorted((str(u), str(v)) for u, v in graph.edges())
    scale = max(250.0, 55.0 * math.sqrt(len(nodes)))
    pos = spring_positions([str(n) for n in nodes], edges, seed=0, scale=scale)
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in pos.items()}


def vis_data(graph: nx.MultiDiGraph) -> tuple[list[dict], list[dict], dict]:
    """vis-network node and edge dicts (sorted by id) plus the counts for the legend:
    ``{"nodes": Counter((kind, group)), "edges": Counter(role)}``.

    Nodes are shaped and coloured by ``kind`` and ``group`` and sized by degree unless
    they carry a ``size``; ``x``/``y`` attributes override the seeded layout; a node
    without edges stays where the layout puts it (``physics: false``). Edges are labelled
    by role in words ("in governorate") unless they carry a ``label``.
    """
    nodes = sorted(graph.nodes, key=str)
    pos = _layout(graph, nodes)
    degree = dict(graph.degree())
    vis_nodes: list[dict] = []
    node_counts: Counter = Counter()
    for key in nodes:
        attrs = graph.nodes[key]
        label = _text(attrs.get("label")) or str(key)
        kind = _text(attrs.get("kind")) or "other"
        group = _text(attrs.get("group")) or "other"
        shape, colour = node_style(kind, group)
        node_counts[(kind, group)] += 1
        size = attrs.get("size")
        if not isinstance(size, (int, float)) or isinstance(size, bool) or not math.isfinite(size):
            size = min(40.0, 9.0 + 3.0 * math.sqrt(degree.get(key, 0)))
        x, y = pos[str(key)]
        if isinstance(attrs.get("x"), (int, float)) and isinstance(attrs.get("y"), (int, float)):
            x, y = float(attrs["x"]), float(attrs["y"])
        title = _text(attrs.get("title")) or f"{label}\n{kind}: {group}\n{key}"
        node: dict[str, Any] = {"physics": False} if not degree.get(key) else {}
        vis_nodes.append(
            node
            | {
                "id": str(key),
                "label": label,
                "title": title,
                "kind": kind,
                "category": group,
                "shape": shape,
                "size": round(float(size), 2),
                "x": x,
                "y": y,
                "color": {
                    "background": colour,
                    "border": shade(colour, 0.7),
                    "highlight": {"background": shade(colour, 1.35), "border": "#000000"},
                    "hover": {"background": shade(colour, 1.2), "border": "#000000"},
                },
            }
        )
    labels = {n["id"]: n["label"] for n in vis_nodes}
    edges = sorted(
        (
            str(u),
            str(v),
            _text(d.get("role")) or "related",
            _text(d.get("title")),
            str(k),
            _text(d.get("label")),
            d.get("width"),
        )
        for u, v, k, d in graph.edges(keys=True, data=True)
    )
    vis_edges: list[dict] = []
    role_counts: Counter = Counter()
    for i, (u, v, role, title, _key, label, width) in enumerate(edges):
        colour = edge_color(role)
        role_counts[role] += 1
        said = role.replace("_", " ")
        edge = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "label": label or said,
            "role": role,
            "title": title or f"{labels.get(u, u)} \u2014{said}\u2192 {labels.get(v, v)}",
            "color": {"color": colour, "highlight": shade(colour, 0.7), "hover": colour},
        }
        if isinstance(width, (int, float)) and not isinstance(width, bool) and width > 0:
            edge["width"] = round(float(width), 2)
        vis_edges.append(edge)
    return vis_nodes, vis_edges, {"nodes": node_counts, "edges": role_counts}


def legend(counts: dict) -> tuple[list[dict], list[dict]]:
    """The legend's sections (one per node kind present, its groups in palette order)
    and its edge roles (alphabetical), each with its colour and count, from the counts
    of :func:`vis_data`."""
    kinds = sorted(
        {k for k, _ in counts["nodes"]},
        key=lambda k: (_KIND_ORDER.index(k) if k in _KIND_ORDER else 99, k),
    )
    sections = []
    for kind in kinds:
        shape, palette, _ = kind_style(kind)
        order = list(palette)
        groups = sorted(
            (g for k, g in counts["nodes"] if k == kind),
            key=lambda g: (order.index(g) if g in order else len(order), g),
        )
        sections.append(
            {
                "kind": kind,
                "title": _KIND_TITLE.get(kind, kind.title()),
                "shape": shape,
                "items": [
                    {
                        "group": g,
                        "label": g.replace("_", " "),
                        "color": node_style(kind, g)[1],
                        "count": counts["nodes"][(kind, g)],
                    }
                    for g in groups
                ],
            }
        )
    roles = [
        {"role": r, "label": r.replace("_", " "), "color": edge_color(r), "count": c}
        for r, c in sorted(counts["edges"].items())
    ]
    return sections, roles
