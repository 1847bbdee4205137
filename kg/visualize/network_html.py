"""Self-contained interactive HTML view of a conflict-kg networkx graph.

The page inlines vis-network (the copy bundled with pyvis), embeds the node
and edge data as JSON in ``<script id="kg-graph-data" type="application/json">``
and carries an HTML legend; it makes no network request at all. The nodes, edges and
legend come from :mod:`kg.visualize.network_data`; this module renders them into
``template.html`` with vis-network's options.

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

import os
import pathlib
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from kg._util.atomic import write_text
from kg.visualize.embed import json_for_html, script_text, style_text
from kg.visualize.network_data import legend, vis_data

__all__ = ["render_html", "write_html"]

_VIS_DIR = "templates/lib/vis-9.1.2"
_CSS_LENGTH = re.compile(r"\d+(\.\d+)?(px|%|vh|em|rem)")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, jinja2.Template]:
    """(vis-network JS, vis-network CSS, page template), read from package data."""
    vis = resources.files("pyvis").joinpath(_VIS_DIR)
    js = vis.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = vis.joinpath("vis-network.css").read_text(encoding="utf-8")
    # Nothing in the inlined assets may close the <script>/<style> element early.
    js, css = script_text(js), style_text(css)
    source = resources.files("kg.visualize").joinpath("template.html").read_text(encoding="utf-8")
    env = jinja2.Environment(
        autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
    )
    return js, css, env.from_string(source)


def _options(physics: bool, n_edges: int) -> dict[str, Any]:
    """vis-network's options: barnesHut physics when `physics`, smooth edges up to 1500."""
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
    vis_nodes, vis_edges, counts = vis_data(graph)
    sections, roles = legend(counts)
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
        graph_json=Markup(json_for_html({"nodes": vis_nodes, "edges": vis_edges})),
        options_json=Markup(json_for_html(_options(not big, graph.number_of_edges()))),
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
