"""The place gazetteer: the world gazetteer's index (GeoNames cities500 for every country,
Who's On First villages and first-level units, UN-OCHA neighbourhoods; see
:mod:`kg.link.gazetteer_index`) plus the project's supplement ``data/places.yaml``
(Syria's governorates under their names, regions, sites, districts and spellings the
tables lack), with context-aware choice between candidates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg._util.text import fold
from kg._util.yaml import load_text_rules, load_yaml, require
from kg.errors import DataError
from kg.link.gazetteer_index import GazetteerIndex, name_key, open_index, translit_key
from kg.link.regions import directional_region
from kg.ontology.vocab import PLACE_KINDS
from kg.types import PlaceRef

__all__ = [
    "PlaceGazetteer",
    "build_place_gazetteer",
    "geonames_key",
    "km_between",
    "load_place_gazetteer",
    "name_key",
    "translit_key",
]

ADMIN1 = "admin1"  # the place kind of a first-level administrative unit
ADMIN2 = "admin2"  # of a second-level one (a district, raion)
_COARSE = frozenset({"country", ADMIN1, "region"})
_SETTLEMENTS = frozenset({"city", "town", "village", "district"})
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'")
_GENERATED: dict[str, PlaceRef] = {}
#: Population counted for a curated place (a town of 100,000) and for an index place
#: GeoNames gives no population (a village).
CURATED_POPULATION = 100_000
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


class _Places(Mapping[str, PlaceRef]):
    """Places by key: the curated ones, then the index's, read on demand."""

    def __init__(self, gazetteer: PlaceGazetteer) -> None:
        self._gaz = gazetteer
        self._cache: dict[str, PlaceRef | None] = {}

    def __getitem__(self, key: str) -> PlaceRef:
        place = self.get(key)
        if place is None:
            raise KeyError(key)
        return place

    def get(self, key: str, default: PlaceRef | None = None) -> PlaceRef | None:  # type: ignore[override]
        if key in self._gaz.curated:
            return self._gaz.curated[key]
        if key in self._gaz.generated:
            return self._gaz.generated[key]
        if key not in self._cache:
            self._cache[key] = self._gaz._from_index(key)
        return self._cache[key] or default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._gaz.curated)

    def __len__(self) -> int:
        return len(self._gaz.curated)


