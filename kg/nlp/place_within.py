"""A place named inside another: "Jubanah area of Hudaydah governorate", "al Wardiyah area
in Madain district", "Barah, Taiz", "Tripoli, Lebanon".

The name after the link says where the first one lies; a reading of the first name outside
it is a namesake elsewhere. Of the first name's readings, the one inside is taken; where
none is, a name found only in the world index is dropped (the article's place is then the
one that holds it) rather than put in another province or country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.link.places import ADMIN1, ADMIN2, PlaceGazetteer, km_between

#: Words that may stand between a place and the one holding it: "X area of Y", "X village
#: in Y", "X, Y", "X in the countryside of Y".
_LINK_WORDS = frozenset(
    {"of", "in", ",", "the", "area", "areas", "village", "town", "city", "district",
     "neighbourhood", "neighborhood", "suburb", "camp", "countryside", "outskirts",
     "subdistrict", "sub-district", "region", "province", "governorate", "mountain",
     "mountains", "hills", "desert", "border", "site", "sites"}
)  # fmt: skip
_HOLDERS = frozenset({"country", ADMIN1, ADMIN2, "region", "city", "town"})
_MAX_LINK = 4
_CITY_KM = 30.0
_ADMIN2_KM = 60.0


def inside(gazetteer: PlaceGazetteer, inner: str, outer: str) -> bool:
    """Whether place ``inner`` lies in ``outer`` (a country, a first- or second-level unit,
    a region, or around a city or town)."""
    a, b = gazetteer.get(outer), gazetteer.get(inner)
    if a is None or b is None or inner == outer:
        return a is not None and b is not None
    if a.kind in ("country", ADMIN1, "region"):
        return gazetteer.contains(outer, inner)
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    km = km_between(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    if a.kind == ADMIN2:
        return b.country == a.country and km <= _ADMIN2_KM
    # "X area of Aleppo": in the city or its province.
    if a.admin1 and b.admin1:
        return a.admin1 == b.admin1 or km <= _CITY_KM
    return km <= _CITY_KM


def _linked(doc: Doc, first: Span, second: Span, gazetteer: PlaceGazetteer) -> bool:
    """ "X area of Y", "X village in Y"; "X, Y" where Y is no settlement, or a city ten
    times X's size ("Barah, Taiz"; not the list "Damascus, Homs")."""
    between = doc[first.end : second.start]
    if len(between) > _MAX_LINK or first.sent.start != second.sent.start:
        return False
    words = [t.lower_ for t in between]
    if not words or not all(w in _LINK_WORDS for w in words) or words[-1] not in ("of", "in", ","):
        return False
    if words[-1] != ",":
        return True
    holder, held = gazetteer.get(second.label_), gazetteer.get(first.label_)
    if holder is None or holder.kind not in ("city", "town"):
        return True
    if held is not None and held.kind not in ("city", "town"):
        return True  # "Matun district, Jawf", "Al-Midan, Damascus"
    return gazetteer.population(second.label_) >= 10 * max(gazetteer.population(first.label_), 1)


def place_within(
    doc: Doc,
    places: list[Span],
    readings: dict[int, tuple[str, ...]],
    gazetteer: PlaceGazetteer,
    index_only: set[int],
) -> tuple[list[Span], frozenset[int]]:
    """``places`` (in text order) with each place read inside the place named right after
    it, and the start tokens of the places that hold the one before them; ``readings`` are
    each span's candidate keys (by start token), ``index_only`` the starts of spans found
    only in the world index (those are dropped when no reading fits)."""
    out: list[Span] = []
    holders: set[int] = set()
    for n, span in enumerate(places):
        holder = places[n + 1] if n + 1 < len(places) else None
        unit = gazetteer.get(holder.label_) if holder is not None else None
        if (
            holder is None
            or unit is None
            or unit.kind not in _HOLDERS
            or not _linked(doc, span, holder, gazetteer)
        ):
            out.append(span)
            continue
        if inside(gazetteer, span.label_, holder.label_):
            out.append(span)
            holders.add(holder.start)
            continue
        fits = [k for k in readings.get(span.start, ()) if inside(gazetteer, k, holder.label_)]
        if fits:
            out.append(Span(doc, span.start, span.end, label=gazetteer.choose(fits)))
            holders.add(holder.start)
        elif span.start not in index_only:
            out.append(span)  # a curated name: kept as the gazetteer says
    return out, frozenset(holders)
