"""Resolving date expressions against the article's date.

"on Friday" in an article dated Sunday 2017-04-09 is 2017-04-07; "in April" is
2017-04; "yesterday" is the day before; explicit dates keep their own precision. Without
an article date only expressions that carry their own year resolve.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.ingest.dates import MONTHS as _MONTHS
from kg.types import TimeStamp

_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+(?:of\s+)?(\d{{4}}))?\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _day(year: int, month: int, day: int) -> TimeStamp | None:
    try:
        return TimeStamp(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTHS[key[:3]]


def _year_for(month: int, article: dt.date | None) -> int | None:
    """The year of a month named without one: the latest not after the article."""
    if article is None:
        return None
    return article.year if month <= article.month else article.year - 1


def resolve_date(text: str, article_date: dt.date | None) -> TimeStamp | None:
    """Resolve a date expression.

    >>> resolve_date("on Friday", dt.date(2017, 4, 9))
    TimeStamp(value='2017-04-07', precision='day')
    >>> resolve_date("in April", dt.date(2017, 4, 9))
    TimeStamp(value='2017-04', precision='month')
    >>> resolve_date("March 3, 2016", None)
    TimeStamp(value='2016-03-03', precision='day')
    >>> resolve_date("in April", None) is None
    True
    """
    low = text.lower().strip()
    if found := _ISO.search(low):
        return _day(int(found[1]), int(found[2]), int(found[3]))
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        if found := pattern.search(low):
            day, month = (found[1], found[2]) if order == "dmy" else (found[2], found[1])
            m = _month(month)
            year = int(found[3]) if found[3] else _year_for(m, article_date)
            return _day(year, m, int(day)) if year else None
    if article_date is not None:
        if "yesterday" in low or "last night" in low:
            return TimeStamp((article_date - dt.timedelta(days=1)).isoformat(), "day")
        if re.search(r"\b(today|this morning|this afternoon|this evening|tonight)\b", low):
            return TimeStamp(article_date.isoformat(), "day")
        if found := _WEEKDAY.search(low):
            back = (article_date.weekday() - _WEEKDAYS[found[1].lower()]) % 7
            if "last" in low and back == 0:
                back = 7
            return TimeStamp((article_date - dt.timedelta(days=back)).isoformat(), "day")
        if "last month" in low:
            first = article_date.replace(day=1) - dt.timedelta(days=1)
            return TimeStamp(first.strftime("%Y-%m"), "month")
        if "this month" in low:
            return TimeStamp(article_date.strftime("%Y-%m"), "month")
        if "last year" in low:
            return TimeStamp(str(article_date.year - 1), "year")
        if "this year" in low:
            return TimeStamp(str(article_date.year), "year")
    if found := _MONTH_YEAR.search(low):
        m = _month(found[1])
        if m and (found[2] or article_date):
            year = int(found[2]) if found[2] else _year_for(m, article_date)
            return TimeStamp(f"{year:04d}-{m:02d}", "month")
    if found := _YEAR.search(low):
        return TimeStamp(found[1], "year")
    return None
