"""Extraction throughput: ``kg`` against raw spaCy ``nlp.pipe`` on the same texts, and
several worker processes against one.

The baseline is the spaCy model ``kg`` builds on (:func:`kg.nlp.model.load_model`, no
conflict-kg components) running ``nlp.pipe`` over the texts ``kg`` feeds its pipeline
(normalised, cut at :data:`kg.pipeline.MAX_CHARS`) with the same batch size. ``kg`` is
:func:`kg.pipeline.build`: our components, the extractor and the RDF graph. Models are
loaded and both sides warmed up before anything is timed.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from kg.types import Article

WARMUP_ARTICLES = 16


@dataclass
class BuildTiming:
    """One timed :func:`kg.pipeline.build`."""

    workers: int
    seconds: float
    first_result: float  # seconds until the first batch of articles came back
    articles: int
    skipped: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


@dataclass
class ExtractionResult:
    articles: int
    words: int
    characters: int
    model: str
    batch_size: int
    load_seconds: float
    spacy_seconds: float
    kg_seconds: float
    repeats: int
    builds: list[BuildTiming] = field(default_factory=list)
    start_method: str | None = None
    workers_missing: str | None = None  # why the worker comparison was not run

    @property
    def spacy_rate(self) -> float:
        return self.articles / self.spacy_seconds

    @property
    def kg_rate(self) -> float:
        return self.articles / self.kg_seconds

    @property
    def ratio(self) -> float:
        """``kg`` throughput as a fraction of raw spaCy's (the target is at least 0.7)."""
        return self.spacy_seconds / self.kg_seconds

    def worker_ratio(self, workers: int) -> tuple[float, float, float] | None:
        """(speed-up with start-up, start-up seconds, speed-up without it) of ``workers``
        processes against one; ``None`` if not measured.

        Start-up is estimated as how much later the first batch came back than with one
        process (forking or spawning the workers, and loading the model in each with
        ``forkserver``); the batch itself takes about as long either way.
        """
        one = next((b for b in self.builds if b.workers == 1), None)
        many = next((b for b in self.builds if b.workers == workers), None)
        if one is None or many is None:
            return None
        start_up = max(0.0, many.first_result - one.first_result)
        without = one.seconds / max(many.seconds - start_up, 1e-9)
        return one.seconds / many.seconds, start_up, without

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(
            spacy_articles_per_s=self.spacy_rate,
            kg_articles_per_s=self.kg_rate,
            spacy_words_per_s=self.words / self.spacy_seconds,
            kg_words_per_s=self.words / self.kg_seconds,
            ratio_kg_to_spacy=self.ratio,
        )
        for build in data["builds"]:
            build["articles_per_s"] = build["articles"] / build["seconds"]
        data["worker_ratios"] = {
            str(b.workers): dict(
                zip(("with_start_up", "start_up_s", "without_start_up"), r, strict=True)
            )
            for b in self.builds
            if b.workers > 1 and (r := self.worker_ratio(b.workers))
        }
        return data


def _timed_build(articles: Sequence[Article], workers: int) -> tuple[BuildTiming, object]:
    from kg.pipeline import BuildReport, build

    report = BuildReport()
    first: list[float] = []
    start = time.perf_counter()

    def progress(_: Article) -> None:
        if not first:
            first.append(time.perf_counter() - start)

    kwargs = {"workers": workers} if workers != 1 else {}
    graph = build(articles, report=report, progress=progress, **kwargs)
    seconds = time.perf_counter() - start
    timing = BuildTiming(
        workers, seconds, first[0] if first else seconds, len(report.ok), len(report.skipped)
    )
    return timing, graph


def _spacy_pass(nlp, texts: Sequence[str], batch_size: int) -> tuple[float, int]:  # noqa: ANN001
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - start, words


