"""Mentions that tell no event, and events that are summaries (kg.nlp.event_filter)."""

from __future__ import annotations

import pytest

from kg.nlp.event_coref import EventGroup
from kg.nlp.event_filter import EventFilter


@pytest.fixture(scope="module")
def keep():
    from kg.link.places import load_place_gazetteer
    from kg.nlp.rules import load_rules

    return EventFilter(load_rules(), load_place_gazetteer())


def told(keep, doc):
    return [keep.told_as_event(m) for m in doc._.kg_events]


@pytest.mark.parametrize(
    "text",
    [
        "The coalition is conducting air strikes in Raqqa.",  # what usually happens
        "Syrian rebels regularly shell Aleppo.",  # a frequency adverb
        "The rebels said their goal was to seize Aleppo.",  # an aim
    ],
)
def test_no_event_is_told(keep, annotate, text):
    assert not any(told(keep, annotate(text)))


def test_an_aim_beside_an_act(keep, annotate):
    doc = annotate("Rebels launched an offensive aimed at recapturing Palmyra.")
    assert dict(zip([m.type for m in doc._.kg_events], told(keep, doc), strict=True)) == {
        "advance": True,
        "territory_change": False,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled Douma on Monday.",
        "Regime forces have shelled Douma.",  # the present perfect tells a past event
    ],
)
def test_acts_are_told(keep, annotate, text):
    assert all(told(keep, annotate(text)))


def test_a_toll_of_the_war_is_a_summary(keep, annotate):
    doc = annotate("300,000 people have been killed in Syria since the war began.")
    (mention,) = doc._.kg_events
    assert keep.background(mention)
    assert keep.generic(EventGroup("killing", target="civilians", mentions=[mention]))


def test_an_act_at_a_town_is_no_summary(keep, annotate):
    doc = annotate("Regime forces shelled Douma on Monday.")
    (mention,) = doc._.kg_events
    group = EventGroup("shelling", "syrian_government_forces", None, "geonames-170592", [mention])
    assert not keep.generic(group)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # One past happening at a name the gazetteer lacks: an event.
        ("An unidentified IED exploded in al Mahsura area, injuring two workers.", True),
        ("Two fishermen were injured by an IED explosion in al-Muthanna area.", True),
        # A summary: no time, no party, no place named.
        ("Many people have been killed in the fighting.", False),
        ("An IED exploded, injuring two workers.", False),
        # The name is deeper in the clause: not where the flight happened.
        ("Families fled from the edges of a battle raging in the town of Qaryatayn.", False),
    ],
)
def test_a_past_happening_at_an_unknown_name_is_an_event(annotate, text, event):
    from kg.nlp.event_coref import past_at_a_named_place

    assert any(past_at_a_named_place(m) for m in annotate(text)._.kg_events) is event
