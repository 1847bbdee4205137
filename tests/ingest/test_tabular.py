"""CSV, TSV and JSON Lines input: one article per row or line."""

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import Columns, iter_articles

FAKES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "fa-kes" / "fa-kes-dev.csv"


def read(paths, **kwargs):
    errors: list[InputError] = []
    articles = list(iter_articles(paths, errors=errors, **kwargs))
    return articles, [str(e) for e in errors]


def test_csv_with_fa_kes_columns(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date,location,labels\n"
        '101,Strikes hit Idlib,"Wed 05 Apr 2017 Strikes hit Idlib. Jets struck, twice.",'
        "reuters,4/5/2017,idlib,1\n",
        encoding="utf-8-sig",
    )
    [article], errors = read([path])
    assert errors == []
    assert article.id == "101"
    assert article.title == "Strikes hit Idlib"
    assert (
        article.text
        == "Strikes hit Idlib\n\nWed 05 Apr 2017 Strikes hit Idlib. Jets struck, twice."
    )
    assert article.text.splitlines()[0] == article.title
    assert article.date == dt.date(2017, 4, 5)
    assert article.publisher == "reuters"
    assert article.origin == f"{path}:row 1"


def test_csv_with_custom_column_names_case_insensitive(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        "GUID,Heading,Body_HTML,When,Site,Href\n"
        "a/1,Homs shelled,Shells fell on Homs.,2016-07-02,SANA,https://x.test/1\n",
        encoding="utf-8",
    )
    columns = Columns(id="guid", title="heading", text="body_html", date="when",
                      publisher="site", url="href")  # fmt: skip
    [article], errors = read([path], columns=columns)
    assert errors == []
    assert article.id == "a-1"  # not a safe id as given: slugified
    assert article.text == "Homs shelled\n\nShells fell on Homs."
    assert (article.date, article.publisher, article.url) == (
        dt.date(2016, 7, 2),
        "SANA",
        "https://x.test/1",
    )


