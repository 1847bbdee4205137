"""The pipeline, stage by stage: read articles → spaCy components → link → RDF.

:func:`build` extracts many articles into a :class:`~kg.graph.KnowledgeGraph`, in this
process, in ``workers`` processes or on a Dask cluster (see :mod:`kg.parallel`), always
with the same result.

Other engines (Spark, Ray, ...) have two units to map over articles:

- :func:`extract_article` (article in, named graph out; :func:`extract_articles_to_nquads`
  for many as N-Quads text) when each article's graph is written where it is made;
- :func:`extract_chunk` (articles in, picklable :class:`Extraction` records out) when the
  records are gathered back and added with :func:`add_extractions`, which first gives each
  new actor one label and one type across articles (:func:`reconcile_new_actors`). Only
  this second way yields exactly the graph of :func:`build`; per-article graphs may label
  an actor the gazetteer lacks differently in different articles.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import RDFS

from kg.graph import KnowledgeGraph
from kg.ingest.checks import article_warnings
from kg.link.actors import load_actor_gazetteer
from kg.ontology.namespaces import SEM
from kg.ontology.vocab import ACTOR_TYPES
from kg.parallel import Executor, executor_for
from kg.rdf import iris
from kg.rdf.iris import article_graph_iri
from kg.types import Article, Extraction
from kg.worker import (  # noqa: F401 - the extraction unit, re-exported
    BATCH_SIZE,
    MAX_CHARS,
    ChunkResult,
    extract_article,
    extract_articles_to_nquads,
    extract_chunk,
    extract_docs,
)

if TYPE_CHECKING:
    from distributed import Client


@dataclass
class BuildReport:
    """What a build did: articles read and skipped (with the reason for each)."""

    ok: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def build(
    articles: Iterable[Article],
    *,
    graph: KnowledgeGraph | None = None,
    report: BuildReport | None = None,
    progress: Callable[[Article], None] | None = None,
    workers: int = 1,
    dask: str | Client | None = None,
    executor: Executor | None = None,
) -> KnowledgeGraph:
    """Extract ``articles`` into a :class:`~kg.graph.KnowledgeGraph` and return it.

    An article that fails is recorded in ``report.skipped`` and the build goes on.
    ``progress`` is called with each article extracted, as its batch finishes.

    ``workers`` > 1 extracts in that many processes on this machine; ``dask`` (a scheduler
    address such as ``"tcp://10.0.0.5:8786"``, or a ``distributed.Client``) extracts on a
    Dask cluster instead; ``executor`` (a :class:`kg.parallel.Executor`) overrides both.
    Either way the graph and the report are exactly those of one process (see
    :mod:`kg.parallel`).
    """
    queue = list(articles)
    report = report if report is not None else BuildReport()
    for article in queue:
        report.warnings.extend(article_warnings(article, max_chars=MAX_CHARS))
    executor = executor or executor_for(workers, dask)
    chunks = executor.map_chunks(queue)
    results: dict[int, ChunkResult] = {}
    for start, result in chunks:  # in the order they finish
        results[start] = result
        if progress:
            for extraction in result.extractions:
                progress(extraction.article)
    ordered = [results[start] for start in sorted(results)]
    for result in ordered:
        report.skipped.extend(result.skipped)
    return add_extractions(
        [e for result in ordered for e in result.extractions], graph=graph, report=report
    )


def add_extractions(
    extractions: list[Extraction],
    *,
    graph: KnowledgeGraph | None = None,
    report: BuildReport | None = None,
) -> KnowledgeGraph:
    """Add ``extractions`` (in input order) to ``graph`` or a new
    :class:`~kg.graph.KnowledgeGraph` and return it; new actors are reconciled first."""
    kg = graph if graph is not None else KnowledgeGraph()
    for extraction in reconcile_new_actors(extractions, kg):
        kg.add_extraction(extraction)
        if report is not None:
            report.ok.append(extraction.article.id)
    return kg


def reconcile_new_actors(
    extractions: list[Extraction], kg: KnowledgeGraph | None = None
) -> list[Extraction]:
    """Give each actor that the gazetteer lacks one label and one type across articles.

    A new actor's key comes from its normalised name, so "Al-Masdar News" and "Al Masdar
    News" are one node; but each article saw its own spelling and typed it by its own
    context. The graph wants one ``rdfs:label`` and one ``sem:actorType`` per actor: the
    ones already in ``kg`` if it has the actor, else the most frequent in this build (ties:
    a type other than ``other``, then the shorter, then the alphabetically first). The other
    spellings stay as ``skos:altLabel``. Returns new extractions (in the same order); the
    records given are not changed.
    """
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
    reconciled = []
    for extraction in extractions:
        actors = dict(extraction.actors)
        for key in [k for k in actors if k in chosen]:
            actor = actors[key]
            label, type_ = chosen[key]
            if (actor.label, actor.type) != (label, type_):
                aliases = tuple(dict.fromkeys((*actor.aliases, actor.label)))
                actors[key] = dataclasses.replace(actor, label=label, type=type_, aliases=aliases)
        changed = actors != extraction.actors
        reconciled.append(dataclasses.replace(extraction, actors=actors) if changed else extraction)
    return reconciled


import os  # noqa: E402
from pathlib import Path  # noqa: E402

from kg.errors import ValidationError  # noqa: E402
from kg.merge import MergeResult  # noqa: E402
from kg.merge import merge as merge_reports  # noqa: E402
from kg.ontology.shapes import validate_graph  # noqa: E402
from kg.rdf.io import format_for  # noqa: E402


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build_checked` and :func:`build_file` did."""

    graph: KnowledgeGraph
    report: BuildReport
    #: The cross-article merges, if asked for.
    merged: MergeResult | None = None
    #: The graph holds articles, was checked against the SHACL shapes and conforms (a
    #: graph that does not raises :class:`~kg.errors.ValidationError` instead).
    validated: bool = False
    #: :func:`build_file` wrote the file (it does not when every article given was bad).
    written: bool = False


