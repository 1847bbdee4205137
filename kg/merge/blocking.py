"""Blocking: which pairs of reports are worth comparing at all.

Comparing every report with every other is quadratic (18 million pairs for the 4,000-odd
reports of the FA-KES dev corpus). Reports are put in blocks keyed by type family,
governorate and month; only reports that share a block are compared. A report whose
date spans several months (a year; the days before an undated report's publication)
goes into each of them; one without a governorate (located at a country, or a region
outside any governorate) into a block of its family and month compared with all of them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import URIRef  # noqa: F401 - used in the doctest

from kg.merge.reports import Context, Report
from kg.merge.rules import DAY_GAP, family

BlockKey = tuple[str, str, str]  # (type family, governorate IRI or "*", "YYYY-MM")
ANY = "*"


def _months(start: dt.date, end: dt.date) -> Iterator[str]:
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def block_keys(report: Report, context: Context) -> list[BlockKey]:
    """The blocks a report belongs to; none if it has no place or no date.

    >>> from kg.types import TimeStamp
    >>> r = Report(URIRef("e"), "a", "airstrike", place=URIRef("p"),
    ...            published=dt.date(2016, 8, 1))   # undated: the days before publication
    >>> block_keys(r, Context())
    [('violence', '*', '2016-07'), ('violence', '*', '2016-08')]
    """
    interval = report.interval()
    if report.place is None or interval is None:
        return []
    gap = dt.timedelta(days=DAY_GAP)
    governorate = context.governorate(report.place)
    gov = str(governorate) if governorate is not None else ANY
    fam = family(report.type)
    return [(fam, gov, month) for month in _months(interval[0] - gap, interval[1] + gap)]


def candidate_pairs(reports: Iterable[Report], context: Context) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of reports that share a block.

    Reports of one article are never paired (the extractor already merged them).
    """
    blocks: dict[BlockKey, list[int]] = defaultdict(list)
    listed = list(reports)
    for index, report in enumerate(listed):
        for key in block_keys(report, context):
            blocks[key].append(index)
    wildcard: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (fam, gov, month), members in blocks.items():
        if gov != ANY:
            wildcard[(fam, month)].extend(members)
    pairs: set[tuple[int, int]] = set()

    def add(members: list[int], others: list[int]) -> None:
        for i in members:
            for j in others:
                if i != j and listed[i].article != listed[j].article:
                    pairs.add((min(i, j), max(i, j)))

    for (fam, gov, month), members in blocks.items():
        add(members, members)
        if gov == ANY:
            add(members, wildcard.get((fam, month), []))
    return pairs
