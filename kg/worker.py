"""The unit of extraction work: articles in, :class:`~kg.types.Extraction` records out.

:func:`extract_chunk` is what every executor (this process, :mod:`kg.parallel`'s
processes, a Dask cluster) maps over the input; it imports nothing above the extraction
stages, so executors can import it without importing the pipeline that uses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rdflib import Dataset, Graph
from spacy.tokens import Doc

from kg.errors import InputError
from kg.extract import Extractor
from kg.link.actors import load_actor_gazetteer
from kg.link.places import load_place_gazetteer
from kg.nlp.normalize import normalize_text
from kg.nlp.pipeline import load_pipeline
from kg.rdf.builder import extraction_to_graph
from kg.rdf.iris import article_graph_iri
from kg.types import Article, Extraction

# Facts are extracted from an article's first MAX_CHARS characters, with a warning; the
# whole text is kept in the graph. About 30,000 words: twenty times the longest FA-KES
# article (8,606 characters), four times a long feature. A longer "article" is a dump of
# many, or no news article at all; splitting it on a guess would mint ids the user never
# gave, so the warning asks the user to split it. Extraction takes about 15 s per 100,000
# characters (spaCy itself refuses 1,000,000: E088).
MAX_CHARS = 200_000

# Articles per spaCy minibatch. Parallel builds cut work into multiples of it, aligned on
# the input, so that every minibatch is the one a single process would run.
BATCH_SIZE = 16


@cache
def _extractor() -> Extractor:
    nlp = load_pipeline()
    return Extractor(load_actor_gazetteer(), load_place_gazetteer(), nlp.tokenizer)


def _make_doc(article: Article) -> Doc:
    nlp = load_pipeline()
    text = article.text[:MAX_CHARS]
    return nlp.make_doc(normalize_text(text))


def extract_docs(
    articles: Iterable[Article], *, batch_size: int = BATCH_SIZE
) -> Iterable[tuple[Article, Extraction]]:
    """Run the NLP pipeline over ``articles`` and yield each with its extraction."""
    nlp = load_pipeline()
    extractor = _extractor()
    pairs = ((_make_doc(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, extractor.extract(article, doc)


def extract_article(article: Article) -> Graph:
    """Extract one article and return its named graph (identifier = the article's graph IRI).

    The per-article unit for engines such as Spark or Ray: a pure function of the article
    (the spaCy pipeline is loaded once per process). New actors keep this article's label
    and type; see the module docstring for the exact cross-article graph.

    >>> from kg.ingest import read_article_file
    >>> from kg.resources import data_path
    >>> g = extract_article(read_article_file(data_path("articles/coalition-strike-at-tanf.txt")))
    >>> str(g.identifier)
    'https://w3id.org/conflict-kg/id/graph/coalition-strike-at-tanf'
    """
    ((_, extraction),) = extract_docs([article])
    return extraction_to_graph(extraction, Graph(identifier=article_graph_iri(article.id)))


def extract_articles_to_nquads(articles: Iterable[Article]) -> str:
    """Extract ``articles`` and return their named graphs as N-Quads (a shard to write out).

    >>> import kg
    >>> text = extract_articles_to_nquads(kg.read_articles([kg.example_path()]))
    >>> text.splitlines()[0].endswith("/id/graph/coalition-strike-at-tanf> .")
    True
    """
    dataset = Dataset()
    for article, extraction in extract_docs(articles):
        extraction_to_graph(extraction, dataset.graph(article_graph_iri(article.id)))
    return dataset.serialize(format="nquads")


@dataclass(frozen=True)
class ChunkResult:
    """What :func:`extract_chunk` returns; picklable, to cross process boundaries."""

    extractions: list[Extraction]
    skipped: list[tuple[str, str]]  # (article origin or id, reason)


def extract_chunk(articles: Sequence[Article]) -> ChunkResult:
    """Extract ``articles`` :data:`BATCH_SIZE` at a time, in order; if a batch fails, retry
    its articles one by one so that one bad article never loses the others.

    The unit of work of parallel and distributed builds.

    >>> from kg.ingest import read_article_file
    >>> from kg.resources import data_path
    >>> seed = read_article_file(data_path("articles/coalition-strike-at-tanf.txt"))
    >>> result = extract_chunk([seed, Article(id="bad", text=b"not text")])
    >>> [e.article.id for e in result.extractions], [origin for origin, _ in result.skipped]
    (['coalition-strike-at-tanf'], ['bad'])
    """
    _extractor()  # a missing model or a broken data file is no article's fault: raise
    extractions: list[Extraction] = []
    skipped: list[tuple[str, str]] = []
    for start in range(0, len(articles), BATCH_SIZE):
        batch = articles[start : start + BATCH_SIZE]
        try:
            extractions.extend(e for _, e in extract_docs(batch))
            continue
        except Exception:  # noqa: BLE001 - isolate the failing article below
            pass
        for article in batch:
            try:
                extractions.extend(e for _, e in extract_docs([article]))
            except Exception as exc:  # noqa: BLE001
                skipped.append((article.origin or article.id, _reason(exc)))
    return ChunkResult(extractions, skipped)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    return f"extraction failed: {type(exc).__name__}: {exc}"