def build_checked(
    articles: Iterable[Article],
    *,
    report: BuildReport | None = None,
    validate: bool = True,
    merge: bool = True,
    progress: Callable[[Article], None] | None = None,
    workers: int = 1,
    dask: str | Client | None = None,
) -> BuildResult:
    """:func:`build` ``articles``, merge reports across them if ``merge``, and check the
    graph against the SHACL shapes if ``validate`` (see :func:`check_graph`).

    >>> import kg
    >>> result = build_checked(kg.read_articles([kg.example_path()]))
    >>> result.validated, result.report.ok
    (True, ['coalition-strike-at-tanf'])
    """
    queue = list(articles)
    report = report if report is not None else BuildReport()
    graph = build(queue, report=report, progress=progress, workers=workers, dask=dask)
    merged = merge_reports(graph) if merge and report.ok else None
    if validate and report.ok:
        check_graph(graph, queue, report)
    return BuildResult(graph, report, merged, validated=validate and bool(report.ok))


def build_file(
    articles: Iterable[Article],
    out: str | os.PathLike[str],
    *,
    report: BuildReport | None = None,
    validate: bool = True,
    merge: bool = True,
    progress: Callable[[Article], None] | None = None,
    workers: int = 1,
    dask: str | Client | None = None,
) -> BuildResult:
    """:func:`build_checked` ``articles`` and write the graph to ``out`` atomically (the
    format from its suffix, see :meth:`~kg.graph.KnowledgeGraph.serialize`).

    When every article given was bad (none built, some skipped) and ``out`` exists, it is
    left as it was: an empty graph never replaces a good one (``written`` is False).

    >>> import kg, tempfile
    >>> out = Path(tempfile.mkdtemp()) / "graph.trig"
    >>> build_file(kg.read_articles([kg.example_path()]), out).written, out.is_file()
    (True, True)
    >>> bad = build_file([Article(id="bad", text=b"not text")], out)
    >>> bad.written, bad.report.skipped[0][0]
    (False, 'bad')
    """
    path = Path(out)
    format_for(path)  # an unknown suffix fails before the slow part
    result = build_checked(
        articles,
        report=report,
        validate=validate,
        merge=merge,
        progress=progress,
        workers=workers,
        dask=dask,
    )
    if not result.report.ok and result.report.skipped and path.exists():
        return result
    result.graph.serialize(path)
    return dataclasses.replace(result, written=True)


def check_graph(graph: KnowledgeGraph, articles: Iterable[Article], report: BuildReport) -> None:
    """Check ``graph`` against the SHACL shapes; if it fails, drop each article whose own
    graph fails (:func:`drop_nonconforming`) and check again. Raise
    :class:`~kg.errors.ValidationError` if the graph still fails."""
    result = graph.validate()
    if not result.conforms and drop_nonconforming(graph, articles, report):
        result = graph.validate()
    if not result.conforms:
        raise ValidationError(str(result), hint="please report this as a bug in conflict-kg")


def drop_nonconforming(
    graph: KnowledgeGraph, articles: Iterable[Article], report: BuildReport
) -> bool:
    """Drop from ``graph`` each article of ``report.ok`` whose own graph breaks the SHACL
    shapes, into ``report.skipped`` with the reason, as a store build does, so that one
    article never costs the others; return whether any was. Only worth running when the
    whole graph fails (a bug in conflict-kg): checking article by article is slower."""
    built = set(report.ok)
    dropped = False
    for article in articles:
        if article.id not in built:
            continue
        named = graph.dataset.graph(article_graph_iri(article.id))
        result = validate_graph(named)
        if result.conforms:
            continue
        graph.dataset.remove_graph(named)
        report.ok.remove(article.id)
        first = result.violations[0] if result.violations else "?"
        report.skipped.append(
            (
                article.origin or article.id,
                f"its graph does not conform to the SHACL shapes ({first}); please report "
                "this as a bug in conflict-kg",
            )
        )
        dropped = True
    return dropped
