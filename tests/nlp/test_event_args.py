"""Agent, target, place and date from the parse (kg.nlp.event_args)."""

from __future__ import annotations

import pytest

from kg.nlp.event_args import preps_of, subject_of


def roles(doc):
    return [
        (e.type, e.agent and e.agent.key, e.target and e.target.key, e.place and e.place.key)
        for e in doc._.kg_events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject acts, the object suffers
        (
            "Regime forces shelled Douma, killing 31 civilians.",
            ("shelling", "syrian_government_forces", "civilians", "geonames-170592"),
        ),
        # a passive sentence: the "by" phrase acts
        (
            "The Syrian army was attacked by ISIS in Deir ez-Zor.",
            ("attack", "isis", "syrian_government_forces", "geonames-170794"),
        ),
        # "from X" of a capture: X lost the ground
        (
            "Government forces captured Palmyra from ISIS.",
            ("territory_change", "syrian_government_forces", "isis", "geonames-163808"),
        ),
        # a noun trigger: its modifier acts, "on X" suffers
        (
            "Coalition strikes on ISIS in Raqqa killed 12.",
            ("airstrike", "us_led_coalition", "isis", "geonames-172955"),
        ),
        # "X fell to Y": the place is the subject, Y took it
        (
            "Aleppo fell to the regime in December.",
            ("territory_change", "syrian_government_forces", None, "geonames-170063"),
        ),
    ],
)
def test_roles_from_the_parse(annotate, text, expected):
    assert expected in roles(annotate(text))


def test_the_date_in_the_clause(annotate):
    (event,) = annotate("Aleppo fell to the regime in December.")._.kg_events
    assert event.date is not None and event.date.text == "December"


def test_prepositions_and_subjects_of_a_verb(annotate):
    doc = annotate("ISIS fighters tried to capture Palmyra from the army.")
    capture = next(t for t in doc if t.lemma_ == "capture")
    # the subject of "tried" is the subject of the verb it completes
    assert subject_of(capture).text == "fighters"
    assert [(p.text, o.text) for p, o in preps_of(capture, frozenset({"from"}))] == [
        ("from", "army")
    ]
    assert list(preps_of(capture, frozenset({"in"}))) == []


def test_an_event_in_a_place_inside_another_happened_in_the_inner_one(annotate):
    """ "in Al-Midan neighbourhood in Damascus": Damascus holds Al-Midan, the event's place."""
    doc = annotate("The Syrian army clashed against IS in Al-Midan neighbourhood in Damascus.")
    assert [e.place.key for e in doc._.kg_events if e.place] == ["midan_damascus"]
