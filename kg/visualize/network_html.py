"""Self-contained interactive HTML view of a conflict-kg networkx graph.

The page inlines vis-network (the copy bundled with pyvis), embeds the node
and edge data as JSON in ``<script id="kg-graph-data" type="application/json">``
and carries an HTML legend; it makes no network request at all.

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ex:a", label="SAA", kind="actor", group="state_force")
    >>> g.add_node("ex:e", label="Airstrike", kind="event", group="airstrike")
    >>> _ = g.add_edge("ex:e", "ex:a", role="agent")
    >>> out = write_html(g, pathlib.Path(tempfile.mkdtemp()) / "net.html")
    >>> out.name, "kg-graph-data" in out.read_text(encoding="utf-8")
    ('net.html', True)
"""

from __future__ import annotations

import json
import math
import os
import pathlib
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from kg._util.atomic import write_text
from kg.visualize.layout import spring_positions

__all__ = ["EDGE_COLORS", "NODE_STYLE", "render_html", "write_html"]

_VIS_DIR = "templates/lib/vis-9.1.2"
_CSS_LENGTH = re.compile(r"\d+(\.\d+)?(px|%|vh|em|rem)")

#: kind -> (vis shape, {group: colour}, fallback colour)
NODE_STYLE: dict[str, tuple[str, dict[str, str], str]] = {
    "actor": (
        "dot",
        {
            "state_force": "#1f4e9c",
            "government": "#5b9bd5",
            "armed_opposition": "#2e9d3a",
            "jihadist_group": "#2b2b2b",
            "militia": "#8c564b",
            "international_coalition": "#8e44ad",
            "international_organization": "#17a2b8",
            "monitor_or_ngo": "#e377c2",
            "media": "#b5b823",
            "civilians": "#ff9f1c",
            "person": "#7f7f7f",
            "other": "#b8b8b8",
        },
        "#b8b8b8",
    ),
    "place": (
        "square",
        {  # administrative: browns; settlements: teals; sites: slate
            "country": "#5d4037",
            "governorate": "#8d6e63",
            "district": "#a1887f",
            "region": "#c8b4a6",
            "city": "#00796b",
            "town": "#26a69a",
            "village": "#80cbc4",
            "site": "#607d8b",
        },
        "#90a4ae",
    ),
    "event": (
        "diamond",
        {  # violent: reds; strategic: blues; political/humanitarian: greens
            "airstrike": "#b71c1c",
            "shelling": "#e53935",
            "bombing": "#ff5252",
            "chemical_attack": "#880e4f",
            "armed_clash": "#f4511e",
            "attack": "#ef9a9a",
            "killing": "#6d0000",
            "siege": "#4527a0",
            "territory_change": "#1565c0",
            "advance": "#42a5f5",
            "agreement": "#2e7d32",
            "evacuation": "#66bb6a",
            "support": "#aed581",
            "arrest_or_abduction": "#ff8f00",
            "protest": "#fdd835",
            "other": "#9e9e9e",
        },
        "#9e9e9e",
    ),
    "article": ("triangle", {}, "#b0bec5"),
}
_OTHER_KIND = ("hexagon", {}, "#cfd8dc")
_KIND_ORDER = ["actor", "place", "event", "article"]
_KIND_TITLE = {"actor": "Actors", "place": "Places", "event": "Events", "article": "Articles"}

#: edge role -> colour (agent and target deliberately contrasting)
EDGE_COLORS: dict[str, str] = {
    "agent": "#d35400",
    "target": "#2471a3",
    "place": "#27ae60",
    "reported_by": "#a29bfe",
    "backed_by": "#8e44ad",
    "in_governorate": "#a1887f",
    "in_country": "#795548",
    "hostile": "#c0392b",
    "backing": "#8e44ad",
    "agreement": "#27ae60",
}
_EDGE_FALLBACK = "#9e9e9e"
_FALLBACK_PALETTE = [
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#46f0f0",
    "#f032e6",
    "#bcf60c",
    "#008080",
    "#9a6324",
    "#800000",
    "#000075",
]


def _stable_color(key: str, fallback: str) -> str:
    """Deterministic colour for a group missing from the palette."""
    if key in ("", "other"):
        return fallback
    return _FALLBACK_PALETTE[sum(key.encode("utf-8")) % len(_FALLBACK_PALETTE)]


def _node_style(kind: str, group: str) -> tuple[str, str]:
    shape, palette, fallback = NODE_STYLE.get(kind, _OTHER_KIND)
    return shape, palette.get(group) or _stable_color(group, fallback)


def _edge_color(role: str) -> str:
    return EDGE_COLORS.get(role) or _stable_color(role, _EDGE_FALLBACK)


