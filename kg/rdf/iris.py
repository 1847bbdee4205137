"""Every IRI conflict-kg mints, from stable keys, in one place.

The same input always yields the same IRIs: actors and places are keyed by their
gazetteer entries (or normalised names), articles by their id, events by the article and
their order in it, and text spans NIF-style by their character offsets.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kg.ontology.namespaces import (
    ACLED,
    ACTOR_TYPE,
    BASE,
    EVENT_TYPE,
    GEONAMES,
    ID,
    MODALITY,
    PLACE_KIND,
    WD,
)

ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")


@lru_cache(maxsize=16384)
def _safe(key: str) -> str:
    return quote(key, safe="-_.~")


@lru_cache(maxsize=16384)
def article_iri(article_id: str) -> URIRef:
    """The IRI of an article.

    >>> str(article_iri("coalition-strike-at-tanf"))
    'https://w3id.org/conflict-kg/id/article/coalition-strike-at-tanf'
    """
    return ID[f"article/{_safe(article_id)}"]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything extracted from one article."""
    return ID[f"graph/{_safe(article_id)}"]


def span_iri(article_id: str, start: int, end: int) -> URIRef:
    """A text span in NIF's offset-based form: ``<article>#char=start,end``."""
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")


@lru_cache(maxsize=16384)
def actor_iri(key: str) -> URIRef:
    return ID[f"actor/{_safe(key)}"]


@lru_cache(maxsize=16384)
def place_iri(key: str) -> URIRef:
    return ID[f"place/{_safe(key)}"]


def geometry_iri(key: str) -> URIRef:
    return URIRef(f"{place_iri(key)}/geometry")


def event_iri(article_id: str, local_id: str) -> URIRef:
    return ID[f"event/{_safe(article_id)}/{_safe(local_id)}"]


def event_type_iri(key: str) -> URIRef:
    return EVENT_TYPE[key]


def actor_type_iri(key: str) -> URIRef:
    return ACTOR_TYPE[key]


def modality_iri(key: str) -> URIRef:
    return MODALITY[key]


def place_kind_iri(key: str) -> URIRef:
    return PLACE_KIND[key]


def acled_event_type_iri(notation: str) -> URIRef:
    """One of ACLED's six event types in the ontology's ACLED scheme, by its notation."""
    return ACLED[f"event-type/{notation}"]


def acled_sub_event_type_iri(notation: str) -> URIRef:
    """An ACLED sub-event type of the ontology's ACLED scheme, by its notation."""
    return ACLED[f"sub-event-type/{notation}"]


def geonames_iri(geonameid: int) -> URIRef:
    return GEONAMES[f"{geonameid}/"]


def wikidata_iri(qid: str) -> URIRef:
    return WD[qid]


MERGES_GRAPH = URIRef(BASE + "graph/merges")
"""The named graph of cross-article merges; dropping it undoes every merge."""


def merged_event_iri(key: str) -> URIRef:
    """A merged event, keyed by a digest of its reports' IRIs (see :mod:`kg.merge.rdf`)."""
    return ID[f"merged-event/{_safe(key)}"]


def merge_link_iri(key: str) -> URIRef:
    """A link between two reports that a merge joined, keyed by a digest of the pair."""
    return ID[f"merge-link/{_safe(key)}"]
