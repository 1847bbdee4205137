"""The tune and check splits of a gold folder, and ``kg eval`` printing them apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import InputError
from kg.evaluate.splits import check_ids_from_guide, misses_by_kind, parse_check_ids

SHARED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "data" / "gold"

GUIDE = """# Gold

## Tune and check
The files form two splits. **Check** (never debug one): 111, 222,
333. **Tune**: all the others (the seed and 444).

## Next
Numbers here (555) are not in the check split.
"""


def test_the_guide_names_the_check_split(tmp_path):
    (tmp_path / "GUIDE.md").write_text(GUIDE, encoding="utf-8")
    assert check_ids_from_guide(tmp_path) == {"111", "222", "333"}


def test_no_guide_or_no_section_is_no_split(tmp_path):
    assert check_ids_from_guide(tmp_path) == frozenset()
    (tmp_path / "GUIDE.md").write_text("# Gold\n**Check** 1, 2\n", encoding="utf-8")
    assert check_ids_from_guide(tmp_path) == frozenset()


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="../shared/data/gold is not present")
def test_the_shared_guide_names_sixteen_check_files():
    ids = check_ids_from_guide(SHARED_GOLD)
    assert len(ids) == 16
    on_disk = {p.stem for p in SHARED_GOLD.glob("*.json")}
    assert ids <= on_disk and len(on_disk - ids) >= 24


def test_check_ids_by_list_or_file(tmp_path):
    assert parse_check_ids("a, b,c") == {"a", "b", "c"}
    listed = tmp_path / "check.txt"
    listed.write_text("x\ny\n", encoding="utf-8")
    assert parse_check_ids(f"@{listed}") == {"x", "y"}
    with pytest.raises(InputError, match="no article"):
        parse_check_ids(" , ")
    with pytest.raises(InputError, match="missing.txt"):
        parse_check_ids(f"@{tmp_path / 'missing.txt'}")


def test_misses_are_counted_by_kind_naming_no_article():
    lines = misses_by_kind(
        [
            "123: missed place Kafr Nabl",
            "456: missed place Binnish",
            "123: extra actor Foo",
            "456: event attack wrong target,place: gold [...] got [...]",
            "789: missed event shelling None -> None @ Idlib",
        ]
    )
    assert lines == [
        "missed place: 2",
        "event wrong place: 1",
        "event wrong target: 1",
        "extra actor: 1",
        "missed event: 1",
    ]
    assert not any(n in " ".join(lines) for n in ("123", "456", "789", "Kafr"))


def test_kg_eval_prints_the_tune_and_check_split(tmp_path, seed_path):
    from kg.cli.main import main

    for unit in ("one", "two"):
        text = tmp_path / f"{unit}{seed_path.suffix}"
        text.write_bytes(seed_path.read_bytes())
        gold = {
            "unit_id": unit,
            "text_file": text.name,
            "actors": [{"name": "Islamic State", "type": "jihadist_group", "mentions": ["ISIS"]}],
            "places": [],
            "events": [],
        }
        (tmp_path / f"{unit}.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        main, ["eval", str(tmp_path), "--check-ids", "two", "--json", str(out), "--misses"]
    )
    assert result.exit_code == 0, result.output
    assert "== tune split (1 articles)" in result.output
    assert "== check split (1 articles)" in result.output
    assert "== all (2 articles)" in result.output
    assert "== check misses, by kind" in result.output
    check_part = result.output.split("== check misses, by kind")[1]
    assert "two:" not in check_part
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["tune"]["actor"]["gold"] == scores["check"]["actor"]["gold"] == 1
    assert scores["actor"]["gold"] == 2
