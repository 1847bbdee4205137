"""kg.nlp.place_fallbacks: places the gazetteer's own spellings miss."""

import pytest
import spacy
from spacy.tokens import Span

from kg.link.places import load_place_gazetteer
from kg.nlp.place_context import ArticleContext
from kg.nlp.place_fallbacks import add_fallbacks, borders_with, candidate_names, city_parts

ALEPPO = "geonames-170063"
IRAQ = "geonames-99237"
SYRIA = "geonames-163843"
HASIYA = "geonames-169557"
SYRIAN = ArticleContext(countries={"SY"}, focus="SY", home={"SY"})


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def places():
    return load_place_gazetteer()


def place(doc, word, key):
    """The span of the first token ``word``, labelled ``key``."""
    i = next(t.i for t in doc if t.text == word)
    return Span(doc, i, i + 1, label=key)


def spans(found):
    return [(s.text, s.label_) for s in found]


def test_directional_part_of_the_city_last_named(blank, places):
    doc = blank(
        "Rockets hit Aleppo. Rebels took the eastern part of the city and its western half."
    )
    found = city_parts(doc, [place(doc, "Aleppo", ALEPPO)], places)
    assert spans(found) == [("eastern part of the city", "eastern_aleppo")]
    doc = blank("Jets hit Aleppo. Shells fell in the citys western districts.")
    found = city_parts(doc, [place(doc, "Aleppo", ALEPPO)], places)
    assert spans(found) == [("citys western districts", "western_aleppo")]


def test_city_part_needs_a_city_named_before(blank, places):
    doc = blank("Rebels took the eastern part of the city. Jets hit Aleppo.")
    assert city_parts(doc, [place(doc, "Aleppo", ALEPPO)], places) == []
    doc = blank("Rebels took the eastern part of the country, Syria.")
    assert city_parts(doc, [place(doc, "Syria", SYRIA)], places) == []


def test_border_with_a_country_is_the_focus_countrys_border(blank, places):
    doc = blank("They fled to the border with Iraq.")
    iraq = place(doc, "Iraq", IRAQ)
    found = borders_with(doc, [iraq], places, "SY")
    assert spans(found) == [("border with Iraq", "syria_iraq_border")]
    assert borders_with(doc, [iraq], places, None) == []  # whose border: no focus
    doc = blank("They fled to the border with Syria.")
    assert borders_with(doc, [place(doc, "Syria", SYRIA)], places, "SY") == []
    doc = blank("They fled to the capital of Iraq.")
    assert borders_with(doc, [place(doc, "Iraq", IRAQ)], places, "SY") == []


def test_candidate_names_follow_a_place_cue_or_are_the_models_places(blank):
    doc = blank(
        "Jets hit the towns of Tal Minnis and the village of al-Bab, not the village of the"
    )
    assert [s.text for s in candidate_names(doc)] == ["Tal Minnis"]
    doc = blank("A bomb hit the village of Hassiya near Homs.")
    doc.ents = [Span(doc, 8, 9, label="GPE"), Span(doc, 0, 1, label="PERSON")]
    assert [s.text for s in candidate_names(doc)] == ["Homs", "Hassiya"]


def test_other_transliteration_of_a_candidate_name(blank, places):
    doc = blank("A bomb went off in the village of Hassiya south of Homs.")
    homs = place(doc, "Homs", "geonames-169577")
    found = add_fallbacks(doc, [homs], [], places, SYRIAN)
    assert spans(found) == [("Hassiya", HASIYA), ("Homs", "geonames-169577")]


def test_fallbacks_never_overlap_what_was_found_nor_skipped_text(blank, places):
    doc = blank("A bomb went off in the village of Hassiya.")
    actor = place(doc, "Hassiya", "some_actor")
    assert spans(add_fallbacks(doc, [], [actor], places, SYRIAN)) == []
    doc = blank("A bomb went off in the village of Hassiya.")
    doc._.kg_skip = ((0, len(doc.text)),)
    assert add_fallbacks(doc, [], [], places, SYRIAN) == []


def test_fallbacks_join_the_places_in_text_order(blank, places):
    doc = blank("Jets hit Aleppo and the border with Iraq; the eastern part of the city burned.")
    found = add_fallbacks(
        doc, [place(doc, "Aleppo", ALEPPO), place(doc, "Iraq", IRAQ)], [], places, SYRIAN
    )
    assert spans(found) == [
        ("Aleppo", ALEPPO),
        ("border with Iraq", "syria_iraq_border"),
        ("Iraq", IRAQ),
        ("eastern part of the city", "eastern_aleppo"),
    ]


def test_transliteration_only_in_the_articles_arabic_script_countries(blank, places):
    doc = blank("A bomb went off in the village of Hassiya south of Homs.")
    homs = place(doc, "Homs", "geonames-169577")
    ukrainian = ArticleContext(countries={"UA"}, focus="UA", home={"UA"})
    assert spans(add_fallbacks(doc, [homs], [], places, ukrainian)) == [("Homs", "geonames-169577")]
