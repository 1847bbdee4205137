"""Named organisations the gazetteer lacks become new actors."""

import pytest


def new_actors(doc):
    return {(a.label, a.type) for a in doc._.kg_new_actors.values()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Northern Storm Brigade shelled the village.",
            ("Northern Storm Brigade", "armed_opposition"),
        ),
        ("Syrian National Television showed the ruins.", ("Syrian National Television", "media")),
        (
            "The Idlib Health Directorate said 20 people were killed.",
            ("Idlib Health Directorate", "government"),
        ),
    ],
)
def test_named_organisations_become_typed_actors(annotate, text, expected):
    assert expected in new_actors(annotate(text))


def test_new_actor_is_a_mention_and_can_act(annotate):
    doc = annotate("The Northern Storm Brigade shelled the village of Tal Rifaat.")
    keys = [s.label_ for s in doc.spans["kg_actors"]]
    assert "northern_storm_brigade" in keys
    assert [e.agent.key for e in doc._.kg_events if e.agent] == ["northern_storm_brigade"]


def test_known_actors_and_places_are_not_new(annotate):
    doc = annotate("The Syrian Observatory for Human Rights said jets struck Aleppo.")
    assert new_actors(doc) == set()


def test_possessive_without_apostrophe_is_the_known_actor(annotate):
    doc = annotate("Al-Qaedas Syrian affiliate attacked the town.")
    assert new_actors(doc) == set()


def test_one_node_whatever_the_capitalisation(annotate):
    a = annotate("The Northern Storm Brigade shelled the village.")
    b = annotate("Fighters of the NORTHERN STORM BRIGADE shelled the village.")
    assert set(a._.kg_new_actors) & set(b._.kg_new_actors) == {"northern_storm_brigade"}


def test_places_are_not_an_organisation(annotate):
    doc = annotate("KHAN Sheikhun Syria (Reuters) - Jets struck the town on Tuesday.")
    assert not any("khan" in key for key in doc._.kg_new_actors)
