"""``kg eval --acled``: check kg against ACLED's own coding of its event notes.

Each row of an ACLED-format CSV is one article: its ``notes`` are the text, its
``event_id_cnty`` the id, its ``event_date`` the date (``source`` is ACLED's, not given to
kg). The other columns are what an ACLED coder made of the note. kg's answer is what
``kg export --format acled-csv`` gives (:func:`kg.store.acled.acled_rows`) for the note,
so the check measures exactly the export users get.

ACLED codes one event per note; kg may find several. kg's event for a note is
:func:`note_event`: the event of the first sentence of the note that has one (ties: the
most fatalities, then export order). It never looks at ACLED's coding. "Any" figures count
a note as agreeing when any of kg's events for it agrees.

Every figure has its own denominator: the rows where ACLED's field is known (a row whose
type is unknown is left out of the type figures only). A note for which kg finds no event,
or an empty note, counts as disagreeing.

>>> _km(33.5, 36.3, 33.5, 36.3)
0.0
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg._util.text import fold
from kg.evaluate.acled_csv import AcledNote, number, read_acled, read_labels, sample, with_labels
from kg.graph import KnowledgeGraph
from kg.ingest.dates import parse_date
from kg.link import load_place_gazetteer
from kg.parallel import Executor, InProcess
from kg.pipeline import reconcile_new_actors
from kg.store.acled import acled_rows
from kg.types import Article

#: Within this distance of ACLED's point, kg's location agrees.
LOCATION_KM = 25.0
#: The rule that picks kg's event for a note, as the report's header states it.
RULE = (
    "kg's event for a note: the event of the note's first sentence that has one "
    "(ties: most fatalities, then export order)"
)
#: The figures, in report order: key -> column heading.
METRICS = {
    "found": "found",
    "event_type": "type",
    "event_type_any": "type(any)",
    "sub_event_type": "subtype",
    "sub_event_type_any": "sub(any)",
    "location_25km": "loc<=25km",
    "admin1": "admin1",
    "inter1": "inter1",
    "fatalities": "fatal.",
}
Row = dict[str, Any]


@dataclass
class Tally:
    """Agreements and denominators per figure."""

    agree: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def add(self, metric: str, agrees: bool) -> None:
        self.total[metric] += 1
        self.agree[metric] += int(agrees)

    def share(self, metric: str) -> float | None:
        return self.agree[metric] / self.total[metric] if self.total[metric] else None

    def as_dict(self) -> dict[str, dict[str, Any]]:
        out = {}
        for metric in METRICS:
            share = self.share(metric)
            out[metric] = {
                "agree": self.agree[metric],
                "total": self.total[metric],
                "share": None if share is None else round(share, 3),
            }
        return out


@dataclass
class AcledEval:
    """The outcome of :func:`evaluate_acled`: a :class:`Tally` per country and overall."""

    source: str
    countries: dict[str, Tally]
    overall: Tally
    misses: Counter = field(default_factory=Counter)  # kind of disagreement -> count
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rule": RULE,
            "location_km": LOCATION_KM,
            "countries": {name: t.as_dict() for name, t in self.countries.items()},
            "all": self.overall.as_dict(),
            "misses_by_kind": dict(self.misses.most_common()),
            "skipped": len(self.skipped),
        }

    def report(self) -> str:
        """A table: one line per country and one for all, each cell ``share/denominator``."""
        notes = self.overall.total["found"]
        lines = [
            f"kg against ACLED: {notes} notes from {self.source}; {RULE}; "
            f"cells are share/denominator (rows where ACLED's field is known)",
        ]
        width = max([len("country"), len("all"), *map(len, self.countries)]) + 2
        lines.append(
            "country".ljust(width)
            + "notes".rjust(6)
            + "".join(h.rjust(12) for h in METRICS.values())
        )
        for name, tally in [*self.countries.items(), ("all", self.overall)]:
            cells = []
            for metric in METRICS:
                share = tally.share(metric)
                cell = "-" if share is None else f"{share:.2f}/{tally.total[metric]}"
                cells.append(cell.rjust(12))
            lines.append(name.ljust(width) + str(tally.total["found"]).rjust(6) + "".join(cells))
        if self.skipped:
            lines.append(f"{len(self.skipped)} notes could not be built (counted as not found)")
        return "\n".join(lines)

    def misses_report(self) -> str:
        """Disagreements by kind, most frequent first (counts only, no row ids)."""
        return "\n".join(f"{n:6d}  {kind}" for kind, n in self.misses.most_common())


# -- kg's answer -----------------------------------------------------------------------


def export_rows(
    articles: Sequence[Article],
    *,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, list[Row]], list[tuple[str, str]]]:
    """kg's ACLED export rows per article id (as :func:`kg.pipeline.build` then
    :func:`~kg.store.acled.acled_rows` give them, article by article), and the skipped."""
    results = {}
    for start, result in (executor or InProcess()).map_chunks(articles):
        results[start] = result
        if progress:
            progress(len(result.extractions) + len(result.skipped))
    ordered = [results[s] for s in sorted(results)]
    extractions = reconcile_new_actors([e for r in ordered for e in r.extractions])
    graph = KnowledgeGraph()
    rows: dict[str, list[Row]] = {}
    for extraction in extractions:
        name = graph.add_extraction(extraction)
        rows[extraction.article.id] = acled_rows(graph)
        graph.drop_graph(name)
    return rows, [s for r in ordered for s in r.skipped]


def note_event(rows: list[Row], text: str) -> Row | None:
    """kg's event for a note (see :data:`RULE`); None if kg found none.

    >>> rows = [{"notes": "B fell.", "fatalities": 0}, {"notes": "A hit.", "fatalities": 2}]
    >>> note_event(rows, "A hit. B fell.")["notes"]
    'A hit.'
    """
    flat = " ".join(text.split())

    def key(item: tuple[int, Row]) -> tuple[int, int, int]:
        index, row = item
        where = flat.find(" ".join(str(row.get("notes") or "").split()))
        return (where if where >= 0 else len(flat), -int(row.get("fatalities") or 0), index)

    return min(enumerate(rows), key=key)[1] if rows else None


# -- agreement -------------------------------------------------------------------------


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and fold(a).casefold().strip() == fold(b).casefold().strip()  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def same_place(a: str, b: str) -> bool:
    """Whether kg's place gazetteer can take the names ``a`` and ``b`` for one place, a
    town's name standing for its first-level unit too ("Dar'a" and "Daraa Governorate").
    The eval's only use of :mod:`kg.link`: keep it here."""
    gazetteer = load_place_gazetteer()

    def keys(name: str) -> set[str]:
        found = {*gazetteer.aliases.get(name, ()), *gazetteer.aliases.get(fold(name), ())}
        places = [p for k in found if (p := gazetteer.get(k)) is not None]
        units = [u.key for p in places if (u := gazetteer.governorate_of(p)) is not None]
        return found | set(units)

    return bool(keys(a) & keys(b))


