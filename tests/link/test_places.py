"""The place gazetteer (kg/link/places.py)."""

import pytest

from kg.link.places import load_place_gazetteer, translit_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hassia", "Hasiya"),
        ("Al-Saan", "As Sa`an"),
        ("Mansoura", "Al Mansurah"),
        ("al-Husainiyah", "Husayniyah"),
        ("Saraqeb", "Saraqib"),
        ("Raqqa", "Raqqah"),
    ],
)
def test_transliteration_variants_share_a_key(a, b):
    assert translit_key(a) == translit_key(b)


def test_different_names_keep_different_keys():
    assert translit_key("Homs") != translit_key("Hama")
    assert translit_key("Idlib") != translit_key("Aleppo")


def test_transliteration_index_reaches_geonames_alternate_names():
    gaz = load_place_gazetteer()
    assert "geonames-169557" in gaz.translit[translit_key("Hassiya")]


def test_choose_prefers_the_governorate_of_the_article():
    gaz = load_place_gazetteer()
    candidates = gaz.aliases["Jibrin"]
    assert gaz.choose(candidates, ["SY"], ["hama_governorate"]) == "jibrin_hama"
    assert gaz.choose(candidates, ["SY"], ["aleppo_governorate"]) == "jibrin"


def test_every_place_has_country_and_syrian_places_a_governorate():
    gaz = load_place_gazetteer()
    for key in ("al_humayri", "mayassar", "flita_barrens", "al_husayniyah_deir_ez_zor"):
        place = gaz.get(key)
        assert place.country == "SY" and place.governorate and place.lat and place.lon
