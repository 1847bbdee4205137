"""kg_place_ruler (kg/nlp/place_ruler.py) on parsed sentences: the gazetteer's names, their
context and the places beyond its spellings, joined with the actor mentions."""

SYRIA = "geonames-163843"
RUSSIA = "geonames-2017370"
IRAQ = "geonames-99237"


def places(doc):
    return [(s.text, s.label_) for s in doc.spans["kg_places"]]


def keys(doc):
    return [s.label_ for s in doc.spans["kg_places"]]


def test_possessive_without_apostrophe_names_the_place(annotate):
    doc = annotate("The fall of Aleppo, Syrias main commercial hub, would be a blow.")
    assert ("Syrias", SYRIA) in places(doc)


def test_foreign_country_is_a_place_only_where_something_is_in_it(annotate):
    assert RUSSIA in keys(annotate("The group is banned in Russia."))
    doc = annotate("The zone is part of a deal between Russia Iran and Turkey.")
    assert keys(doc) == []
    assert RUSSIA not in keys(annotate("Nyrabiya said Russias actions demonstrate intent."))


def test_neighbouring_country_after_a_preposition_is_a_place(annotate):
    doc = annotate("Other strikes targeted the jihadists in neighbouring Iraq the Pentagon said.")
    assert IRAQ in keys(doc)


def test_region_that_locates_a_town_names_the_country(annotate):
    doc = annotate("Kurds advanced on the town of Azaz in northern Syria.")
    assert ("northern Syria", SYRIA) in places(doc)
    doc = annotate("Coalition jets carried out strikes in northern Syria on Monday.")
    assert ("northern Syria", "northern_syria") in places(doc)


def test_directional_adjective_is_not_a_region(annotate):
    doc = annotate("A blast rocked the northern Syrian city of Aleppo.")
    assert keys(doc) == ["geonames-170063"]


def test_border_as_modifier_is_not_a_place(annotate):
    doc = annotate("Fighting was heard from the Turkish border town of Kilis.")
    assert keys(doc) == ["geonames-307864"]


def test_border_with_a_country(annotate):
    doc = annotate("The men surrendered in Albu Kamal on the border with Iraq last week.")
    assert {IRAQ, "syria_iraq_border"} <= set(keys(doc))
    # Whose border, with no country the article is about, is not known.
    doc = annotate("The men surrendered on the border with Iraq last week.")
    assert keys(doc) == [IRAQ]


def test_directional_part_of_the_city_last_named(annotate):
    doc = annotate(
        "Rockets hit Aleppo on Friday. Rebels took over the eastern part of the city in 2012."
        " Terrorists in the citys western districts fired shells."
    )
    assert "eastern_aleppo" in keys(doc)
    assert "western_aleppo" in keys(doc)


def test_place_name_inside_a_persons_name(annotate):
    doc = annotate(
        "The UN coordinator in Syria Ali al-Zaatari called on all sides to avoid civilians."
        " Zaatari said the situation was dire."
    )
    assert "zaatari_camp" not in keys(doc)


def test_list_of_places_the_model_takes_for_a_person(annotate):
    doc = annotate("Airstrikes hit the towns of Tal Minnis Sarmada and Maaret Alnouman.")
    assert [t for t, _ in places(doc)] == ["Tal Minnis", "Sarmada", "Maaret Alnouman"]


def test_other_transliteration_after_a_place_cue(annotate):
    doc = annotate("A bomb went off in the village of Hassiya south of Homs.")
    assert ("Hassiya", "geonames-169557") in places(doc)


def test_governorates_of_the_article_choose_between_namesakes(annotate):
    doc = annotate("Suicide bombers hit Jibrin in the central province of Hama.")
    assert ("Jibrin", "jibrin_hama") in places(doc)
    doc = annotate("Shells fell on Jibrin in Aleppo province.")
    assert ("Jibrin", "jibrin") in places(doc)


def test_country_taken_for_a_place_leaves_the_actors_backing_aligned(annotate):
    doc = annotate("Jets flew over Russia before three US-backed Syrian rebels were killed.")
    actors = list(doc.spans["kg_actors"])
    assert keys(doc) == [RUSSIA]
    assert [a.label_ for a in actors] == ["united_states", "syrian_rebels"]
    backing = [(actors[i].label_, backer) for i, backer in doc._.kg_backing]
    assert backing == [("syrian_rebels", "united_states")]


def test_places_of_any_country_with_the_article_deciding_namesakes(annotate):
    doc = annotate(
        "Taliban fighters attacked a checkpoint in Kunduz city. Later, fighting in Kabul."
    )
    # "Taliban" is no Turkish village, Kabul no Israeli one, Kunduz not Artova (Turkey).
    assert places(doc) == [("Kunduz", "geonames-1135689"), ("Kabul", "geonames-1138958")]
    doc = annotate("LNA forces shelled Tripoli's Ain Zara area south of the capital.")
    assert "geonames-2210247" in keys(doc)  # Tripoli, Libya


