"""Governorate coverage: is the governorate crowd-coders gave an article among the places
the extractor found in it (or their governorates)?"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg._util.text import fold
from kg.link.places import PlaceGazetteer
from kg.types import Extraction


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


class GovernorateResolver:
    """Turn a coder's governorate name ("deir ezzor", "lattakia") into a governorate key."""

    def __init__(self, places: PlaceGazetteer) -> None:
        self.places = places
        self.by_name: dict[str, list[str]] = {}
        for alias, keys in places.aliases.items():
            self.by_name.setdefault(_key(alias), []).extend(keys)

    def governorates(self, name: str) -> set[str]:
        """Every governorate the name may denote: "damascus" is the city's governorate or,
        as "Damascus province", Rif Dimashq; coders used the bare name for both."""
        out = set()
        for candidate in (f"{name} province", f"{name} governorate", name):
            keys = self.by_name.get(_key(candidate))
            if not keys:
                continue
            place = self.places.get(self.places.choose(keys, ["SY"]))
            if place is not None and place.in_governorate:
                out.add(place.in_governorate)
        return out


def article_governorates(extraction: Extraction) -> set[str]:
    """Governorates of the places mentioned in an article (a governorate counts itself)."""
    mentioned = {m.ref for m in extraction.mentions if m.kind == "place"}
    places = (extraction.places.get(key) for key in mentioned)
    return {p.in_governorate for p in places if p is not None and p.in_governorate}


def governorate_coverage(
    pairs: Iterable[tuple[Extraction, str]], places: PlaceGazetteer
) -> tuple[int, int, list[str]]:
    """Count articles whose coded governorate is covered; return (covered, total, misses)."""
    resolver = GovernorateResolver(places)
    covered = total = 0
    misses = []
    for extraction, location in pairs:
        if not location:
            continue
        total += 1
        wanted = resolver.governorates(location)
        if wanted & article_governorates(extraction):
            covered += 1
        else:
            misses.append(
                f"{extraction.article.id}: coded {location!r} "
                f"({', '.join(sorted(wanted)) or 'unknown'}), found "
                f"{sorted(article_governorates(extraction)) or 'no governorate'}"
            )
    return covered, total, misses
