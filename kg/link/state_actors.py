"""Each state's government, armed forces and police, generated from the table of
countries (``data/countries.csv``) when the actor gazetteer loads.

"Russian forces", "Ukrainian troops", "Afghan soldiers", "Malian army", "Nigerian air
force", "Kenyan police", "Mali's army", "the Ukrainian government": every state gets the
same surface forms from its name, demonyms and short forms, with the noun lists of the
gazetteer's ``descriptors`` (``ground``, ``air``). Curated entries win: a phrase a curated
actor already has is not generated, and a country whose government or forces are curated
(the ``government`` / ``forces`` / ``police`` columns) extends those entries instead of
minting new ones. Generated ids are stable keys like curated ones: the government is the
country's name (``mali``), its forces and police the demonym's (``malian_forces``,
``malian_police``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg._util.text import slugify
from kg.link.countries import Country
from kg.types import ActorRef

#: The descriptor noun lists that name a state's armed forces.
FORCE_NOUNS = ("ground", "air")
_POLICE_NOUNS = (
    "police",
    "police force",
    "police forces",
    "policemen",
    "police officers",
    "riot police",
    "gendarmerie",
    "gendarmerie forces",
    "gendarmes",
)


def _key(text: str) -> str:
    return slugify(text).replace("-", "_")


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def state_ids(country: Country) -> tuple[str, str, str]:
    """The ids of a country's government, forces and police: the curated ones named in
    the table, else generated.

    >>> from kg.link.countries import load_countries
    >>> state_ids(load_countries()["ML"]), state_ids(load_countries()["SY"])[0]
    (('mali', 'malian_forces', 'malian_police'), 'syrian_government')
    """
    stem = _key(country.demonyms[0]) if country.demonyms else _key(country.name)
    return (
        country.government or _key(country.name),
        country.forces or f"{stem}_forces",
        country.police or f"{stem}_police",
    )


def state_phrases(country: Country, nouns: dict[str, list[str]]) -> dict[str, list[str]]:
    """The surface forms of a country's government, forces and police (keyed by role).

    >>> from kg.link.countries import load_countries
    >>> forms = state_phrases(load_countries()["UA"], {"ground": ["troops"], "air": []})
    >>> "Ukrainian troops" in forms["forces"], "Ukraine's troops" in forms["forces"]
    (True, True)
    >>> "Ukrainian government" in forms["government"], "Ukrainian police" in forms["police"]
    (True, True)
    """
    name, short = country.name, country.short_forms
    peoples = [*country.demonyms, *short]
    names = [name, *short]
    government = [
        *names,
        *(f"{p} {w}" for p in peoples for w in ("government", "authorities", "officials")),
        *(f"{p} leadership" for p in country.demonyms),
        *(f"{_possessive(n)} government" for n in names),
        f"{name} government",
        f"government of {name}",
    ]
    words = [*peoples, name, *(_possessive(n) for n in names)]
    force_nouns = [n for group in FORCE_NOUNS for n in nouns.get(group, [])]
    forces = [
        *(f"{w} {n}" for w in words for n in force_nouns),
        *(f"{what} of {name}" for what in ("armed forces", "army", "military")),
        f"Military Forces of {name}",  # ACLED's name of a state's forces
    ]
    police = [
        *(f"{w} {n}" for w in words for n in _POLICE_NOUNS),
        f"Police Forces of {name}",  # ACLED's name of a state's police
    ]
    return {"government": government, "forces": forces, "police": police}


def _label(country: Country, role: str) -> str:
    demonym = country.demonyms[0] if country.demonyms else None
    if role == "government":
        return country.name
    if role == "forces":
        return f"{demonym} forces" if demonym else f"Forces of {country.name}"
    return f"{demonym} police" if demonym else f"Police of {country.name}"


def add_state_actors(
    actors: dict[str, ActorRef],
    aliases: dict[str, list[str]],
    modifiers: dict[str, str],
    countries: Iterable[Country],
    nouns: dict[str, list[str]],
    metonyms: Iterable[str] = (),
) -> None:
    """Add every country's government, forces and police to a parsed gazetteer, in
    place: new actors where none is curated, the country and the generated phrases no
    curated actor has otherwise (``aliases`` maps a phrase to actor keys). A curated
    metonym ("Syria", the Syrian government only as a clause's subject) stays one."""
    taken = {alias.casefold() for alias in [*aliases, *metonyms]}
    for country in countries:
        ids = dict(zip(("government", "forces", "police"), state_ids(country), strict=True))
        for role, phrases in state_phrases(country, nouns).items():
            key = ids[role]
            known = actors.get(key)
            if known is None:
                actors[key] = ActorRef(
                    key=key,
                    label=_label(country, role),
                    type="government" if role == "government" else "state_force",
                    wikidata=country.wikidata if role == "government" else None,
                    forces=ids["forces"] if role == "government" else None,
                    country=country.iso2,
                    curated=True,
                )
            elif known.country is None:
                actors[key] = replace(known, country=country.iso2)
            for phrase in dict.fromkeys([actors[key].label, *phrases]):
                if phrase.casefold() in taken:
                    continue  # a curated actor's (or another state's) alias wins
                taken.add(phrase.casefold())
                aliases.setdefault(phrase, []).append(key)
        # demonyms only: a modifier is looked up in lower case, and short forms like
        # "CAR" or "US" would then be common words ("car bombings")
        for word in country.demonyms:
            modifiers.setdefault(word, ids["forces"])
