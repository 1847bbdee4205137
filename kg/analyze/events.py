"""The event table analysts start from: one row per event (an article-level report) with
its date, types, parties, place and coordinates, as plain values or a pandas DataFrame.

>>> import kg
>>> from kg.analyze.events import events_frame
>>> frame = events_frame(kg.build_graph([kg.example_path()]))
>>> str(frame["latitude"].dtype), str(frame["fatalities"].dtype), "acled_event_type" in frame
('float64', 'Int64', True)
"""

from __future__ import annotations

from typing import Any

from rdflib import RDFS, URIRef
from rdflib.namespace import SKOS

from kg.analyze.actors import event_rows
from kg.ontology.namespaces import CKG, SEM, WGS
from kg.ontology.vocab import plover_types
from kg.rdf.frames import period_start, require_pandas

#: The columns of :func:`event_table` (and of :func:`events_frame`), in order.
EVENT_COLUMNS = (
    "event",
    "date",
    "date_precision",
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "plover_type",
    "plover_mode",
    "agent",
    "agent_type",
    "target",
    "target_type",
    "fatalities",
    "modality",
    "place",
    "admin1",
    "latitude",
    "longitude",
    "publisher",
    "sources",
    "sentence",
    "reports",
)
_PRECISION = {10: "day", 7: "month", 4: "year"}


def event_table(kg) -> list[dict[str, Any]]:  # noqa: ANN001 - a KnowledgeGraph
    """The events of ``kg`` as dicts keyed by :data:`EVENT_COLUMNS` (``None`` where the
    graph says nothing), in IRI order. ACLED's types are the event's own where the graph
    gives them, else its event type's default mapping in the ontology."""
    data = kg.dataset

    def first(subject: Any, predicate: URIRef) -> Any:
        return next(data.objects(subject, predicate), None) if subject is not None else None

    def label(node: Any) -> str | None:
        value = first(node, RDFS.label) or first(node, SKOS.prefLabel)
        return str(value) if value is not None else None

    out = []
    for row in event_rows(kg):
        event = URIRef(row.iri)
        concept = first(event, SEM.eventType)
        sub = first(event, CKG.acledSubEventType) or first(concept, CKG.acledSubEventType)
        kind = first(event, CKG.acledEventType) or first(concept, CKG.acledEventType)
        place = URIRef(row.place) if row.place else None
        lat, long = first(place, WGS.lat), first(place, WGS.long)
        plover, mode = plover_types().get(row.type_key or "", (None, None))
        out.append(
            {
                "event": row.iri,
                "date": row.date,
                "date_precision": _PRECISION.get(len(row.date or "")),
                "event_type": row.type_key,
                "acled_event_type": label(kind),
                "acled_sub_event_type": label(sub),
                "plover_type": plover,
                "plover_mode": mode,
                "agent": row.agent_label,
                "agent_type": row.agent_type,
                "target": row.target_label,
                "target_type": row.target_type,
                "fatalities": row.fatalities,
                "modality": row.modality,
                "place": row.place_label,
                "admin1": row.governorate,
                "latitude": None if lat is None else float(lat),
                "longitude": None if long is None else float(long),
                "publisher": row.publisher,
                "sources": "; ".join(row.sources) or None,
                "sentence": row.sentence,
                "reports": row.reports,
            }
        )
    return out


def events_frame(kg) -> Any:  # noqa: ANN001 - a KnowledgeGraph
    """:func:`event_table` as a pandas DataFrame: ``date`` as datetimes (the first day of
    a month or year, ``date_precision`` says which), numbers as numbers (``fatalities``
    nullable ``Int64``), coordinates as floats, text as ``string``."""
    pd = require_pandas()
    rows = event_table(kg)
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    starts = [period_start(r["date"]) if r["date"] else None for r in rows]
    frame["date"] = pd.to_datetime(pd.Series(starts, dtype="object"), errors="coerce")
    frame["fatalities"] = pd.array([r["fatalities"] for r in rows], dtype="Int64")
    frame["reports"] = pd.array([r["reports"] for r in rows], dtype="Int64")
    for name in ("latitude", "longitude"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    for name in EVENT_COLUMNS:
        if name not in ("date", "fatalities", "reports", "latitude", "longitude"):
            frame[name] = frame[name].astype("string")
    return frame
