"""How sure, and how many: the modality of an event mention and the number killed.

Modality comes from the verbs that govern the trigger ("attempted to take", "denied",
"alleged"), its modifiers and negation, or a reporting source; fatalities from numbers of
victims around a death word ("three rebels were killed", "killing 31", "the death toll rose
to 112").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.event_args import preps_of
from kg.nlp.event_mention import EventMention
from kg.nlp.numbers import parse_number
from kg.nlp.rules import Rules


def modality(head: Token, event: EventMention, rules: Rules) -> str:
    """How sure the text is of the event: ``attempted``, ``denied`` or ``alleged`` from
    the verbs that govern the trigger and its modifiers, ``reported`` when a source covers
    it or a reporting verb governs it, else ``asserted``."""
    governors = rules.modality_governors
    modifiers = rules.modality_modifiers
    chain = [head]
    node = head
    for _ in range(3):
        if node.head is node or node.dep_ not in (
            "xcomp",
            "ccomp",
            "dobj",
            "conj",
            "pobj",
            "prep",
        ):
            break
        node = node.head
        chain.append(node)
    for name in ("attempted", "denied", "alleged"):
        if any(t.lemma_ in governors.get(name, ()) for t in chain[1:]):
            return name
        if any(c.lower_ in modifiers.get(name, ()) for c in head.children):
            return name
    if any(c.dep_ == "neg" for c in head.children):
        return "denied"
    if event.sources or any(c.lower_ in rules.reported_adverbs for t in chain for c in t.children):
        return "reported"
    if any(t.lemma_ in governors.get("reported", ()) for t in chain[1:]):
        return "reported"
    return "asserted"


def fatalities(head: Token) -> int | None:
    """The number killed stated around a death word."""
    candidates = []
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
            candidates.append(child)
    if head.dep_ in ("amod", "acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        candidates.append(head.head)  # "31 people killed"
    for _, obj in preps_of(head, frozenset({"to", "at", "of"})):
        candidates.append(obj)  # "the death toll rose to 112"
    if head.head.lemma_ in ("rise", "climb", "reach", "jump", "increase", "stand"):
        for _, obj in preps_of(head.head, frozenset({"to", "at"})):
            candidates.append(obj)
    for token in candidates:
        number = parse_number(token)
        if number is None:
            for child in token.children:
                if child.dep_ == "nummod":
                    number = parse_number(child)
                    break
        if number is not None:
            return number
    return None