@dataclass
class PlaceGazetteer:
    """Places by key and the names that may refer to them.

    ``curated`` holds the places of ``data/places.yaml`` and ``aliases`` their spellings;
    every other place is in the ``index``, found by :meth:`lookup`. ``redirect`` sends an
    index key to the curated entry that is the same place (Syria's governorates).
    :meth:`choose` picks one of several candidates using the article's countries, its
    first-level units, population and kind.
    """

    curated: dict[str, PlaceRef]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    index: GazetteerIndex | None = None
    redirect: dict[str, str] = field(default_factory=dict)
    extra_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stop: frozenset[str] = frozenset()
    curated_translit: dict[str, list[str]] = field(default_factory=dict)
    translit_countries: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # Directional regions, made on demand; shared by the gazetteers of one process
        # (the place ruler's and the extractor's), as the same data make the same places.
        self.generated: dict[str, PlaceRef] = _GENERATED
        self.places: Mapping[str, PlaceRef] = _Places(self)
        self.countries: dict[str, str] = dict(self.index.countries) if self.index else {}
        self._admin1: dict[str, str] = {}
        if self.index is not None:
            self._admin1 = {c: self.redirect.get(k, k) for c, k in self.index.admin1.items()}
        for key, place in self.curated.items():
            if place.kind == ADMIN1 and place.admin1:
                self._admin1[place.admin1] = key

    # ------------------------------------------------------------------ access
    def get(self, key: str) -> PlaceRef | None:
        return self.places.get(key)

    def _from_index(self, key: str) -> PlaceRef | None:
        row = self.index.row(key) if self.index is not None else None
        if row is None:
            return None
        kind = row.kind
        unit = self._admin1.get(row.admin1 or "") if kind not in ("country", ADMIN1) else None
        return PlaceRef(
            key=key,
            label=row.name,
            kind=kind,
            country=row.country,
            lat=row.lat,
            lon=row.lon,
            geonameid=row.geonameid,
            admin1_unit=unit,
            admin1=row.admin1,
            aliases=self.extra_aliases.get(key, ()),
        )

    def population(self, key: str) -> int:
        """The population GeoNames gives ``key`` (curated places count as a town)."""
        if key in self.curated or key in self.extra_aliases:
            return CURATED_POPULATION
        row = self.index.row(key) if self.index is not None else None
        return row.population if row is not None else 0

    def feature_code(self, key: str) -> str:
        row = self.index.row(key) if self.index is not None and key not in self.curated else None
        return row.feature_code if row is not None else ""

    def admin1_unit(self, code: str | None) -> str | None:
        """The key of the first-level unit with the admin1 ``code`` ("SY.09")."""
        return self._admin1.get(code or "")

    def lookup(self, names: Iterable[str]) -> dict[str, list[str]]:
        """The index's candidates of each name (by :func:`name_key`), redirected to the
        curated entries that are the same place; stoplisted names are left out."""
        wanted: dict[str, list[str]] = {}
        for name in names:
            key = name_key(name)
            if key and key not in self.stop:
                wanted.setdefault(key, []).append(name)
        if self.index is None or not wanted:
            return {}
        out: dict[str, list[str]] = {}
        for nkey, keys in self.index.lookup(wanted).items():
            found = list(dict.fromkeys(self.redirect.get(k, k) for k in keys))
            for name in wanted[nkey]:
                out[name] = found
        return out

    def translit(self, name: str, countries: Iterable[str]) -> list[str]:
        """Settlements in ``countries`` whose spelling has the transliteration key of
        ``name`` ("Hassia" -> GeoNames "Hasiya"); elsewhere a loose match invents places."""
        tkey = translit_key(name)
        wanted = set(countries) & self.translit_countries
        keys = list(self.curated_translit.get(tkey, []))
        if self.index is not None:
            keys += self.index.translit([tkey]).get(tkey, [])
        keys = [self.redirect.get(k, k) for k in keys]
        return [k for k in dict.fromkeys(keys) if (p := self.get(k)) and p.country in wanted]

    def directional_region(self, direction: str, country_key: str) -> str | None:
        """The key of "<direction> <country>" ("eastern Ukraine"), curated or made here
        (:func:`kg.link.regions.directional_region`)."""
        return directional_region(self, direction, country_key)

    def country_of(self, place: PlaceRef) -> PlaceRef | None:
        if place.country is None or place.kind == "country":
            return None
        return self.places.get(self.countries.get(place.country, ""))

    def admin1_of(self, place: PlaceRef) -> PlaceRef | None:
        """The first-level administrative unit ``place`` lies in."""
        if place.admin1_unit is None or place.kind == ADMIN1:
            return None
        return self.places.get(place.admin1_unit)

    # ------------------------------------------------------------------ choice
    def choose(
        self,
        candidates: Iterable[str],
        context_countries: Iterable[str] = (),
        context_governorates: Iterable[str] = (),
        focus: str | None = None,
        near: Iterable[tuple[float, float]] = (),
        said: str | None = None,
    ) -> str:
        """Pick the most plausible candidate key.

        Prefers countries, then places in the article's countries (more in its ``focus``
        country, the one it is about), in the first-level units it names (two "Jibrin"s:
        the one in Hama when the article is about Hama), near its other places, then the
        most populous, and a place under its own name (``said``, the text's spelling)
        before one that has it as an alternate name. Curated entries count as a town of
        100,000.
        """
        context = set(context_countries)
        units = set(context_governorates)
        points = list(near)
        keys = list(dict.fromkeys(candidates))
        said_key = name_key(said) if said else None

        def score(key: str) -> float:
            place = self.places[key]
            value = math.log10(self.population(key) + 10)
            if place.kind == "country":
                value += 10
            if place.country in context:
                value += 3
            if focus is not None and place.country == focus:
                value += 2
            if place.admin1_unit is not None and place.admin1_unit in units:
                value += 2
            if self.feature_code(key) == "PPLQ":  # abandoned
                value -= 1
            if said_key is not None and name_key(place.label) == said_key:
                value += 1
            if points and place.lat is not None and place.lon is not None:
                nearest = min(km_between(place.lat, place.lon, a, b) for a, b in points)
                value += 1.5 if nearest <= 50 else 0.75 if nearest <= 150 else 0
            return value

        return max(keys, key=lambda k: (score(k), k))

    def by_alternate_name(self, key: str, said: str) -> bool:
        """Whether the index place ``key`` goes by ``said`` only as an alternate name
        ("Amed" for Diyarbakir); curated places and countries never do."""
        place = self.places.get(key)
        if place is None or key in self.curated or key in self.extra_aliases:
            return False
        return place.kind != "country" and name_key(place.label) != name_key(said)

    def contains(self, outer: str, inner: str) -> bool:
        """True if place ``outer`` is ``inner`` or contains it (country or first-level unit)."""
        if outer == inner:
            return True
        a, b = self.places.get(outer), self.places.get(inner)
        if a is None or b is None or a.kind not in _COARSE:
            return False
        if a.kind == "country":
            return b.country == a.country
        if a.kind == ADMIN1:
            return b.admin1_unit == outer or (a.admin1 is not None and b.admin1 == a.admin1)
        # A region has no polygon here: it is taken as a disc around its centroid.
        if b.country != a.country or b.kind in _COARSE or None in (a.lat, a.lon, b.lat, b.lon):
            return False
        return km_between(a.lat, a.lon, b.lat, b.lon) <= REGION_RADIUS_KM  # type: ignore[arg-type]


