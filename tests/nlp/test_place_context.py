"""kg.nlp.place_context: whether a matched place name is a place where it stands, and which.

The docs are built by hand with the parse each rule reads, so a test fails only when its
rule changes, not when the model parses a sentence differently."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.link.actors import load_actor_gazetteer
from kg.link.places import load_place_gazetteer
from kg.nlp.matcher import Match
from kg.nlp.place_context import article_context, is_locative, place_wins, reconsider

SYRIA = "geonames-163843"
RUSSIA = "geonames-2017370"
IRAQ = "geonames-99237"


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def places():
    return load_place_gazetteer()


def parsed(vocab, words, heads, deps, tags=None):
    """A doc with the given parse (``heads`` as absolute token indices)."""
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags or ["NN"] * len(words))


def test_locative_preposition_before_modifiers(vocab):
    doc = parsed(
        vocab,
        ["Jets", "flew", "in", "neighbouring", "Iraq"],
        [1, 1, 1, 4, 2],
        ["nsubj", "ROOT", "prep", "amod", "pobj"],
        ["NNS", "VBD", "IN", "VBG", "NNP"],
    )
    assert is_locative(Span(doc, 4, 5))
    doc = parsed(
        vocab,
        ["Jets", "flew", "over", "neighbouring", "Iraq"],
        [1, 1, 1, 4, 2],
        ["nsubj", "ROOT", "prep", "amod", "pobj"],
        ["NNS", "VBD", "IN", "NN", "NNP"],  # a noun in between: the parse decides
    )
    assert is_locative(Span(doc, 4, 5))


def test_conjoined_country_takes_the_preposition_of_its_phrase(vocab):
    words = ["a", "deal", "between", "Russia", "and", "Iran"]
    heads = [1, 1, 1, 2, 3, 3]
    deps = ["det", "ROOT", "prep", "pobj", "cc", "conj"]
    doc = parsed(vocab, words, heads, deps)
    assert not is_locative(Span(doc, 3, 4))
    assert not is_locative(Span(doc, 5, 6))
    doc = parsed(vocab, ["strikes", "in", "Syria", "and", "Iraq"], [0, 0, 1, 2, 2],
                 ["ROOT", "prep", "pobj", "cc", "conj"])  # fmt: skip
    assert is_locative(Span(doc, 4, 5))


def test_border_with_a_country_is_locative(vocab):
    heads, deps = [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"]
    assert is_locative(Span(parsed(vocab, ["the", "border", "with", "Iraq"], heads, deps), 3, 4))
    assert not is_locative(Span(parsed(vocab, ["a", "deal", "with", "Iraq"], heads, deps), 3, 4))


def test_foreign_country_outside_a_locative_phrase_is_no_place(vocab, places):
    doc = parsed(vocab, ["Russia", "agreed"], [1, 1], ["nsubj", "ROOT"])
    assert reconsider(Span(doc, 0, 1), RUSSIA, [], places) is None
    # The focus country (the one the article is about) is a place wherever it stands.
    doc = parsed(vocab, ["Syria", "agreed"], [1, 1], ["nsubj", "ROOT"])
    assert reconsider(Span(doc, 0, 1), SYRIA, [], places, "SY") == SYRIA
    assert reconsider(Span(doc, 0, 1), SYRIA, [], places) is None


def test_border_as_modifier_of_a_settlement_is_no_place(vocab, places):
    words = ["the", "Turkish", "border", "town", "of", "Kilis"]
    doc = parsed(
        vocab, words, [3, 2, 3, 3, 3, 4], ["det", "amod", "compound", "ROOT", "prep", "pobj"]
    )
    assert reconsider(Span(doc, 1, 3), "turkish_syrian_border", [], places) is None
    words = ["the", "Turkish", "border", "crossing"]
    doc = parsed(vocab, words, [3, 2, 3, 3], ["det", "amod", "compound", "ROOT"])
    assert reconsider(Span(doc, 1, 3), "turkish_syrian_border", [], places) == (
        "turkish_syrian_border"
    )


def test_region_that_locates_a_settlement_names_the_country(vocab, places):
    words = ["the", "town", "of", "Azaz", "in", "northern", "Syria"]
    heads = [1, 1, 1, 2, 1, 6, 4]
    deps = ["det", "ROOT", "prep", "pobj", "prep", "amod", "pobj"]
    doc = parsed(vocab, words, heads, deps)
    assert reconsider(Span(doc, 5, 7), "northern_syria", [], places) == SYRIA
    # ... or a place found before it: "Azaz in northern Syria".
    heads = [1, 1, 1, 2, 3, 6, 4]
    doc = parsed(vocab, words, heads, deps)
    azaz = Span(doc, 3, 4, label="azaz")
    assert reconsider(Span(doc, 5, 7), "northern_syria", [azaz], places) == SYRIA
    assert reconsider(Span(doc, 5, 7), "northern_syria", [], places) == "northern_syria"
    doc = parsed(vocab, ["strikes", "in", "northern", "Syria"], [0, 0, 3, 1],
                 ["ROOT", "prep", "amod", "pobj"])  # fmt: skip
    assert reconsider(Span(doc, 2, 4), "northern_syria", [], places) == "northern_syria"


def test_country_named_as_subject_is_an_actor_elsewhere_a_place(vocab, places):
    actors = load_actor_gazetteer()
    doc = parsed(vocab, ["Russia", "agreed"], [1, 1], ["nsubj", "ROOT"])
    span = Span(doc, 0, 1, label="russia")
    assert not place_wins(span, span, RUSSIA, places, actors)
    doc = parsed(vocab, ["jets", "flew", "over", "Russia"], [1, 1, 1, 2],
                 ["nsubj", "ROOT", "prep", "pobj"])  # fmt: skip
    span = Span(doc, 3, 4, label="russia")
    assert place_wins(span, span, RUSSIA, places, actors)
    # A site is never its government: the actor keeps it.
    assert not place_wins(span, span, "turkish_syrian_border", places, actors)


def test_longer_mention_wins_an_overlap_of_different_extent(vocab, places):
    actors = load_actor_gazetteer()
    doc = parsed(vocab, ["the", "Iraqi", "border"], [2, 2, 2], ["det", "amod", "ROOT"])
    place, actor = Span(doc, 1, 3), Span(doc, 1, 2, label="iraq")
    assert place_wins(place, actor, "syria_iraq_border", places, actors)
    assert not place_wins(Span(doc, 1, 2), Span(doc, 1, 3), IRAQ, places, actors)


def _match(*keys):
    return Match(0, 1, 0, 1, keys, "x")


def test_article_context_holds_only_unambiguous_places(places):
    aleppo = _match("geonames-170063")
    countries, governorates = article_context([aleppo], places)
    assert (countries, governorates) == ({"SY"}, {"aleppo_governorate"})
    # Two Jibrins, both Syrian: the country counts, their governorates do not.
    assert article_context([_match("jibrin", "jibrin_hama")], places) == ({"SY"}, set())
    # Two Cubas in two countries: neither counts.
    assert article_context([_match("geonames-3562981", "geonames-324947")], places) == (
        set(),
        set(),
    )
