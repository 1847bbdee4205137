"""kg_layout: skipped page furniture, datelines and the publisher line."""

import pytest
import spacy

from kg.ingest.datelines import load_dateline_rules
from kg.nlp.layout import Layout, in_skipped
from kg.nlp.rules import load_rules


@pytest.fixture(scope="module")
def layout():
    blank = spacy.blank("en")
    component = Layout(load_rules(), load_dateline_rules())
    return lambda text: component(blank(text))


def skipped(doc):
    return [doc.text[a:b] for a, b in doc._.kg_skip]


def test_only_the_dateline_of_a_line_is_skipped(layout):
    text = (
        "Strikes hit Idlib\n\nWed 05 Apr 2017 Strikes hit Idlib. Jets struck the town.\n\n"
        "Photo: AFP\n\n9 Oct 2016 More strikes."
    )
    doc = layout(text)
    assert skipped(doc) == ["Wed 05 Apr 2017", "Photo: AFP", "9 Oct 2016"]
    assert not in_skipped(doc, text.index("Strikes hit Idlib."))
    assert in_skipped(doc, text.index("Apr"))


def test_byline_and_update_time_are_part_of_the_dateline(layout):
    doc = layout("Toxic gas\n\nPosted on August 3 2016 by Jordan Dakamseh Toxic Gas Dropped")
    assert skipped(doc) == ["Posted on August 3 2016 by Jordan Dakamseh"]
    doc = layout("Blast\n\n12.10.2016(updated 15:30 12.10.2016) Get short URL A blast")
    assert skipped(doc) == ["12.10.2016(updated 15:30 12.10.2016)"]


def test_wire_dateline_after_the_repeated_headline(layout):
    text = "Air raids kill 18\n\nAir raids kill 18 Monitor AFP Saturday 16 Jul 2016 Air raids on"
    assert skipped(layout(text)) == ["AFP Saturday 16 Jul 2016"]


def test_no_dateline_no_skip(layout):
    assert skipped(layout("Strikes hit Idlib\n\nThree people died on 5 April 2017.")) == []


def test_pipeline_ignores_names_in_the_dateline(annotate):
    text = (
        "Toxic gas dropped on Saraqeb\n\n"
        "Posted on August 3 2016 by Jordan Dakamseh Toxic gas dropped on Saraqeb. "
        "Russian jets struck Aleppo."
    )
    doc = annotate(text)
    dateline_end = text.index(" Toxic gas dropped on Saraqeb.")
    assert (text.index("Posted"), dateline_end) in doc._.kg_skip
    for key in ("kg_actors", "kg_places", "kg_triggers"):
        assert not [
            s.text for s in doc.spans[key] if text.index("Posted") <= s.start_char < dateline_end
        ]
    assert "Aleppo" in [s.text for s in doc.spans["kg_places"]]
