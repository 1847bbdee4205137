"""The spaCy components, each on short sentences."""

import pytest


def actors(doc):
    return [(s.text, s.label_) for s in doc.spans["kg_actors"]]


def places(doc):
    return [(s.text, s.label_) for s in doc.spans["kg_places"]]


def events(doc):
    return [
        (e.type, e.agent and e.agent.key, e.target and e.target.key, e.modality)
        for e in doc._.kg_events
    ]


def test_pipeline_has_one_component_per_concern(nlp):
    for name in (
        "kg_sentences",
        "kg_layout",
        "kg_actor_ruler",
        "kg_place_ruler",
        "kg_event_triggers",
        "kg_attribution",
        "kg_event_roles",
    ):
        assert name in nlp.pipe_names
    assert nlp.pipe_names.index("kg_sentences") < nlp.pipe_names.index("parser")


def test_aliases_merge_into_one_actor(annotate):
    doc = annotate("Pro-Assad fighters and pro-regime forces clashed with ISIS and Daesh.")
    keys = {k for _, k in actors(doc)}
    assert keys == {"pro_government_militias", "isis"}


def test_false_friends_do_not_merge(annotate):
    doc = annotate("The Syrian Coalition condemned the raid by the US-led coalition.")
    keys = [k for _, k in actors(doc)]
    assert "us_led_coalition" in keys
    assert keys.count("us_led_coalition") == 1


def test_backing_relation(annotate):
    doc = annotate("Three US-backed Syrian rebels were killed.")
    spans = list(doc.spans["kg_actors"])
    backed = [(spans[i].label_, backer) for i, backer in doc._.kg_backing]
    assert ("syrian_rebels", "united_states") in backed


def test_country_is_actor_as_subject_and_place_elsewhere(annotate):
    doc = annotate("Russia agreed to a truce. Jets flew over Russia.")
    assert ("Russia", "russia") in actors(doc)
    assert [p for p, _ in places(doc)] == ["Russia"]


def test_damascus_is_the_syrian_city(annotate):
    doc = annotate("Shells fell on Damascus on Monday.")
    assert places(doc) == [("Damascus", "geonames-170654")]


def test_photo_credit_line_yields_nothing(annotate):
    doc = annotate("Strikes hit Idlib.\n\nPhoto: Michael Ammons/U.S. Air Force/Getty Images")
    credit = doc.text.index("Photo:")
    for key in ("kg_actors", "kg_places", "kg_triggers"):
        assert all(s.start_char < credit for s in doc.spans[key])


def test_publisher_line(annotate):
    doc = annotate("Clashes erupted in Aleppo.\n\nSource: Sputnik International")
    start, end = doc._.kg_publisher
    assert doc.text[start:end] == "Sputnik International"


def test_line_breaks_end_sentences(annotate):
    doc = annotate("Coalition Hits pro-Syrian Govt. Forces\n\nThe coalition carried out strikes")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assad's forces recaptured rebel-held areas near Damascus.",
            ("territory_change", "syrian_government_forces", "syrian_rebels", "asserted"),
        ),
        ("ISIS fighters attempted to take the base.", ("attack", "isis", None, "attempted")),
        (
            "The coalition carried out strikes against pro-regime forces.",
            ("airstrike", "us_led_coalition", "pro_government_militias", "asserted"),
        ),
        (
            "Russia denied that its jets bombed the hospital.",
            ("airstrike", "russian_forces", None, "denied"),
        ),
    ],
)
def test_event_roles_and_modality(annotate, text, expected):
    assert expected in events(annotate(text))


def test_killing_inside_an_event_becomes_its_fatalities(annotate):
    doc = annotate("ISIS attacked the base near At Tanf, in which three rebels were killed.")
    found = list(doc._.kg_events)
    assert [e.type for e in found] == ["attack"]
    assert found[0].fatalities == 3


def test_fatalities_of_a_killing(annotate):
    doc = annotate("Gunmen killed 31 civilians in Hama.")
    (event,) = doc._.kg_events
    assert (event.type, event.fatalities, event.target.key) == ("killing", 31, "civilians")


def test_reporting_sources(annotate):
    doc = annotate(
        "According to the Syrian Observatory for Human Rights, regime jets struck Douma."
    )
    (event,) = doc._.kg_events
    assert event.modality == "reported"
    assert [s.actor for s in event.sources] == ["sohr"]


def test_quoted_speech_is_attributed_to_its_speaker(annotate):
    doc = annotate('"The strike did happen," a U.S. defense official told Sputnik.')
    (event,) = doc._.kg_events
    names = {s.person or s.actor for s in event.sources}
    assert "U.S. defense official" in names and "sputnik" in names
