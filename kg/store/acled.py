"""ACLED-style CSV: one row per event with ACLED's column names, so that tools built for
ACLED data read a conflict-kg graph.

The columns (see ``shared/REFERENCE.md``): ``event_date`` (ISO), ``sub_event_type`` (the
event's ``ckg:acledSubEventType``, decided from its text) and ``event_type`` (that sub-
event type's broader ACLED type; for a graph whose events carry none, the event type's
default ACLED mapping in the ontology, with *Government regains territory* for a state
force's territory change), ``actor1`` / ``actor2`` (agent / target: unlike ACLED's,
directional; a protest's actor1 is its protesters, a riot's its rioters, violence with no
named agent an unidentified armed group, as ACLED codes them), ``assoc_actor_*`` (their
backers, ``ckg:backedBy``), ``inter1`` / ``inter2`` (the actor's ACLED code, else its
type's; a state's forces at a place of another country are 8, External/Other forces),
``interaction`` (both codes, lower first; ``10`` etc. for a sole actor), ``admin1`` (the
first-level unit), ``location``, ``latitude``, ``longitude``, ``geo_precision`` (from the
place kind), ``time_precision`` (1 day, 2 undated: the article's date stands in, 3 month
or year), ``source`` (the sources the event is attributed to, then the publisher),
``notes`` (the sentence), ``fatalities`` (0 when not stated, as in ACLED); then, after
ACLED's own columns, ``plover_type`` and ``plover_mode``: the event's PLOVER (POLECAT)
event type and mode, from its event type's mapping in the ontology (empty where PLOVER
has none).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.analyze.actors import EventRow, event_rows
from kg.ontology.namespaces import CKG, GN, SEM, WGS
from kg.ontology.vocab import plover_types
from kg.rdf.frames import period_start

COLUMNS = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "fatalities",
    "plover_type",
    "plover_mode",
]
_REGAINS = "Government regains territory"
# ACLED's own coding of parties (ACLED Codebook, "Actor types"): a protest's first actor is
# always its protesters (6), a riot's its rioters (5): (label, inter code, kg actor type).
_CROWDS = {"Protests": ("Protesters", 6, "protesters"), "Riots": ("Rioters", 5, "rioters")}
# ... and violence whose perpetrator the text leaves unsaid is an unidentified armed group (3)
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_UNIDENTIFIED = ("Unidentified Armed Group", 3)


def acled_rows(kg) -> list[dict[str, Any]]:  # noqa: ANN001 - a KnowledgeGraph
    """The events of ``kg`` as ACLED rows (dicts keyed by :data:`COLUMNS`), by date."""
    data = kg.dataset

    def first(subject: Any, predicate: URIRef) -> Any:
        return next(data.objects(subject, predicate), None) if subject is not None else None

    def label(node: Any) -> str:
        value = first(node, RDFS.label) or first(node, SKOS.prefLabel)
        return str(value) if value is not None else ""

    def inter(actor: str | None, where: str | None) -> int | None:
        if actor is None:
            return None
        node = URIRef(actor)
        code = first(node, CKG.actorAcledInter) or first(first(node, SEM.actorType), CKG.acledInter)
        if code is None:
            return None
        country = first(node, CKG.actorCountry)
        if int(code) == 1 and country is not None and where and str(country) != where:
            return 8  # ACLED: a state's forces outside their own country are External forces
        return int(code)

    def backers(actor: str | None) -> str:
        if actor is None:
            return ""
        return "; ".join(sorted(label(b) for b in data.objects(URIRef(actor), CKG.backedBy)))

    out = []
    for row in event_rows(kg):
        event = URIRef(row.iri)
        decided = first(event, CKG.acledSubEventType)
        if decided is not None:  # decided from the text (kg.nlp.event_acled)
            event_type = label(first(event, CKG.acledEventType) or first(decided, SKOS.broader))
            sub_type = label(decided)
        else:  # a graph built before events carried one: the type's default
            concept = first(event, SEM.eventType)
            event_type = label(first(concept, CKG.acledEventType))
            sub_type = label(first(concept, CKG.acledSubEventType))
            if row.type_key == "territory_change" and row.agent_type == "state_force":
                sub_type = _REGAINS
        date, precision = _date(row, first(first(event, PROV.wasDerivedFrom), DCTERMS.date))
        place = URIRef(row.place) if row.place else None
        where = _country(data, place, first(event, PROV.wasDerivedFrom))
        agent, actor1, i1, target, actor2, i2 = _parties(
            row, event_type, partial(inter, where=where)
        )
        codes = sorted(c for c in (i1, i2) if c is not None)
        # ACLED: both codes, lower first; a sole actor's code and 0 (e.g. 10)
        interaction = "".join(map(str, [*codes, 0][:2])) if codes else ""
        lat, long = first(place, WGS.lat), first(place, WGS.long)
        at_unit = _is_admin1(data, place)  # known only to its first-level unit
        if at_unit:
            lat, long = _seat(first(place, CKG.admin1Code), lat, long)
        geo = first(first(place, CKG.placeKind), CKG.geoPrecision)
        sources = [s for s in row.sources if s != row.publisher]
        plover, mode = plover_types().get(row.type_key or "", (None, None))
        out.append(
            {
                "event_date": date,
                "event_type": event_type,
                "sub_event_type": sub_type,
                "actor1": actor1,
                "assoc_actor_1": backers(agent),
                "inter1": "" if i1 is None else i1,
                "actor2": actor2,
                "assoc_actor_2": backers(target),
                "inter2": "" if i2 is None else i2,
                "interaction": interaction,
                "admin1": row.governorate or (row.place_label if at_unit else ""),
                "location": row.place_label or "",
                "latitude": "" if lat is None else str(lat),
                "longitude": "" if long is None else str(long),
                "geo_precision": "" if geo is None else int(geo),
                "time_precision": precision,
                "source": "; ".join([*sources, *([row.publisher] if row.publisher else [])]),
                "notes": row.sentence or row.label,
                "fatalities": row.fatalities or 0,
                "plover_type": plover or "",
                "plover_mode": mode or "",
            }
        )
    out = acled_units(out)
    return sorted(out, key=lambda r: (r["event_date"] or "9999", r["location"], r["notes"]))


_TERRITORY = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory",
     "Non-violent transfer of territory"}
)  # fmt: skip
_LOCATED = ("admin1", "location", "latitude", "longitude", "geo_precision")


def acled_units(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ACLED's unit of analysis: one event per place, day and sentence. Rows of one
    sentence and report (same notes, date and source) at one place (or none named) are one
    ACLED event, coded by ACLED's precedence: a change of territory won in the fighting is
    the event ("took control of X after clashes"); else armed clashes with shelling or
    strikes are a battle ("clashes accompanied by shelling"). The kept row takes the
    group's highest toll and the place a dropped row named."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["notes"], row["event_date"], row["source"]), []).append(row)
    out: list[dict[str, Any]] = []
    for group in groups.values():
        places = {r["location"] for r in group if r["location"]}
        if len(group) == 1 or len(places) > 1:
            out.extend(group)
            continue
        kept = next((r for r in group if r["sub_event_type"] in _TERRITORY), None)
        if kept is None and any(r["event_type"] == "Explosions/Remote violence" for r in group):
            kept = next((r for r in group if r["sub_event_type"] == "Armed clash"), None)
        if kept is None:
            out.extend(group)
            continue
        kept = dict(kept)
        kept["fatalities"] = max(int(r["fatalities"] or 0) for r in group)
        if not kept["location"] and places:
            placed = next(r for r in group if r["location"])
            kept.update({c: placed[c] for c in _LOCATED})
        out.append(kept)
    return out


def _seat(code: Any, lat: Any, long: Any) -> tuple[Any, Any]:
    """ACLED codes an event known only to its first-level unit at the unit's seat (geo
    precision 3): the seat's coordinates from the world gazetteer, else the unit's own."""
    if code is None:
        return lat, long
    from kg.errors import DataError
    from kg.link.gazetteer_index import open_index

    try:
        seat = open_index().seat(str(code))
    except DataError:  # no gazetteer built: the unit's own point
        return lat, long
    if seat is None or seat.lat is None or seat.lon is None:
        return lat, long
    return f"{seat.lat:.5f}", f"{seat.lon:.5f}"


def _parties(
    row: EventRow, event_type: str, inter: Callable[[str], int | None]
) -> tuple[str | None, str, int | None, str | None, str, int | None]:
    """ACLED's actor1 and actor2 of an event (IRI or None, label, inter code each), coded
    as ACLED codes them: a protest's actor1 is its protesters and a riot's its rioters
    (kg's agent, "police dispersed protesters", else its target, is then actor2); a battle
    with one side named has it as actor1 and an unidentified armed group as actor2; other
    violence with no agent is by an unidentified armed group."""
    agent, target = row.agent, row.target
    actor1, actor2 = row.agent_label or "", row.target_label or ""
    crowd = _CROWDS.get(event_type)
    if crowd is not None and row.agent_type != crowd[2]:
        other, other_label = (row.agent, actor1) if row.agent else (row.target, actor2)
        if other == row.target and row.target_type == crowd[2]:
            other = None  # "protesters were dispersed": no other party
        agent, actor1 = None, crowd[0]
        target, actor2 = other, other_label if other else ""
    i1 = inter(agent) if agent else (crowd[1] if crowd else None)
    i2 = inter(target) if target else None
    if agent is None and target and event_type == "Battles":
        agent, actor1, i1 = target, actor2, i2  # a battle has no direction
        target, (actor2, i2) = None, _UNIDENTIFIED
    elif agent is None and crowd is None and event_type in _VIOLENT:
        actor1, i1 = _UNIDENTIFIED
    return agent, actor1, i1, target, actor2, i2


def _country(data: Any, place: Any, article: Any) -> str | None:
    """The country an event took place in: its place's, else the one most of its
    article's places lie in (an event "in the area" of an article on Mali is in Mali)."""
    if place is not None:
        code = next(data.objects(place, GN.countryCode), None)
        if code is not None:
            return str(code)
    if article is None:
        return None
    codes = Counter(
        str(code)
        for node in data.subjects(PROV.wasDerivedFrom, article)
        if (node, RDF.type, CKG.Place) in data
        for code in data.objects(node, GN.countryCode)
    )
    return max(sorted(codes), key=codes.__getitem__) if codes else None


def _is_admin1(data: Any, place: Any) -> bool:
    return (
        place is not None
        and (place, CKG.placeKind, None) in data
        and str(next(data.objects(place, CKG.placeKind))).endswith("/admin1")
    )


def _date(row: EventRow, article_date: Any) -> tuple[str, int | str]:
    """ACLED's event_date and time_precision for a report."""
    if row.date and len(row.date) >= 10:
        return row.date[:10], 1
    if row.date:  # a month or a year: its first day, precision month (ACLED has no year)
        return period_start(row.date), 3
    if article_date is not None:  # undated: the article's date, within a few days
        return str(article_date)[:10], 2
    return "", ""


def to_csv(rows: list[dict[str, Any]]) -> str:
    """``rows`` as CSV text with the header :data:`COLUMNS`."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
