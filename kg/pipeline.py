"""The pipeline, stage by stage: read articles → spaCy components → link → RDF.

:func:`extract_article` is the per-article function (article in, named graph out) that
any engine can map over articles; :func:`build` runs it over many articles into a
:class:`~kg.graph.KnowledgeGraph`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph
from spacy.tokens import Doc

from kg.errors import InputError, KGError
from kg.extract import Extractor
from kg.link.actors import ACTOR_TYPES, load_actor_gazetteer
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
    reconcile_new_actors([extraction for _, extraction in results], kg)
    for article, extraction in results:
        kg.add_extraction(extraction)
        report.ok.append(article.id)
    return kg


def reconcile_new_actors(extractions: list[Extraction], kg=None) -> None:  # noqa: ANN001
    """Give each actor that the gazetteer lacks one label and one type across articles.

    A new actor's key comes from its normalised name, so "Al-Masdar News" and "Al Masdar
    News" are one node; but each article saw its own spelling and typed it by its own
    context. The graph wants one ``rdfs:label`` and one ``sem:actorType`` per actor: the
    ones already in ``kg`` if it has the actor, else the most frequent in this build (ties:
    a type other than ``other``, then the shorter, then the alphabetically first). The other
    spellings stay as ``skos:altLabel``. Extractions are updated in place.
    """
    from rdflib import RDFS

    from kg.namespaces import SEM
    from kg.rdf import iris

    gazetteer = load_actor_gazetteer()
    votes: dict[str, Counter] = defaultdict(Counter)
    for extraction in extractions:
        for key, actor in extraction.actors.items():
            if gazetteer.get(key) is None:
                votes[key][(actor.label, actor.type)] += 1
    type_of = {str(iris.actor_type_iri(t)): t for t in ACTOR_TYPES}
    chosen: dict[str, tuple[str, str]] = {}
    for key, counter in votes.items():
        if kg is not None:
            node = iris.actor_iri(key)
            label = kg.dataset.value(node, RDFS.label, default=None, any=True)
            type_iri = kg.dataset.value(node, SEM.actorType, default=None, any=True)
            if label is not None and str(type_iri) in type_of:
                chosen[key] = (str(label), type_of[str(type_iri)])
                continue
        labels: Counter = Counter()
        types: Counter = Counter()
        for (label, type_), n in counter.items():
            labels[label] += n
            types[type_] += n
        best_type = max(types, key=lambda t: (types[t], t != "other", t))
        best_label = min(labels, key=lambda x: (-labels[x], len(x), x))
        chosen[key] = (best_label, best_type)
    for extraction in extractions:
        for key in [k for k in extraction.actors if k in chosen]:
            actor = extraction.actors[key]
            label, type_ = chosen[key]
            if (actor.label, actor.type) != (label, type_):
                aliases = tuple(dict.fromkeys((*actor.aliases, actor.label)))
                extraction.actors[key] = dataclasses.replace(
                    actor, label=label, type=type_, aliases=aliases
                )


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
