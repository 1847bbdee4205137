import pytest

from kg.nlp.matcher import PieceMatcher, alias_variants, is_case_sensitive, split_pieces


@pytest.fixture(scope="module")
def matcher(nlp):
    m = PieceMatcher(nlp.tokenizer, {"govt": "government"})
    m.add("U.S.-led coalition", "coalition")
    m.add("US", "usa")
    m.add("pro-Syrian government forces", "pgm")
    m.add("Assad's forces", "sgf")
    m.add("WHO", "who")
    return m


def values(matcher, nlp, text):
    return [(text[m.start_char : m.end_char], m.values[0]) for m in matcher(nlp.make_doc(text))]


@pytest.mark.parametrize(
    "text",
    ["the U.S.-led coalition said", "the US-led coalition said", "the US led coalition said"],
)
def test_spellings_of_one_name_match(matcher, nlp, text):
    assert [v for _, v in values(matcher, nlp, text)] == ["coalition"]


def test_quotes_inside_a_phrase_are_ignored(matcher, nlp):
    found = values(matcher, nlp, "strikes hit 'pro-Syrian' government forces")
    assert found == [("pro-Syrian' government forces", "pgm")]


def test_synonyms_and_curly_apostrophes(matcher, nlp):
    assert values(matcher, nlp, "pro-Syrian Govt. forces")[0][1] == "pgm"
    assert values(matcher, nlp, "Assad’s forces advanced")[0][1] == "sgf"


def test_capitalised_patterns_are_case_sensitive(matcher, nlp):
    assert values(matcher, nlp, "who told us") == []
    assert [v for _, v in values(matcher, nlp, "the WHO told the US")] == ["who", "usa"]


def test_longest_match_wins(matcher, nlp):
    assert [v for _, v in values(matcher, nlp, "U.S.-led coalition")] == ["coalition"]


def test_helpers():
    assert [p for p, _, _ in split_pieces("U.S.-led")] == ["US", "led"]
    assert is_case_sensitive("ISIS") and not is_case_sensitive("Daesh")
    assert list(alias_variants("rebels")) == ["rebels", "rebel"]
    assert list(alias_variants("ISIS")) == ["ISIS"]


def test_capitalised_pieces_of_a_phrase_are_case_sensitive(nlp):
    m = PieceMatcher(nlp.tokenizer)
    m.add("IS fighters", "isis")
    found = [v for x in m(nlp.make_doc("IS fighters and this is fighters")) for v in x.values]
    assert found == ["isis"]