def _curated_entries(data: dict, path: Path) -> list[tuple[str, dict]]:
    out, seen = [], set()
    for index, entry in enumerate(data["places"]):
        key = str(require(entry, "id", path, index))
        kind = str(require(entry, "kind", path, index))
        if kind not in PLACE_KINDS:
            raise DataError(f"{path}: place '{key}' has unknown kind '{kind}'")
        if key in seen:
            raise DataError(f"{path}: place id '{key}' is used twice")
        if (entry.get("lat") is None) != (entry.get("lon") is None):
            raise DataError(f"{path}: place '{key}' has only one of lat/lon")
        seen.add(key)
        out.append((key, entry))
    return out


def build_place_gazetteer(
    data: dict, path: Path, *, stoplist: Iterable[str] = (), index: GazetteerIndex | None = None
) -> PlaceGazetteer:
    """Build a :class:`PlaceGazetteer` from ``places.yaml`` data over the world ``index``."""
    curated: dict[str, PlaceRef] = {}
    aliases: dict[str, list[str]] = {}
    redirect: dict[str, str] = {}
    extra: dict[str, tuple[str, ...]] = {}

    def add_alias(alias: str, key: str) -> None:
        keys = aliases.setdefault(alias, [])
        if key not in keys:
            keys.append(key)

    for key, entry in _curated_entries(data, path):
        names = [str(entry["name"]), *[str(a) for a in entry.get("aliases") or []]]
        geonameid = entry.get("geonameid")
        target = geonames_key(int(geonameid)) if geonameid else None
        row = index.row(target) if index is not None and target else None
        if row is not None and row.kind not in ("country", "admin1"):
            # The same place as an index entry: add the spellings, keep one node.
            extra[target] = tuple(dict.fromkeys(extra.get(target, ()) + tuple(names)))  # type: ignore[index]
            for name in names:
                add_alias(name, target)  # type: ignore[arg-type]
            continue
        country = entry.get("country")
        admin1 = entry.get("admin1")
        code = f"{country}.{admin1}" if admin1 and country else None
        if entry["kind"] == ADMIN1 and code and index is not None and code in index.admin1:
            redirect[index.admin1[code]] = key  # Syria's governorates keep their ids
        lat, lon = entry.get("lat"), entry.get("lon")
        curated[key] = PlaceRef(
            key=key,
            label=str(entry["name"]),
            kind=str(entry["kind"]),
            country=country,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            geonameid=int(geonameid) if geonameid else None,
            wikidata=entry.get("wikidata") or None,
            admin1_unit=entry.get("admin1_unit") or None,
            admin1=code,
            aliases=tuple(names[1:]),
        )
        for name in names:
            add_alias(name, key)
    for key, place in curated.items():
        if place.admin1_unit and place.admin1_unit not in curated:
            raise DataError(
                f"{path}: place '{key}' names unknown admin1_unit '{place.admin1_unit}'"
            )
    translit: dict[str, list[str]] = {}
    for alias, keys in aliases.items():
        for key in keys:
            place = curated.get(key)
            if place is None or place.kind in _SETTLEMENTS:
                index_keys = translit.setdefault(translit_key(alias), [])
                if key not in index_keys:
                    index_keys.append(key)
    stop = frozenset(name_key(s) for s in stoplist)
    arabic = frozenset(str(c) for c in data.get("arabic_transliteration_countries") or [])
    return PlaceGazetteer(curated, aliases, index, redirect, extra, stop, translit, arabic)


def acceptable_name(name: str) -> bool:
    """A spelling worth matching: Latin script, capitalised, four letters or more."""
    folded = fold(name)
    return len(folded) >= 4 and set(folded) <= _LATIN and folded[0].isupper()


def load_place_gazetteer(path: str | None = None) -> PlaceGazetteer:
    """Load the world index and ``data/places.yaml``; cached per process.

    >>> gaz = load_place_gazetteer()
    >>> damascus = gaz.get(gaz.choose(gaz.lookup(["Damascus"])["Damascus"]))
    >>> (damascus.country, damascus.geonameid)
    ('SY', 170654)
    >>> kabul = gaz.get(gaz.choose(gaz.lookup(["Kabul"])["Kabul"]))
    >>> (kabul.country, kabul.kind)
    ('AF', 'city')
    """
    return _load_place_gazetteer(path or None)


@cache
def _load_place_gazetteer(path: str | None) -> PlaceGazetteer:
    from kg.resources import data_path

    file = Path(path) if path else data_path("places.yaml")
    data = load_yaml(file, top_key="places")
    stoplist = load_text_rules().get("place_name_stoplist")
    if not isinstance(stoplist, list):
        raise DataError(f"{data_path('text_rules.yaml')}: expected a 'place_name_stoplist' list")
    return build_place_gazetteer(data, file, stoplist=stoplist, index=open_index())
