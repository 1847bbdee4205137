"""Actors of every war in text (issue 14 part 2): a sentence per war, the generic actors
ACLED codes, hedged parties ("presumed X" is X, alleged)."""

from __future__ import annotations

import pytest

from kg.types import Article


@pytest.fixture(scope="module")
def extractor():
    from kg.worker import _extractor

    return _extractor()


def actors(annotate, text: str) -> set[str]:
    doc = annotate(text)
    return {span.label_ for span in doc.spans["kg_actors"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled Kharkiv as DPR forces advanced near Avdiivka.",
         {"russian_forces", "dpr_forces"}),
        ("Wagner fighters and Ukrainian troops clashed near Bakhmut.",
         {"wagner_group", "ukrainian_forces"}),
        ("The IDF struck Hamas positions in Gaza after Palestinian Islamic Jihad fired rockets.",
         {"israeli_forces", "hamas", "palestinian_islamic_jihad"}),
        ("Hezbollah fired rockets as Israeli settlers attacked a village near Nablus.",
         {"hezbollah", "israeli_settlers"}),
        ("The RSF attacked SAF positions in El Fasher.",
         {"rapid_support_forces", "sudanese_armed_forces"}),
        ("Saudi-led coalition warplanes struck Houthi fighters while STC forces clashed with AQAP.",
         {"saudi_led_coalition", "houthis", "southern_transitional_council", "aqap"}),
        ("JNIM and Ansaroul Islam attacked VDP volunteers and Malian soldiers.",
         {"jnim", "ansaroul_islam", "vdp", "malian_forces"}),
        ("LNA forces shelled GNA forces south of Tripoli.", {"libyan_national_army", "gna_forces"}),
        ("Taliban fighters attacked an ANDSF checkpoint; ISKP claimed a second attack.",
         {"taliban", "afghan_forces", "iskp"}),
        ("PMF units and Peshmerga fighters fought ISIS near Kirkuk.",
         {"popular_mobilization_forces", "peshmerga", "isis"}),
        ("The Tatmadaw bombed PDF positions as the Arakan Army and the TNLA advanced.",
         {"myanmar_forces", "peoples_defence_force", "arakan_army", "tnla"}),
        ("M23 rebels clashed with FARDC soldiers while the ADF raided a village.",
         {"m23", "congolese_forces", "allied_democratic_forces"}),
        ("Al-Shabaab militants ambushed Somali National Army troops and ATMIS peacekeepers.",
         {"al_shabaab", "somali_forces", "atmis"}),
        ("ENDF troops fought TPLF forces, Fano militiamen and the OLA.",
         {"ethiopian_forces", "tplf", "fano", "oromo_liberation_army"}),
        ("Boko Haram and ISWAP fighters attacked Nigerian troops in Borno.",
         {"boko_haram", "iswap", "nigerian_forces"}),
    ],
)  # fmt: skip
def test_a_sentence_per_war(annotate, text, expected):
    assert expected <= actors(annotate, text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Unknown gunmen shot a man dead in Aden.", "unidentified_armed_group"),
        ("Anti-government protesters gathered in Tehran.", "protesters"),
        ("An angry mob torched a police station.", "rioters"),
    ],
)
def test_generic_actors(annotate, text, key):
    assert key in actors(annotate, text)


def test_a_named_group_wins_over_a_generic_word(annotate):
    assert actors(annotate, "ISIS militants attacked the town.") == {"isis"}


def test_hedged_party_is_the_party_with_its_hedge(extractor, annotate):
    text = "Presumed Ansaroul Islam militants assassinated a village chief in Djibo."
    doc = annotate(text)
    (span,) = [s for s in doc.spans["kg_actors"] if s.label_ == "ansaroul_islam"]
    assert span.start_char in doc._.kg_hedged
    (event,) = extractor.extract(Article(id="t", text=text), doc).events
    assert (event.agent, event.agent_modality) == ("ansaroul_islam", "alleged")


def test_an_unhedged_party_has_no_agent_modality(extractor, annotate):
    text = "Ansaroul Islam militants assassinated a village chief in Djibo."
    (event,) = extractor.extract(Article(id="t", text=text), annotate(text)).events
    assert event.agent == "ansaroul_islam" and event.agent_modality is None


def test_no_actor_across_sentences(annotate):
    # "... in Syria. Government forces ..." is no "Syria government"
    doc = annotate("Russia has fought in Syria. Government forces took the town.")
    assert all("." not in span.text for span in doc.spans["kg_actors"])
