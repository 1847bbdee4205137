"""Parties the text names that no actor stands for: an event needs no named party.

"Unknown gunmen shot ...", "presumed militants assassinated a village chief", "a bomb
killed 1 policeman": the actor gazetteer links none of these, yet the text tells of
someone doing or suffering something, which makes the mention an event of its own even
with no actor or place linked (:func:`kg.nlp.event_coref.told_of_someone`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.event_mention import DocIndex
from kg.nlp.rules import Rules

_VERBAL = frozenset({"VERB", "AUX"})
_NAMES = frozenset({"PERSON", "NORP", "ORG"})


def names_unnamed_party(
    trigger: Span,
    doers: list[Token | None],
    sufferers: list[Token | None],
    ix: DocIndex,
    rules: Rules,
) -> bool:
    """Whether one of a trigger's ``doers`` (its subject, "by", "between" and "with"
    phrases) or ``sufferers`` (its object, passive subject) names people no actor stands
    for: a head word of ``party_nouns`` or a name ("Journalist Ahmed"), and for those who
    suffer also a victim noun ("a civilian", "1 policeman"; a victim noun as the subject of
    a death word: "7 people died"). Not under a modal verb ("may have killed", "could be
    jailed"): what may have happened to someone is no event of its own."""
    root = trigger.root
    verb = root if root.pos_ in _VERBAL else root.head
    if any(c.tag_ == "MD" for c in verb.children):
        return False
    if root.lemma_.lower() in rules.death_words:
        doers, sufferers = [], [*doers, *sufferers]
    victims = rules.party_nouns | rules.victim_nouns | rules.civilian_victim_nouns
    return _names(trigger, doers, rules.party_nouns, ix) or _names(trigger, sufferers, victims, ix)


def _names(trigger: Span, tokens: list[Token | None], nouns: frozenset[str], ix: DocIndex) -> bool:
    # "dozens of pro-Hadi fighters", "a group of gunmen": the people are after "of"
    heads = [t for t in tokens if t is not None]
    heads += [
        o
        for t in heads
        for p in t.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for token in heads:
        if token.i in ix.place_at:
            continue
        if token.i in ix.trigger_at and token not in trigger:
            continue  # another event ("intercepted a missile")
        # (a sentence's first word may be tagged a name and left unlemmatised:
        # "Militiamen looted ...")
        forms = {token.lemma_.lower(), token.lower_, token.lower_.removesuffix("men") + "man"}
        if forms & nouns or (token.pos_ == "PROPN" and token.ent_type_ in _NAMES):
            return True
    return False
