"""The curated actor files: data/actors.yaml and the conflict files of data/actors/ (issue 14
part 2, issue 17 part 5)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from kg.errors import DataError
from kg.link.actors import actor_files, load_actor_gazetteer, parse_actor_gazetteer
from kg.link.countries import load_countries
from kg.resources import data_path

MAIN = data_path("actors.yaml")
FILES = [MAIN, *actor_files(MAIN)]
WARS = {
    "ukraine", "israel-palestine-lebanon", "sudan", "yemen", "sahel", "libya", "afghanistan",
    "iraq", "myanmar", "drc", "somalia", "ethiopia", "nigeria",
}  # fmt: skip


def entries():
    return [(f, e) for f in FILES for e in yaml.safe_load(f.read_text())["actors"]]


def test_one_file_per_war_each_naming_its_sources():
    names = {f.stem for f in actor_files(MAIN)}
    assert names >= WARS
    for file in actor_files(MAIN):
        assert "# source:" in file.read_text(), file


def test_wikidata_ids_are_well_formed_and_unique():
    ids = [e["wikidata"] for _, e in entries() if e.get("wikidata")]
    assert all(re.fullmatch(r"Q[1-9]\d*", i) for i in ids), ids
    assert not [i for i, n in Counter(ids).items() if n > 1]
    assert len(ids) >= 40


def test_ids_are_unique_and_countries_known():
    keys = [e["id"] for _, e in entries()]
    assert not [k for k, n in Counter(keys).items() if n > 1]
    countries = load_countries()
    for file, entry in entries():
        assert entry.get("country") in (None, *countries), (file, entry["id"])
        assert entry.get("acled_inter") in (None, *range(1, 9)), (file, entry["id"])


@pytest.mark.parametrize(
    ("key", "type_", "country"),
    [
        ("dpr_forces", "armed_opposition", "UA"), ("wagner_group", "militia", "RU"),
        ("hamas", "armed_opposition", "PS"), ("israeli_settlers", "militia", "IL"),
        ("rapid_support_forces", "armed_opposition", "SD"), ("houthis", "armed_opposition", "YE"),
        ("aqap", "jihadist_group", "YE"), ("jnim", "jihadist_group", "ML"),
        ("libyan_national_army", "state_force", "LY"), ("taliban", "armed_opposition", "AF"),
        ("iskp", "jihadist_group", "AF"), ("popular_mobilization_forces", "militia", "IQ"),
        ("myanmar_forces", "state_force", "MM"), ("arakan_army", "armed_opposition", "MM"),
        ("m23", "armed_opposition", "CD"), ("al_shabaab", "jihadist_group", "SO"),
        ("tplf", "armed_opposition", "ET"), ("iswap", "jihadist_group", "NG"),
        ("atmis", "international_organization", None),
    ],
)  # fmt: skip
def test_parties_of_todays_wars(key, type_, country):
    actor = load_actor_gazetteer().get(key)
    assert (actor.type, actor.country) == (type_, country)


def test_acled_codes_where_acled_differs_from_the_type():
    gaz = load_actor_gazetteer()
    assert gaz.get("houthis").acled_inter == 1  # the Supreme Political Council's forces
    assert gaz.get("wagner_group").acled_inter == 8
    assert gaz.get("codeco").acled_inter == 4


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_id_used_in_two_files_is_an_error(tmp_path):
    main = _write(tmp_path, "actors.yaml", "actors:\n  - {id: a, name: A, type: militia}\n")
    (tmp_path / "actors").mkdir()
    other = _write(tmp_path / "actors", "x.yaml", "actors:\n  - {id: a, name: B, type: militia}\n")
    data = [(yaml.safe_load(f.read_text()), f) for f in actor_files(main)]
    assert [f for _, f in data] == [other]
    with pytest.raises(DataError, match="used twice"):
        parse_actor_gazetteer(yaml.safe_load(main.read_text()), main, data)


@pytest.mark.parametrize(
    "extra", ["country: XX", "acled_inter: 9", "wikidata: 'Q0'", "wikidata: wd:Q5"]
)
def test_bad_fields_are_errors(tmp_path, extra):
    text = f"actors:\n  - id: a\n    name: A\n    type: militia\n    {extra}\n"
    main = _write(tmp_path, "actors.yaml", text)
    with pytest.raises(DataError, match="actor 'a'"):
        parse_actor_gazetteer(yaml.safe_load(text), main, (), load_countries())
