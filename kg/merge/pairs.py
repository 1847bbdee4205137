"""Labelled pairs of reports and the merge evaluation (precision and recall).

A pairs file is a CSV with the columns ``unit_id_a, span_a, unit_id_b, span_b, label, note``:
each side names a report by its article's id and the character offsets ``begin-end`` of a
piece of one of its sentences that holds the report's trigger, in the article's text as kg
reads it (the graph's ``nif:isString``). So the labels survive changes to the extractor and
to the IRIs it mints, and the file holds no text of the articles. ``label`` is ``same`` or
``different``. The repository's pairs are in ``tests/data/merge_pairs.csv``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.merge.cluster import MergeResult
from kg.merge.reports import Report

_COLUMNS = ("unit_id_a", "span_a", "unit_id_b", "span_b", "label")
_SPAN = re.compile(r"\s*(\d+)\s*-\s*(\d+)\s*")
_LABELS = {"same": True, "different": False}


@dataclass(frozen=True)
class LabelledPair:
    """Two reports named by article id and a span of sentence, labelled same or different."""

    a: tuple[str, tuple[int, int]]  # (article id, (begin, end))
    b: tuple[str, tuple[int, int]]
    same: bool
    note: str = ""
    row: int = 0


def read_pairs(path: str | Path) -> list[LabelledPair]:
    """Read a pairs CSV (see the module docstring); errors name the row."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such pairs file", hint="see tests/data/merge_pairs.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(
                f"{path}: missing column(s) {', '.join(missing)}",
                hint=f"the header must name {', '.join(_COLUMNS)} (and optionally note)",
            )
        pairs = []
        for number, row in enumerate(reader, start=2):
            label = (row["label"] or "").strip().lower()
            if label not in _LABELS:
                raise InputError(
                    f"{path}, row {number}: label '{row['label']}' is neither same nor different"
                )
            pairs.append(
                LabelledPair(
                    (row["unit_id_a"].strip(), _span(row["span_a"], path, number)),
                    (row["unit_id_b"].strip(), _span(row["span_b"], path, number)),
                    _LABELS[label],
                    (row.get("note") or "").strip(),
                    number,
                )
            )
    return pairs


def _span(text: str | None, path: Path, number: int) -> tuple[int, int]:
    found = _SPAN.fullmatch(text or "")
    if found is None or int(found.group(1)) >= int(found.group(2)):
        raise InputError(
            f"{path}, row {number}: span '{text}' is not begin-end (character offsets, "
            "begin before end)"
        )
    return int(found.group(1)), int(found.group(2))


def find_report(
    reports_by_article: dict[str, list[Report]], ref: tuple[str, tuple[int, int]]
) -> Report | None:
    """The report of article ``ref[0]`` with a sentence holding the span ``ref[1]``; among
    several, one whose trigger lies in the span (then the first by IRI)."""
    article, (begin, end) = ref
    found = [
        r
        for r in reports_by_article.get(article, [])
        if any(b <= begin and end <= e for b, e in r.sentences)
    ]
    by_trigger = [r for r in found if any(begin <= b and e <= end for b, e in r.triggers)]
    chosen = by_trigger or found
    return min(chosen, key=lambda r: str(r.iri)) if chosen else None


@dataclass
class PairEvaluation:
    """Merge precision and recall over labelled pairs, with the pairs it got wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    unresolved: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def report(self) -> str:
        pairs = self.tp + self.fp + self.fn + self.tn
        lines = [
            f"merge pairs: {pairs} ({self.tp + self.fn} same, {self.fp + self.tn} different)",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})",
        ]
        if self.unresolved:
            lines.append(f"{len(self.unresolved)} report(s) not found (counted as not merged)")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "unresolved": len(self.unresolved),
        }


def evaluate_pairs(
    pairs: list[LabelledPair], reports: list[Report], result: MergeResult
) -> PairEvaluation:
    """Score a merge against labelled pairs: a pair is predicted *same* when both its
    reports are found and end up in one merged event. A report that cannot be found
    counts as not merged (a miss for a *same* pair)."""
    by_article: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_article[report.article].append(report)
    event_of = {r.iri: n for n, cluster in enumerate(result.clusters) for r in cluster.reports}
    evaluation = PairEvaluation()
    for pair in pairs:
        found = [find_report(by_article, side) for side in (pair.a, pair.b)]
        for side, report in zip((pair.a, pair.b), found, strict=True):
            if report is None:
                begin, end = side[1]
                evaluation.unresolved.append(f"row {pair.row}: {side[0]} at {begin}-{end}")
        ra, rb = found
        predicted = (
            ra is not None
            and rb is not None
            and ra.iri in event_of
            and event_of.get(ra.iri) == event_of.get(rb.iri)
        )
        if pair.same and predicted:
            evaluation.tp += 1
        elif pair.same:
            evaluation.fn += 1
            evaluation.errors.append(f"missed  row {pair.row}: {pair.note}")
        elif predicted:
            evaluation.fp += 1
            evaluation.errors.append(f"wrong   row {pair.row}: {pair.note}")
        else:
            evaluation.tn += 1
    return evaluation
