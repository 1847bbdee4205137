"""The table of countries and the state actors generated from it (kg.link.countries,
kg.link.state_actors)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.link.actors import load_actor_gazetteer
from kg.link.countries import load_countries, parse_countries
from kg.link.state_actors import state_ids, state_phrases


@pytest.fixture(scope="module")
def gaz():
    return load_actor_gazetteer()


def owners(gaz, phrase: str) -> list[str]:
    """The actors a phrase names (aliases match case-insensitively)."""
    return [
        k
        for alias, keys in gaz.aliases.items()
        if alias.casefold() == phrase.casefold()
        for k in keys
    ]


def test_the_table_holds_every_state():
    countries = load_countries()
    assert len(countries) >= 193
    for iso in ("UA", "RU", "ML", "AF", "SD", "YE", "MM", "CD", "SO", "ET", "NG", "PS", "SY"):
        assert iso in countries, iso
    assert load_countries()["AF"].demonyms == ("Afghan",)
    assert "Burma" in countries["MM"].short_forms


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("iso2,iso3,name,demonyms,short_forms,wikidata\nml,MLI,Mali,Malian,,\n", "ISO code"),
        ("iso2,iso3,name,demonyms,short_forms,wikidata\nML,MLI,Mali,Malian,,912\n", "Wikidata"),
        ("iso2,iso3,name,demonyms\nML,MLI,Mali,Malian\n", "missing columns"),
    ],
)
def test_a_bad_row_is_an_error_naming_the_file(rows: str, message: str):
    with pytest.raises(DataError, match=message):
        parse_countries(rows, Path("countries.csv"))


def test_phrases_of_a_state():
    forms = state_phrases(
        load_countries()["NG"], {"ground": ["troops", "army"], "air": ["air force"]}
    )
    assert {"Nigerian troops", "Nigerian air force", "Nigeria's army"} <= set(forms["forces"])
    assert {"Nigerian police", "Police Forces of Nigeria"} <= set(forms["police"])
    assert {"Nigeria", "Nigerian government", "government of Nigeria"} <= set(forms["government"])
    assert state_ids(load_countries()["IQ"]) == ("iraq", "iraqi_forces", "iraqi_police")


@pytest.mark.parametrize(
    ("phrase", "key", "country"),
    [
        ("Malian army", "malian_forces", "ML"),
        ("Ukrainian troops", "ukrainian_forces", "UA"),
        ("Afghan soldiers", "afghan_forces", "AF"),
        ("Israeli military", "israeli_forces", "IL"),
        ("Nigerian air force", "nigerian_forces", "NG"),
        ("Kenyan police", "kenyan_police", "KE"),
        ("Chadian security forces", "chadian_forces", "TD"),
        ("Mali's army", "malian_forces", "ML"),
        ("Military Forces of Yemen", "yemeni_government_forces", "YE"),
        ("Ukrainian government", "ukraine", "UA"),
        ("Kremlin", "russia", "RU"),
    ],
)
def test_every_state_has_forces_police_and_government(gaz, phrase, key, country):
    assert owners(gaz, phrase) == [key]
    actor = gaz.get(key)
    assert actor.country == country
    assert actor.type in ("state_force", "government")


def test_every_country_gets_its_three_actors(gaz):
    for country in load_countries().values():
        government, forces, police = (gaz.get(k) for k in state_ids(country))
        assert government.type == "government" and government.country == country.iso2
        assert forces.type == "state_force" and forces.country == country.iso2
        assert police.type == "state_force" and police.country == country.iso2
        if not country.government:  # a generated government acts through its forces
            assert government.forces == forces.key


def test_curated_entries_win(gaz):
    # curated ids and phrases are kept: Syria's army, Syria the metonym (as a subject only)
    assert owners(gaz, "Syrian army") == ["syrian_government_forces"]
    assert gaz.get("syrian_government").label == "Syrian government"
    assert not owners(gaz, "Syria") and gaz.metonyms["Syria"] == "syrian_government"
    assert owners(gaz, "Afghan fighters") == ["iranian_backed_militias"]


def test_no_surface_form_names_two_actors(gaz):
    owners: dict[str, set[str]] = defaultdict(set)
    for alias, keys in gaz.aliases.items():
        owners[alias.casefold()].update(keys)
    shared = {alias: keys for alias, keys in owners.items() if len(keys) > 1}
    assert not shared
