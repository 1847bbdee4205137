"""Gold files: one JSON file per article (format in ``shared/data/gold/GUIDE.md``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError


@dataclass(frozen=True)
class GoldArticle:
    """What a careful analyst expects in the graph for one article."""

    unit_id: str
    path: Path
    actors: tuple[dict[str, Any], ...]
    places: tuple[dict[str, Any], ...]
    events: tuple[dict[str, Any], ...]
    text_file: Path | None = None
    article_date: str | None = None
    source: str | None = None


def load_gold(folder: str | Path) -> list[GoldArticle]:
    """Load every ``*.json`` gold file in ``folder``, sorted by file name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such gold folder")
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: cannot read gold file ({exc})") from None
        text_file = data.get("text_file")
        out.append(
            GoldArticle(
                unit_id=str(data["unit_id"]),
                path=path,
                actors=tuple(data.get("actors") or ()),
                places=tuple(data.get("places") or ()),
                events=tuple(data.get("events") or ()),
                text_file=(path.parent / text_file).resolve() if text_file else None,
                article_date=data.get("article_date"),
                source=data.get("source"),
            )
        )
    if not out:
        raise InputError(f"{folder}: no gold files (*.json)")
    return out
