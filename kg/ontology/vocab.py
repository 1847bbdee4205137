"""The concept schemes of ``ontology/conflict.ttl``, read once: event types, modalities,
actor types and place kinds by their ``skos:notation`` (or IRI name), and the event-type
hierarchy (``skos:broader``). Code names the groups it means instead of typing its own
lists of types: ``event_types_under("armed_violence")``.

>>> "airstrike" in event_types_under("strike_or_explosion")
True
>>> event_types_under("armed_violence") >= event_types_under("strike_or_explosion")
True
>>> "armed_violence" in EVENT_TYPES
False
>>> plover_types()["airstrike"]
('ASSAULT', 'aerial')
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from kg.ontology.namespaces import ACLED, ACTOR_TYPE, CKG, EVENT_TYPE, MODALITY, PLACE_KIND, PLOVER
from kg.resources import ontology_path

_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_BROADER = ox.NamedNode("http://www.w3.org/2004/02/skos/core#broader")
_ACLED_SUB = str(ACLED) + "sub-event-type/"
_ACLED_TYPE = str(ACLED) + "event-type/"


@cache
def _triples() -> tuple[ox.Triple, ...]:
    with ontology_path("conflict.ttl").open("rb") as handle:
        return tuple(q.triple for q in ox.parse(handle, format=ox.RdfFormat.TURTLE))


def _names(cls: str, namespace: str) -> frozenset[str]:
    kind = ox.NamedNode(str(cls))
    return frozenset(
        t.subject.value[len(namespace) :]
        for t in _triples()
        if t.predicate == _TYPE and t.object == kind and t.subject.value.startswith(namespace)
    )


@cache
def _broader() -> dict[str, frozenset[str]]:
    parents: dict[str, set[str]] = {}
    prefix = str(EVENT_TYPE)
    for t in _triples():
        if t.predicate == _BROADER and t.subject.value.startswith(prefix):
            parents.setdefault(t.subject.value[len(prefix) :], set()).add(
                t.object.value[len(prefix) :]
            )
    return {k: frozenset(v) for k, v in parents.items()}


def _ancestors(name: str) -> set[str]:
    seen: set[str] = set()
    todo = list(_broader().get(name, ()))
    while todo:
        parent = todo.pop()
        if parent not in seen:
            seen.add(parent)
            todo.extend(_broader().get(parent, ()))
    return seen


EVENT_TYPES: frozenset[str] = _names(CKG.EventType, str(EVENT_TYPE))
MODALITIES: frozenset[str] = _names(CKG.Modality, str(MODALITY))
ACTOR_TYPES: frozenset[str] = _names(CKG.ActorType, str(ACTOR_TYPE))
PLACE_KINDS: frozenset[str] = _names(CKG.PlaceKind, str(PLACE_KIND))


@cache
def event_types_under(group: str) -> frozenset[str]:
    """The event types narrower than ``group`` (transitively) in the hierarchy."""
    return frozenset(t for t in EVENT_TYPES if group in _ancestors(t))


@cache
def acled_sub_event_types() -> dict[str, str]:
    """ACLED's sub-event types by ``skos:notation`` (the IRI's last part), each with the
    notation of its ACLED event type: ``{"air-drone-strike": "explosions-remote-violence",
    ...}``.

    >>> acled_sub_event_types()["grenade"]
    'explosions-remote-violence'
    >>> len(acled_sub_event_types())
    25
    """
    return {
        t.subject.value[len(_ACLED_SUB) :]: t.object.value[len(_ACLED_TYPE) :]
        for t in _triples()
        if t.predicate == _BROADER
        and t.subject.value.startswith(_ACLED_SUB)
        and t.object.value.startswith(_ACLED_TYPE)
    }


@cache
def acled_default_sub_event_type() -> dict[str, str]:
    """The default ACLED sub-event type of each event type (its ``ckg:acledSubEventType``).

    >>> acled_default_sub_event_type()["airstrike"]
    'air-drone-strike'
    """
    prop = ox.NamedNode(str(CKG.acledSubEventType))
    prefix = str(EVENT_TYPE)
    return {
        t.subject.value[len(prefix) :]: t.object.value[len(_ACLED_SUB) :]
        for t in _triples()
        if t.predicate == prop and t.subject.value.startswith(prefix)
    }


@cache
def plover_types() -> dict[str, tuple[str | None, str | None]]:
    """The PLOVER (POLECAT) event type and mode each event type is exported as (their
    ``skos:notation``; its ``ckg:ploverEventType`` and ``ckg:ploverMode``), ``None`` where
    the ontology gives none: ``{"shelling": ("ASSAULT", "heavy-weapons"), ...}``. Every
    event type is a key.

    >>> plover_types()["armed_clash"], plover_types()["other"]
    (('ASSAULT', None), (None, None))
    """
    notation = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
    names = {
        t.subject.value: t.object.value
        for t in _triples()
        if t.predicate == notation and t.subject.value.startswith(str(PLOVER))
    }
    found: dict[str, dict[str, str]] = {key: {} for key in EVENT_TYPES}
    props = {str(CKG.ploverEventType): "type", str(CKG.ploverMode): "mode"}
    prefix = str(EVENT_TYPE)
    for t in _triples():
        role = props.get(t.predicate.value)
        key = t.subject.value[len(prefix) :]
        if role and key in found:
            found[key][role] = names[t.object.value]
    return {key: (f.get("type"), f.get("mode")) for key, f in found.items()}
