"""ACLED's actor codes in the ACLED export (kg.store.acled): a state's forces outside their
own country are external forces (8); protesters, rioters and unnamed perpetrators are coded
as ACLED codes them."""

from __future__ import annotations

import pytest

from kg.analyze.actors import EventRow
from kg.store.acled import _parties
from kg.types import Article


@pytest.fixture(scope="module")
def rows():
    from kg.pipeline import build
    from kg.store.acled import acled_rows

    texts = {
        "ru": "On 3 March 2022, Russian forces shelled Kharkiv, killing three civilians.",
        "ua": "On 3 March 2022, Ukrainian forces shelled Kharkiv, killing three civilians.",
        "ye": "On 3 March 2018, Houthi forces shelled Saudi soldiers in Najran, Saudi Arabia.",
        "ir": "On 3 March 2018, workers staged a protest in Tehran against unpaid wages.",
    }
    graph = build([Article(id=k, text=t) for k, t in texts.items()])
    by_note = {}
    for row in acled_rows(graph):
        by_note.setdefault(row["notes"], row)
    return {k: by_note.get(t) for k, t in texts.items()}


def test_forces_outside_their_country_are_external(rows):
    assert (rows["ru"]["actor1"], rows["ru"]["inter1"]) == ("Russian forces", 8)
    assert (rows["ua"]["actor1"], rows["ua"]["inter1"]) == ("Ukrainian forces", 1)


def test_an_actors_own_code_then_its_country(rows):
    # ACLED codes the Houthis as Yemen's (Sanaa's) forces: 1 at home, 8 across the border
    assert (rows["ye"]["actor1"], rows["ye"]["inter1"]) == ("Houthis", 8)


def test_a_protests_actor1_is_its_protesters(rows):
    assert (rows["ir"]["actor1"], rows["ir"]["inter1"]) == ("Protesters", 6)


def _row(type_key="attack", agent=None, agent_type=None, target=None, target_type=None):
    return EventRow(
        type_key, agent, agent and agent.upper(), target, target and target.upper(), None, None,
        agent_type=agent_type, target_type=target_type,
    )  # fmt: skip


def test_parties_as_acled_codes_them():
    codes = {"police": 1, "protesters": 6, "pkk": 2}.get
    # police dispersed protesters: the protesters are actor1, the police actor2
    row = _row("protest", "police", "state_force", "protesters", "protesters")
    assert _parties(row, "Protests", codes) == (None, "Protesters", 6, "police", "POLICE", 1)
    # a battle with one side named: it is actor1
    row = _row("armed_clash", None, None, "pkk", "armed_opposition")
    assert _parties(row, "Battles", codes)[:3] == ("pkk", "PKK", 2)
    assert _parties(row, "Battles", codes)[4:] == ("Unidentified Armed Group", 3)
    # a bomb with nobody named
    assert _parties(_row("bombing"), "Explosions/Remote violence", codes)[1:3] == (
        "Unidentified Armed Group",
        3,
    )
    # a strategic development needs no perpetrator
    assert _parties(_row("agreement"), "Strategic developments", codes)[1:3] == ("", None)
