"""When two reports tell of the same real-world event: the compatibility rules and the score.

A pair of reports is compared on five facets. Each facet either *vetoes* the pair (the
reports contradict each other, so they cannot be one event) or gives a score in [0, 1]
with a reason in words. A pair that no facet vetoes gets the weighted mean of the facet
scores; :func:`compare` returns ``None`` for a vetoed pair.

The rules lean towards precision (a wrong merge is worse than a missed one):

- **type**: the same type, or the generic ``attack`` against a specific kind of violence,
  or a few pairs outlets routinely swap (an air raid told as a killing, a chemical attack
  as an airstrike). Anything else vetoes.
- **place**: both reports must be located. The same place; a place and the governorate
  (or region, or country) it lies in; or two settlements or sites of one governorate at
  most :data:`NEARBY_KM` apart. Different governorates, or distant places, veto.
- **date**: the days each date may stand for (a day, the days of a month or a year, or
  for an undated report the days just before publication) must come within
  :data:`DAY_GAP` days of each other. Coarse dates score lower.
- **agent** and **target**: the same actor, one missing, or actors linked by backing or
  affiliation are compatible. Two unrelated actors are a contradiction — unless all the
  rest agrees exactly (same type, same settlement, same day): then the reports are taken
  to disagree about who did it, a conflicting claim kept on each report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import URIRef

from kg.link.actors import load_actor_gazetteer
from kg.merge.reports import Context, PlaceInfo, Report
from kg.rdf.iris import actor_iri

#: Type families: only reports of one family are ever compared (the first blocking key).
TYPE_FAMILY = {
    "airstrike": "violence",
    "shelling": "violence",
    "bombing": "violence",
    "chemical_attack": "violence",
    "armed_clash": "violence",
    "attack": "violence",
    "killing": "violence",
    "territory_change": "territory",
    "advance": "territory",
}

#: Scores of distinct but compatible types (unordered pairs). The same type scores 1.
TYPE_PAIRS = {
    frozenset({"attack", "airstrike"}): 0.8,
    frozenset({"attack", "shelling"}): 0.8,
    frozenset({"attack", "bombing"}): 0.8,
    frozenset({"attack", "chemical_attack"}): 0.8,
    frozenset({"attack", "armed_clash"}): 0.8,
    frozenset({"attack", "killing"}): 0.8,
    frozenset({"killing", "airstrike"}): 0.7,
    frozenset({"killing", "shelling"}): 0.7,
    frozenset({"killing", "bombing"}): 0.7,
    frozenset({"killing", "chemical_attack"}): 0.7,
    frozenset({"chemical_attack", "airstrike"}): 0.7,
    frozenset({"airstrike", "shelling"}): 0.5,
    frozenset({"territory_change", "advance"}): 0.6,
}

#: Two settlements or sites at most this far apart may be one event's place.
NEARBY_KM = 15.0
#: Two day-precise dates at most this many days apart may be one event's date. Zero:
#: raids on one town on consecutive days are common, and told apart only by the day.
DAY_GAP = 0
CIVILIANS = actor_iri("civilians")
#: Pairs scoring below this are not merged.
THRESHOLD = 0.7

WEIGHTS = {"type": 0.2, "place": 0.3, "date": 0.3, "agent": 0.1, "target": 0.1}

#: Members of a coalition, whose forces outlets name in its place ("US jets" for a coalition
#: raid). Governments and their armed forces come from the gazetteer (``forces:``).
COALITION_MEMBERS = {
    "us_led_coalition": (
        "united_states", "us_forces", "us_special_forces", "pentagon",
        "united_kingdom", "british_forces", "france", "french_forces",
        "jordan", "jordanian_forces",
    ),
}  # fmt: skip


@cache
def stand_ins() -> frozenset[frozenset[URIRef]]:
    """Pairs of actors that one outlet may name for the other: a government and its armed
    forces, a coalition and its members' forces.

    >>> from kg.rdf.iris import actor_iri
    >>> frozenset({actor_iri("russia"), actor_iri("russian_forces")}) in stand_ins()
    True
    """
    pairs = {
        frozenset({actor_iri(actor.key), actor_iri(actor.forces)})
        for actor in load_actor_gazetteer().actors.values()
        if actor.forces
    }
    for coalition, members in COALITION_MEMBERS.items():
        pairs |= {frozenset({actor_iri(coalition), actor_iri(m)}) for m in members}
    return frozenset(pairs)


def family(event_type: str) -> str:
    """The blocking family of an event type (its own key if it has no family).

    >>> family("airstrike"), family("attack"), family("agreement")
    ('violence', 'violence', 'agreement')
    """
    return TYPE_FAMILY.get(event_type, event_type)


@dataclass(frozen=True)
class Comparison:
    """The verdict on a pair of reports: a score, the reasons, and claims they disagree on."""

    score: float
    reasons: tuple[str, ...]
    conflicts: tuple[str, ...] = ()  # "agent" or "target": the reports disagree on it
    linkable: bool = True  # False: may share an event found otherwise, but not join one

    def links(self, threshold: float = 0.7) -> bool:
        """Whether this pair alone is evidence enough to merge the two reports."""
        return self.linkable and self.score >= threshold


Facet = tuple[float, str] | None


def type_score(a: str, b: str) -> Facet:
    """Score two event types, or ``None`` if they cannot be one event.

    >>> type_score("attack", "airstrike")
    (0.8, 'type: attack ~ airstrike')
    >>> type_score("airstrike", "armed_clash") is None
    True
    """
    if a == b:
        return 1.0, f"type: {a}"
    score = TYPE_PAIRS.get(frozenset({a, b}))
    return (score, f"type: {a} ~ {b}") if score else None


def place_score(a: URIRef | None, b: URIRef | None, context: Context) -> Facet:
    """Score two places: the same, nested, or near each other; ``None`` if they differ."""
    if a is None or b is None:
        return None
    pa, pb = context.places.get(a), context.places.get(b)
    if pa is None or pb is None:
        return (1.0, f"place: {context.label(a)}") if a == b else None
    if a == b:
        if pa.kind == "country":
            return 0.3, f"place: {pa.label} (country only)"
        if pa.is_area or is_busy(pa, context):
            return 0.7, f"place: {pa.label}"
        return 1.0, f"place: {pa.label}"
    for outer, inner in ((pa, pb), (pb, pa)):
        if inner.governorate == outer.iri:
            return 0.7, f"place: {inner.label} in {outer.label} governorate"
        if outer.kind == "country" and inner.country == outer.iri:
            return 0.3, f"place: {inner.label} in {outer.label}"
        if outer.kind == "region" and outer.governorate is None:
            if outer.country is not None and inner.country == outer.country:
                return 0.3, f"place: {inner.label} in {outer.label}"
            continue
        if outer.kind == "region" and not inner.is_area:
            distance = outer.km_to(inner)
            if distance is not None and distance <= 3 * NEARBY_KM:
                return 0.5, f"place: {inner.label} in the {outer.label} area"
    if pa.is_area or pb.is_area:
        return None
    if pa.governorate is not None and pa.governorate != pb.governorate:
        return None
    distance = pa.km_to(pb)
    if distance is not None and distance <= NEARBY_KM:
        return 0.6, f"place: {pa.label} {distance:.0f} km from {pb.label}"
    return None


def is_busy(place: PlaceInfo, context: Context) -> bool:
    """Whether a place is a governorate's capital (Aleppo, Damascus, Homs, ...): a city where
    many events happen on one day, so that place and day alone say little.

    >>> from rdflib import URIRef
    >>> gov = PlaceInfo(URIRef("g"), "Aleppo Governorate", "admin1")
    >>> city = PlaceInfo(URIRef("c"), "Aleppo", "city", governorate=gov.iri)
    >>> is_busy(city, Context(places={gov.iri: gov, city.iri: city}))
    True
    """
    if place.kind != "city" or place.governorate is None:
        return False
    governorate = context.places.get(place.governorate)
    return governorate is not None and governorate.label.startswith(place.label)


def _in_busy_city(report: Report, context: Context) -> bool:
    place = context.places.get(report.place) if report.place is not None else None
    if place is None:
        return False
    if is_busy(place, context):
        return True
    if place.kind in {"district", "site"} and place.governorate is not None:
        return any(
            is_busy(other, context) and (place.km_to(other) or NEARBY_KM + 1) <= NEARBY_KM
            for other in context.places.values()
            if other.governorate == place.governorate and other.kind == "city"
        )
    return False


def date_score(a: Report, b: Report) -> Facet:
    """Score two reports' dates by how much the days they may stand for overlap.

    >>> from rdflib import URIRef
    >>> from kg.types import TimeStamp
    >>> day = Report(URIRef("a"), "1", "airstrike", date=TimeStamp("2016-07-19", "day"))
    >>> month = Report(URIRef("b"), "2", "airstrike", date=TimeStamp("2016-07", "month"))
    >>> date_score(day, day)
    (1.0, 'date: 2016-07-19')
    >>> date_score(day, month)
    (0.5, 'date: 2016-07-19 within 2016-07')
    """
    ia, ib = a.interval(), b.interval()
    if ia is None or ib is None:
        return None
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
    if gap > DAY_GAP:
        return None
    da, db = _stamp(a), _stamp(b)
    precisions = {a.precision, b.precision}
    if precisions == {"day"}:
        if gap == 0:
            return 1.0, f"date: {da}"
        return 0.75, f"date: {da} ~ {db} ({gap} day apart)"
    if gap > 0:  # only exact days may be a day apart
        return None
    if "year" in precisions:
        return 0.2, f"date: {da} within {db}" if a.precision == "day" else f"date: {da} ~ {db}"
    if precisions <= {"day", "month"}:
        first, second = (da, db) if a.precision == "day" else (db, da)
        return 0.5, f"date: {first} within {second}"
    return 0.5, f"date: {da} ~ {db}"


def _stamp(report: Report) -> str:
    if report.date is not None:
        return report.date.value
    return f"undated, published {report.published}" if report.published else "undated"


def actor_score(role: str, a: URIRef | None, b: URIRef | None, context: Context) -> Facet:
    """Score two actors in one role: 1 if the same, 0.5 if one is missing, 0.6 if one stands
    for the other (see :func:`stand_ins`, and a person for the body they speak for), 0.3 for
    civilians against another target; ``None`` for two other actors (a contradiction, even
    for allies: blaming Russia or the Syrian government for one raid is a disagreement)."""
    if a is None and b is None:
        return 0.5, f"{role}: none given"
    if a is None or b is None:
        return 0.5, f"{role}: {context.label(a or b)} (one report)"
    if a == b:
        return 1.0, f"{role}: {context.label(a)}"
    if (
        frozenset({a, b}) in stand_ins()
        or a in context.affiliations.get(b, ())
        or b in (context.affiliations.get(a, ()))
    ):
        return 0.6, f"{role}: {context.label(a)} ~ {context.label(b)}"
    if role == "target" and CIVILIANS in (a, b):
        # "a strike on IS positions killed civilians": target and victims, both true
        return 0.3, f"target: {context.label(a)} ~ {context.label(b)} (target and victims)"
    return None


def compare(a: Report, b: Report, context: Context) -> Comparison | None:
    """Compare two reports from different articles: a :class:`Comparison`, or ``None`` when
    they cannot be one event."""
    if a.article == b.article:
        return None  # the extractor already merged one article's mentions of an event
    facets = {
        "type": type_score(a.type, b.type),
        "place": place_score(a.place, b.place, context),
        "date": date_score(a, b),
    }
    if any(f is None for f in facets.values()):
        return None
    if facets["type"][0] < 0.8 and (_in_busy_city(a, context) or _in_busy_city(b, context)):  # type: ignore[index]
        return None  # in a big city, an air raid and a shelling on one day are two events
    if facets["type"][0] < 0.8 and facets["date"][0] < 1.0:  # type: ignore[index]
        # Two kinds told for one event (an air raid told as a killing, a chemical attack as
        # an air strike) only on the very same day: strikes "around Khan Sheikhun" in the
        # days after the chemical attack are other events.
        return None
    exact = (
        a.type == b.type
        and facets["place"][0] == 1.0  # type: ignore[index]
        and facets["date"][0] == 1.0  # type: ignore[index]
    )
    conflicts = []
    # A denial names who did *not* act ("Russian planes carried out no strikes").
    agents = (
        None if a.modality == "denied" else a.agent,
        None if b.modality == "denied" else b.agent,
    )
    for role, x, y in (("agent", *agents), ("target", a.target, b.target)):
        facet = actor_score(role, x, y, context)
        if facet is None:
            facet = (0.0, f"{role}: {context.label(x)} vs {context.label(y)} (conflicting claims)")
            conflicts.append(role)
        facets[role] = facet
    if len(conflicts) == 2:
        return None  # disagreeing on both who did it and to whom: two events
    score = sum(WEIGHTS[name] * facet[0] for name, facet in facets.items())  # type: ignore[index]
    reasons = tuple(facet[1] for facet in facets.values())  # type: ignore[index]
    return Comparison(round(score, 3), reasons, tuple(conflicts), linkable=exact or not conflicts)
