"""Regions of a country named by a direction ("eastern Ukraine", "southern Lebanon") that
no table holds: the curated one where ``data/places.yaml`` has it, else one made on demand,
centred between the middle of the country's towns and their edge in that direction.

Example:
    >>> from kg.link.places import load_place_gazetteer
    >>> gaz = load_place_gazetteer()
    >>> gaz.get(directional_region(gaz, "eastern", gaz.countries["UA"])).label
    'Eastern Ukraine'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg._util.text import slugify
from kg.types import PlaceRef

if TYPE_CHECKING:
    from kg.link.places import PlaceGazetteer

#: (northward, eastward) shift from the middle of the country, in quarters of its extent.
DIRECTIONS = {
    "northern": (1, 0), "southern": (-1, 0), "eastern": (0, 1), "western": (0, -1),
    "northeastern": (1, 1), "northwestern": (1, -1), "southeastern": (-1, 1),
    "southwestern": (-1, -1), "central": (0, 0),
}  # fmt: skip


def directional_region(gaz: PlaceGazetteer, direction: str, country_key: str) -> str | None:
    """The key of the region "<direction> <country>", or None (no such country or
    direction, or no towns to place it by)."""
    country = gaz.places.get(country_key)
    if country is None or country.kind != "country" or direction not in DIRECTIONS:
        return None
    label = f"{direction} {country.label}"
    curated = [k for k in gaz.aliases.get(label, []) if gaz.places[k].kind == "region"]
    if curated:
        return curated[0]
    key = f"{direction}_{slugify(country.label).replace('-', '_')}"
    if key in gaz.curated or key in gaz.generated:
        return key if gaz.places[key].kind == "region" else None
    bounds = gaz.index.extent(country.country or "") if gaz.index is not None else None
    if bounds is None:
        return None
    south, north, west, east = bounds
    north_share, east_share = DIRECTIONS[direction]
    lat = (south + north) / 2 + north_share * (north - south) / 4
    lon = (west + east) / 2 + east_share * (east - west) / 4
    gaz.generated[key] = PlaceRef(
        key=key,
        label=label[0].upper() + label[1:],
        kind="region",
        country=country.country,
        lat=round(lat, 4),
        lon=round(lon, 4),
        aliases=(label,),
    )
    return key
