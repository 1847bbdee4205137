"""One event told several times in an article (kg.nlp.event_coref)."""

from __future__ import annotations

import pytest

from kg.nlp.event_coref import EventCoref, EventGroup, absorb_killings, inherit_agents


@pytest.fixture(scope="module")
def coref():
    from kg.link.actors import load_actor_gazetteer
    from kg.link.places import load_place_gazetteer
    from kg.nlp.event_type import EventTyper, load_type_rules
    from kg.nlp.rules import load_rules

    rules = load_rules()
    typer = EventTyper(rules, load_actor_gazetteer(), load_type_rules())
    return EventCoref(rules, load_place_gazetteer(), typer)


def groups(coref, doc):
    return coref.group(list(doc._.kg_events), [])


def test_a_definite_retelling_joins_the_event(coref, annotate):
    doc = annotate("ISIS attacked Kobani. The attack killed 12 people.")
    (group,) = groups(coref, doc)
    assert (group.type, group.agent, group.target) == ("attack", "isis", "civilians")
    assert len(group.mentions) == 2


def test_another_starts_a_new_event(coref, annotate):
    doc = annotate("ISIS attacked Kobani. Another attack hit Raqqa.")
    assert len(groups(coref, doc)) == 2


def test_one_bombardment_told_with_several_words_is_one_event(coref, annotate):
    doc = annotate("Heavy artillery fire and air strikes on Douma have killed 66.")
    (group,) = groups(coref, doc)
    # the most specific kind of the bombardment names it
    assert group.type == "airstrike"


def test_parties_that_contradict_are_two_events(coref, annotate):
    doc = annotate("ISIS shelled Kobani. Syrian rebels shelled Kobani.")
    assert {g.agent for g in groups(coref, doc)} == {"isis", "syrian_rebels"}


def test_a_killing_inside_a_strike_is_its_toll(annotate):
    doc = annotate("Regime forces shelled Douma, killing 31 civilians.")
    (event,) = doc._.kg_events  # the component already folded the killing in
    assert (event.type, event.fatalities) == ("shelling", 31)


def test_a_killing_with_no_host_stays_an_event(annotate):
    doc = annotate("Three rebels were killed in Homs.")
    kept = absorb_killings(list(doc._.kg_events))
    assert [m.type for m in kept] == ["killing"]


def test_strikes_inherit_the_agent_of_the_article_s_strikes_of_their_kind():
    named = EventGroup("airstrike", agent="russian_forces")
    unnamed = EventGroup("airstrike", target="civilians")
    other_kind = EventGroup("shelling")
    inherit_agents([named, unnamed, other_kind])
    assert unnamed.agent == "russian_forces"
    assert other_kind.agent is None
    # the party is never its own victim
    self_target = EventGroup("airstrike", target="russian_forces")
    inherit_agents([named, self_target])
    assert self_target.agent is None
