"""An event needs no named party (issue 14, part 4): a party no actor stands for
("unknown gunmen", "presumed militants", "a village chief") or a victim counted makes a
mention an event even with no actor or place linked (kg.nlp.event_args.note_unnamed,
kg.nlp.event_coref.told_of_someone, kg.nlp.event_filter)."""

from __future__ import annotations

import pytest

from kg.types import Article


@pytest.fixture(scope="module")
def extractor():
    from kg.worker import _extractor

    return _extractor()


def events(extractor, annotate, text: str):
    return extractor.extract(Article(id="t", text=text), annotate(text)).events


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Indiscriminate shells fired by presumed LNA forces hit a residential area.", "shelling"),
        ("On 3 March, unknown gunmen shot a civilian dead in Taizz.", "attack"),
        ("A bomb attached to a vehicle killed 1 policeman in Aden.", "bombing"),
        ("7 Houthi fighters were killed by pro-Hadi troops during fighting in Hays.",
         "armed_clash"),
        ("Presumed Ansaroul Islam militants assassinated a village chief in Djibo.", "killing"),
        ("Pro-Houthi forces claim to have shot dead 4 pro-Hadi fighters in Serwah.", "killing"),
        ("Clashes between pro-Hadi forces and pro-Houthi forces took place on the front.",
         "armed_clash"),
        # the people after "of" a quantity; the party a clash is "with"
        ("Dozens of pro-Hadi fighters were killed during clashes with Houthi militias.",
         "armed_clash"),
        ("Pro-Houthi forces fired artillery at pro-Hadi forces in the district.", "shelling"),
    ],
)  # fmt: skip
def test_an_event_of_unnamed_parties(extractor, annotate, text, type_):
    assert type_ in [e.type for e in events(extractor, annotate, text)]


def test_the_number_killed_is_the_bombings(extractor, annotate):
    (bombing,) = events(extractor, annotate, "A bomb attached to a vehicle killed 1 policeman.")
    assert bombing.fatalities == 1


@pytest.mark.parametrize(
    "text",
    [
        # what may have happened is no event of its own
        "The Russians may have killed 70,000 victims in less than six months.",
        "Russians could be jailed for calling it a war.",
        # a capture is nothing without its place
        "Unknown gunmen seized control.",
        # nobody named, nothing counted
        "The attack was condemned.",
        # victims do not attack: "the number of victims was striking"
        'He said the number of victims was "striking", given the goals.',
    ],
)
def test_no_event_without_someone(extractor, annotate, text):
    assert not events(extractor, annotate, text)
