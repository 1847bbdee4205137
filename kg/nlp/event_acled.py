"""Each event's ACLED sub-event type, decided from its text.

The project's event type says what happened in the project's words; ACLED's 25 sub-event
types cut the same events along other lines: the weapon (an attack with a grenade is a
*Grenade* event, a killing by an air strike an *Air/drone strike*), who gains ground (a
state force *regains* territory, a non-state actor *overtakes* it, a handover without
fighting is a *Non-violent transfer*), who suffers (civilians attacked: *Violence against
civilians / Attack*; armed parties: *Battles / Armed clash*), what happens to a protest
(dispersed: *Protest with intervention*; fired on: *Excessive force against
protesters*). The rules are a table, ``data/acled_subtypes.yaml``, tried in order on the
event type, the trigger words, the words of the clauses that tell the event, the types of
its agent and target and its modality; an event no rule fits takes its type's default
from the ontology (the type concept's ``ckg:acledSubEventType``).

>>> rules = load_subtype_rules()
>>> rules.default("airstrike")
'air-drone-strike'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Span, Token

from kg._util.yaml import load_yaml, require
from kg.errors import DataError
from kg.nlp.event_mention import EventMention
from kg.ontology.vocab import (
    ACTOR_TYPES,
    EVENT_TYPES,
    MODALITIES,
    acled_default_sub_event_type,
    acled_sub_event_types,
    event_types_under,
)
from kg.resources import data_path

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_NONE = "none"  # an actor test's value for "no actor named"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Words:
    """Lemmas and lemma phrases, some restricted to a part of speech ("mine/NOUN")."""

    lemmas: frozenset[str]  # single lemmas, any part of speech
    tagged: frozenset[str]  # "lemma/NOUN", "lemma/VERB"
    phrases: tuple[str, ...]  # " a b " (padded, to find in a padded lemma text)

    def found_in(self, clause: Clause) -> bool:
        return bool(
            self.lemmas & clause.lemmas
            or self.tagged & clause.tagged
            or any(p in clause.text for p in self.phrases)
        )


@dataclass(frozen=True)
class Clause:
    """The words of the clauses that tell one event."""

    lemmas: frozenset[str]
    tagged: frozenset[str]
    text: str  # the lemmas in order, space-padded: " fire rocket at the village "


@dataclass(frozen=True)
class SubtypeRule:
    """``sub`` for an event that passes every test given."""

    sub: str
    types: frozenset[str] | None = None
    words: tuple[Words, ...] = ()  # one of each group
    not_words: Words | None = None
    triggers: frozenset[str] | None = None
    not_triggers: frozenset[str] = frozenset()
    agent: frozenset[str] | None = None
    not_agent: frozenset[str] = frozenset()
    target: frozenset[str] | None = None
    not_target: frozenset[str] = frozenset()
    modality: frozenset[str] | None = None
    victims: Words | None = None


@dataclass(frozen=True)
class SubtypeRules:
    """``data/acled_subtypes.yaml``, checked against the ontology."""

    rules: tuple[SubtypeRule, ...]
    defaults: dict[str, str]

    def default(self, event_type: str) -> str:
        """The ontology's default ACLED sub-event type of ``event_type``."""
        return self.defaults.get(event_type, "other")


def _words(value: object, path: Path, where: str) -> Words:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{path}: {where} must be a list of words")
    lemmas, tagged, phrases = set(), set(), []
    for word in value:
        text, _, pos = word.lower().partition("/")
        if pos and pos not in ("noun", "verb"):
            raise DataError(f"{path}: {where}: '{word}': the part of speech must be NOUN or VERB")
        text = " ".join(text.replace("-", " ").split())  # "booby-trap" = "booby trap"
        if " " in text:
            phrases.append(f" {text} ")
        elif pos:
            tagged.add(f"{text}/{pos}")
        else:
            lemmas.add(text)
    return Words(frozenset(lemmas), frozenset(tagged), tuple(phrases))