def _location(note: AcledNote, row: Row | None) -> tuple[bool, str]:
    if row is None:
        return False, "no kg event"
    lat = number(str(row.get("latitude", "")), float)
    lon = number(str(row.get("longitude", "")), float)
    if lat is None or lon is None:
        return False, "kg place without coordinates" if row.get("location") else "no kg place"
    km = _km(note.latitude, note.longitude, lat, lon)  # type: ignore[arg-type]
    if km <= LOCATION_KM:
        return True, ""
    return False, "kg place 25-100 km away" if km <= 100 else "kg place over 100 km away"


def score_note(note: AcledNote, rows: list[Row], tally: Tally, misses: Counter) -> None:
    """Add one note's agreements to ``tally`` and its disagreements to ``misses``."""
    row = note_event(rows, note.notes) if note.notes else None
    rows = rows if note.notes else []
    tally.add("found", row is not None)
    if row is None:
        misses["found: no kg event"] += 1

    def compare(metric: str, gold: Any, kg_value: Any, agrees: bool) -> None:
        tally.add(metric, agrees)
        if not agrees:
            shown = "(no kg event)" if row is None else "-" if kg_value in (None, "") else kg_value
            misses[f"{metric}: {gold} -> {shown}"] += 1

    for metric in ("event_type", "sub_event_type"):
        gold = getattr(note, metric)
        if gold is None:
            continue
        mine = row.get(metric) if row else None
        compare(metric, gold, mine, _same(gold, mine))
        tally.add(f"{metric}_any", any(_same(gold, r.get(metric)) for r in rows))
    if note.latitude is not None and note.longitude is not None:
        agrees, why = _location(note, row)
        tally.add("location_25km", agrees)
        if not agrees:
            misses[f"location: {why}"] += 1
    if note.admin1 is not None:
        mine = (row or {}).get("admin1") or None
        agrees = bool(mine) and (_same(note.admin1, mine) or same_place(note.admin1, mine))
        tally.add("admin1", agrees)
        if not agrees:
            misses["admin1: kg has none" if not mine else "admin1: differs"] += 1
    if note.inter1 is not None:
        mine = number(str((row or {}).get("inter1", "")), int)
        compare("inter1", note.inter1, mine, mine == note.inter1)
    if note.fatalities is not None:
        mine = int((row or {}).get("fatalities") or 0) if row else None
        tally.add("fatalities", mine == note.fatalities)
        if mine != note.fatalities:
            kind = "no kg event" if mine is None else "kg higher" if mine > note.fatalities else ""
            misses[f"fatalities: {kind or 'kg lower'}"] += 1


def _articles(notes: list[AcledNote]) -> list[Article]:
    seen: Counter = Counter()
    out = []
    for note in notes:
        if note.notes:
            seen[note.id] += 1
            out.append(
                Article(id=_article_id(note, seen[note.id]), text=note.notes,
                        date=parse_date(note.date), origin=note.origin)
            )  # fmt: skip
    return out


def _article_id(note: AcledNote, nth: int) -> str:
    # A repeated event id (never in ACLED's exports, but in hand-made files) keeps its rows apart.
    return note.id if nth == 1 else f"{note.id}~{nth}"


def evaluate_acled(
    path: str | Path,
    *,
    labels: Iterable[str | Path] = (),
    countries: Iterable[str] = (),
    per_country: int | None = None,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
) -> AcledEval:
    """Build each note of the ACLED CSV ``path`` and compare kg's export with ACLED's coding.

    ``labels`` are CSVs joined on ``event_id_cnty`` that give ``event_type`` /
    ``sub_event_type`` (see :func:`read_labels`); ``countries`` and ``per_country`` select
    a sample (:func:`sample`); ``executor`` runs the extraction (:mod:`kg.parallel`);
    ``progress`` is called with the number of notes done.
    """
    notes = with_labels(read_acled(path), [read_labels(p) for p in labels])
    notes = sample(notes, countries, per_country)
    rows, skipped = export_rows(_articles(notes), executor=executor, progress=progress)
    countries_tally: dict[str, Tally] = defaultdict(Tally)
    overall, misses = Tally(), Counter()
    seen: Counter = Counter()
    for note in notes:
        found: list[Row] = []
        if note.notes:
            seen[note.id] += 1
            found = rows.get(_article_id(note, seen[note.id]), [])
        score_note(note, found, countries_tally[note.country], misses)
        score_note(note, found, overall, Counter())
    return AcledEval(str(path), dict(countries_tally), overall, misses, skipped)
