"""Bad input: every file or row that cannot be read is named with its problem in one line,
the rest is built, and the build ends with a summary and exit status 2.

The table in ``tests/robustness/README.md`` shows what ``kg build`` prints for each.
"""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.errors import InputError
from kg.ingest import iter_articles
from kg.types import Article

GOOD = "Syrian army shelled Douma on Monday, killing 5.\n"


def read(paths, **options):
    errors: list[InputError] = []
    warnings: list[str] = []
    articles = list(iter_articles(paths, errors=errors, warnings=warnings, **options))
    return articles, [str(e) for e in errors], warnings


def build(*args: str):
    return CliRunner().invoke(main, ["build", *map(str, args), "--no-progress"])


# -- files that cannot be read ------------------------------------------------------


def test_empty_binary_and_missing_files_are_named_and_the_rest_is_built(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    out = tmp_path / "out.trig"
    result = build(tmp_path, tmp_path / "missing.txt", "--out", out)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert "summary: 1 ok, 4 skipped, 0 warnings" in lines
    assert f"skipped: {tmp_path / 'empty.txt'}: the file is empty" in lines
    assert f"skipped: {tmp_path / 'binary.txt'}: looks like a binary file, not text" in lines
    assert f"skipped: {tmp_path / 'report.txt'}: looks like a PDF file, not text" in lines
    assert f"skipped: {tmp_path / 'missing.txt'}: no such file" in lines
    assert "built" in result.stdout and "1 article(s)" in result.stdout and out.exists()


def test_a_clean_build_says_so_and_exits_0(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = build(tmp_path / "good.txt", "--out", tmp_path / "out.trig")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "summary: 1 ok, 0 skipped, 0 warnings"


def test_store_builds_end_with_the_same_summary(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    store = tmp_path / "store"
    first = build(tmp_path, "--store", store)
    assert first.exit_code == 2, first.output
    assert "summary: 1 ok, 1 skipped, 0 warnings" in first.stderr
    assert f"skipped: {tmp_path / 'empty.txt'}: the file is empty" in first.stderr
    again = build(tmp_path / "good.txt", "--store", store)
    assert again.exit_code == 0, again.output
    assert "summary: 1 ok (1 unchanged), 0 skipped, 0 warnings" in again.stderr


def test_problem_lines_stay_one_line(tmp_path):
    path = tmp_path / "odd\nname.csv"
    path.write_text("x\x1b[31m,y\n1,2\n", encoding="utf-8")
    result = build(path, "--out", tmp_path / "out.trig")
    assert result.exit_code == 2
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("skipped:")]
    assert "odd\\nname.csv: no text column" in line and "x\\x1b[31m" in line


# -- encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Café in Damascus: shelling.".encode("latin-1"), "Café in Damascus: shelling."),
        ("“Quoted” – it’s Douma".encode("cp1252"), "“Quoted” – it’s Douma"),
        ("Café “Douma”".encode("utf-16"), "Café “Douma”"),  # with a BOM
        ("Café “Douma”".encode("utf-16-le"), "Café “Douma”"),  # without one
        ("Café “Douma”".encode("utf-16-be"), "Café “Douma”"),
        ("\ufeffCafé “Douma”".encode(), "Café “Douma”"),  # UTF-8 with a BOM
    ],
)
def test_encodings_decode_exactly(tmp_path, raw, text):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    [article], errors, _ = read([path])
    assert errors == [] and article.text == text


