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
    assert "geonames-169557" in gaz.translit("Hassiya", {"SY"})
    assert gaz.translit("Hassiya", {"UA"}) == []  # only in the countries asked for


def test_choose_prefers_the_governorate_of_the_article():
    gaz = load_place_gazetteer()
    candidates = gaz.aliases["Jibrin"]
    assert gaz.choose(candidates, ["SY"], ["hama_governorate"]) == "jibrin_hama"
    assert gaz.choose(candidates, ["SY"], ["aleppo_governorate"]) == "jibrin"


def test_every_place_has_country_and_syrian_places_a_governorate():
    gaz = load_place_gazetteer()
    for key in ("al_humayri", "mayassar", "flita_barrens", "al_husayniyah_deir_ez_zor"):
        place = gaz.get(key)
        assert place.country == "SY" and place.admin1_unit and place.lat and place.lon


def test_world_places_carry_coordinates_country_and_admin1():
    gaz = load_place_gazetteer()
    kabul = gaz.get(gaz.choose(gaz.lookup(["Kabul"])["Kabul"]))
    assert (kabul.country, kabul.kind, kabul.geonameid) == ("AF", "city", 1138958)
    assert kabul.admin1 == "AF.13" and kabul.admin1_unit is not None
    unit = gaz.get(kabul.admin1_unit)
    assert unit.kind == "admin1" and unit.lat and unit.lon
    # Countries have coordinates too (WOF's, or the centroid of their cities).
    for iso in ("UA", "FR", "BR"):
        country = gaz.get(gaz.countries[iso])
        assert country.kind == "country" and country.lat is not None


def test_syrias_governorates_keep_their_ids_over_the_index():
    gaz = load_place_gazetteer()
    # WOF's "Idleb" / "Idlib" first-level unit is the curated idlib_governorate.
    assert "idlib_governorate" in gaz.lookup(["Idleb"])["Idleb"]
    assert gaz.admin1_unit("SY.12") == "idlib_governorate"
    idlib_city = gaz.get("geonames-169389")
    assert idlib_city.admin1_unit == "idlib_governorate"


def test_admin1_spellings_of_other_countries_are_aliases():
    gaz = load_place_gazetteer()
    for name, iso in [("Al Hudaydah", "YE"), ("Sana'a", "YE"), ("Donetsk Oblast", "UA")]:
        kinds = {(gaz.get(k).kind, gaz.get(k).country) for k in gaz.lookup([name])[name]}
        assert ("admin1", iso) in kinds, name


def test_namesakes_abroad_lose_to_the_articles_country():
    gaz = load_place_gazetteer()
    tripoli = gaz.lookup(["Tripoli"])["Tripoli"]
    assert gaz.get(gaz.choose(tripoli)).country == "LY"
    assert gaz.get(gaz.choose(tripoli, ["LB"], (), "LB")).country == "LB"


def test_stoplisted_names_are_never_looked_up():
    gaz = load_place_gazetteer()
    assert gaz.lookup(["Army", "Said"]) == {}


def test_directional_regions_are_made_once_with_coordinates():
    gaz = load_place_gazetteer()
    key = gaz.directional_region("eastern", gaz.countries["UA"])
    region = gaz.get(key)
    assert (region.kind, region.country, region.label) == ("region", "UA", "Eastern Ukraine")
    country = gaz.get(gaz.countries["UA"])
    assert region.lon > country.lon  # towards the east
    assert gaz.directional_region("northern", gaz.countries["SY"]) == "northern_syria"
    assert gaz.directional_region("upper", gaz.countries["SY"]) is None


def test_index_is_compiled_once_into_the_cache(tmp_path, monkeypatch):
    import gzip

    from kg.link.gazetteer_index import _COLUMNS, open_index

    table = tmp_path / "t.tsv.gz"
    rows = [
        "\t".join(_COLUMNS),
        "geonames-1\tVillage\tvillage\t1.5\t2.5\t1\tXX.01\tXX\t10\tPPL\tVilage|Dar`a",
    ]
    table.write_bytes(gzip.compress("\n".join(rows).encode() + b"\n"))
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    index = open_index(str(table))
    assert index.lookup(["dara", "village", "nowhere"]) == {
        "dara": ["geonames-1"],
        "village": ["geonames-1"],
    }
    assert index.row("geonames-1").admin1 == "XX.01"
    assert [p.name for p in (tmp_path / "cache").iterdir()][0].startswith("gazetteer-")


def test_bad_table_row_is_a_data_error(tmp_path, monkeypatch):
    import gzip

    from kg.errors import DataError
    from kg.link.gazetteer_index import _COLUMNS, compile_index

    table = tmp_path / "t.tsv.gz"
    table.write_bytes(gzip.compress(("\t".join(_COLUMNS) + "\nonly\ttwo\n").encode()))
    with pytest.raises(DataError, match="row 1"):
        compile_index(table, tmp_path / "x.sqlite")


def test_a_place_under_its_own_name_before_one_under_an_alternate_name():
    gaz = load_place_gazetteer()
    diyarbakir = "geonames-316541"
    assert gaz.by_alternate_name(diyarbakir, "Amed")
    assert not gaz.by_alternate_name(diyarbakir, "Diyarbakir")
    assert not gaz.by_alternate_name(gaz.countries["SY"], "Syrian Arab Republic")
