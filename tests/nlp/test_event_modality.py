"""How sure, and how many (kg.nlp.event_modality)."""

from __future__ import annotations

import pytest

from kg.nlp.event_mention import EventMention
from kg.nlp.event_modality import fatalities, modality
from kg.nlp.rules import load_rules


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("ISIS fighters tried to capture Palmyra.", "capture", "attempted"),
        ("Syrian government forces denied shelling Douma.", "shelling", "denied"),
        ("Rebels did not shell Douma.", "shell", "denied"),
        ("Rebels carried out an alleged attack on Douma.", "attack", "alleged"),
        # a reporting adverb: someone says so
        ("Rebels reportedly shelled Douma.", "shelled", "reported"),
        ("Rebels shelled Douma.", "shelled", "asserted"),
    ],
)
def test_modality_from_the_governing_words(annotate, text, word, expected):
    doc = annotate(text)
    head = next(t for t in doc if t.text == word)
    event = EventMention(trigger=doc[head.i : head.i + 1], type="shelling")
    assert modality(head, event, load_rules()) == expected


def test_a_source_makes_it_reported(annotate):
    doc = annotate("Regime forces said they killed 10 rebels in Homs.")
    (event,) = doc._.kg_events
    assert event.sources and event.modality == "reported"


@pytest.mark.parametrize(
    ("text", "word", "number"),
    [
        ("Regime forces shelled Douma, killing 31 civilians.", "killing", 31),
        ("Three rebels were killed in Homs.", "killed", 3),
        ("The death toll rose to 112 in Aleppo.", "toll", 112),
        ("Rebels were killed in Homs.", "killed", None),
    ],
)
def test_the_number_killed(annotate, text, word, number):
    doc = annotate(text)
    head = next(t for t in doc if t.text == word)
    assert fatalities(head) == number
