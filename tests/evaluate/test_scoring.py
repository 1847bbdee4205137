"""Scoring against gold, on hand-made gold and a real extraction of the seed."""

from __future__ import annotations

import json

import pytest

from kg.evaluate.gold import load_gold
from kg.evaluate.scoring import evaluate_extractions, norm


def test_norm():
    assert norm("Assad’s  Forces") == norm("assad's forces") == "assad forces"


@pytest.fixture(scope="module")
def seed_extraction(seed_path):
    from kg.ingest import read_article_file
    from kg.pipeline import extract_docs

    ((_, extraction),) = extract_docs([read_article_file(seed_path)])
    return extraction


def write_gold(tmp_path, seed_path, **parts):
    gold = {
        "unit_id": "seed",
        "text_file": str(seed_path),
        "actors": [],
        "places": [],
        "events": [],
        **parts,
    }
    (tmp_path / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    return load_gold(tmp_path)[0]


def test_actors_match_by_alias_and_mention(tmp_path, seed_path, seed_extraction):
    gold = write_gold(
        tmp_path,
        seed_path,
        actors=[
            {"name": "Islamic State", "type": "jihadist_group", "mentions": ["ISIS"]},
            {"name": "Nobody", "type": "other", "mentions": ["Nobody at all"]},
        ],
    )
    result = evaluate_extractions([(gold, seed_extraction)])
    assert result.counts["actor_tp"] == 1 and result.counts["actor_gold"] == 2
    p, r, f = result.prf("actor")
    assert r == 0.5 and 0 < p < 1


def test_places_match_by_geonames_id(tmp_path, seed_path, seed_extraction):
    gold = write_gold(
        tmp_path,
        seed_path,
        places=[{"name": "Dimashq", "kind": "city", "geonameid": 170654, "mentions": []}],
    )
    assert evaluate_extractions([(gold, seed_extraction)]).counts["place_tp"] == 1


def test_event_matching_needs_sentence_type_and_a_role(tmp_path, seed_path, seed_extraction):
    sentence = (
        "In April, ISIS forces attempted to take the US base near At Tanf in which "
        "three US-backed Syrian rebels were killed."
    )
    right = {
        "type": "attack",
        "agent": "ISIS",
        "target": "Syrian rebels",
        "place": "At Tanf",
        "date": None,
        "fatalities": 3,
        "modality": "attempted",
        "sentence": sentence,
    }
    gold = write_gold(
        tmp_path,
        seed_path,
        actors=[
            {"name": "ISIS", "type": "jihadist_group", "mentions": ["ISIS"]},
            {"name": "Syrian rebels", "type": "armed_opposition", "mentions": ["rebels"]},
        ],
        places=[{"name": "At Tanf", "kind": "town", "mentions": ["At Tanf"]}],
        events=[right],
    )
    result = evaluate_extractions([(gold, seed_extraction)])
    assert result.counts["event_tp"] == 1
    assert result.accuracy("fatalities") == 1.0 and result.accuracy("modality") == 1.0
    wrong_type = {**right, "type": "siege"}
    gold = write_gold(
        tmp_path, seed_path, actors=gold.actors, places=gold.places, events=[wrong_type]
    )
    result = evaluate_extractions([(gold, seed_extraction)])
    assert result.counts["event_tp"] == 0 and result.counts["event_candidates"] == 1
    assert result.accuracy("type") == 0.0
    elsewhere = {**right, "sentence": "Syrian Arab Army’s advance towards At Tanf"}
    gold = write_gold(
        tmp_path, seed_path, actors=gold.actors, places=gold.places, events=[elsewhere]
    )
    assert evaluate_extractions([(gold, seed_extraction)]).counts["event_tp"] == 0


def test_matches_are_assigned_before_candidates(tmp_path, seed_path, seed_extraction):
    """A gold event that only shares a sentence must not take the predicted event that
    another gold event matches."""
    sentence = (
        "In April, ISIS forces attempted to take the US base near At Tanf in which "
        "three US-backed Syrian rebels were killed."
    )
    base = {"target": None, "date": None, "fatalities": None, "modality": "attempted"}
    near_miss = {**base, "type": "siege", "agent": "ISIS", "place": None, "sentence": sentence}
    match = {**base, "type": "attack", "agent": "ISIS", "place": "At Tanf", "sentence": sentence}
    gold = write_gold(
        tmp_path,
        seed_path,
        actors=[{"name": "ISIS", "type": "jihadist_group", "mentions": ["ISIS"]}],
        places=[{"name": "At Tanf", "kind": "town", "mentions": ["At Tanf"]}],
        events=[near_miss, match],
    )
    result = evaluate_extractions([(gold, seed_extraction)])
    assert result.counts["event_tp"] == 1
