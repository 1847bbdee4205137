"""An HTML map of events: a marker per place, sized by its events and coloured by their
most frequent type, with a popup listing the events and their sources.

Leaflet 1.9.3 (BSD-2-Clause, ``assets/leaflet-1.9.3/LICENSE``) is inlined: the page loads
nothing but the map tiles, and says so on the page when they cannot load (markers,
popups and the legend work without them). ``tiles=None`` draws no tiles at all.

Example:
    >>> from kg.analyze.actors import EventRow
    >>> places = {"p": {"label": "Douma", "lat": 33.57, "long": 36.4, "governorate": None}}
    >>> rows = [EventRow("shelling", None, None, None, None, "2018-04-07", "AFP",
    ...                  iri="e1", type_key="shelling", place="p", place_label="Douma")]
    >>> markers, unplaced = map_markers(rows, places)
    >>> markers[0]["label"], markers[0]["count"], markers[0]["color"], unplaced
    ('Douma', 1, '#e53935', 0)
"""

from __future__ import annotations

import math
import os
import pathlib
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup
from rdflib import RDFS, URIRef

from kg._util.atomic import write_text
from kg.analyze.actors import EventRow
from kg.ontology.namespaces import CKG, WGS
from kg.visualize.embed import json_for_html, script_text, style_text
from kg.visualize.network_style import NODE_STYLE

__all__ = ["DEFAULT_TILES", "map_markers", "place_coordinates", "render_map", "write_map"]

#: OpenStreetMap's standard tiles (their usage policy asks for the attribution shown).
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_ATTRIBUTION = "&copy; OpenStreetMap contributors"
_LEAFLET = "assets/leaflet-1.9.3"
_MAX_POPUP_EVENTS = 40


def _type_colour(type_key: str) -> str:
    _, palette, fallback = NODE_STYLE["event"]
    return palette.get(type_key, fallback)


def place_coordinates(kg, places: set[str]) -> dict[str, dict[str, Any]]:  # noqa: ANN001
    """Label, ``lat``, ``long`` and governorate of each place IRI that has coordinates."""
    data = kg.dataset
    out = {}
    for place in sorted(places):
        node = URIRef(place)
        lat = next(data.objects(node, WGS.lat), None)
        long = next(data.objects(node, WGS.long), None)
        if lat is None or long is None:
            continue
        governorate = next(data.objects(node, CKG.inAdmin1), None)
        out[place] = {
            "label": str(next(data.objects(node, RDFS.label), place)),
            "lat": float(lat),
            "long": float(long),
            "governorate": (
                str(next(data.objects(governorate, RDFS.label), governorate))
                if governorate is not None and governorate != node
                else None
            ),
        }
    return out


def map_markers(
    rows: list[EventRow], places: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], int]:
    """One marker per place with coordinates, and the number of events left unplaced."""
    at: dict[str, list[EventRow]] = defaultdict(list)
    unplaced = 0
    for row in rows:
        if row.place in places:
            at[row.place].append(row)
        else:
            unplaced += 1
    markers = []
    for place, events in sorted(at.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        info = places[place]
        types = Counter(e.type_key or "other" for e in events)
        main = min(types, key=lambda t: (-types[t], t))
        events = sorted(events, key=lambda e: (not e.date, e.date or "", e.iri))
        markers.append(
            {
                "id": place,
                "label": info["label"],
                "governorate": info.get("governorate") or "",
                "lat": round(info["lat"], 5),
                "long": round(info["long"], 5),
                "count": len(events),
                "radius": round(min(30.0, 5.0 + 3.0 * math.sqrt(len(events))), 2),
                "type": main,
                "color": _type_colour(main),
                "types": dict(sorted(types.items())),
                "more": max(0, len(events) - _MAX_POPUP_EVENTS),
                "events": [
                    {
                        "date": e.date or "undated",
                        "type": e.type,
                        "agent": e.agent_label or "",
                        "target": e.target_label or "",
                        "sentence": e.sentence or "",
                        "publisher": e.publisher or "",
                        "sources": ", ".join(s for s in e.sources if s != e.publisher),
                        "fatalities": e.fatalities,
                    }
                    for e in events[:_MAX_POPUP_EVENTS]
                ],
            }
        )
    return markers, unplaced


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, jinja2.Template]:
    folder = resources.files("kg.visualize").joinpath(_LEAFLET)
    js = folder.joinpath("leaflet.js").read_text(encoding="utf-8")
    css = folder.joinpath("leaflet.css").read_text(encoding="utf-8")
    js = script_text(js)
    # The control icons' images are not shipped and not used (no layers control, circle
    # markers only): their relative URLs would be requests for files that do not exist.
    for image in ("images/layers.png", "images/layers-2x.png", "images/marker-icon.png"):
        css = css.replace(f"url({image})", "none")
    css = style_text(css)
    source = resources.files("kg.visualize").joinpath("map_template.html").read_text("utf-8")
    env = jinja2.Environment(
        autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
    )
    return js, css, env.from_string(source)


def render_map(
    markers: list[dict[str, Any]],
    *,
    title: str = "conflict-kg map",
    unplaced: int = 0,
    tiles: str | None = DEFAULT_TILES,
    notice: str = "",
) -> str:
    """The map page for ``markers`` (see :func:`map_markers`) as a string."""
    js, css, template = _assets()
    legend = Counter()
    for marker in markers:
        legend[marker["type"]] += 1
    return template.render(
        title=title,
        notice=notice,
        n_places=len(markers),
        n_events=sum(m["count"] for m in markers),
        unplaced=unplaced,
        legend=[
            {"type": t.replace("_", " "), "color": _type_colour(t), "count": n}
            for t, n in sorted(legend.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        leaflet_js=Markup(js),
        leaflet_css=Markup(css),
        markers_json=Markup(json_for_html(markers)),
        tiles_json=Markup(json_for_html({"url": tiles or "", "attribution": _ATTRIBUTION})),
    )


def write_map(
    markers: list[dict[str, Any]], path: str | os.PathLike[str], **options: Any
) -> pathlib.Path:
    """Write the map page (see :func:`render_map`) atomically; return its path."""
    out = pathlib.Path(path)
    write_text(out, render_map(markers, **options))
    return out
