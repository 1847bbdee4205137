"""Metadata dates and datelines."""

import datetime as dt

import pytest

from kg.errors import DataError
from kg.ingest import find_dateline, iter_datelines, parse_date
from kg.ingest.datelines import date_from_dateline, load_dateline_rules

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-05", D(2017, 4, 5)),
        ("2017-04-05T10:00:00Z", D(2017, 4, 5)),
        ("2017-04-05 10:00:00+03:00", D(2017, 4, 5)),
        ("2017/04/05", D(2017, 4, 5)),
        ("4/5/2017", D(2017, 4, 5)),  # ambiguous: month first, as FA-KES
        ("12/31/2016", D(2016, 12, 31)),
        ("31/12/2016", D(2016, 12, 31)),  # day first only where it must be
        ("5.4.2017", D(2017, 4, 5)),
        ("05.04.2017", D(2017, 4, 5)),
        ("17-08-2014", D(2014, 8, 17)),
        ("5 April 2017", D(2017, 4, 5)),
        ("5th of April, 2017", D(2017, 4, 5)),
        ("April 5, 2017", D(2017, 4, 5)),
        ("Apr 5 2017", D(2017, 4, 5)),
        ("Sept. 9 2013", D(2013, 9, 9)),
        ("Wed 05 Apr 2017", D(2017, 4, 5)),
        ("Wed, 05 Apr 2017 10:00:00 +0000", D(2017, 4, 5)),
        ("  Wednesday 5 April 2017 ", D(2017, 4, 5)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["", "soon", "13/13/2017", "2/30/2017", "31 Foo 2017", "2017", "5 April"]
)
def test_invalid_dates_are_none(value):
    assert parse_date(value) is None


# Real openings of FA-KES contents: (text, the dateline, its date).
REAL = [
    ("Wed 05 Apr 2017 Syria attack symptoms", "Wed 05 Apr 2017", D(2017, 4, 5)),
    ("Fri 07 Apr 2017 at 0914 Homs governor says", "Fri 07 Apr 2017 at 0914", D(2017, 4, 7)),
    ("17-08-2014 Syrian Army Kills 31 ISIL", "17-08-2014", D(2014, 8, 17)),
    ("6-09-2013 Extremists in Syria Admit", "6-09-2013", D(2013, 9, 6)),
    ("Fri Feb 27 2015 Syria Kurds Liberate", "Fri Feb 27 2015", D(2015, 2, 27)),
    ("Sat Feb 28 2015 190703 35 Dead Dozens", "Sat Feb 28 2015 190703", D(2015, 2, 28)),
    (
        "Date of publication 27 October 2016 State media says",
        "Date of publication 27 October 2016",
        D(2016, 10, 27),
    ),
    ("Published April 19 2017 A war monitor", "Published April 19 2017", D(2017, 4, 19)),
    ("Last updated at Feb 022015 Beirut Syrian", "Last updated at Feb 022015", D(2015, 2, 2)),
    ("Wednesday 15 August 2018 Dozens", "Wednesday 15 August 2018", D(2018, 8, 15)),
    (
        "12.10.2016(updated 15:30 12.10.2016) Get short URL",
        "12.10.2016(updated 15:30 12.10.2016)",
        D(2016, 10, 12),
    ),
    (
        "05.10.2017(updated 1935 05.10.2017) Get short URL 101 A mortar",
        "05.10.2017(updated 1935 05.10.2017)",
        D(2017, 10, 5),
    ),
    ("21.08.2013Get short URL 0 0 0 Syrian", "21.08.2013", D(2013, 8, 21)),
    ("30.04.2017) Get short URL 3214 An airstrike", "30.04.2017)", D(2017, 4, 30)),
    (
        "Posted on August 3 2016 by Jordan Dakamseh Toxic Gas Dropped",
        "Posted on August 3 2016 by Jordan Dakamseh",
        D(2016, 8, 3),
    ),
    (
        "Posted on April 19 2017 by Asharq Al-Awsat English Six Killed",
        "Posted on April 19 2017 by Asharq Al-Awsat English",
        D(2017, 4, 19),
    ),
    (
        "Posted on April 2 2017 by Youssef Diab MSF Syrian Regime",
        "Posted on April 2 2017 by Youssef Diab",
        D(2017, 4, 2),
    ),
    (
        'April 5 2017 by Youssef Diab Paula Astih and Najla Habriri "Beirut',
        "April 5 2017 by Youssef Diab Paula Astih and Najla Habriri",
        D(2017, 4, 5),
    ),
    ("9 Oct 2016 At least 29 people", "9 Oct 2016", D(2016, 10, 9)),
    ("Thursday 16 Jul 2015 Rebels", "Thursday 16 Jul 2015", D(2015, 7, 16)),
    (
        "Thursday 31 July 2014 10:59 Syrian Coalition",
        "Thursday 31 July 2014 10:59",
        D(2014, 7, 31),
    ),
    ("Wednesday 07 December 2016 135 Civilians", "Wednesday 07 December 2016", D(2016, 12, 7)),
    ("August 13 2016 2037 UTC+3 A representative", "August 13 2016 2037 UTC+3", D(2016, 8, 13)),
    ("Aug. 1 2016 Rescuers say gas", "Aug. 1 2016", D(2016, 8, 1)),
    (
        "Print this page Tuesday 19 July 2016 16:45 Russian",
        "Print this page Tuesday 19 July 2016 16:45",
        D(2016, 7, 19),
    ),
    (  # after a repetition of the headline, marked by a wire credit
        "Air raids kill 18 civilians in Syrias Aleppo Monitor AFP Saturday 16 Jul 2016 Air raids",
        "AFP Saturday 16 Jul 2016",
        D(2016, 7, 16),
    ),
]


@pytest.mark.parametrize(("text", "dateline", "date"), REAL)
def test_real_dateline_shapes(text, dateline, date):
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == dateline
    assert found.date == date


@pytest.mark.parametrize(
    "text",
    [
        "10 dead after strikes on rebel-held hospitals in Syria",
        "Three people died on 5 April 2017.",
        "2 May attacks killed 24 people",
        "31.02.2017 Not a real day",
        "9 Oct 20161 is no year",
        "AP said that on 5 May 2017 the town fell",
        "UPDATED Regime air raids kill 42 near Syria capital",
    ],
)
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_datelines_open_the_text_or_a_line_and_follow_the_title():
    text = "Homs shelled\n\n  Wed 05 Apr 2017 Homs shelled. More on 6 Apr 2017.\n9 Oct 2016 Later"
    found = list(iter_datelines(text))
    assert [text[d.start : d.end] for d in found] == ["Wed 05 Apr 2017", "9 Oct 2016"]
    assert find_dateline(text, found[0].end).date == D(2016, 10, 9)
    assert date_from_dateline(text) == D(2017, 4, 5)


def test_a_date_deep_in_the_article_does_not_date_it():
    text = "Title\n\nFirst.\n\nSecond.\n\nThird.\n\n5 April 2017 was a Wednesday."
    assert find_dateline(text) is not None
    assert date_from_dateline(text) is None


def test_patterns_are_checked(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("dateline_patterns:\n  - '(?P<day>\\d+) (?P<year>\\d{4})'\n", encoding="utf-8")
    with pytest.raises(DataError, match="day, month and year"):
        load_dateline_rules(str(rules))
    rules.write_text("dateline_patterns:\n  - '{nope} (?P<day>\\d+)'\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown piece"):
        load_dateline_rules(str(rules))
