"""Matching extractions to gold and scoring them.

Matching rules (documented in the README):

* **Actors** and **places** are compared by name, case- and punctuation-insensitively: a
  gold entry matches a predicted one if its name or any of its mentions equals the
  predicted canonical name, a gazetteer alias, or a surface form the extractor linked to it
  in this article; places also match by GeoNames id. One-to-one, in gold order. Only
  actors and places named in the article's text count as predictions.
* An **event** is a *candidate match* for a gold event when one of its sentences overlaps
  the gold sentence and at least one of type, agent and place agree. It is a *match*
  (counted for precision, recall and F1) when its type agrees and at least one of agent
  and place agree. One-to-one: matches are assigned before candidates. Field accuracies
  (type, agent, target, place, date, fatalities, modality) are over the paired events; a
  field agrees when both are empty or both name the same thing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.evaluate.gold import GoldArticle
from kg.types import Extraction

_FIELDS = ("type", "agent", "target", "place", "date", "fatalities", "modality")


def norm(text: str | None) -> str:
    """Lowercase, curly quotes straightened, punctuation folded to spaces."""
    text = (text or "").lower().replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"[^a-z0-9]+", " ", text.replace("'s ", " ")).strip()


@dataclass
class EvalResult:
    """Counts over all articles; derived scores as properties."""

    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def prf(self, kind: str) -> tuple[float, float, float]:
        tp, pred, gold = (self.counts[f"{kind}_{k}"] for k in ("tp", "pred", "gold"))
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self, name: str) -> float:
        n = self.counts["event_candidates"]
        return self.counts[f"ok_{name}"] / n if n else 0.0

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for kind in ("actor", "place", "event"):
            p, r, f = self.prf(kind)
            out[kind] = {
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
                "tp": self.counts[f"{kind}_tp"],
                "pred": self.counts[f"{kind}_pred"],
                "gold": self.counts[f"{kind}_gold"],
            }
        out["matched_events"] = {
            "n": self.counts["event_candidates"],
            **{k: round(self.accuracy(k), 3) for k in _FIELDS},
        }
        return out

    def report(self) -> str:
        lines = [f"{'':8}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
        for kind in ("actor", "place", "event"):
            p, r, f = self.prf(kind)
            c = self.counts
            lines.append(
                f"{kind + 's':8}{p:7.2f}{r:7.2f}{f:7.2f}{c[kind + '_tp']:6}"
                f"{c[kind + '_pred']:6}{c[kind + '_gold']:6}"
            )
        lines.append(
            f"matched events ({self.counts['event_candidates']}): "
            + "  ".join(f"{k} {self.accuracy(k):.2f}" for k in _FIELDS)
        )
        return "\n".join(lines)


class _ArticleScorer:
    def __init__(self, gold: GoldArticle, ex: Extraction) -> None:
        self.gold, self.ex = gold, ex
        self.seen: dict[tuple[str, str], set[str]] = {}
        for m in ex.mentions:
            kind = (
                "place" if m.kind == "place" else "actor" if m.kind in ("actor", "source") else None
            )
            if kind:
                self.seen.setdefault((kind, m.ref), set()).add(norm(m.span.text))
        self.actor_names = {
            k: {norm(a.label), *map(norm, a.aliases), *self.seen.get(("actor", k), ())}
            for k, a in ex.actors.items()
        }
        self.place_names = {
            k: {norm(p.label), *map(norm, p.aliases), *self.seen.get(("place", k), ())}
            for k, p in ex.places.items()
        }
        self.actor_map = {g["name"]: self._actors_for(g) for g in gold.actors}
        self.place_map = {g["name"]: self._places_for(g) for g in gold.places}

    @staticmethod
    def _gold_names(entry: dict) -> set[str]:
        return {norm(entry["name"]), *(norm(m) for m in entry.get("mentions") or ())} - {""}

    def _actors_for(self, entry: dict) -> set[str]:
        names = self._gold_names(entry)
        return {k for k, n in self.actor_names.items() if n & names}

    def _places_for(self, entry: dict) -> set[str]:
        names = self._gold_names(entry)
        gid = entry.get("geonameid")
        return {
            k
            for k, n in self.place_names.items()
            if n & names or (gid and self.ex.places[k].geonameid == gid)
        }

    def _one_to_one(self, gold_entries, mapping, predicted: set[str], kind, result) -> None:
        used: set[str] = set()
        for entry in gold_entries:
            hit = next(
                (k for k in sorted(mapping[entry["name"]]) if k in predicted and k not in used),
                None,
            )
            if hit:
                used.add(hit)
                result.counts[f"{kind}_tp"] += 1
            else:
                result.misses.append(f"{self.gold.unit_id}: missed {kind} {entry['name']}")
        for key in sorted(predicted - used):
            result.misses.append(f"{self.gold.unit_id}: extra {kind} {key}")
        result.counts[f"{kind}_gold"] += len(gold_entries)
        result.counts[f"{kind}_pred"] += len(predicted)

    def _agrees(self, name: str, gold_value, predicted) -> bool:  # noqa: ANN001
        if name == "type" or name == "modality":
            return gold_value == predicted
        if gold_value in (None, "") or predicted in (None, ""):
            return gold_value in (None, "") and predicted in (None, "")
        if name in ("agent", "target"):
            return predicted in self.actor_map.get(gold_value, set()) or (
                norm(gold_value) in self.actor_names.get(predicted, set())
            )
        if name == "place":
            return predicted in self.place_map.get(gold_value, set()) or (
                norm(gold_value) in self.place_names.get(predicted, set())
            )
        if name == "date":
            return str(gold_value) == str(predicted)
        return int(gold_value) == int(predicted)

    def score(self, result: EvalResult) -> None:
        ex = self.ex
        mentioned_actors = {m.ref for m in ex.mentions if m.kind in ("actor", "source")}
        mentioned_places = {m.ref for m in ex.mentions if m.kind == "place"}
        self._one_to_one(self.gold.actors, self.actor_map, mentioned_actors, "actor", result)
        self._one_to_one(self.gold.places, self.place_map, mentioned_places, "place", result)
        text = ex.article.text
        # Every (gold, predicted) pair whose sentences overlap, ranked: 2 = a match (type
        # and agent or place agree), 1 = a candidate only. Matches are assigned first, so
        # a candidate never takes the event another gold event matches.
        pairs: dict[int, list[tuple[int, int, dict]]] = {}
        for n, g in enumerate(self.gold.events):
            where = _locate(text, g.get("sentence") or "")
            for i, e in enumerate(ex.events):
                if not any(_overlap(where, (s.start, s.end)) for s in e.sentences):
                    continue
                values = {
                    "type": e.type,
                    "agent": e.agent,
                    "target": e.target,
                    "place": e.place,
                    "date": e.date.value if e.date else None,
                    "fatalities": e.fatalities,
                    "modality": e.modality,
                }
                agree = {k: self._agrees(k, g.get(k), values[k]) for k in _FIELDS}
                role = (agree["agent"] and g.get("agent")) or (agree["place"] and g.get("place"))
                rank = 2 if agree["type"] and role else 1 if (agree["type"] or role) else 0
                if rank:
                    pairs.setdefault(n, []).append((rank, i, agree))
        used: set[int] = set()
        chosen: dict[int, tuple[int, int, dict]] = {}
        for wanted in (2, 1):
            for n in range(len(self.gold.events)):
                if n in chosen:
                    continue
                options = [p for p in pairs.get(n, []) if p[0] == wanted and p[1] not in used]
                if options:
                    best = max(options, key=lambda p: sum(p[2].values()))
                    chosen[n] = best
                    used.add(best[1])
        for n, g in enumerate(self.gold.events):
            if n not in chosen:
                result.misses.append(
                    f"{self.gold.unit_id}: missed event {g['type']} "
                    f"{g.get('agent')} -> {g.get('target')} @ {g.get('place')}"
                )
                continue
            best_rank, best, best_agree = chosen[n]
            e = ex.events[best]
            wrong = [k for k in _FIELDS if not best_agree[k]]
            if wrong:
                result.misses.append(
                    f"{self.gold.unit_id}: event {g['type']} wrong {','.join(wrong)}: gold "
                    f"{[g.get(k) for k in _FIELDS]} got "
                    f"{[e.type, e.agent, e.target, e.place, e.date and e.date.value]} "
                    f"{[e.fatalities, e.modality]}"
                )
            result.counts["event_candidates"] += 1
            for k in _FIELDS:
                result.counts[f"ok_{k}"] += bool(best_agree[k])
            if best_rank == 2:
                result.counts["event_tp"] += 1
        for i, e in enumerate(ex.events):
            if i not in used:
                sentence = e.sentences[0].text if e.sentences else ""
                result.misses.append(
                    f"{self.gold.unit_id}: extra event {e.type} {e.agent} -> {e.target} "
                    f"@ {e.place}: {sentence[:90]!r}"
                )
        result.counts["event_gold"] += len(self.gold.events)
        result.counts["event_pred"] += len(ex.events)


def _locate(text: str, sentence: str) -> tuple[int, int]:
    """The character range of a gold sentence in the text (whitespace-insensitive)."""
    if not sentence:
        return (-1, -1)
    index = text.find(sentence)
    if index >= 0:
        return (index, index + len(sentence))
    words = sentence.split()
    pattern = r"\s+".join(re.escape(w) for w in words[:12])
    found = re.search(pattern, text)
    if found:
        return (found.start(), found.start() + len(sentence))
    return (-1, -1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] >= 0 and a[0] < b[1] and b[0] < a[1]


def evaluate_extractions(pairs: Iterable[tuple[GoldArticle, Extraction]]) -> EvalResult:
    """Score extractions against their gold articles."""
    result = EvalResult()
    for gold, extraction in pairs:
        _ArticleScorer(gold, extraction).score(result)
        result.counts["articles"] += 1
    return result
