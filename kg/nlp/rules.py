"""The extraction rules kept as data: ``data/triggers.yaml`` and ``data/text_rules.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg._util.yaml import load_text_rules, load_yaml
from kg.errors import DataError
from kg.ontology.vocab import EVENT_TYPES, MODALITIES, event_types_under
from kg.resources import data_path

# Groupings of the event types that the extractor's rules refer to, from the ontology's
# hierarchy (ontology/conflict.ttl).
#: acts of armed violence, which a stated death can be the toll of
VIOLENT_TYPES = event_types_under("armed_violence")
#: event types that can kill: a death stated inside one of them is its fatalities
LETHAL_TYPES = event_types_under("lethal_violence")


@dataclass(frozen=True)
class TriggerWord:
    lemmas: str  # space-separated lemmas
    pos: str | None  # "VERB" | "NOUN" | None
    type: str


@dataclass(frozen=True)
class Rules:
    """Every rule the extractor reads from ``data/``."""

    triggers: tuple[TriggerWord, ...]
    air_words: frozenset[str]
    air_actor_types: frozenset[str]
    light_verbs: frozenset[str]
    gerund_prepositions: frozenset[str]
    needs_place_object: frozenset[str]
    needs_people_subject: frozenset[str]
    people_nouns: frozenset[str]
    place_nouns: frozenset[str]
    modality_governors: dict[str, frozenset[str]]
    modality_modifiers: dict[str, frozenset[str]]
    reported_adverbs: frozenset[str]
    reporting_verbs: frozenset[str]
    source_person_nouns: frozenset[str]
    victim_nouns: frozenset[str]
    party_nouns: frozenset[str]
    needs_a_place: frozenset[str]
    unnamed_party_actors: frozenset[str]
    civilian_victim_nouns: frozenset[str]
    background_verbs: frozenset[str]
    background_subjects: frozenset[str]
    death_words: frozenset[str]
    habitual_adverbs: frozenset[str]
    habitual_exempt: frozenset[str]
    purpose_exempt_governors: frozenset[str]
    purpose_exempt_types: frozenset[str]
    combat_kill_verbs: frozenset[str]
    generic_attack_words: frozenset[str]
    flight_verbs: frozenset[str]
    unspecified_killing_words: frozenset[str]
    armed_actor_types: frozenset[str]
    skip_line_patterns: tuple[re.Pattern[str], ...]
    publisher_line_patterns: tuple[re.Pattern[str], ...]
    piece_synonyms: dict[str, str]
    abbreviations: frozenset[str]


def _words(data: dict, key: str, path: Path) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list):
        raise DataError(f"{path}: '{key}' must be a list of words")
    return frozenset(str(v).lower() for v in value)


def _patterns(data: dict, key: str, path: Path) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key) or [])
    except re.error as exc:
        raise DataError(f"{path}: bad regular expression in '{key}': {exc}") from None


@cache
def load_rules(triggers_path: str | None = None, text_rules_path: str | None = None) -> Rules:
    """Load and check the rule files (cached per process)."""
    tpath = Path(triggers_path) if triggers_path else data_path("triggers.yaml")
    rpath = Path(text_rules_path) if text_rules_path else data_path("text_rules.yaml")
    tdata = load_yaml(tpath, top_key="types")
    rdata = load_text_rules(text_rules_path)
    triggers = []
    for type_, words in tdata["types"].items():
        if type_ not in EVENT_TYPES:
            raise DataError(f"{tpath}: unknown event type '{type_}'")
        for word in words:
            text, _, pos = str(word).partition("/")
            if pos and pos not in ("VERB", "NOUN"):
                raise DataError(f"{tpath}: '{word}': the part of speech must be VERB or NOUN")
            triggers.append(TriggerWord(text.lower(), pos or None, type_))
    for key in ("purpose_exempt_types", "needs_a_place"):
        if unknown := set(tdata.get(key) or ()) - EVENT_TYPES:
            raise DataError(f"{tpath}: {key}: {sorted(unknown)} are no event types")
    modality = tdata.get("modality") or {}
    for name in modality:
        if name not in MODALITIES:
            raise DataError(f"{tpath}: unknown modality '{name}'")
    return Rules(
        triggers=tuple(triggers),
        air_words=_words(tdata, "air_words", tpath),
        air_actor_types=_words(tdata, "air_actor_types", tpath),
        light_verbs=_words(tdata, "light_verbs", tpath),
        gerund_prepositions=_words(tdata, "gerund_prepositions", tpath),
        needs_place_object=_words(tdata, "needs_place_object", tpath),
        needs_people_subject=_words(tdata, "needs_people_subject", tpath),
        people_nouns=_words(tdata, "people_nouns", tpath),
        place_nouns=_words(tdata, "place_nouns", tpath),
        modality_governors={k: frozenset(v.get("governors") or []) for k, v in modality.items()},
        modality_modifiers={k: frozenset(v.get("modifiers") or []) for k, v in modality.items()},
        reported_adverbs=frozenset((modality.get("reported") or {}).get("adverbs") or []),
        reporting_verbs=_words(tdata, "reporting_verbs", tpath),
        source_person_nouns=_words(tdata, "source_person_nouns", tpath),
        victim_nouns=_words(tdata, "victim_nouns", tpath),
        needs_a_place=frozenset(tdata.get("needs_a_place") or ()),
        unnamed_party_actors=_words(tdata, "unnamed_party_actors", tpath),
        party_nouns=_words(tdata, "party_nouns", tpath),
        civilian_victim_nouns=_words(tdata, "civilian_victim_nouns", tpath),
        background_verbs=_words(tdata.get("background") or {}, "verbs", tpath),
        background_subjects=_words(tdata.get("background") or {}, "subjects", tpath),
        death_words=_words(tdata, "death_words", tpath),
        habitual_adverbs=_words(tdata.get("habitual") or {}, "adverbs", tpath),
        habitual_exempt=_words(tdata.get("habitual") or {}, "exempt", tpath),
        purpose_exempt_governors=_words(tdata, "purpose_exempt_governors", tpath),
        purpose_exempt_types=frozenset(tdata.get("purpose_exempt_types") or ()),
        combat_kill_verbs=_words(tdata, "combat_kill_verbs", tpath),
        generic_attack_words=_words(tdata, "generic_attack_words", tpath),
        flight_verbs=_words(tdata, "flight_verbs", tpath),
        unspecified_killing_words=_words(tdata, "unspecified_killing_words", tpath),
        armed_actor_types=_words(tdata, "armed_actor_types", tpath),
        skip_line_patterns=_patterns(rdata, "skip_line_patterns", rpath),
        publisher_line_patterns=_patterns(rdata, "publisher_line_patterns", rpath),
        piece_synonyms={str(k): str(v) for k, v in (rdata.get("piece_synonyms") or {}).items()},
        abbreviations=_words(rdata, "abbreviations", rpath),
    )
