"""Query results as typed pandas DataFrames, the event table, Parquet and CSV output."""

from __future__ import annotations

import builtins

import pytest
from click.testing import CliRunner
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import XSD

from kg.analyze import events_frame
from kg.analyze.events import EVENT_COLUMNS
from kg.cli import main
from kg.errors import KGError, QueryError
from kg.graph import KnowledgeGraph
from kg.ontology.namespaces import CKG
from kg.store import open_graph, open_store

pd = pytest.importorskip("pandas", reason="pip install conflict-kg[analysis]")

EX = "urn:x:"


def _graph(rows: list[dict[str, Literal]]) -> KnowledgeGraph:
    graph = KnowledgeGraph(with_ontology=False)
    named = graph.dataset.graph(URIRef(EX + "g"))
    for i, row in enumerate(rows):
        for name, value in row.items():
            named.add((URIRef(f"{EX}s{i}"), URIRef(EX + name), value))
    return graph


def _frame(graph: KnowledgeGraph, *names: str):
    variables = " ".join(f"?{n}" for n in names)
    patterns = " ".join(f"OPTIONAL {{ ?s <{EX}{n}> ?{n} }}" for n in names)
    return graph.query(
        f"SELECT DISTINCT ?s {variables} WHERE {{ ?s ?any ?thing {patterns} }} ORDER BY ?s"
    )


def test_columns_take_the_type_of_their_values():
    graph = _graph(
        [
            {
                "n": Literal(3, datatype=XSD.nonNegativeInteger),
                "lat": Literal("36.2", datatype=XSD.decimal),
                "day": Literal("2018-03-04", datatype=XSD.date),
                "ok": Literal(True),
                "name": Literal("Aleppo"),
                "iri": URIRef("urn:x:aleppo"),
            },
            {"lat": Literal("33.5", datatype=XSD.decimal), "name": Literal("Daraa")},
        ]
    )
    frame = _frame(graph, "n", "lat", "day", "ok", "name", "iri").to_dataframe()
    assert str(frame["n"].dtype) == "Int64" and frame["n"].isna().tolist() == [False, True]
    assert frame["lat"].dtype == "float64" and frame["lat"].tolist() == [36.2, 33.5]
    assert str(frame["day"].dtype).startswith("datetime64")
    assert frame["day"][0] == pd.Timestamp("2018-03-04")
    assert str(frame["ok"].dtype) == "boolean"
    assert str(frame["name"].dtype) == "string" and str(frame["iri"].dtype) == "string"


def test_dates_keep_their_precision():
    months = _graph([{"d": Literal("2016-07", datatype=XSD.gYearMonth)}])
    frame = _frame(months, "d").to_dataframe()
    assert frame["d"][0] == pd.Period("2016-07", "M")
    mixed = _graph(
        [
            {"d": Literal("2016-07-19", datatype=XSD.date)},
            {"d": Literal("2016-07", datatype=XSD.gYearMonth)},
            {"d": Literal("2015", datatype=XSD.gYear)},
        ]
    )
    frame = _frame(mixed, "d").to_dataframe()
    assert list(frame.columns) == ["s", "d", "d_precision"]
    assert frame["d"].tolist() == [
        pd.Timestamp(x) for x in ("2016-07-19", "2016-07-01", "2015-01-01")
    ]
    assert frame["d_precision"].tolist() == ["day", "month", "year"]


def test_ask_has_no_table(seed_graph):
    with pytest.raises(QueryError, match="ASK result has no table"):
        seed_graph.query("ASK { ?s ?p ?o }").to_dataframe()


def test_store_results_have_frames_too(seed_build, tmp_path):
    folder = tmp_path / "store"
    with open_store(folder, create=True) as store, open_graph(seed_build[0]) as graph:
        for name in graph.article_graphs():
            store.replace_graph(name, graph.dataset.graph(name))
    with open_graph(folder) as store:
        frame = store.query("SELECT ?p ?lat WHERE { ?p wgs:lat ?lat }").to_dataframe()
    assert len(frame) > 0 and frame["lat"].dtype == "float64"


def test_events_frame(seed_graph):
    frame = events_frame(seed_graph)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == len(set(seed_graph.dataset.subjects(RDF.type, CKG.Event)))
    assert frame["latitude"].dtype == "float64" and str(frame["fatalities"].dtype) == "Int64"
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["acled_event_type"].notna().all()


def test_missing_pandas_is_a_clear_error(seed_graph, monkeypatch):
    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(KGError, match="need pandas") as error:
        seed_graph.query("SELECT ?s WHERE { ?s a ckg:Event }").to_dataframe()
    assert "conflict-kg[analysis]" in error.value.hint


def test_query_parquet_and_csv(seed_build, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.parquet"
    result = runner.invoke(
        main, ["query", str(seed_build[0]), "events", "-f", "parquet", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert len(frame) > 0 and str(frame["fatalities"].dtype) == "Int64"
    result = runner.invoke(main, ["query", str(seed_build[0]), "events", "-f", "parquet"])
    assert result.exit_code != 0 and "--out" in result.output
    csv = runner.invoke(main, ["query", str(seed_build[0]), "events", "-f", "csv"]).output
    assert csv.endswith("\n") and not csv.endswith("\n\n")  # `| tail -1` reads the last row
    assert len(csv.splitlines()) == len(frame) + 1
    written = tmp_path / "events.csv"
    runner.invoke(main, ["query", str(seed_build[0]), "events", "-f", "csv", "-o", str(written)])
    assert written.read_text(encoding="utf-8") == csv
