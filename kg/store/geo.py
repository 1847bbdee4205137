"""Events and places as map features, for QGIS, kepler.gl, geopandas: GeoJSON and
GeoPackage.

Each event (an article-level report) is a point at its most specific place, with the
properties an analyst filters on: date, kg's event type, ACLED's event and sub-event type,
agent, target, fatalities, modality, publisher, sources, sentence, number of reports of
the merged event it belongs to. Each place with coordinates is a point with its kind, its
first-level unit, its country and how many events took place there. An event whose place
has no coordinates (or that has no place) is left out of the event layer and counted.

>>> import kg
>>> graph = kg.build_graph([kg.example_path()])
>>> layers = map_layers(graph)
>>> [layer.name for layer in layers], layers[0].features[0][1]["event_type"] != ""
(['events', 'places'], True)
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import OWL, SKOS

from kg._util.atomic import write_bytes
from kg.analyze.actors import notation
from kg.analyze.events import EVENT_COLUMNS as TABLE_COLUMNS
from kg.analyze.events import event_table
from kg.ontology.namespaces import CKG, SEM, WGS
from kg.store.gpkg import Layer, write_geopackage

#: The event layer's columns and their GeoPackage types (GeoJSON carries the same keys):
#: the event table's (:mod:`kg.analyze.events`) but the coordinates, which are the point.
EVENT_COLUMNS = {
    name: {"fatalities": "INTEGER", "reports": "INTEGER"}.get(name, "TEXT")
    for name in TABLE_COLUMNS
    if name not in ("latitude", "longitude")
}
#: The place layer's columns.
PLACE_COLUMNS = {
    "place": "TEXT",
    "name": "TEXT",
    "kind": "TEXT",
    "admin1": "TEXT",
    "country": "TEXT",
    "geonames": "TEXT",
    "events": "INTEGER",
}

Feature = tuple[tuple[float, float], dict[str, Any]]


def map_layers(kg) -> list[Layer]:  # noqa: ANN001 - a KnowledgeGraph
    """The ``events`` and ``places`` point layers of ``kg``."""
    data = kg.local().dataset

    def first(subject: Any, predicate: URIRef) -> Any:
        return next(data.objects(subject, predicate), None) if subject is not None else None

    def label(node: Any) -> str:
        value = first(node, RDFS.label) or first(node, SKOS.prefLabel)
        return str(value) if value is not None else ""

    def point(place: Any) -> tuple[float, float] | None:
        lat, long = first(place, WGS.lat), first(place, WGS.long)
        if lat is None or long is None:
            return None
        return float(long), float(lat)

    rows = event_table(kg.local())
    events: list[Feature] = []
    counts: Counter[str] = Counter()
    for row in rows:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        properties = {name: row[name] for name in EVENT_COLUMNS}
        events.append(((row["longitude"], row["latitude"]), properties))
    for event in data.subjects(RDF.type, CKG.Event):
        for place in data.objects(event, SEM.hasPlace):
            counts[str(place)] += 1
    places: list[Feature] = []
    for place in sorted(set(data.subjects(CKG.placeKind, None))):
        where = point(place)
        if where is None:
            continue
        country = first(place, CKG.inCountry)
        places.append(
            (
                where,
                {
                    "place": str(place),
                    "name": label(place),
                    "kind": notation(first(place, CKG.placeKind)),
                    "admin1": label(first(place, CKG.inAdmin1)) or None,
                    "country": label(country) or None,
                    "geonames": _geonames(data, place),
                    "events": counts.get(str(place), 0),
                },
            )
        )
    skipped = len(rows) - len(events)
    note = f" ({skipped} of {len(rows)} without coordinates left out)" if skipped else ""
    return [
        Layer("events", EVENT_COLUMNS, events, f"conflict-kg events{note}"),
        Layer("places", PLACE_COLUMNS, places, "conflict-kg places with their event counts"),
    ]


def _geonames(data: Any, place: Any) -> str | None:
    for same in data.objects(place, OWL.sameAs):
        if "geonames.org" in str(same):
            return str(same)
    return None


def geojson(layer: Layer) -> dict[str, Any]:
    """``layer`` as a GeoJSON FeatureCollection (RFC 7946: WGS 84, longitude first)."""
    return {
        "type": "FeatureCollection",
        "name": layer.name,
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
            for (lon, lat), properties in layer.features
        ],
    }


def write_geojson(layers: list[Layer], out: str | os.PathLike[str]) -> list[Path]:
    """Write each layer as GeoJSON: ``OUT`` ending in ``.geojson`` gets the events and
    ``<stem>-places.geojson`` beside it the places; a folder gets ``events.geojson`` and
    ``places.geojson``. Each file is written atomically."""
    target = Path(out)
    paths = []
    for layer in layers:
        if target.suffix.lower() == ".geojson":
            name = target.name if layer is layers[0] else f"{target.stem}-{layer.name}.geojson"
            path = target.with_name(name)
        else:
            path = target / f"{layer.name}.geojson"
        text = json.dumps(geojson(layer), ensure_ascii=False, separators=(",", ":"))
        write_bytes(path, text.encode("utf-8"))
        paths.append(path)
    return paths


def write_gpkg(layers: list[Layer], out: str | os.PathLike[str]) -> Path:
    """Write the layers to one GeoPackage: ``OUT`` if it ends in ``.gpkg``, else
    ``OUT/graph.gpkg``."""
    path = Path(out)
    if path.suffix.lower() != ".gpkg":
        path = path / "graph.gpkg"
    write_geopackage(path, layers)
    return path