def _word_groups(value: object, path: Path, where: str) -> tuple[Words, ...]:
    """One list of words, or a list of lists (one of each must be found)."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return tuple(_words(v, path, f"{where}[{n}]") for n, v in enumerate(value))
    return (_words(value, path, where),)


def _names(value: object, allowed: Iterable[str], path: Path, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise DataError(f"{path}: {where} must be a list")
    known = set(allowed)
    if unknown := [v for v in value if str(v) not in known]:
        raise DataError(f"{path}: {where}: {unknown} not among {sorted(known)}")
    return frozenset(str(v) for v in value)


def _event_types(value: object, path: Path, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise DataError(f"{path}: {where} must be a list of event types or groups")
    out: set[str] = set()
    for name in map(str, value):
        under = event_types_under(name)
        if name not in EVENT_TYPES and not under:
            raise DataError(f"{path}: {where}: '{name}' is no event type or group")
        out |= {name} if name in EVENT_TYPES else under
    return frozenset(out)


def _lemma_phrases(value: object, path: Path, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise DataError(f"{path}: {where} must be a list of trigger lemmas")
    return frozenset(str(v).lower() for v in value)


_KEYS = frozenset(
    {"sub", "types", "words", "not_words", "triggers", "not_triggers", "agent", "not_agent"}
    | {"target", "not_target", "modality", "victims"}
)


def _rule(entry: object, file: Path, index: int) -> SubtypeRule:
    if not isinstance(entry, dict):
        raise DataError(f"{file}: rule {index} must be a mapping")
    if unknown := sorted(set(entry) - _KEYS):
        raise DataError(f"{file}: rule {index}: unknown keys {unknown}")
    sub = str(require(entry, "sub", file, index))
    if sub not in acled_sub_event_types():
        raise DataError(f"{file}: rule {index}: '{sub}' is no ACLED sub-event type")
    where = f"rule {index} ({sub})"
    actor_types = ACTOR_TYPES | {_NONE}

    def actors(key: str) -> frozenset[str] | None:
        return _names(entry[key], actor_types, file, f"{where}: {key}") if key in entry else None

    def get(key: str, read: Callable[[object, Path, str], _T]) -> _T | None:
        return read(entry[key], file, f"{where}: {key}") if key in entry else None

    modality = get("modality", lambda v, p, w: _names(v, MODALITIES, p, w))
    return SubtypeRule(
        sub=sub,
        types=get("types", _event_types),
        words=get("words", _word_groups) or (),
        not_words=get("not_words", _words),
        triggers=get("triggers", _lemma_phrases),
        not_triggers=get("not_triggers", _lemma_phrases) or frozenset(),
        agent=actors("agent"),
        not_agent=actors("not_agent") or frozenset(),
        target=actors("target"),
        not_target=actors("not_target") or frozenset(),
        modality=modality,
        victims=get("victims", _words),
    )


@cache
def load_subtype_rules(path: str | None = None) -> SubtypeRules:
    """Load and check ``data/acled_subtypes.yaml`` (cached per process): every ``sub`` an
    ACLED sub-event type of the ontology, every type, actor type and modality known."""
    file = Path(path) if path else data_path("acled_subtypes.yaml")
    data = load_yaml(file, top_key="rules")
    if not isinstance(data["rules"], list):
        raise DataError(f"{file}: 'rules' must be a list")
    rules = tuple(_rule(entry, file, index) for index, entry in enumerate(data["rules"]))
    defaults = acled_default_sub_event_type()
    if missing := sorted(EVENT_TYPES - set(defaults)):
        raise DataError(
            f"ontology/conflict.ttl: event types with no default sub-event type: {missing}"
        )
    return SubtypeRules(rules, defaults)


def _clause_head(token: Token) -> Token:
    """The verb a trigger is or hangs from ("fired rockets": fired; "shells fired by X
    hit": hit), else the trigger's own head word."""
    node = token
    for _ in range(3):
        if node.pos_ in _VERBAL or node.head is node:
            break
        node = node.head
    return node if node.pos_ in _VERBAL else token


def clause_of(spans: Iterable[Span]) -> Clause:
    """The words of the clauses of these trigger spans."""
    lemmas: set[str] = set()
    tagged: set[str] = set()
    texts = []
    for span in spans:
        tokens = sorted(_clause_head(span.root).subtree, key=lambda t: t.i)
        tokens = [t for t in tokens if t.sent.start == span.sent.start] or list(span)
        words = []
        for t in tokens:
            lemma = t.lemma_.lower()
            if lemma == "-":
                continue  # "rocket-propelled" is read as "rocket propel"
            words.append(lemma)
            lemmas.add(lemma)
            if t.pos_ in _VERBAL:
                tagged.add(f"{lemma}/verb")
            elif t.pos_ in _NOMINAL:
                tagged.add(f"{lemma}/noun")
        texts.append(" ".join(words))
    return Clause(frozenset(lemmas), frozenset(tagged), " " + " | ".join(texts) + " ")


def victims_of(spans: Iterable[Span]) -> Clause:
    """The people who suffered, as the trigger verbs' objects and passive subjects name
    them ("killed 3 soldiers", "7 fighters were killed"), with their conjuncts."""
    heads = [
        c
        for span in spans
        if span.root.pos_ in _VERBAL
        for c in span.root.children
        if c.dep_ in ("dobj", "nsubjpass")
    ]
    tokens = [*heads, *(c for h in heads for c in h.conjuncts)]
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    return Clause(frozenset(lemmas), frozenset(), " " + " ".join(sorted(lemmas)) + " ")


def _actor_ok(
    actor_type: str | None, allowed: frozenset[str] | None, barred: frozenset[str]
) -> bool:
    value = actor_type or _NONE
    return (allowed is None or value in allowed) and value not in barred


def decide(
    rules: SubtypeRules,
    event_type: str,
    mentions: Iterable[EventMention],
    *,
    agent_type: str | None,
    target_type: str | None,
    modality: str,
) -> str:
    """The ACLED sub-event type (its notation) of an event of ``event_type`` told by
    ``mentions``, whose agent and target are of the given actor types (None: not named)."""
    mentions = list(mentions)
    clause = clause_of(m.trigger for m in mentions)
    victims = victims_of(m.trigger for m in mentions)
    triggers = {" ".join(t.lemma_.lower() for t in m.trigger) for m in mentions}
    for rule in rules.rules:
        if rule.types is not None and event_type not in rule.types:
            continue
        if rule.triggers is not None and not triggers & rule.triggers:
            continue
        if triggers & rule.not_triggers:
            continue
        if not all(group.found_in(clause) for group in rule.words):
            continue
        if rule.not_words is not None and rule.not_words.found_in(clause):
            continue
        if not _actor_ok(agent_type, rule.agent, rule.not_agent):
            continue
        if not _actor_ok(target_type, rule.target, rule.not_target):
            continue
        if rule.modality is not None and modality not in rule.modality:
            continue
        if rule.victims is not None and not rule.victims.found_in(victims):
            continue
        return rule.sub
    return rules.default(event_type)
