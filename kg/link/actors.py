"""The actor gazetteer: canonical actors, their types and every alias outlets use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from kg._util.text import slugify
from kg._util.yaml import load_yaml, require
from kg.errors import DataError
from kg.ontology.vocab import ACTOR_TYPES
from kg.resources import data_path
from kg.types import ActorRef


@dataclass
class ActorGazetteer:
    """Actors by key, with the surface forms that name them.

    ``aliases`` maps each surface form to actor keys; ``metonyms`` maps place names used
    for an actor ("Damascus said") to the actor key; ``modifiers`` maps words that name an
    actor when they modify a noun ("Russian" in "Russian jets") to the actor key.
    """

    actors: dict[str, ActorRef]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    backing_words: frozenset[str] = frozenset()
    path: Path | None = None
    new_actor_rules: dict = field(default_factory=dict)

    def get(self, key: str) -> ActorRef | None:
        return self.actors.get(key)

    @cached_property
    def modifier_keys(self) -> dict[str, str]:
        """``modifiers`` keyed by lowercase word ("russian" -> "russian_forces")."""
        return {word.lower(): key for word, key in self.modifiers.items()}

    def new_actor(self, label: str, type_: str, **extra: object) -> ActorRef:
        """Return an actor for a name the gazetteer lacks, keyed by its normalised name."""
        # A name of punctuation only (a feed's publisher '"') keeps its own spelling: an
        # actor's label may not be empty.
        clean = canonical_name(label) or " ".join(label.split()) or label
        key = slugify(clean).replace("-", "_")
        known = self.actors.get(key)
        if known is not None:
            return known
        return ActorRef(key=key, label=clean, type=type_, **extra)  # type: ignore[arg-type]


_SMALL = frozenset({"of", "for", "the", "and", "in", "on", "at", "al", "el", "bin", "ibn", "de"})


def canonical_name(text: str) -> str:
    """One spelling per name, whatever the article's capitalisation, so that a new actor
    has one label across articles: words capitalised, small words lowercase, acronyms and
    words with inner capitals ("U.S.", "McCain") kept.

    >>> canonical_name("a U.S. defense official"), canonical_name("Russian foreign MINISTER")
    ('A U.S. Defense Official', 'Russian Foreign Minister')
    """
    clean = re.sub(r"\s+", " ", text).strip(" ,.;:'\"‘’“”")
    words = []
    for i, word in enumerate(clean.split(" ")):
        if len(word) > 1 and (word[1:] != word[1:].lower()) and not word.isupper():
            words.append(word)  # McCain, al-Assad's inner capitals
        elif word.isupper() and ("." in word or len(word) <= 4):
            words.append(word)  # acronyms: U.S., SANA, UN
        elif i > 0 and word.lower() in _SMALL:
            words.append(word.lower())
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


SIDES = frozenset({"pro_government", "opposition", "independent"})


def _side(value: object, key: str, path: Path) -> str | None:
    if value in (None, ""):
        return None
    if value not in SIDES:
        raise DataError(
            f"{path}: actor '{key}' has side '{value}'",
            hint=f"use one of {', '.join(sorted(SIDES))}",
        )
    return str(value)


def _str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def parse_actor_gazetteer(data: dict, path: Path) -> ActorGazetteer:
    """Build an :class:`ActorGazetteer` from the parsed YAML of ``actors.yaml``."""
    actors: dict[str, ActorRef] = {}
    aliases: dict[str, list[str]] = {}
    metonyms: dict[str, str] = {}
    for index, entry in enumerate(data["actors"]):
        key = str(require(entry, "id", path, index))
        name = str(require(entry, "name", path, index))
        type_ = str(require(entry, "type", path, index))
        if type_ not in ACTOR_TYPES:
            raise DataError(f"{path}: actor '{key}' has unknown type '{type_}'")
        if key in actors:
            raise DataError(f"{path}: actor id '{key}' is used twice")
        names = list(dict.fromkeys([name, *_str_list(entry.get("aliases"))]))
        actors[key] = ActorRef(
            key=key,
            label=name,
            type=type_,
            aliases=tuple(n for n in names if n != name),
            wikidata=entry.get("wikidata") or None,
            backed_by=tuple(_str_list(entry.get("backed_by"))),
            forces=entry.get("forces") or None,
            side=_side(entry.get("side"), key, path),
            curated=True,
        )
        for alias in names:
            aliases.setdefault(alias, [])
            if key not in aliases[alias]:
                aliases[alias].append(key)
        for metonym in _str_list(entry.get("metonyms")):
            metonyms[metonym] = key
    for key, actor in actors.items():
        if actor.forces and actor.forces not in actors:
            raise DataError(f"{path}: actor '{key}' names unknown forces '{actor.forces}'")
        for backer in actor.backed_by:
            if backer not in actors:
                raise DataError(f"{path}: actor '{key}' is backed_by unknown actor '{backer}'")

    modifiers: dict[str, str] = {}
    descriptors = data.get("descriptors") or {}
    noun_lists: dict[str, list[str]] = {
        k: _str_list(v) for k, v in (descriptors.get("nouns") or {}).items()
    }
    for index, rule in enumerate(descriptors.get("modifiers") or []):
        key = str(require(rule, "actor", path, index))
        if key not in actors:
            raise DataError(f"{path}: descriptor {index} names unknown actor '{key}'")
        nouns = [n for group in _str_list(rule.get("nouns")) for n in noun_lists.get(group, [])]
        for word in _str_list(rule.get("words")):
            modifiers.setdefault(word, key)
            for noun in nouns:
                phrase = f"{word} {noun}"
                aliases.setdefault(phrase, [])
                if key not in aliases[phrase]:
                    aliases[phrase].append(key)
    backing = frozenset(w.lower() for w in _str_list(data.get("backing_words")))
    new_rules = data.get("new_actors") or {}
    for section in ("context_words", "name_words"):
        for type_ in new_rules.get(section) or {}:
            if type_ not in ACTOR_TYPES:
                raise DataError(f"{path}: new_actors.{section}: unknown actor type '{type_}'")
    gazetteer = ActorGazetteer(actors, aliases, metonyms, modifiers, backing, path)
    gazetteer.new_actor_rules = new_rules
    return gazetteer


@cache
def load_actor_gazetteer(path: str | None = None) -> ActorGazetteer:
    """Load ``data/actors.yaml`` (or ``path``); cached per process.

    >>> gaz = load_actor_gazetteer()
    >>> gaz.get("isis").type
    'jihadist_group'
    """
    file = Path(path) if path else data_path("actors.yaml")
    return parse_actor_gazetteer(load_yaml(file, top_key="actors"), file)