def test_broken_utf16_says_why(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Douma".encode("utf-16") + b"\x00\xd8")  # a lone surrogate
    _, errors, _ = read([path])
    assert errors == [f"{path}: not valid UTF-16 at byte 12 (unexpected end of data)"]


# -- HTML ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Strike on Douma</title>
<meta property="article:published_time" content="2017-04-05T10:00:00Z">
<meta property="og:site_name" content="Example News">
<script>var tracking = "Rebels attacked Aleppo";</script>
<style>p { color: red }</style></head>
<body><nav>Home | World</nav>
<p>Syrian army shelled   <b>Douma</b> on Monday, killing 5.</p>
<p>Caf&eacute; owners fled&nbsp;&ldquo;at once&rdquo;.</p>
<script>alert(1)</script><noscript>Enable JavaScript</noscript>
</body></html>"""


@pytest.mark.parametrize("name", ["page.html", "page.txt"])  # HTML saved as .txt too
def test_html_is_read_as_its_text(tmp_path, name):
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    [article], errors, _ = read([path])
    assert errors == []
    assert article.text == (
        "Strike on Douma\n\nSyrian army shelled Douma on Monday, killing 5.\n\n"
        "Café owners fled “at once”."  # &nbsp; read as a space, as browsers show it
    )
    assert article.title == "Strike on Douma"
    assert str(article.date) == "2017-04-05" and article.publisher == "Example News"


def test_html_in_a_table_cell_is_read_as_its_text(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,title,text\n1,Douma,"<p>Jets struck <a href=""x"">Douma</a>.</p>'
        '<script>x()</script>"\n',
        encoding="utf-8",
    )
    [article], errors, _ = read([path])
    assert errors == [] and article.text == "Douma\n\nJets struck Douma."


def test_an_html_page_without_text_is_named(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><script>only()</script></html>", encoding="utf-8")
    _, errors, _ = read([path])
    assert errors == [f"{path}: the HTML page holds no text outside its markup and scripts"]


# -- tables -------------------------------------------------------------------------


def test_an_embedded_nul_is_removed_from_its_row_only(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"title,text\nA,Syrian army\x00 shelled Douma.\nB,Rebels attacked Aleppo.\n")
    articles, errors, warnings = read([path])
    assert errors == []
    assert [a.text for a in articles] == [
        "A\n\nSyrian army shelled Douma.",
        "B\n\nRebels attacked Aleppo.",
    ]
    assert warnings == [f"{path}:row 1: text: 1 NUL character removed"]


def test_debris_in_a_row_does_not_make_the_table_binary(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_bytes(b"id,text\n1,\x01\x02\x03\x04\x05\x06\n2,Rebels attacked Aleppo.\n")
    articles, errors, _ = read([path])
    assert errors == [] and [a.id for a in articles] == ["1", "2"]


def test_a_table_that_is_binary_is_refused(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08\n" + bytes(range(256)))
    _, errors, _ = read([path])
    assert errors == [f"{path}: looks like a binary file, not text"]


def test_jsonl_control_characters_inside_strings_are_accepted(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "Jets\x00 struck\x0c Idlib\xe2\x80\xa8 at dawn."}\n{"text": \n')
    articles, errors, warnings = read([path])
    assert [a.text for a in articles] == ["Jets struck\x0c Idlib\u2028 at dawn."]
    assert errors == [f"{path}:line 2: invalid JSON (Expecting value at column 10)"]
    assert warnings == [f"{path}:line 1: text: 1 NUL character removed"]


def test_duplicate_ids_with_different_texts_are_kept_with_a_warning(tmp_path):
    path = tmp_path / "dupe.csv"
    path.write_text(
        "id,text\n1,Syrian army shelled Douma.\n1,Rebels attacked Aleppo.\n"
        "1,Syrian army shelled Douma.\n",
        encoding="utf-8",
    )
    articles, errors, warnings = read([path])
    assert errors == [] and [a.id for a in articles] == ["1", "1-2"]
    assert warnings == [
        f"{path}:row 2: id '1' was already given by {path}:row 1 with a different text; "
        "read as '1-2'",
        f"{path}:row 3: repeats {path}:row 1 (id '1', same text); left out",
    ]


def test_the_same_file_given_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    articles, errors, warnings = read([tmp_path, tmp_path / "a.txt"])
    assert [a.id for a in articles] == ["a"] and errors == warnings == []


# -- text the extractor cannot read well ---------------------------------------------


def test_arabic_text_is_built_with_a_warning(tmp_path):
    path = tmp_path / "arabic.txt"
    path.write_text("قصف الجيش السوري دوما يوم الاثنين", encoding="utf-8")
    result = build(path, "--out", tmp_path / "out.trig")
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {path}: the text is in Arabic script, not English; the extractor reads "
        "English only, so it finds little" in result.stderr.splitlines()
    )
    assert "summary: 1 ok, 0 skipped, 1 warning" in result.stderr


def test_control_characters_do_not_hide_facts(tmp_path):
    import kg

    path = tmp_path / "control.txt"
    path.write_text("Syrian army\x01\x02 shelled\x1b[31m Douma\x7f on Monday.\n", encoding="utf-8")
    graph = kg.build_graph([path])
    assert graph.stats()["events"] == 1 and graph.validate().conforms


def test_a_long_unpunctuated_sentence_finishes(tmp_path, nlp):
    import kg

    words = "army shelled Douma rebels attacked Aleppo people killed in the town "
    path = tmp_path / "nopunct.txt"
    path.write_text((words * 455).strip(), encoding="utf-8")  # 5,005 words, no full stop
    started = time.perf_counter()
    graph = kg.build_graph([path])
    assert time.perf_counter() - started < 60
    assert graph.stats()["articles"] == 1


def test_a_text_over_max_chars_is_cut_with_a_clear_warning(monkeypatch, nlp):
    import kg.pipeline as pipeline
    import kg.worker as worker
    from kg.pipeline import BuildReport

    monkeypatch.setattr(pipeline, "MAX_CHARS", 200)  # the warning
    monkeypatch.setattr(worker, "MAX_CHARS", 200)  # the cut
    text = "Syrian army shelled Douma on Monday. " * 20  # 740 characters
    report = BuildReport()
    graph = pipeline.build([Article("big", text, origin="big.txt")], report=report)
    assert report.warnings == [
        "big.txt: 740 characters, over the 200 an article may have; facts were extracted "
        "from the first 200 only (split it into articles, a file or row each)"
    ]
    ends = graph.query("SELECT ?end WHERE { ?m nif:endIndex ?end }")
    assert max(int(end) for (end,) in ends) <= 200


def test_a_20_mb_file_is_read_quickly(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Syrian army shelled Douma on Monday. " * 540_541, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    started = time.perf_counter()
    [article], errors, _ = read([path])
    assert time.perf_counter() - started < 10 and errors == []
    assert len(article.text) == path.stat().st_size


# -- many files ---------------------------------------------------------------------


def test_a_folder_of_10000_small_files_reads_fast(tmp_path, nlp):
    import kg.pipeline as pipeline

    for i in range(10_000):
        folder = tmp_path / f"d{i // 1000}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{i}.txt").write_text(f"Report {i}\n\nJets struck Idlib.", encoding="utf-8")
    started = time.perf_counter()
    articles, errors, warnings = read([tmp_path])
    seconds = time.perf_counter() - started
    assert len(articles) == 10_000 and len({a.id for a in articles}) == 10_000
    assert errors == warnings == []
    assert seconds < 20, f"reading 10,000 files took {seconds:.1f}s"
    graph = pipeline.build(articles[:5])
    assert graph.stats()["articles"] == 5


def test_an_article_breaking_the_shapes_costs_only_itself(tmp_path, monkeypatch):
    from rdflib import RDF, URIRef

    import kg.graph
    from kg.ontology.namespaces import CKG

    real = kg.graph.extraction_to_graph

    def broken(extraction, graph):  # noqa: ANN001, ANN202 - a bug in one article's graph
        graph = real(extraction, graph)
        if extraction.article.id == "bad":
            graph.add((URIRef("https://w3id.org/conflict-kg/id/actor/x"), RDF.type, CKG.Actor))
        return graph

    monkeypatch.setattr(kg.graph, "extraction_to_graph", broken)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.trig"
    result = build(tmp_path, "--out", out)
    assert result.exit_code == 2, result.output
    assert "1 article(s)" in result.stdout and "SHACL: conforms" in result.stdout
    assert "summary: 1 ok, 1 skipped, 0 warnings" in result.stderr
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("skipped:")]
    assert line.startswith(f"skipped: {tmp_path / 'bad.txt'}: its graph does not conform")
    assert kg.graph.KnowledgeGraph.load(out).stats()["articles"] == 1


def test_a_build_of_only_bad_input_leaves_the_previous_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.trig"
    out.write_bytes(b"# a good graph\n")
    result = build(tmp_path / "empty.txt", "--out", out)
    assert result.exit_code == 2
    assert result.stdout == f"built nothing: {out} left as it was; 1 skipped\n"
    assert out.read_bytes() == b"# a good graph\n"
