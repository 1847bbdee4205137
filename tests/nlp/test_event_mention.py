"""The per-doc index the event readers share (kg.nlp.event_mention)."""

from __future__ import annotations

from kg.nlp.event_mention import Arg, DocIndex


def test_the_index_maps_every_token_of_a_mention(annotate):
    doc = annotate("Syrian government forces shelled Douma on Monday.")
    ix = DocIndex.of(doc)
    forces = next(s for s in doc.spans["kg_actors"] if s.label_ == "syrian_government_forces")
    assert all(ix.actor_at[i] == forces for i in range(forces.start, forces.end))
    douma = next(s for s in doc.spans["kg_places"])
    assert ix.place_at[douma.start] == douma
    assert [d.text for d in ix.dates_in_sentence[0]] == ["Monday"]
    assert ix.places_in_sentence[0] == [douma]
    trigger = doc.spans["kg_triggers"][0]
    assert ix.trigger_at[trigger.start] == trigger
    assert ix.actors() == [forces]


def test_a_place_in_parentheses_is_an_aside(annotate):
    doc = annotate("Russian jets bombed Idlib (near Aleppo) on Friday.")
    ix = DocIndex.of(doc)
    named = {s.text for s in doc.spans["kg_places"]}
    assert {"Idlib", "Aleppo"} <= named
    assert {s.text for s in ix.place_at.values()} == {"Idlib"}


def test_an_arg_keeps_the_span_it_was_read_from(annotate):
    doc = annotate("ISIS attacked Kobani.")
    span = doc.spans["kg_actors"][0]
    assert Arg.of(span) == Arg("isis", span.start_char, span.end_char)


def test_building_the_index_leaves_the_component_stateless(nlp, annotate):
    roles = nlp.get_pipe("kg_event_roles")
    before = dict(vars(roles))
    annotate("Regime forces shelled Douma, killing 31 civilians.")
    assert vars(roles) == before
