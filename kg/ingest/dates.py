"""Reading the date of an article from its metadata (a CSV or JSON Lines field).

Slash dates are read month first, as in FA-KES and most US-made datasets:
``4/5/2017`` is 5 April 2017. They are read day first only where that is the one
possible reading (``25/4/2017``). Dotted and dashed dates with the year last are read day
first (``05.04.2017``, ``05-04-2017``), as the sites that write them do.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TAIL = r"(?:[\sT,]+\d{1,2}:\d{2}.*)?"  # a time of day, ignored
_FORMATS = (
    re.compile(rf"(?P<year>\d{{4}})/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}}){_TAIL}"),
    re.compile(rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>\d{{4}}){_TAIL}"),
    re.compile(rf"(?P<day>\d{{1,2}})[.-](?P<month>\d{{1,2}})[.-](?P<year>\d{{4}}){_TAIL}"),
    re.compile(rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+"
               rf"(?P<year>\d{{4}}){_TAIL}"),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<year>\d{{4}}){_TAIL}"),
)  # fmt: skip


def month_number(name: str) -> int | None:
    """Return the number of a month given by name, abbreviation or digits (else None).

    >>> month_number("Sept."), month_number("april"), month_number("08"), month_number("Foo")
    (9, 4, 8, None)
    """
    name = name.strip().rstrip(".").lower()
    if name.isdigit():
        return int(name) if 1 <= int(name) <= 12 else None
    return MONTHS.get(name)


def make_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    """Return the date, or None if the parts name no real day.

    >>> make_date("2017", "Apr", "05"), make_date(2017, 2, 30)
    (datetime.date(2017, 4, 5), None)
    """
    number = month if isinstance(month, int) else month_number(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def parse_date(value: str) -> dt.date | None:
    """Read a date as written in article metadata; None if it is not one.

    Ambiguous slash dates are month first (``4/5/2017`` is 5 April), as in FA-KES.

    >>> parse_date("2017-04-05T10:00:00Z"), parse_date("4/5/2017"), parse_date("25/4/2017")
    (datetime.date(2017, 4, 5), datetime.date(2017, 4, 5), datetime.date(2017, 4, 25))
    >>> parse_date("Wed 05 Apr 2017"), parse_date("April 5, 2017"), parse_date("5.4.2017")
    (datetime.date(2017, 4, 5), datetime.date(2017, 4, 5), datetime.date(2017, 4, 5))
    >>> parse_date("13/13/2017") is None, parse_date("soon") is None
    (True, True)
    """
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    for pattern in _FORMATS:
        found = pattern.fullmatch(value.lower())
        if not found:
            continue
        parts = found.groupdict()
        if "a" in parts:  # M/D/YYYY unless only D/M/YYYY is possible
            first, second = int(parts["a"]), int(parts["b"])
            if first > 12 >= second:
                return make_date(parts["year"], second, first)
            return make_date(parts["year"], first, second)
        return make_date(parts["year"], parts["month"], parts["day"])
    return None
