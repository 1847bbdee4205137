"""The event type, decided in one place: every rewrite of a trigger's type, read from
``data/event_type_rules.yaml``, with the tests its rules name.

A trigger word gives a mention its type (``data/triggers.yaml``); the rules here change it
where the clause says more: a capture of people is an arrest, an attack from the air an
airstrike, a killing between armed parties a clash, an attempted capture an attack. When the
mentions of one event are merged, the most specific telling names the event; a killing told
without its manner takes the kind of strike its party carries out elsewhere in the article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg._util.yaml import load_yaml, require
from kg.errors import DataError
from kg.link.actors import ActorGazetteer
from kg.nlp.event_mention import Arg, DocIndex, EventMention
from kg.nlp.rules import Rules
from kg.ontology.vocab import EVENT_TYPES, event_types_under
from kg.resources import data_path

if TYPE_CHECKING:
    from kg.nlp.event_coref import EventGroup

_VERBAL = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Rewrite:
    """``from`` types become ``to`` when the test ``when`` holds."""

    when: str
    types: frozenset[str]
    to: str
    at: str | None = None  # "object": applied where the verb's object is read


@dataclass(frozen=True)
class TypeRules:
    """``data/event_type_rules.yaml``, checked against the ontology."""

    mention: tuple[Rewrite, ...]
    generic: dict[str, frozenset[str]]
    more_specific: dict[str, frozenset[str]]
    bombardment: tuple[str, ...]

    def rank(self, type_: str) -> int:
        """The place of ``type_`` in the bombardment order (9 when not a bombardment)."""
        return self.bombardment.index(type_) if type_ in self.bombardment else 9


def _types(names: object, path: Path, where: str) -> frozenset[str]:
    if not isinstance(names, list):
        raise DataError(f"{path}: {where} must be a list of event types or groups")
    out: set[str] = set()
    for name in names:
        under = event_types_under(str(name))
        if name not in EVENT_TYPES and not under:
            raise DataError(f"{path}: {where}: '{name}' is no event type or group")
        out |= {str(name)} if name in EVENT_TYPES else under
    return frozenset(out)


def _by_type(data: object, path: Path, section: str) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict):
        raise DataError(f"{path}: '{section}' must map event types to lists")
    for key in data:
        if key not in EVENT_TYPES:
            raise DataError(f"{path}: {section}: '{key}' is no event type")
    return {k: _types(v, path, f"{section}.{k}") for k, v in data.items()}


@cache
def load_type_rules(path: str | None = None) -> TypeRules:
    """Load and check the type rewrites (cached per process)."""
    file = Path(path) if path else data_path("event_type_rules.yaml")
    data = load_yaml(file, top_key="mention")
    rewrites = []
    for index, entry in enumerate(data["mention"]):
        when = require(entry, "when", file, index)
        if when not in _TESTS and entry.get("at") != "object":
            raise DataError(f"{file}: mention rule {index}: no test named '{when}'")
        to = require(entry, "to", file, index)
        if to not in EVENT_TYPES:
            raise DataError(f"{file}: mention rule {index}: '{to}' is no event type")
        types = _types(require(entry, "from", file, index), file, f"mention rule {index}")
        rewrites.append(Rewrite(when, types, to, entry.get("at")))
    bombardment = tuple(data.get("bombardment") or ())
    if unknown := [t for t in bombardment if t not in EVENT_TYPES]:
        raise DataError(f"{file}: bombardment: {unknown} are no event types")
    return TypeRules(
        tuple(rewrites),
        _by_type(data.get("generic") or {}, file, "generic"),
        _by_type(data.get("more_specific") or {}, file, "more_specific"),
        bombardment,
    )


class EventTyper:
    """Apply the type rules to mentions of one doc and to an article's events."""

    def __init__(self, rules: Rules, actors: ActorGazetteer, table: TypeRules) -> None:
        self.rules = rules
        self.actors = actors
        self.table = table

    # -- one mention -------------------------------------------------------------------
    def apply(self, when: str, event: EventMention) -> None:
        """Apply the rule ``when`` (one the argument reader tests itself) to ``event``."""
        for rule in self.table.mention:
            if rule.when == when and event.type in rule.types:
                event.type = rule.to

    def refine(self, head: Token, event: EventMention, ix: DocIndex) -> None:
        """Apply the mention rules, in order, once the arguments and modality are read."""
        for rule in self.table.mention:
            if (
                rule.at is None
                and event.type in rule.types
                and _TESTS[rule.when](self, head, event, ix)
            ):
                event.type = rule.to

    def armed(self, arg: Arg | None) -> bool:
        actor = self.actors.get(arg.key) if arg is not None else None
        return actor is not None and actor.type in self.rules.armed_actor_types

    def airborne(self, head: Token, event: EventMention, ix: DocIndex) -> bool:
        """Air words in the trigger's clause ("jets struck", "an attack by warplanes",
        not the "suicide bombers" of a bombing trigger), or an agent that strikes from
        the air: a coalition, or a state's forces "bombing" a place."""
        clause = head.head if head.pos_ not in _VERBAL and head.head.pos_ in _VERBAL else head
        # not the target's words: "shot down a helicopter" is no air strike
        suffered = {
            t.i
            for c in clause.children
            if c.dep_ in ("dobj", "nsubjpass", "attr")
            for t in c.subtree
        }
        words = {
            t.lemma_.lower()
            for t in clause.subtree
            if t.i not in suffered
            if t.i not in ix.trigger_at
            or ix.trigger_at[t.i].label_ != "bombing"
            or t.i in range(event.trigger.start, event.trigger.end)
        }
        if words & self.rules.air_words and not (
            event.type == "bombing" and event.trigger.root.lemma_.lower() != "bombing"
        ):
            return True
        if event.agent is not None:
            actor = self.actors.get(event.agent.key)
            if actor is not None and actor.type in self.rules.air_actor_types:
                return True
            if (
                actor is not None
                and event.type == "bombing"
                and actor.type == "state_force"
                and event.trigger.root.lemma_.lower() in ("bombing", "bomb")
            ):
                return True  # "regime bombing of Douma": bombs from aircraft
        return False

    def _armed_parties_kill(self, head: Token, event: EventMention, ix: DocIndex) -> bool:
        return (
            head.lemma_.lower() in self.rules.combat_kill_verbs
            and self.armed(event.agent)
            and self.armed(event.target)
            and not self.airborne(head, event, ix)
        )

    # -- one event ---------------------------------------------------------------------
    def retold_generically(self, told: str, telling: str) -> bool | None:
        """Whether one of the two types is the generic word's kind of the other: ``True``
        when ``telling`` is the more specific, ``False`` when ``told`` is, ``None`` when
        neither (the words then decide: see :mod:`kg.nlp.event_coref`)."""
        if telling in self.table.generic.get(told, ()):
            return True
        if told in self.table.generic.get(telling, ()):
            return False
        return None

    def names_the_event(self, told: str, telling: str) -> bool:
        """Whether a mention of type ``telling`` gives its type to an event told as
        ``told``: it is more specific, or the more specific kind of bombardment."""
        if telling in self.table.more_specific.get(told, ()):
            return True
        if telling in self.table.generic.get(told, ()):
            return True
        return self.table.rank(telling) < self.table.rank(told)

    def by_context(self, groups: list[EventGroup]) -> None:
        """A killing whose manner the text leaves unsaid ("the regime committed a massacre
        in Bab Alnairab killing 25") by a party whose other strikes in the article are all of
        one kind ("54 were killed in airstrikes by the Assad regime") was of that kind."""
        plain = self.rules.unspecified_killing_words
        for group in groups:
            if group.type != "killing" or group.agent is None:
                continue
            if any(m.trigger.root.lemma_.lower() not in plain for m in group.mentions):
                continue
            kinds = {
                other.type
                for other in groups
                if other is not group
                and other.agent == group.agent
                and other.type in self.table.bombardment
            }
            if len(kinds) == 1:
                group.type = kinds.pop()


_Test = Callable[[EventTyper, Token, EventMention, DocIndex], bool]
#: The tests the mention rules name.
_TESTS: dict[str, _Test] = {
    "airborne": EventTyper.airborne,
    "armed_parties_kill": EventTyper._armed_parties_kill,
    "attempted": lambda typer, head, event, ix: event.modality == "attempted",
}
