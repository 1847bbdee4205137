"""Tune and check splits of a gold folder.

A gold folder may keep some files apart as a *check* split: measured, never tuned on. The
split is named in the folder's ``GUIDE.md`` under a heading "Tune and check", in a paragraph
that starts with ``**Check**`` and lists the check files' ids; every other file is *tune*.
``--check-ids`` on ``kg eval`` overrides the guide (a comma-separated list or ``@FILE``).
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import InputError

_HEADING = re.compile(r"^#+\s*tune and check\s*$", re.IGNORECASE | re.MULTILINE)
_CHECK = re.compile(r"\*\*check\*\*(.*?)(?:\*\*tune\*\*|\n#|\Z)", re.IGNORECASE | re.DOTALL)
_ID = re.compile(r"\b[0-9A-Za-z][\w.-]*\b")


def check_ids_from_guide(gold_dir: str | Path) -> frozenset[str]:
    """The check split named in ``gold_dir/GUIDE.md``; empty when the guide names none."""
    guide = Path(gold_dir) / "GUIDE.md"
    if not guide.is_file():
        return frozenset()
    text = guide.read_text(encoding="utf-8")
    heading = _HEADING.search(text)
    if heading is None:
        return frozenset()
    match = _CHECK.search(text, heading.end())
    if match is None:
        return frozenset()
    # Ids are the digit-bearing words of the paragraph ("1923848195, 1965495364, ...").
    return frozenset(w for w in _ID.findall(match.group(1)) if any(c.isdigit() for c in w))


def parse_check_ids(value: str) -> frozenset[str]:
    """``--check-ids``: ``"id1,id2"`` or ``"@file"`` (one id per line or comma-separated)."""
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            value = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{path}: cannot read the check ids ({exc.strerror})") from None
    ids = frozenset(p.strip() for p in re.split(r"[,\s]+", value) if p.strip())
    if not ids:
        raise InputError("--check-ids names no article")
    return ids


def misses_by_kind(misses: list[str]) -> list[str]:
    """Misses as counts by kind ("missed place: 12", "event wrong target: 7"), naming no
    article: how the check split's misses are looked at."""
    from collections import Counter

    kinds: Counter[str] = Counter()
    for line in misses:
        _, _, what = line.partition(": ")
        words = what.split()
        if words[:1] in (["missed"], ["extra"]):
            kinds[" ".join(words[:2])] += 1
        elif words[:1] == ["event"] and "wrong" in words:
            fields = words[words.index("wrong") + 1].rstrip(":")
            for name in fields.split(","):
                kinds[f"event wrong {name}"] += 1
        else:
            kinds["other"] += 1
    return [f"{kind}: {n}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
