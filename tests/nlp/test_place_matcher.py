"""kg.nlp.place_matcher: the gazetteer's names in a text, before context decides."""

import pytest
import spacy

from kg.link.places import load_place_gazetteer
from kg.nlp.place_matcher import PlaceMatcher

SYRIA = "geonames-163843"
ALEPPO = "geonames-170063"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def found(blank):
    matcher = PlaceMatcher(blank.tokenizer, load_place_gazetteer())

    def run(text, ents=()):
        doc = blank(text)
        doc.ents = [doc.char_span(*e) for e in ents]
        return [(text[m.start_char : m.end_char], m.values) for m in matcher(doc)]

    return run


def test_geonames_names_match_only_where_capitalised(found):
    assert found("the hama road and Hama") == [("Hama", ("geonames-170017",))]


def test_curated_one_word_names_must_be_capitalised(found):
    assert found("shelling hit hass and Hass") == [("Hass", ("hass",))]


def test_curated_names_of_several_words_match_in_any_case(found):
    assert found("the turkish border town") == [("turkish border", ("turkish_syrian_border",))]


def test_the_longest_match_wins_an_overlap(found):
    assert found("Jets struck in northern Syria.") == [("northern Syria", ("northern_syria",))]


def test_matches_come_in_text_order(found):
    assert [t for t, _ in found("From Aleppo to Hama and then Raqqa")] == [
        "Aleppo",
        "Hama",
        "Raqqa",
    ]


def test_possessive_without_apostrophe_names_the_place(found):
    assert found("Aleppos east") == [("Aleppo", (ALEPPO,))]
    assert found("Syrias army") == [("Syria", (SYRIA,))]


def test_possessive_rule_leaves_organisations_and_double_s_alone(found):
    assert found("the Hamas movement") == [("Hama", ("geonames-170017",))]
    assert found("the Hamas movement", ents=[(4, 9, "ORG")]) == []  # the movement
    assert found("Homs") == [("Homs", ("geonames-169577",))]
    assert found("Homss") == []


def test_one_word_table_holds_countries_and_places_of_the_focus_country(blank):
    places = load_place_gazetteer()
    matcher = PlaceMatcher(blank.tokenizer, places)
    assert SYRIA in matcher.single["syria"]
    assert ALEPPO in matcher.single["aleppo"]
    assert all(
        places.places[k].kind == "country" or places.places[k].country == places.focus_country
        for keys in matcher.single.values()
        for k in keys
    )
    assert not any(" " in name or "-" in name for name in matcher.single)
