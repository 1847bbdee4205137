"""The outlet that published an article (kg.extract.publishers)."""

from __future__ import annotations

import pytest

from kg.extract.publishers import PublisherLinker


@pytest.fixture(scope="module")
def link(nlp):
    from kg.link.actors import load_actor_gazetteer

    return PublisherLinker(load_actor_gazetteer(), nlp.tokenizer)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Reuters", "reuters"),
        ("REUTERS", "reuters"),
        ("Reuters News Agency", "reuters"),  # contains a media alias
        ("sana", "sana"),
        ("REUTERS.", "reuters"),
    ],
)
def test_a_known_outlet(link, name, key):
    actor = link(name)
    assert (actor.key, actor.type) == (key, "media")


def test_an_unknown_outlet_becomes_a_new_media_actor(link):
    actor = link("The Qamishli Courier")
    assert actor.type == "media" and actor.label == "The Qamishli Courier"