def test_named_column_that_is_missing_is_one_error(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("id,text\n1,Shells fell on Homs.\n", encoding="utf-8")
    articles, errors = read([path], columns=Columns(title="heading"))
    assert articles == []
    assert errors == [
        f"{path}: no column 'heading' for the title; its columns are: id, text "
        "(name the column with --title-column)"
    ]


def test_tsv_and_rows_without_id_or_title(tmp_path):
    path = tmp_path / "My Feed.tsv"
    path.write_text(
        "body\tpub_date\nShells fell on Homs.\t5 April 2017\nClashes.\t\n", encoding="utf-8"
    )
    articles, errors = read([path])
    assert errors == []
    assert [a.id for a in articles] == ["my-feed-1", "my-feed-2"]
    assert [a.title for a in articles] == [None, None]
    assert articles[0].text == "Shells fell on Homs."
    assert [a.date for a in articles] == [dt.date(2017, 4, 5), None]


def test_jsonl_broken_line_does_not_stop_the_others(tmp_path):
    path = tmp_path / "x.jsonl"
    lines = [
        json.dumps({"id": 7, "headline": "Raqqa", "content": "Strikes on Raqqa.", "date": None}),
        "",
        '{"id": 8, "content": "broken" "date": 1}',
        json.dumps([1, 2]),
        json.dumps({"ID": "9", "Content": "Clashes in Daraa.", "Published": "April 5, 2017"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read([path])
    assert [(a.id, a.title, a.text) for a in articles] == [
        ("7", "Raqqa", "Raqqa\n\nStrikes on Raqqa."),
        ("9", None, "Clashes in Daraa."),
    ]
    assert articles[1].date == dt.date(2017, 4, 5)
    assert articles[1].origin == f"{path}:line 5"
    assert errors[0].startswith(f"{path}:line 3: invalid JSON (Expecting ',' delimiter")
    assert errors[1] == f"{path}:line 4: expected a JSON object, not list"


def test_no_text_column_is_one_clear_error(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("id,title,summary\n1,A,B\n2,C,D\n", encoding="utf-8")
    errors: list[InputError] = []
    assert list(iter_articles([path], errors=errors)) == []
    [error] = errors
    assert "data.csv: no text column" in str(error)
    assert "its columns are: id, title, summary (name the column with --text-column)" in str(error)
    assert "--text-column" in error.hint


def test_without_an_error_list_a_bad_row_raises(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("id,text\n1,Shells fell.\n2,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"data.csv:row 2: no text"):
        list(iter_articles([path]))


def test_ragged_and_empty_rows(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text(
        "id,title,text,date\n"
        "1,Homs,Shells fell on Homs.\n"  # short row: no date
        "2,Idlib,Jets struck,Idlib,4/5/2017\n"  # one field too many: columns shifted
        "3,Daraa,   ,4/5/2017\n"  # empty text
        "\n"  # blank line: not a row
        "4,Aleppo,Clashes in Aleppo.,31/12/2016\n",
        encoding="utf-8",
    )
    articles, errors = read([path])
    assert [(a.id, a.date) for a in articles] == [("1", None), ("4", dt.date(2016, 12, 31))]
    assert errors == [
        f"{path}:row 2: 5 fields but the header has 4",
        f"{path}:row 3: no text",
    ]


def test_duplicate_ids_are_told_apart_in_order(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("id,text\n5,One.\n5,Two.\n5,Three.\n5-2,Four.\n", encoding="utf-8")
    articles, errors = read([path])
    assert errors == []
    assert [a.id for a in articles] == ["5", "5-2", "5-3", "5-2-2"]


def test_folder_picks_up_tables_and_text_files(tmp_path):
    (tmp_path / "a.txt").write_text("Clashes in Aleppo.", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text\nb1,Strikes on Idlib.\n", encoding="utf-8")
    (tmp_path / "c.ndjson").write_text('{"text": "Shelling in Homs."}\n', encoding="utf-8")
    articles, errors = read([tmp_path])
    assert errors == []
    assert sorted(a.id for a in articles) == ["a", "b1", "c-1"]


def test_cp1252_csv_falls_back_like_text_files(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("id,text\n1,Raqqa – café\n".encode("cp1252"))
    [article], _ = read([path])
    assert article.text == "Raqqa – café"


def test_large_fields(tmp_path):
    path = tmp_path / "big.csv"
    body = "Shells fell. " * 20_000  # over the csv module's default field limit
    path.write_text(f'id,text\n1,"{body}"\n', encoding="utf-8")
    [article], errors = read([path])
    assert errors == [] and article.text == body.strip()


def test_dateline_wins_over_the_date_column(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text(
        "id,title,text,date\n"
        "1,Homs,Published April 19 2017 Shells fell on Homs.,\n"
        "2,Idlib,Published April 19 2017 Jets struck Idlib.,4/18/2017\n"
        "3,Daraa,Clashes in Daraa.,not a date\n"
        "4,Hama,Clashes in Hama.,4/18/2017\n",
        encoding="utf-8",
    )
    articles, errors = read([path])
    assert errors == []
    assert [a.date for a in articles] == [
        dt.date(2017, 4, 19),
        dt.date(2017, 4, 19),
        None,
        dt.date(2017, 4, 18),
    ]


def test_text_file_takes_the_date_of_its_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Strikes hit Idlib\n\n9 Oct 2016 Jets struck Idlib.\n", encoding="utf-8")
    [article], _ = read([path])
    assert article.date == dt.date(2016, 10, 9)


@pytest.mark.skipif(not FAKES.is_file(), reason="FA-KES is not in ../shared")
def test_the_whole_fa_kes_csv():
    import csv

    csv.field_size_limit(1 << 30)
    with FAKES.open(encoding="utf-8-sig", newline="") as handle:
        unit_ids = [row["unit_id"] for row in csv.DictReader(handle)]
    articles, errors = read([FAKES])
    assert errors == []
    assert len(articles) == 752
    assert all(a.date is not None and a.title and a.publisher for a in articles)
    # unit_id 1926479112 is given twice (rows 459 and 460): the second is told apart
    assert [a.id.removesuffix("-2") for a in articles] == unit_ids
    assert sum(a.id != u for a, u in zip(articles, unit_ids, strict=True)) == 1
    assert articles[0].date == dt.date(2017, 4, 5)  # 4/5/2017: month first


def test_jsonl_keys_per_object_and_a_first_object_without_text(tmp_path):
    path = tmp_path / "y.jsonl"
    path.write_text('{"body": "Shelling in Homs."}\n{"title": "No text here"}\n', encoding="utf-8")
    articles, errors = read([path])
    assert [a.id for a in articles] == ["y-1"]
    assert errors == [f"{path}:line 2: no text"]
    path.write_text('{"title": "No text here"}\n{"body": "Shelling in Homs."}\n', encoding="utf-8")
    articles, errors = read([path])
    assert articles == []
    assert [e.split(";")[0] for e in errors] == [
        f"{path}: no text key (looked for text, content, article_content, body)"
    ]
