"""Each event's ACLED sub-event type, decided from its text (kg.nlp.event_acled,
data/acled_subtypes.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import DataError
from kg.nlp.event_acled import load_subtype_rules
from kg.ontology.vocab import EVENT_TYPES, acled_default_sub_event_type, acled_sub_event_types
from kg.types import Article


@pytest.fixture(scope="module")
def extractor():
    from kg.worker import _extractor

    return _extractor()


def subs(extractor, annotate, text: str) -> list[tuple[str, str | None]]:
    ex = extractor.extract(Article(id="t", text=text), annotate(text))
    return [(e.type, e.acled_sub_type) for e in ex.events]


def test_the_shipped_table_names_the_ontologys_concepts():
    rules = load_subtype_rules()
    known = acled_sub_event_types()
    assert {r.sub for r in rules.rules} <= set(known)
    assert len(known) == 25 and len(set(known.values())) == 6
    # every event type has a default, one of ACLED's sub-event types
    assert set(acled_default_sub_event_type()) == EVENT_TYPES
    assert set(acled_default_sub_event_type().values()) <= set(known)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weapon
        ("Rebels attacked an army checkpoint with grenades in Idlib on Monday.", "grenade"),
        ("A suicide bomber attacked a checkpoint in Homs on Monday.", "suicide-bomb"),
        ("Gunmen threw a grenade at a police station in Peshawar on Monday.", "grenade"),
        ("Gunmen killed 3 soldiers with a roadside bomb in Daraa on Monday.",
         "remote-explosive-landmine-ied"),
        ("Rebels fired rockets at the village of Nubl on Monday.",
         "shelling-artillery-missile-attack"),
        # who suffers
        ("Gunmen shot dead two civilians in Daraa on Monday.", "attack"),
        # who gains ground
        ("Government forces captured Palmyra from ISIS on Monday.",
         "government-regains-territory"),
        ("ISIS fighters captured Palmyra from government forces on Monday.",
         "non-state-actor-overtakes-territory"),
        # arrests and abductions
        ("Government forces arrested 20 people in Daraa on Monday.", "arrests"),
        ("ISIS fighters kidnapped 20 people in Raqqa on Monday.",
         "abduction-forced-disappearance"),
        # protests
        ("Hundreds protested in Idlib on Friday.", "peaceful-protest"),
        ("Police fired tear gas to disperse a protest in Daraa on Friday.",
         "protest-with-intervention"),
        ("Police fired tear gas to disperse protesters in Sanaa on Friday.",
         "protest-with-intervention"),
        ("Security forces shot dead three protesters in Baghdad on Friday.",
         "excessive-force-against-protesters"),
        # the project's types for ACLED's riots and strategic developments
        ("Protesters threw stones at police in Basra on Friday.", "violent-demonstration"),
        ("A lynch mob killed a man accused of theft in Kabul on Friday.", "mob-violence"),
        ("Soldiers raped two women in the village of Kolo on Monday.", "sexual-violence"),
        ("Militiamen looted shops in the market of Aden on Tuesday.",
         "looting-property-destruction"),
        ("Saudi air defences intercepted a ballistic missile over Jizan on Monday.",
         "disrupted-weapons-use"),
        ("Security forces defused an explosive device in Aden on Sunday.",
         "disrupted-weapons-use"),
        ("Houthi forces shot down a drone over Saada on Monday.", "disrupted-weapons-use"),
        ("Rebels withdrew from the town of Harasta on Monday, handing it to government forces.",
         "non-violent-transfer-of-territory"),
        ("Turkish forces set up a military base near Afrin on Monday.",
         "headquarters-or-base-established"),
        ("The merger of Jaish al-Islam and Ahrar al-Sham was announced in Idlib on Monday.",
            "change-to-group-activity"),
        # killed fighters: a battle; a killed village chief: violence against civilians
        ("Pro-Houthi forces claim to have shot dead 4 pro-Hadi fighters in Serwah district.",
         "armed-clash"),
        ("Presumed Ansaroul Islam militants assassinated a village chief in Djibo.", "attack"),
    ],
)  # fmt: skip
def test_the_text_decides(extractor, annotate, text, expected):
    assert expected in [sub for _, sub in subs(extractor, annotate, text)], subs(
        extractor, annotate, text
    )


def test_every_event_in_the_graph_has_one(seed_graph):
    from rdflib.namespace import RDF

    from kg.ontology.namespaces import CKG

    data = seed_graph.dataset
    events = set(data.subjects(RDF.type, CKG.Event))
    assert events
    for event in events:
        assert len(list(data.objects(event, CKG.acledSubEventType))) == 1


def _table(tmp_path: Path, body: str) -> str:
    path = tmp_path / "subtypes.yaml"
    path.write_text("version: 1\nrules:\n" + body, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("  - sub: air-strike\n", "no ACLED sub-event type"),
        ("  - sub: attack\n    types: [strike]\n", "no event type or group"),
        ("  - sub: attack\n    agent: [army]\n", "not among"),
        ("  - sub: attack\n    when: [x]\n", "unknown keys"),
        ("  - sub: attack\n    words: [mine/ADJ]\n", "part of speech"),
        ("  - types: [attack]\n", "has no 'sub'"),
    ],
)
def test_a_bad_table_is_a_data_error_naming_the_rule(tmp_path, body, message):
    with pytest.raises(DataError, match=message):
        load_subtype_rules(_table(tmp_path, body))


def test_the_weapon_of_a_stopped_attack_is_no_strike(extractor, annotate):
    found = subs(extractor, annotate, "Air defences intercepted a ballistic missile over Jizan.")
    assert found == [("disrupted_attack", "disrupted-weapons-use")]
