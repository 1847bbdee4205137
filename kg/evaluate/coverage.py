"""Governorate coverage: is the first-level administrative unit crowd-coders gave an article
(FA-KES's 'location' column: a Syrian governorate) among the places the extractor found in
it, or the units they lie in? Works for any country's units (``country`` says whose)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg._util.text import fold
from kg.link.places import PlaceGazetteer
from kg.types import Extraction


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


class GovernorateResolver:
    """Turn a coder's unit name ("deir ezzor", "lattakia", "Idleb") into a unit key: the
    curated spellings, then the world index's (GeoNames / WOF alternate names)."""

    def __init__(self, places: PlaceGazetteer, country: str = "SY") -> None:
        self.places = places
        self.country = country
        self.by_name: dict[str, list[str]] = {}
        for alias, keys in places.aliases.items():
            self.by_name.setdefault(_key(alias), []).extend(keys)

    def _keys(self, name: str) -> list[str]:
        return self.by_name.get(_key(name)) or self.places.lookup([name]).get(name, [])

    def governorates(self, name: str) -> set[str]:
        """Every unit the name may denote: "damascus" is the city's governorate or, as
        "Damascus province", Rif Dimashq; coders used the bare name for both."""
        out = set()
        for candidate in (f"{name} province", f"{name} governorate", name):
            keys = self._keys(candidate)
            if not keys:
                continue
            place = self.places.get(self.places.choose(keys, [self.country], (), self.country))
            if place is not None and place.in_admin1:
                out.add(place.in_admin1)
        return out


def article_governorates(extraction: Extraction) -> set[str]:
    """First-level units of the places mentioned in an article (a unit counts itself)."""
    mentioned = {m.ref for m in extraction.mentions if m.kind == "place"}
    places = (extraction.places.get(key) for key in mentioned)
    return {p.in_admin1 for p in places if p is not None and p.in_admin1}


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
