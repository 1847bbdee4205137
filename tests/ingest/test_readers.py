import pytest

from kg.errors import InputError
from kg.ingest import iter_articles, read_article_file, slugify


def test_seed_article_reads_with_title(seed_path, seed_text):
    article = read_article_file(seed_path)
    assert article.id == "coalition-strike-at-tanf"
    assert article.title == "U.S.-led Coalition Hits pro-Syrian Govt. Forces"
    assert article.text == seed_text


def test_folder_recursion_and_errors_do_not_stop_others(tmp_path):
    (tmp_path / "a.txt").write_text("Clashes in Aleppo.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Strikes on Idlib.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    errors: list[InputError] = []
    articles = list(iter_articles([tmp_path, tmp_path / "missing.txt"], errors=errors))
    assert sorted(a.id for a in articles) == ["a", "b"]
    messages = sorted(str(e) for e in errors)
    assert any("empty.txt: the file is empty" in m for m in messages)
    assert any("missing.txt: no such file" in m for m in messages)


def test_without_an_error_list_the_first_problem_raises(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_articles([tmp_path / "missing.txt"]))


def test_encodings(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Raqqa – café".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes("Homs shelled".encode("utf-16"))
    texts = {a.id: a.text for a in iter_articles([tmp_path])}
    assert texts == {"latin": "Raqqa – café", "utf16": "Homs shelled"}


def test_binary_file_is_refused(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        read_article_file(tmp_path / "x.txt")


def test_duplicate_names_get_distinct_ids(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(f"Text {folder}", encoding="utf-8")
    ids = [a.id for a in iter_articles([tmp_path])]
    assert len(set(ids)) == 2


def test_slugify():
    assert slugify("Ḩamāh: Day 3") == "hamah-day-3"
    assert slugify("دمشق").startswith("h")
