"""Support events from backing stated in the text (kg.extract.support)."""

from __future__ import annotations

import pytest

from kg.types import Article


@pytest.fixture(scope="module")
def extract(nlp):
    from kg.nlp.normalize import normalize_text
    from kg.worker import _extractor

    def run(text: str):
        text = normalize_text(text)
        return _extractor().extract(Article(id="t", text=text), nlp(text))

    return run


def support(extraction):
    return [(e.agent, e.target, e.place) for e in extraction.events if e.type == "support"]


def test_stated_backing_of_a_party_in_the_act(extract):
    ex = extract("Government forces, backed by Russian air power, retook Palmyra.")
    assert support(ex) == [("russian_forces", "syrian_government_forces", "geonames-163808")]
    (event,) = [e for e in ex.events if e.type == "support"]
    # the trigger is the backing word, in the act's sentence
    assert event.triggers[0].span.text == "backed"
    assert [s.text for s in event.sentences] == [
        "Government forces, backed by Russian air power, retook Palmyra."
    ]


def test_a_backed_act(extract):
    ex = extract(
        "Regime forces drove rebels from Aleppo in December with a Russian-backed offensive."
    )
    assert ("russian_forces", "syrian_government_forces") in [s[:2] for s in support(ex)]


def test_a_glued_backer_of_a_party_that_does_nothing_is_no_event(extract):
    ex = extract("US-backed rebels are active in the south.")
    assert support(ex) == []