def measure_extraction(
    articles: Sequence[Article], *, workers: Sequence[int] = (2,), repeats: int = 1
) -> tuple[ExtractionResult, object]:
    """Time raw spaCy and ``kg`` on ``articles`` (best of ``repeats``, alternating which
    goes first), then ``build`` with each of ``workers`` processes.

    Returns the result and the graph of the one-process build (to reuse).
    """
    from kg.nlp.model import load_model
    from kg.nlp.normalize import normalize_text
    from kg.nlp.pipeline import load_pipeline
    from kg.pipeline import BATCH_SIZE, MAX_CHARS, build

    start = time.perf_counter()
    raw = load_model()
    load_pipeline()
    load_seconds = time.perf_counter() - start
    texts = [normalize_text(a.text[:MAX_CHARS]) for a in articles]

    # Warm up: first calls build caches (vocab, lexeme and gazetteer lookups).
    list(raw.pipe(texts[:WARMUP_ARTICLES], batch_size=BATCH_SIZE))
    build(articles[:WARMUP_ARTICLES])

    spacy_times: list[float] = []
    kg_timings: list[BuildTiming] = []
    graph = None
    words = 0
    for rep in range(max(1, repeats)):
        order = ("spacy", "kg") if rep % 2 == 0 else ("kg", "spacy")
        for side in order:
            if side == "spacy":
                seconds, words = _spacy_pass(raw, texts, BATCH_SIZE)
                spacy_times.append(seconds)
            else:
                timing, built = _timed_build(articles, 1)
                kg_timings.append(timing)
                graph = graph if graph is not None else built

    best_kg = min(kg_timings, key=lambda t: t.seconds)
    result = ExtractionResult(
        articles=len(articles),
        words=words,
        characters=sum(len(t) for t in texts),
        model=f"{raw.meta.get('lang')}_{raw.meta.get('name')} {raw.meta.get('version')}",
        batch_size=BATCH_SIZE,
        load_seconds=load_seconds,
        spacy_seconds=min(spacy_times),
        kg_seconds=best_kg.seconds,
        repeats=max(1, repeats),
        builds=[best_kg],
    )
    many = [w for w in workers if w > 1]
    if many:
        if "workers" not in inspect.signature(build).parameters:
            result.workers_missing = "kg.pipeline.build has no workers= parameter"
        else:
            from kg.parallel import start_method

            result.start_method = start_method()
            for count in many:
                timing, _ = _timed_build(articles, count)
                result.builds.append(timing)
    return result, graph


def extraction_tables(result: ExtractionResult) -> str:
    from benchmarks.report import ratio, table

    rows = [
        [
            "spaCy nlp.pipe (baseline)",
            f"{result.spacy_seconds:.1f}",
            f"{result.spacy_rate:.1f}",
            f"{result.words / result.spacy_seconds:,.0f}",
            "1.00x",
        ],
        [
            "kg build, 1 process",
            f"{result.kg_seconds:.1f}",
            f"{result.kg_rate:.1f}",
            f"{result.words / result.kg_seconds:,.0f}",
            ratio(result.ratio),
        ],
    ]
    out = [
        table(
            f"Extraction: {result.articles} articles, {result.words:,} words, model "
            f"{result.model}, batch {result.batch_size}, best of {result.repeats} "
            f"(models loaded in {result.load_seconds:.1f} s, not timed)",
            ["run", "seconds", "articles/s", "words/s", "vs spaCy"],
            rows,
        )
    ]
    if result.workers_missing:
        out.append(f"Workers: not measured ({result.workers_missing})")
    elif len(result.builds) > 1:
        one = result.builds[0]
        rows = [["1 process", f"{one.seconds:.1f}", f"{one.rate:.1f}", "-", "1.00x", "-"]]
        for build in result.builds[1:]:
            speed_up, start_up, without = result.worker_ratio(build.workers) or (0, 0, 0)
            rows.append(
                [
                    f"{build.workers} processes",
                    f"{build.seconds:.1f}",
                    f"{build.rate:.1f}",
                    f"{start_up:.1f}",
                    ratio(speed_up),
                    ratio(without),
                ]
            )
        out.append(
            table(
                f"Workers: kg build --workers N (start method {result.start_method})",
                ["run", "seconds", "articles/s", "start-up s", "vs 1", "vs 1 w/o start-up"],
                rows,
            )
        )
    return "\n\n".join(out)
