"""From an annotated Doc to an Extraction record (kg.extract.records)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kg.types import Article


@pytest.fixture(scope="module")
def extractor():
    from kg.worker import _extractor

    return _extractor()


def run(extractor, nlp, text, **article):
    return extractor.extract(Article(id="t", text=text, **article), nlp(text))


def test_places_carry_their_hierarchy(extractor, nlp):
    ex = run(extractor, nlp, "Regime forces shelled Douma on Monday.")
    douma = ex.places["geonames-170592"]
    # Douma's first-level unit and country come with it
    assert {p.kind for p in ex.places.values()} >= {"admin1", "country"}
    assert douma.key in {e.place for e in ex.events}


def test_the_lead_takes_the_article_date(extractor, nlp):
    text = "Shelling in Douma\n\nRegime forces shelled Douma.\n\nRebels shelled Aleppo on 3 May."
    ex = run(extractor, nlp, text, title="Shelling in Douma", date=dt.date(2017, 5, 10))
    dates = {e.place: e.date and e.date.value for e in ex.events}
    assert dates["geonames-170592"] == "2017-05-10"  # the lead: the day's news
    assert dates["geonames-170063"] == "2017-05-03"  # a date of its own


def test_the_record_is_frozen_and_complete(extractor, nlp):
    ex = run(extractor, nlp, "ISIS attacked Kobani. The attack killed 12 people.")
    (event,) = ex.events
    assert (event.type, event.agent, event.target, event.fatalities) == (
        "attack",
        "isis",
        "civilians",
        12,
    )
    assert len(event.triggers) == 2 and len(event.sentences) == 2
    assert {"isis", "civilians"} <= set(ex.actors)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.type = "other"  # type: ignore[misc]


def test_a_source_makes_the_event_reported(extractor, nlp):
    ex = run(extractor, nlp, "SANA said regime forces shelled Douma.")
    (event,) = ex.events
    assert event.sources == ("sana",) and event.modality == "reported"
