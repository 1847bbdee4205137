"""How the network page draws things: node shape and colour by kind and group, edge colour
by role.

Groups and roles missing from the palettes get a colour chosen from their name, so the
same group is the same colour on every page. The map page colours its markers with the
event palette (:data:`NODE_STYLE` ``["event"]``).
"""

from __future__ import annotations

__all__ = ["EDGE_COLORS", "NODE_STYLE", "edge_color", "kind_style", "node_style", "shade"]

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
            "admin1": "#8d6e63",
            "admin2": "#9c7b6e",
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


def kind_style(kind: str) -> tuple[str, dict[str, str], str]:
    """(vis shape, {group: colour}, fallback colour) of a node kind; a kind without a
    style of its own is a grey hexagon."""
    return NODE_STYLE.get(kind, _OTHER_KIND)


def node_style(kind: str, group: str) -> tuple[str, str]:
    """(vis shape, colour) of a node of ``kind`` in ``group``.

    >>> node_style("actor", "state_force")
    ('dot', '#1f4e9c')
    """
    shape, palette, fallback = kind_style(kind)
    return shape, palette.get(group) or _stable_color(group, fallback)


def edge_color(role: str) -> str:
    """Colour of an edge of ``role``; a role missing from :data:`EDGE_COLORS` gets a colour
    of its own that is the same on every page."""
    return EDGE_COLORS.get(role) or _stable_color(role, _EDGE_FALLBACK)


def shade(hex_colour: str, factor: float) -> str:
    """Darken (factor < 1) or lighten (factor > 1) a ``#rrggbb`` colour.

    >>> shade("#808080", 0.5), shade("#808080", 2.0)
    ('#404040', '#ffffff')
    """
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    if factor <= 1:
        rgb = [round(c * factor) for c in rgb]
    else:
        rgb = [round(c + (255 - c) * (factor - 1)) for c in rgb]
    return "#" + "".join(f"{min(255, max(0, c)):02x}" for c in rgb)