def _shade(hex_colour: str, factor: float) -> str:
    """Darken (factor < 1) or lighten (factor > 1) a ``#rrggbb`` colour."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    if factor <= 1:
        rgb = [round(c * factor) for c in rgb]
    else:
        rgb = [round(c + (255 - c) * (factor - 1)) for c in rgb]
    return "#" + "".join(f"{min(255, max(0, c)):02x}" for c in rgb)


def _json_for_html(obj: Any) -> str:
    """Serialise deterministically and make it safe inside a ``<script>`` element."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, esc in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, esc)
    return text


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, jinja2.Template]:
    """(vis-network JS, vis-network CSS, page template), read from package data."""
    vis = resources.files("pyvis").joinpath(_VIS_DIR)
    js = vis.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = vis.joinpath("vis-network.css").read_text(encoding="utf-8")
    # Nothing in the inlined assets may close the <script>/<style> element early.
    js = js.replace("</script", "<\\/script").replace("<!--", "<\\!--")
    css = css.replace("</style", "<\\/style")
    source = resources.files("kg.visualize").joinpath("template.html").read_text(encoding="utf-8")
    env = jinja2.Environment(
        autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
    )
    return js, css, env.from_string(source)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _layout(graph: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Seeded spring layout of the sorted graph, scaled to pixels and rounded."""
    edges = sorted((str(u), str(v)) for u, v in graph.edges())
    scale = max(250.0, 55.0 * math.sqrt(len(nodes)))
    pos = spring_positions([str(n) for n in nodes], edges, seed=0, scale=scale)
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in pos.items()}


def _build(graph: nx.MultiDiGraph) -> tuple[list[dict], list[dict], dict]:
    """vis node/edge dicts (sorted) plus legend counts."""
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
        shape, colour = _node_style(kind, group)
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
                    "border": _shade(colour, 0.7),
                    "highlight": {"background": _shade(colour, 1.35), "border": "#000000"},
                    "hover": {"background": _shade(colour, 1.2), "border": "#000000"},
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
        colour = _edge_color(role)
        role_counts[role] += 1
        said = role.replace("_", " ")
        edge = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "label": label or said,
            "role": role,
            "title": title or f"{labels.get(u, u)} \u2014{said}\u2192 {labels.get(v, v)}",
            "color": {"color": colour, "highlight": _shade(colour, 0.7), "hover": colour},
        }
        if isinstance(width, (int, float)) and not isinstance(width, bool) and width > 0:
            edge["width"] = round(float(width), 2)
        vis_edges.append(edge)
    return vis_nodes, vis_edges, {"nodes": node_counts, "edges": role_counts}


def _options(physics: bool, n_edges: int) -> dict[str, Any]:
    big = not physics
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 14, "color": "#1b1b1b", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "width": 1.2,
            "selectionWidth": 2,
            "smooth": n_edges <= 1500 and {"type": "continuous"},
            "font": {
                "size": 10,
                "color": "#444444",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "navigationButtons": False,
            "keyboard": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.25,
                "springLength": 110,
                "springConstant": 0.04,
                "damping": 0.5,
                "avoidOverlap": 0.2,
            },
            "stabilization": {
                "enabled": physics,
                "iterations": 200,
                "updateInterval": 50,
                "fit": True,
            },
        },
    }


def _legend(counts: dict) -> tuple[list[dict], list[dict]]:
    kinds = sorted(
        {k for k, _ in counts["nodes"]},
        key=lambda k: (_KIND_ORDER.index(k) if k in _KIND_ORDER else 99, k),
    )
    sections = []
    for kind in kinds:
        shape, palette, _ = NODE_STYLE.get(kind, _OTHER_KIND)
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
                        "color": _node_style(kind, g)[1],
                        "count": counts["nodes"][(kind, g)],
                    }
                    for g in groups
                ],
            }
        )
    roles = [
        {"role": r, "label": r.replace("_", " "), "color": _edge_color(r), "count": c}
        for r, c in sorted(counts["edges"].items())
    ]
    return sections, roles


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "conflict-kg network",
    physics_max_nodes: int = 800,
    height: str = "800px",
    notice: str = "",
) -> str:
    """Return the page for `graph` as a string (see :func:`write_html`)."""
    if not _CSS_LENGTH.fullmatch(height):
        raise ValueError(f"height must be a CSS length such as '800px' or '90vh', got {height!r}")
    big = graph.number_of_nodes() > physics_max_nodes
    vis_nodes, vis_edges, counts = _build(graph)
    sections, roles = _legend(counts)
    js, css, template = _assets()
    return template.render(
        title=title,
        notice=notice,
        height=height,
        physics=not big,
        n_nodes=graph.number_of_nodes(),
        n_edges=graph.number_of_edges(),
        sections=sections,
        roles=roles,
        vis_js=Markup(js),
        vis_css=Markup(css),
        graph_json=Markup(_json_for_html({"nodes": vis_nodes, "edges": vis_edges})),
        options_json=Markup(_json_for_html(_options(not big, graph.number_of_edges()))),
    )


def write_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    title: str = "conflict-kg network",
    physics_max_nodes: int = 800,
    height: str = "800px",
    notice: str = "",
) -> pathlib.Path:
    """Write a self-contained interactive network page for `graph` and return its path.

    Nodes are shaped by ``kind`` (actor: dot, place: square, event: diamond,
    article: triangle) and coloured by ``group``; edges are labelled and coloured
    by ``role``; an HTML legend lists the groups and roles present, with counts.
    Graphs with more than `physics_max_nodes` nodes get a precomputed seeded
    Fruchterman-Reingold layout (:mod:`kg.visualize.layout`) and physics off;
    smaller ones start from that layout and let barnesHut physics settle (200
    stabilisation iterations). Node ``x``/``y`` attributes, when given, override
    the layout. `notice` is shown under the header (e.g. what was left out of a big
    graph). Edge ``label`` and ``width`` attributes, when given, replace the role as
    label and the default width. The output is byte-identical for the same graph (whatever the
    insertion order) and is written atomically (temp file + ``os.replace``).
    vis-network's JS/CSS (from the pyvis package) are inlined: the page loads
    nothing from the network.

    Example:
        >>> import networkx as nx, tempfile, pathlib
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("ex:raqqa", label="Raqqa", kind="place", group="city")
        >>> p = write_html(g, pathlib.Path(tempfile.mkdtemp()) / "sub" / "g.html")
        >>> p.exists()
        True
    """
    out = pathlib.Path(path)
    write_text(
        out,
        render_html(
            graph,
            title=title,
            physics_max_nodes=physics_max_nodes,
            height=height,
            notice=notice,
        ),
    )
    return out
