"""``kg.pipeline``'s checked builds: ``kg.build_graph()``, :func:`build_file` and
``kg build --out`` follow one policy, so they give one graph."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import RDF, Literal, URIRef
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.errors import ValidationError
from kg.graph import KnowledgeGraph
from kg.ontology.namespaces import CKG, WGS
from kg.pipeline import BuildReport, build_checked, build_file, drop_nonconforming
from kg.types import Article

GOOD = "Syrian army shelled Douma on Monday, killing 5.\n"


def same_graph(a: KnowledgeGraph, b: KnowledgeGraph) -> bool:
    """The same named graphs, each isomorphic to its namesake."""
    names = {g.identifier for g in a.dataset.graphs() if len(g)}
    if names != {g.identifier for g in b.dataset.graphs() if len(g)}:
        return False
    return all(isomorphic(a.dataset.graph(n), b.dataset.graph(n)) for n in names)


def cli_build(*args: object):
    return CliRunner().invoke(main, ["build", *map(str, args), "--no-progress"])


@pytest.fixture()
def breaks_shapes(monkeypatch):
    """Articles whose id starts with ``broken`` get a place with a latitude of 133 and no
    longitude in their graph, as a bug in conflict-kg might put there."""
    add = KnowledgeGraph.add_extraction

    def add_broken(self: KnowledgeGraph, extraction) -> URIRef:  # noqa: ANN001
        name = add(self, extraction)
        article = extraction.article.id
        if article.startswith("broken"):
            place = URIRef(f"https://w3id.org/conflict-kg/id/place/nowhere-{article}")
            self.dataset.graph(name).add((place, RDF.type, CKG.Place))
            self.dataset.graph(name).add((place, WGS.lat, Literal(Decimal("133.0"))))
        return name

    monkeypatch.setattr(KnowledgeGraph, "add_extraction", add_broken)


def test_build_graph_and_kg_build_give_one_graph_of_the_seed(tmp_path, seed_path):
    result = cli_build(seed_path, "--out", tmp_path / "g.trig")
    assert result.exit_code == 0, result.output
    assert same_graph(kg.build_graph([seed_path]), KnowledgeGraph.load(tmp_path / "g.trig"))


def test_build_graph_and_kg_build_give_one_graph_with_a_bad_file(tmp_path, seed_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    paths = [seed_path, tmp_path / "in"]
    result = cli_build(*paths, "--out", tmp_path / "g.trig")
    assert result.exit_code == 2, result.output
    report = BuildReport()
    graph = kg.build_graph(paths, report=report)
    assert same_graph(graph, KnowledgeGraph.load(tmp_path / "g.trig"))
    assert report.skipped == [(f"{tmp_path / 'in' / 'empty.txt'}: the file is empty", "")]
    assert f"summary: {len(report.ok)} ok, 1 skipped, 0 warnings" in result.stderr


def test_build_graph_without_a_report_raises_on_a_bad_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(kg.InputError, match="the file is empty"):
        kg.build_graph([tmp_path / "empty.txt"])


def test_an_article_that_breaks_the_shapes_is_dropped_alike(tmp_path, breaks_shapes):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "broken.txt").write_text(GOOD.replace("Douma", "Harasta"), "utf-8")
    result = cli_build(tmp_path / "in", "--out", tmp_path / "g.trig")
    assert result.exit_code == 2, result.output
    assert "; 1 skipped; SHACL: conforms" in result.stdout
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("skipped:")]
    assert "broken.txt: its graph does not conform to the SHACL shapes" in line
    report = BuildReport()
    graph = kg.build_graph([tmp_path / "in"], report=report)
    assert report.ok == ["good"] and report.skipped[0][0].endswith("broken.txt")
    assert same_graph(graph, KnowledgeGraph.load(tmp_path / "g.trig"))
    unchecked = kg.build_graph([tmp_path / "in"], validate=False)
    assert unchecked.stats()["articles"] == 2


def test_drop_nonconforming_keeps_the_articles_that_conform(breaks_shapes):
    articles = [Article(id="fine", text=GOOD), Article(id="broken-1", text=GOOD)]
    report = BuildReport()
    graph = kg.build(articles, report=report)
    assert not graph.validate().conforms
    assert drop_nonconforming(graph, articles, report)
    assert report.ok == ["fine"]
    assert [origin for origin, _ in report.skipped] == ["broken-1"]
    assert graph.validate().conforms
    assert not drop_nonconforming(graph, articles, report)


def test_a_graph_that_fails_as_a_whole_raises(monkeypatch):
    from kg.ontology.shapes import ValidationReport

    monkeypatch.setattr(KnowledgeGraph, "validate", lambda self: ValidationReport(False, [], 0))
    with pytest.raises(ValidationError):
        build_checked([Article(id="fine", text=GOOD)])
    assert build_checked([Article(id="fine", text=GOOD)], validate=False).validated is False


def test_build_file_never_replaces_a_good_file_with_an_empty_one(tmp_path):
    out = tmp_path / "g.trig"
    first = build_file([Article(id="fine", text=GOOD)], out)
    assert (first.written, first.validated) == (True, True)
    assert first.merged is not None  # merged by default (nothing to merge in one article)
    before = out.read_bytes()
    bad = build_file([Article(id="bad", text=b"not text")], out)  # type: ignore[arg-type]
    assert (bad.written, bad.validated) == (False, False)
    assert out.read_bytes() == before
    fresh = build_file([Article(id="bad", text=b"not text")], tmp_path / "new.trig")  # type: ignore[arg-type]
    assert fresh.written and (tmp_path / "new.trig").is_file()


def test_build_file_merges_when_asked(tmp_path):
    result = build_file([Article(id="fine", text=GOOD)], tmp_path / "g.nq", merge=True)
    assert result.merged is not None and result.written


def test_build_file_refuses_an_unknown_suffix_before_extracting(tmp_path):
    with pytest.raises(kg.StoreError, match="unknown graph format"):
        build_file([Article(id="x", text=b"never read")], tmp_path / "g.xyz")  # type: ignore[arg-type]
