import datetime as dt

import pytest

from kg.nlp.dates import resolve_date
from kg.nlp.normalize import normalize_text
from kg.nlp.numbers import parse_word_number


def test_normalisation_keeps_length_and_offsets(seed_text):
    normalized = normalize_text(seed_text)
    assert len(normalized) == len(seed_text)
    assert "\u00a0" not in normalized and "’" not in normalized
    start = seed_text.index("Assad’s forces")
    assert normalized[start : start + 14] == "Assad's forces"


@pytest.mark.parametrize(
    ("text", "article", "value", "precision"),
    [
        ("on Friday", dt.date(2017, 4, 9), "2017-04-07", "day"),
        ("on Sunday", dt.date(2017, 4, 9), "2017-04-09", "day"),
        ("yesterday", dt.date(2017, 4, 9), "2017-04-08", "day"),
        ("in April", dt.date(2017, 4, 9), "2017-04", "month"),
        ("in November", dt.date(2017, 4, 9), "2016-11", "month"),
        ("March 3, 2016", None, "2016-03-03", "day"),
        ("3 March 2016", None, "2016-03-03", "day"),
        ("last month", dt.date(2017, 1, 15), "2016-12", "month"),
        ("in 2015", None, "2015", "year"),
    ],
)
def test_dates_resolve_against_the_article_date(text, article, value, precision):
    stamp = resolve_date(text, article)
    assert stamp is not None
    assert (stamp.value, stamp.precision) == (value, precision)


def test_relative_dates_need_an_article_date():
    assert resolve_date("on Friday", None) is None
    assert resolve_date("in April", None) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("31", 31), ("1,200", 1200), ("three", 3), ("twenty-five", 25), ("dozens", None)],
)
def test_numbers(text, value):
    assert parse_word_number(text) == value
