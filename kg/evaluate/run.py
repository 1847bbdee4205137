"""``kg eval``: build the gold articles, score them, and measure governorate coverage."""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.evaluate.coverage import governorate_coverage
from kg.evaluate.gold import GoldArticle, load_gold
from kg.evaluate.scoring import EvalResult, evaluate_extractions
from kg.evaluate.splits import check_ids_from_guide
from kg.ingest import iter_articles, read_article_file
from kg.link import load_place_gazetteer
from kg.pipeline import extract_docs
from kg.types import Article, Extraction


@dataclass
class EvalRun:
    """The outcome of ``kg eval``."""

    result: EvalResult
    coverage: tuple[int, int, list[str]] | None
    articles_per_second: float | None = None
    #: The scores of the tune and the check split ("tune", "check"), when the gold folder
    #: has a check split (see :mod:`kg.evaluate.splits`); ``result`` is the whole.
    splits: dict[str, EvalResult] = field(default_factory=dict)


def _gold_articles(
    golds: list[GoldArticle], corpus: Path | None
) -> list[tuple[GoldArticle, Article]]:
    wanted = {g.unit_id for g in golds if g.text_file is None}
    by_id: dict[str, Article] = {}
    if wanted:
        if corpus is None:
            raise InputError("the gold files name corpus articles: give --corpus CSV")
        by_id = {a.id: a for a in iter_articles([corpus]) if a.id in wanted}
    out = []
    for gold in golds:
        if gold.text_file is not None:
            article = read_article_file(gold.text_file)
        elif gold.unit_id in by_id:
            article = by_id[gold.unit_id]
        else:
            raise InputError(f"{gold.path}: article {gold.unit_id} is not in {corpus}")
        out.append((gold, article))
    return out


def _locations(corpus: Path, column: str = "location") -> dict[str, str]:
    csv.field_size_limit(sys.maxsize)
    with corpus.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        id_column = next((c for c in ("unit_id", "id") if c in (reader.fieldnames or [])), None)
        if id_column is None or column not in (reader.fieldnames or []):
            return {}
        return {row[id_column]: row[column] for row in reader}


def run_eval(
    gold_dir: str | Path,
    corpus: str | Path | None,
    *,
    coverage: bool = True,
    progress: Callable[[int], None] | None = None,
    check_ids: frozenset[str] | None = None,
) -> EvalRun:
    """Score the extractor on ``gold_dir`` and, with ``coverage``, the governorate coverage
    of the whole ``corpus`` (needs its ``location`` column).

    ``check_ids`` names the check split (default: the one ``gold_dir/GUIDE.md`` names); the
    tune and check splits are then scored apart as well as together."""
    corpus_path = Path(corpus) if corpus else None
    pairs = _gold_articles(load_gold(gold_dir), corpus_path)
    golds = {article.id: gold for gold, article in pairs}
    extractions: dict[str, Extraction] = {}
    for article, extraction in extract_docs([a for _, a in pairs]):
        extractions[article.id] = extraction
    result = evaluate_extractions((golds[i], e) for i, e in extractions.items())
    if check_ids is None:
        check_ids = check_ids_from_guide(gold_dir)
    splits: dict[str, EvalResult] = {}
    if check_ids:
        for name, keep in (("tune", False), ("check", True)):
            splits[name] = evaluate_extractions(
                (golds[i], e) for i, e in extractions.items() if (i in check_ids) == keep
            )
    cov = None
    speed = None
    if coverage and corpus_path is not None:
        locations = _locations(corpus_path)
        articles = [a for a in iter_articles([corpus_path]) if a.id in locations]
        started = time.perf_counter()
        done: list[tuple[Extraction, str]] = []
        for article, extraction in extract_docs(articles):
            done.append((extraction, locations[article.id]))
            if progress:
                progress(1)
        speed = len(done) / (time.perf_counter() - started) if done else None
        cov = governorate_coverage(done, load_place_gazetteer())
    return EvalRun(result, cov, speed, splits)
