"""The event type, decided in one table (kg.nlp.event_type, data/event_type_rules.yaml)."""

from __future__ import annotations

import pytest

from kg.errors import DataError
from kg.nlp.event_type import EventTyper, load_type_rules
from kg.ontology.vocab import EVENT_TYPES, event_types_under


def types(doc):
    return [e.type for e in doc._.kg_events]


def test_the_shipped_table_reads_the_ontology():
    table = load_type_rules()
    assert [r.when for r in table.mention] == [
        "seized_a_party",
        "airborne",
        "armed_parties_kill",
        "attempted",
    ]
    # a group in the table stands for every type under it in the ontology
    assert table.more_specific["killing"] == event_types_under("armed_violence")
    assert table.generic["attack"] == event_types_under("strike_or_explosion")
    assert set(table.bombardment) <= EVENT_TYPES
    assert table.rank("chemical_attack") < table.rank("bombing") < table.rank("siege")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warplanes attacked Douma on Monday.", "airstrike"),  # air words in the clause
        ("ISIS fighters tried to capture Palmyra.", "attack"),  # an attempted capture
        ("Rebels seized ISIS in Raqqa.", "arrest_or_abduction"),  # people taken, not ground
        ("The YPG killed 10 IS members in Raqqa.", "armed_clash"),  # armed parties kill
        ("Government forces captured Palmyra from ISIS.", "territory_change"),  # no rewrite
    ],
)
def test_rewrites_of_one_mention(annotate, text, expected):
    assert types(annotate(text)) == [expected]


def test_the_more_specific_telling_names_the_event():
    from kg.link.actors import load_actor_gazetteer
    from kg.nlp.rules import load_rules

    typer = EventTyper(load_rules(), load_actor_gazetteer(), load_type_rules())
    assert typer.names_the_event("killing", "bombing")  # the toll, then the act
    assert typer.names_the_event("attack", "airstrike")  # a generic word, then the kind
    assert typer.names_the_event("bombing", "airstrike")  # a bombardment's kind
    assert not typer.names_the_event("airstrike", "attack")
    assert not typer.names_the_event("shelling", "killing")
    assert typer.retold_generically("attack", "shelling") is True
    assert typer.retold_generically("shelling", "attack") is False
    assert typer.retold_generically("shelling", "siege") is None


def test_a_killing_takes_the_kind_of_its_party_s_strikes(nlp):
    from kg.types import Article
    from kg.worker import _extractor

    text = (
        "Syrian government forces committed a massacre in Homs. "
        "54 people were killed in airstrikes by Syrian government forces in Idlib."
    )
    extraction = _extractor().extract(Article(id="t", text=text), nlp(text))
    assert {e.type for e in extraction.events if e.agent == "syrian_government_forces"} == {
        "airstrike"
    }


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("mention:\n  - {when: airborne, from: [attack], to: dogfight}\n", "'dogfight' is no"),
        ("mention:\n  - {when: moonlit, from: [attack], to: airstrike}\n", "no test named"),
        ("mention:\n  - {when: airborne, from: [skirmish], to: airstrike}\n", "'skirmish'"),
        ("mention:\n  - {when: airborne, to: airstrike}\n", "has no 'from'"),
        ("mention: []\nbombardment: [napalm]\n", "bombardment"),
        ("mention: []\ngeneric: {duel: [attack]}\n", "'duel' is no event type"),
    ],
)
def test_a_bad_table_names_the_file_and_the_problem(tmp_path, yaml, message):
    path = tmp_path / "rules.yaml"
    path.write_text(yaml, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_type_rules(str(path))
    assert str(path) in str(info.value)