def test_a_first_level_unit_only_as_x_region(annotate):
    doc = annotate("Russian forces shelled Kramatorsk and Sloviansk in Donetsk region.")
    assert ("Donetsk", "geonames-709716") in places(doc)  # the oblast
    assert ("Kramatorsk", "geonames-704508") in places(doc)
    doc = annotate("Shells fell on Donetsk overnight.")
    assert ("Donetsk", "geonames-709717") in places(doc)  # the city


def test_common_words_and_peoples_are_no_places(annotate):
    doc = annotate("The Secretary of War spoke to Kurds and Druze at the Wall in Center.")
    assert keys(doc) == []


def test_directional_region_of_any_country(annotate):
    doc = annotate("Russian forces advanced in eastern Ukraine and shelled southern Lebanon.")
    assert ("eastern Ukraine", "eastern_ukraine") in places(doc)
    assert "southern Lebanon" in [t for t, _ in places(doc)]


def test_country_of_a_dateline_is_a_place(annotate):
    doc = annotate("Dubai, United Arab Emirates (CNN) The minister arrived on Monday.")
    assert "geonames-290557" in keys(doc)


def test_curated_places_of_other_wars(annotate):
    doc = annotate("Shelling continued across the Donbas and near the Kakhovka dam.")
    assert {"donbas", "kakhovka_dam"} <= set(keys(doc))


def test_a_party_after_pro_or_anti_is_no_place(annotate):
    doc = annotate("Houthi forces shelled pro-Hadi troops in Mahimishah.")
    assert "Hadi" not in [t for t, _ in places(doc)]


def _kinds(doc, gazetteer):
    return [(s.text, gazetteer.get(s.label_).kind, gazetteer.get(s.label_).country)
            for s in doc.spans["kg_places"]]  # fmt: skip


def test_units_by_their_noun_and_towns_by_their_bare_name(annotate):
    from kg.link.places import load_place_gazetteer

    gaz = load_place_gazetteer()
    doc = annotate("Houthi forces fired artillery at Saudi positions in Najran.")
    assert ("Najran", "city", "SA") in _kinds(doc, gaz) or ("Najran", "town", "SA") in _kinds(
        doc, gaz
    )
    doc = annotate("Houthi forces fired rockets at Saudi positions in Asir governorate.")
    assert ("Asir", "admin1", "SA") in _kinds(doc, gaz)
    doc = annotate("Coalition jets bombed Houthi targets in Al Mahadhir, Sahar district.")
    if gaz.lookup(["Sahar District"]):
        assert ("Sahar", "admin2", "YE") in _kinds(doc, gaz)


def test_a_name_is_read_in_the_articles_country_not_its_largest_namesakes(annotate):
    from kg.link.places import load_place_gazetteer

    gaz = load_place_gazetteer()
    doc = annotate("Pro-Hadi fighters advanced toward the town of Barah, Taiz, on Monday.")
    assert {c for _, _, c in _kinds(doc, gaz)} == {"YE"}


def test_a_direction_word_is_no_first_level_unit(annotate):
    from kg.link.places import load_place_gazetteer

    gaz = load_place_gazetteer()
    doc = annotate("Protesters gathered in Northern and Central areas, witnesses said.")
    assert all(gaz.get(k).kind != "admin1" for k in keys(doc))


def test_a_place_is_read_inside_the_place_named_after_it(annotate):
    from kg.link.places import load_place_gazetteer

    gaz = load_place_gazetteer()
    doc = annotate("Clashes erupted in Tripoli, Lebanon, on Sunday.")
    assert [(gaz.get(k).label, gaz.get(k).country) for k in keys(doc)][0] == ("Tripoli", "LB")
    # A list of cities is no place inside another.
    doc = annotate("Strikes hit Damascus, Homs and Hama on Monday.")
    assert [gaz.get(k).label for k in keys(doc)][:2] == ["Damascus", "Homs"]
    assert {gaz.get(k).country for k in keys(doc)} == {"SY"}
    assert {gaz.get(k).kind for k in keys(doc)} == {"city"}


def test_a_capital_that_stands_for_its_government_is_no_place(annotate):
    moscow = "geonames-524901"
    assert moscow not in keys(annotate("Moscow said the strike was a provocation."))
    assert moscow not in keys(annotate("US leaders call out Moscow's threats as reckless."))
    assert moscow in keys(annotate("Drones hit Moscow on Sunday."))
