"""A capital that stands for its government: "Moscow said", "Kyiv denies", "Moscow's
threats", "Kyiv's efforts" name no place (the words are ``data/text_rules.yaml``'s
``capital_metonym_nouns``)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from kg._util.yaml import load_text_rules
from kg.link.places import PlaceGazetteer


@cache
def _nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_text_rules().get("capital_metonym_nouns") or ())


def capital_for_its_government(span: Span, key: str, places: PlaceGazetteer) -> bool:
    """Whether the country's capital ``key`` stands for its government at ``span``: the
    subject of an active verb ("Moscow said"), or the possessor of a government's act or
    stance ("Moscow's threats"); "Moscow was hit", "Kyiv's streets" are the city."""
    if places.feature_code(key) != "PPLC":
        return False
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        return not any(c.dep_ == "auxpass" for c in head.children)
    if root.dep_ == "poss" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return head.lemma_.lower() in _nouns()
    return False
