"""The actor gazetteer: canonical actors, their types and every alias outlets use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from kg._util.text import slugify
from kg._util.yaml import load_yaml, require
from kg.errors import DataError
from kg.link.countries import Country, load_countries
from kg.link.state_actors import add_state_actors
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
    hedge_words: frozenset[str] = frozenset()
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


_QID = re.compile(r"Q[1-9]\d*")


def _entry_fields(entry: dict, key: str, path: Path, countries: dict[str, Country]) -> dict:
    """The optional fields of an entry, checked: Wikidata id, country, ACLED inter code."""
    wikidata = entry.get("wikidata") or None
    if wikidata is not None and not _QID.fullmatch(str(wikidata)):
        raise DataError(f"{path}: actor '{key}' has Wikidata id '{wikidata}'", hint="use Q<digits>")
    country = entry.get("country") or None
    if country is not None and countries and country not in countries:
        raise DataError(
            f"{path}: actor '{key}' has country '{country}'",
            hint="use an ISO 3166-1 alpha-2 code of data/countries.csv",
        )
    inter = entry.get("acled_inter")
    if inter is not None and inter not in range(1, 9):
        raise DataError(f"{path}: actor '{key}' has ACLED inter code '{inter}'", hint="use 1-8")
    return {"wikidata": wikidata, "country": country, "acled_inter": inter}


def parse_actor_gazetteer(
    data: dict,
    path: Path,
    more: Sequence[tuple[dict, Path]] = (),
    countries: dict[str, Country] | None = None,
) -> ActorGazetteer:
    """Build an :class:`ActorGazetteer` from the parsed YAML of ``actors.yaml`` and of
    ``more`` files of the same shape (``data/actors/*.yaml``, whose ``descriptors`` use
    the noun lists of ``actors.yaml``), then add every state of ``countries``
    (:func:`kg.link.state_actors.add_state_actors`). Ids are unique across the files."""
    countries = countries or {}
    files = [(data, path), *more]
    actors: dict[str, ActorRef] = {}
    aliases: dict[str, list[str]] = {}
    metonyms: dict[str, str] = {}
    for file_data, file in files:
        for index, entry in enumerate(file_data.get("actors") or []):
            key = str(require(entry, "id", file, index))
            name = str(require(entry, "name", file, index))
            type_ = str(require(entry, "type", file, index))
            if type_ not in ACTOR_TYPES:
                raise DataError(f"{file}: actor '{key}' has unknown type '{type_}'")
            if key in actors:
                raise DataError(f"{file}: actor id '{key}' is used twice")
            names = list(dict.fromkeys([name, *_str_list(entry.get("aliases"))]))
            actors[key] = ActorRef(
                key=key,
                label=name,
                type=type_,
                aliases=tuple(n for n in names if n != name),
                backed_by=tuple(_str_list(entry.get("backed_by"))),
                forces=entry.get("forces") or None,
                side=_side(entry.get("side"), key, file),
                curated=True,
                **_entry_fields(entry, key, file, countries),
            )
            for alias in names:
                aliases.setdefault(alias, [])
                if key not in aliases[alias]:
                    aliases[alias].append(key)
            for metonym in _str_list(entry.get("metonyms")):
                metonyms[metonym] = key

    modifiers: dict[str, str] = {}
    descriptors = data.get("descriptors") or {}
    noun_lists: dict[str, list[str]] = {
        k: _str_list(v) for k, v in (descriptors.get("nouns") or {}).items()
    }
    for file_data, file in files:
        rules = (file_data.get("descriptors") or {}).get("modifiers") or []
        for index, rule in enumerate(rules):
            key = str(require(rule, "actor", file, index))
            if key not in actors:
                raise DataError(f"{file}: descriptor {index} names unknown actor '{key}'")
            nouns = [n for group in _str_list(rule.get("nouns")) for n in noun_lists.get(group, [])]
            for word in _str_list(rule.get("words")):
                modifiers.setdefault(word, key)
                for noun in nouns:
                    phrase = f"{word} {noun}"
                    aliases.setdefault(phrase, [])
                    if key not in aliases[phrase]:
                        aliases[phrase].append(key)
    add_state_actors(actors, aliases, modifiers, countries.values(), noun_lists, metonyms)
    for key, actor in actors.items():
        if actor.forces and actor.forces not in actors:
            raise DataError(
                f"{path} (or data/actors/): actor '{key}' names unknown forces '{actor.forces}'"
            )
        for backer in actor.backed_by:
            if backer not in actors:
                raise DataError(
                    f"{path} (or data/actors/): actor '{key}' is backed_by unknown actor '{backer}'"
                )
    backing = frozenset(w.lower() for w in _str_list(data.get("backing_words")))
    new_rules = data.get("new_actors") or {}
    for section in ("context_words", "name_words"):
        for type_ in new_rules.get(section) or {}:
            if type_ not in ACTOR_TYPES:
                raise DataError(f"{path}: new_actors.{section}: unknown actor type '{type_}'")
    hedges = frozenset(w.lower() for w in _str_list(data.get("hedge_words")))
    gazetteer = ActorGazetteer(actors, aliases, metonyms, modifiers, backing, path, hedges)
    gazetteer.new_actor_rules = new_rules
    return gazetteer


def actor_files(path: Path) -> list[Path]:
    """The conflict files read with the gazetteer ``path``: ``actors/*.yaml`` beside it."""
    folder = path.parent / path.stem
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


@cache
def load_actor_gazetteer(path: str | None = None) -> ActorGazetteer:
    """Load ``data/actors.yaml`` (or ``path``), the conflict files of ``data/actors/``
    (the folder named like the file, beside it) and the states of ``data/countries.csv``;
    cached per process.

    >>> gaz = load_actor_gazetteer()
    >>> gaz.get("isis").type
    'jihadist_group'
    """
    file = Path(path) if path else data_path("actors.yaml")
    more = [(load_yaml(f, top_key="actors"), f) for f in actor_files(file)]
    return parse_actor_gazetteer(load_yaml(file, top_key="actors"), file, more, load_countries())
