"""``kg eval --acled``: kg's ACLED export scored against ACLED-format rows.

The rows here are invented (never ACLED's own); the slow test reads ../shared's dev data.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.evaluate.acled import (
    METRICS,
    RULE,
    Tally,
    evaluate_acled,
    note_event,
    same_place,
    score_note,
)
from kg.evaluate.acled_csv import AcledNote, read_acled, read_labels, sample, with_labels

ACLED_DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "acled-dev"
COLUMNS = [
    "event_id_cnty", "event_date", "event_type", "actor1", "inter1", "country", "admin1",
    "location", "latitude", "longitude", "source", "notes", "fatalities",
]  # fmt: skip
ROWS = [
    ["TST1", "12 March 2018", "", "Military Forces of Syria", "1", "Syria", "Idleb", "Kafr Nabl",
     "35.6139", "36.5611", "Invented Wire",
     "Syrian government forces shelled Kafr Nabl in Idlib province, killing 2 civilians.", "2"],
    ["TST2", "2018-03-13", "", "Unidentified Armed Group", "3", "Syria", "Aleppo", "Aleppo",
     "36.2021", "37.1343", "Invented Wire", "", "0"],
    ["TST3", "14 March 2018", "", "Protesters", "6", "Testland", "", "", "", "", "Invented Wire",
     "The weather was mild and the market was open.", "0"],
]  # fmt: skip


def write_csv(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


@pytest.fixture
def acled_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "acled.csv", COLUMNS, ROWS)


@pytest.fixture
def labels_csv(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "labels.csv",
        ["event_id_cnty", "in_export", "event_type_2019", "sub_event_type_2019"],
        [["TST1", "yes", "Explosions/Remote violence", "Shelling/artillery/missile attack"],
         ["TST3", "no", "", ""]],
    )  # fmt: skip


# -- reading ---------------------------------------------------------------------------


def test_a_csv_without_notes_is_one_clear_error(tmp_path):
    bad = write_csv(tmp_path / "bad.csv", ["event_id_cnty", "text"], [["X1", "hello"]])
    with pytest.raises(InputError, match=r"bad\.csv: no column 'notes'"):
        read_acled(bad)
    no_id = write_csv(tmp_path / "noid.csv", ["id", "notes"], [["X1", "hello"]])
    with pytest.raises(InputError, match=r"noid\.csv: no column 'event_id_cnty'"):
        read_acled(no_id)


def test_rows_are_read_with_unknown_fields_as_none(acled_csv):
    notes = read_acled(acled_csv)
    assert [n.id for n in notes] == ["TST1", "TST2", "TST3"]
    first, _, third = notes
    assert (first.inter1, first.fatalities, first.admin1) == (1, 2, "Idleb")
    assert first.latitude == pytest.approx(35.6139)
    assert first.event_type is None  # empty in the file: unknown
    assert third.admin1 is None and third.latitude is None
    assert first.origin.endswith("acled.csv:2")


def test_labels_fill_the_types_joined_on_the_event_id(acled_csv, labels_csv):
    labels = read_labels(labels_csv)  # columns found by prefix: event_type_2019
    assert labels["TST3"] == (None, None)
    notes = {n.id: n for n in with_labels(read_acled(acled_csv), [labels])}
    assert notes["TST1"].event_type == "Explosions/Remote violence"
    assert notes["TST1"].sub_event_type == "Shelling/artillery/missile attack"
    assert notes["TST2"].event_type is None and notes["TST3"].event_type is None


def test_a_labels_file_without_a_type_column_is_an_error(tmp_path):
    bad = write_csv(tmp_path / "l.csv", ["event_id_cnty", "kind"], [["TST1", "x"]])
    with pytest.raises(InputError, match=r"l\.csv: no column 'event_type'"):
        read_labels(bad)


def test_the_sample_is_the_first_rows_of_each_country_in_file_order():
    notes = [AcledNote(id=f"{c}{i}", country=c, notes="n", date="") for i in range(3) for c in "AB"]
    assert [n.id for n in sample(notes, per_country=2)] == ["A0", "B0", "A1", "B1"]
    assert [n.id for n in sample(notes, ["b"], per_country=1)] == ["B0"]
    assert sample(notes) == notes


# -- the rule and the agreement --------------------------------------------------------


def test_kg_event_is_the_first_sentence_with_one_then_most_fatalities():
    text = "Clashes in A. Shelling in B killed 3. Shelling in B hit a house."
    late = {"notes": "Shelling in B hit a house.", "fatalities": 0}
    tie_low = {"notes": "Shelling in B killed 3.", "fatalities": 0}
    tie_high = {"notes": "Shelling in B killed 3.", "fatalities": 3}
    assert note_event([late, tie_low, tie_high], text) is tie_high
    assert note_event([], text) is None


def test_admin1_spellings_agree_through_the_place_gazetteer():
    assert same_place("Idleb", "Idlib Governorate")
    assert same_place("Dar'a", "Daraa Governorate")
    assert not same_place("Idleb", "Homs Governorate")


def kg_row(**fields):
    row = {"notes": "N.", "event_type": "", "sub_event_type": "", "inter1": "", "admin1": "",
           "location": "", "latitude": "", "longitude": "", "fatalities": 0}  # fmt: skip
    row.update(fields)
    return row


def test_each_figure_counts_only_rows_where_acled_knows_the_field():
    note = AcledNote(id="T", country="Syria", notes="N. M.", date="", event_type="Battles",
                     admin1="Idleb", latitude=35.61, longitude=36.56, inter1=1,
                     fatalities=2)  # fmt: skip
    near = kg_row(notes="M.", event_type="battles", admin1="Idlib Governorate", latitude="35.70",
                  longitude="36.60", location="X", inter1=1, fatalities=2)  # fmt: skip
    tally, misses = Tally(), Counter()
    score_note(note, [near], tally, misses)
    assert all(tally.agree[m] == tally.total[m] == 1 for m in METRICS if "sub_" not in m)
    assert tally.total["sub_event_type"] == 0  # ACLED's sub-type unknown: left out
    assert not misses

    far = kg_row(event_type="Protests", latitude="36.20", longitude="37.13", location="Y",
                 inter1=2, fatalities=0)  # fmt: skip
    tally, misses = Tally(), Counter()
    score_note(note, [near, far], tally, misses)  # far's sentence comes first
    assert tally.agree["found"] == 1 and tally.agree["event_type"] == 0
    assert tally.agree["event_type_any"] == 1  # the second event agrees
    assert tally.agree["location_25km"] == tally.agree["inter1"] == 0
    assert misses["event_type: Battles -> Protests"] == 1
    assert misses["location: kg place 25-100 km away"] == 1
    assert misses["admin1: kg has none"] == 1 and misses["fatalities: kg lower"] == 1


def test_a_note_without_a_kg_event_disagrees_everywhere():
    note = AcledNote(id="T", country="Syria", notes="", date="", inter1=3, fatalities=0)
    tally, misses = Tally(), Counter()
    score_note(note, [kg_row()], tally, misses)  # an empty note: never kg's event
    assert (tally.agree["found"], tally.total["found"]) == (0, 1)
    assert (tally.agree["inter1"], tally.total["inter1"]) == (0, 1)
    assert tally.total["location_25km"] == 0
    assert misses["inter1: 3 -> (no kg event)"] == 1


# -- end to end (spaCy) ------------------------------------------------------------------


def test_evaluate_builds_each_note_and_reports_per_country(acled_csv, labels_csv):
    result = evaluate_acled(acled_csv, labels=[labels_csv])
    assert list(result.countries) == ["Syria", "Testland"]
    syria = result.countries["Syria"]
    assert (syria.agree["found"], syria.total["found"]) == (1, 2)  # the empty note: not found
    assert syria.total["event_type"] == 1
    assert syria.agree["location_25km"] == 1 and syria.agree["admin1"] == 1
    assert result.countries["Testland"].agree["found"] == 0
    report = result.report()
    assert RULE in report.splitlines()[0]
    assert report.splitlines()[-1].startswith("all")
    data = result.as_dict()
    assert data["all"]["found"] == {"agree": 1, "total": 3, "share": 0.333}


def test_the_command_prints_the_table_and_writes_json(acled_csv, labels_csv, tmp_path):
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        main,
        ["eval", "--acled", str(acled_csv), "--acled-labels", str(labels_csv),
         "--country", "Syria", "--per-country", "1", "--misses-by-kind", "--json", str(out),
         "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "kg against ACLED: 1 notes" in result.output
    assert "== disagreements, by kind" in result.output
    assert json.loads(out.read_text())["countries"]["Syria"]["found"]["total"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give GOLD_DIR"),
        (["gold", "--acled", "a.csv"], "not both"),
        (["--acled", "a.csv", "--corpus", "c.csv"], "--corpus cannot be used with --acled"),
        (["gold", "--per-country", "3"], "--per-country cannot be used with GOLD_DIR"),
    ],
)
def test_the_two_modes_are_exclusive(args, message):
    result = CliRunner().invoke(main, ["eval", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_the_command_names_the_missing_column(tmp_path):
    bad = write_csv(tmp_path / "bad.csv", ["event_id_cnty"], [["X1"]])
    result = CliRunner().invoke(main, ["eval", "--acled", str(bad), "--no-progress"])
    assert result.exit_code == InputError.exit_code
    assert "bad.csv: no column 'notes'" in result.output


@pytest.mark.slow
@pytest.mark.skipif(not ACLED_DEV.is_dir(), reason="../shared/data/acled-dev is absent")
def test_acled_dev_sample_report_structure():
    result = evaluate_acled(
        ACLED_DEV / "acled-middle-east-2018-03-04.csv",
        labels=[ACLED_DEV / "yemen-labels.csv", ACLED_DEV / "syria-battles-labels.csv"],
        per_country=20,
    )
    assert {"Syria", "Yemen", "Iraq"} <= set(result.countries)
    assert all(t.total["found"] <= 20 for t in result.countries.values())
    data = result.as_dict()
    assert set(data["all"]) == set(METRICS)
    assert data["countries"]["Yemen"]["sub_event_type"]["total"] > 0
    assert 0 < data["all"]["found"]["share"] <= 1
    lines = result.report().splitlines()
    assert len(lines) == 2 + len(result.countries) + 1
