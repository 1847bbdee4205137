"""Property-based tests: whatever the text and metadata, reading and extraction never
raise, the graph conforms to the SHACL shapes and survives TriG and N-Quads unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.graph import KnowledgeGraph
from kg.ingest import iter_articles
from kg.types import Article

# Fast enough for every run (KG_HYPOTHESIS_EXAMPLES=1000 for a longer search); the
# example database stays out of the repository.
EXAMPLES = int(os.environ.get("KG_HYPOTHESIS_EXAMPLES", "25"))
FEW = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MANY = settings(FEW, max_examples=6 * EXAMPLES)

# News-like words, so that examples also reach actors, places, events and dates.
_WORDS = [
    "Syrian", "army", "shelled", "Douma", "on", "Monday", "killing", "five", "civilians",
    "rebels", "attacked", "Aleppo", "ISIS", "the", "US-led", "coalition", "airstrike",
    "near", "Raqqa", "said", "SOHR", "reported", ".", ",", "\n", "\n\n", "2017", "April",
    "5", "Russian", "jets", "struck", "Idlib", "according", "to", "\"", "'s", "—",
]  # fmt: skip
news_text = st.lists(st.sampled_from(_WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
any_text = st.text(max_size=300) | news_text
articles = st.builds(
    Article,
    id=st.from_regex(r"[A-Za-z0-9._-]{1,24}", fullmatch=True),
    text=any_text,
    title=st.none() | st.text(max_size=60),
    date=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    publisher=st.none() | st.text(max_size=30) | st.sampled_from(["SANA", "Reuters", "AFP"]),
    url=st.none() | st.text(max_size=60) | st.just('https://example.org/a?b=1&c="d"'),
    origin=st.none() | st.text(max_size=30),
)


@pytest.fixture(scope="module")
def extract(nlp):
    """``extract_article`` with the session's spaCy pipeline already loaded."""
    from kg.pipeline import extract_article

    return extract_article


@FEW
@given(article=articles)
def test_extraction_conforms_and_round_trips(extract, article):
    from kg.ontology.shapes import validate_graph

    named = extract(article)  # never raises
    report = validate_graph(named)
    assert report.conforms, str(report)
    kg = KnowledgeGraph(with_ontology=False)
    target = kg.dataset.graph(named.identifier)
    for triple in named:
        target.add(triple)
    with tempfile.TemporaryDirectory() as folder:
        for name in ("graph.trig", "graph.nq"):
            path = kg.serialize(Path(folder, name))
            back = KnowledgeGraph.load(path).dataset.graph(named.identifier)
            assert isomorphic(back, named), name


@MANY
@given(raw=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".csv", ".jsonl", ".html"]))
def test_any_bytes_are_read_or_refused_with_a_reason(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(raw)
    errors: list = []
    warnings: list[str] = []
    read = list(iter_articles([path], errors=errors, warnings=warnings))  # never raises
    assert all(a.text.strip() and "\x00" not in a.text for a in read)
    assert all(str(path) in str(e) for e in errors)  # every problem names the file
    assert all(str(path) in w for w in warnings)


# Text without control characters (many of them make a file binary: see
# test_bad_input.py); Windows-1252 cannot hold every character.
_CP1252 = st.text(
    st.characters(codec="cp1252", exclude_categories=["Cc"]), min_size=1, max_size=200
)


@MANY
@given(text=st.text(st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=200))
def test_unicode_text_decodes_exactly(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("enc")
    for encoding in ("utf-8", "utf-8-sig", "utf-16"):
        (folder / f"{encoding}.txt").write_bytes(text.encode(encoding))
    errors: list = []
    read = {a.origin: a.text for a in iter_articles([folder], errors=errors)}
    if not text.strip() or "<" in text:  # empty, or possibly read as HTML
        return
    assert errors == []
    assert set(read.values()) == {text}


@MANY
@given(text=_CP1252)
def test_windows_1252_text_decodes_exactly(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("cp") / "a.txt"
    path.write_bytes(text.encode("cp1252"))
    errors: list = []
    read = list(iter_articles([path], errors=errors))
    if not text.strip() or "<" in text:
        return
    try:
        text.encode("ascii")
        ascii_only = True
    except UnicodeEncodeError:
        ascii_only = False
    try:  # bytes that happen to be valid UTF-8 are read as UTF-8: the usual guess
        expected = text.encode("cp1252").decode("utf-8") if not ascii_only else text
    except UnicodeDecodeError:
        expected = text
    assert [a.text for a in read] == [expected]


@MANY
@given(rows=st.lists(st.tuples(st.text(max_size=40), st.text(max_size=120)), max_size=8))
def test_csv_rows_come_back_as_written_or_are_named(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("csv") / "feed.csv"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["id", "title", "text"])
    writer.writerows((f"r{i}", title, body) for i, (title, body) in enumerate(rows))
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    errors: list = []
    read = {a.id: a for a in iter_articles([path], errors=errors, warnings=[])}
    named = {str(e).split(":row ")[1].split(":")[0] for e in errors}
    for i, (title, body) in enumerate(rows):
        if f"r{i}" not in read:  # none is lost silently
            assert str(i + 1) in named, (i, errors)
            continue
        body, title = body.replace("\x00", "").strip(), " ".join(title.replace("\x00", "").split())
        if "<" not in body:
            assert read[f"r{i}"].text == (f"{title}\n\n{body}" if title else body)
