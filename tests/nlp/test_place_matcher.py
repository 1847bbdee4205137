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


def first(found):
    """Each match's text and its candidates."""
    return [(text, set(keys)) for text, keys in found]


def test_index_names_match_only_where_capitalised(found):
    [(text, keys)] = first(found("the hama road and Hama"))
    assert text == "Hama" and "geonames-170017" in keys


def test_curated_one_word_names_must_be_capitalised(found):
    assert found("shelling hit hass and Hass") == [("Hass", ("hass",))]


def test_curated_names_of_several_words_match_in_any_case(found):
    assert found("the turkish border town") == [("turkish border", ("turkish_syrian_border",))]


def test_the_longest_match_wins_an_overlap(found):
    assert found("Jets struck in northern Syria.") == [("northern Syria", ("northern_syria",))]


def test_matches_come_in_text_order(found):
    assert [t for t, _ in found("Jets flew from Aleppo to Hama and then Raqqa")] == [
        "Aleppo",
        "Hama",
        "Raqqa",
    ]


def test_names_of_every_country_are_looked_up(found):
    [(kabul, keys)] = first(found("Fighting in Kabul"))
    assert "geonames-1138958" in keys  # Kabul, Afghanistan (and its namesakes)
    texts = [t for t, _ in found("Shells hit Kramatorsk and Deir ez-Zor and al-Bab")]
    assert texts == ["Kramatorsk", "Deir ez-Zor", "al-Bab"]


def test_possessive_without_apostrophe_names_the_place(found):
    [(text, keys)] = first(found("Aleppos east"))
    assert text == "Aleppo" and ALEPPO in keys
    assert found("Syrias army") == [("Syria", (SYRIA,))]


def test_possessive_rule_leaves_organisations_and_double_s_alone(found):
    assert found("the Hamas movement", ents=[(4, 9, "ORG")]) == []  # the movement
    [(text, keys)] = first(found("Homs"))
    assert text == "Homs" and "geonames-169577" in keys
    assert found("Homss") == []


def test_dateline_in_capitals_names_its_city(found):
    [(text, keys)] = first(found("MOSCOW (Sputnik) An explosion hit ISIS (Daesh) positions."))
    assert text == "MOSCOW" and "geonames-524901" in keys
