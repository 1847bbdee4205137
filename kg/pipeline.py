"""The pipeline, stage by stage: read articles → spaCy components → link → RDF.

:func:`extract_article` is the per-article function (article in, named graph out) that
any engine can map over articles; :func:`build` runs it over many articles into a
:class:`~kg.graph.KnowledgeGraph`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph
from spacy.tokens import Doc

from kg.errors import InputError, KGError
from kg.extract import Extractor
from kg.link.actors import load_actor_gazetteer
from kg.link.places import load_place_gazetteer
from kg.nlp.normalize import normalize_text
from kg.nlp.pipeline import load_pipeline
from kg.rdf.builder import extraction_to_graph
from kg.rdf.iris import article_graph_iri
from kg.types import Article, Extraction

# spaCy refuses longer texts (E088); longer articles are cut with a warning.
MAX_CHARS = 900_000


@dataclass
class BuildReport:
    """What a build did: articles read and skipped (with the reason for each)."""

    ok: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@cache
def _extractor() -> Extractor:
    nlp = load_pipeline()
    return Extractor(load_actor_gazetteer(), load_place_gazetteer(), nlp.tokenizer)


def _make_doc(article: Article) -> Doc:
    nlp = load_pipeline()
    text = article.text[:MAX_CHARS]
    return nlp.make_doc(normalize_text(text))


def extract_docs(
    articles: Iterable[Article], *, batch_size: int = 16
) -> Iterable[tuple[Article, Extraction]]:
    """Run the NLP pipeline over ``articles`` and yield each with its extraction."""
    nlp = load_pipeline()
    extractor = _extractor()
    pairs = ((_make_doc(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, extractor.extract(article, doc)


def extract_article(article: Article) -> Graph:
    """Extract one article and return its named graph (identifier = the article's graph IRI).

    This is the unit of work for parallel and distributed builds.

    >>> from kg.ingest import read_article_file
    >>> from kg.resources import data_path
    >>> g = extract_article(read_article_file(data_path("articles/coalition-strike-at-tanf.txt")))
    >>> str(g.identifier)
    'https://w3id.org/conflict-kg/id/graph/coalition-strike-at-tanf'
    """
    ((_, extraction),) = extract_docs([article])
    return extraction_to_graph(extraction, Graph(identifier=article_graph_iri(article.id)))


def build(
    articles: Iterable[Article],
    *,
    graph=None,  # noqa: ANN001 - a KnowledgeGraph to add to
    report: BuildReport | None = None,
    progress: Callable[[Article], None] | None = None,
):  # noqa: ANN201
    """Extract ``articles`` into a :class:`~kg.graph.KnowledgeGraph` and return it.

    An article that fails is recorded in ``report.skipped`` and the build goes on.
    """
    from kg.graph import KnowledgeGraph

    kg = graph if graph is not None else KnowledgeGraph()
    report = report if report is not None else BuildReport()
    queue = list(articles)
    for article in queue:
        if len(article.text) > MAX_CHARS:
            report.warnings.append(
                f"{article.origin or article.id}: text longer than {MAX_CHARS:,} characters; "
                "only the start was read"
            )
    try:
        results = list(_safe_extract(queue, report, progress))
    except KGError:
        raise
    for article, extraction in results:
        kg.add_extraction(extraction)
        report.ok.append(article.id)
    return kg


def _safe_extract(articles: list[Article], report: BuildReport, progress):  # noqa: ANN001, ANN202
    """Extract in batches; if a batch fails, retry its articles one by one so that one
    bad article never loses the others."""
    batch: list[Article] = []

    def flush():  # noqa: ANN202
        try:
            done = list(extract_docs(batch))
        except Exception:  # noqa: BLE001 - isolate the failing article below
            done = []
            for article in batch:
                try:
                    done.extend(extract_docs([article]))
                except Exception as exc:  # noqa: BLE001
                    report.skipped.append((article.origin or article.id, _reason(exc)))
        for pair in done:
            if progress:
                progress(pair[0])
            yield pair

    for article in articles:
        batch.append(article)
        if len(batch) == 32:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    return f"extraction failed: {type(exc).__name__}: {exc}"
