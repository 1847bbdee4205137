"""Turn files and folders into :class:`~kg.types.Article` records.

A text file is one article: its first non-empty line is the title, and the whole file,
exactly as decoded, is the text that every character offset points into. A CSV, TSV or
JSON Lines file holds one article per row or line (see :mod:`kg.ingest.tabular`).
Without a date in the metadata, an article takes the date of its dateline, if it has one
(see :mod:`kg.ingest.datelines`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.errors import InputError
from kg.ingest.common import decode, read_bytes, slugify
from kg.ingest.datelines import date_from_dateline
from kg.ingest.tabular import TABLE_SUFFIXES, Columns, read_table
from kg.types import Article

__all__ = ["TEXT_SUFFIXES", "iter_articles", "read_article_file", "slugify"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_MAX_TITLE = 300


def read_article_file(path: str | Path) -> Article:
    """Read one text file as an article.

    Raises :class:`~kg.errors.InputError` naming the file if it is missing, not text or
    empty.
    """
    path = Path(path)
    text = decode(path, read_bytes(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty", hint="remove it or add the article text")
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    title = first_line if len(first_line) <= _MAX_TITLE else None
    return Article(
        id=slugify(path.stem),
        text=text,
        title=title,
        date=date_from_dateline(text),
        origin=str(path),
    )


def _expand(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    suffixes = TEXT_SUFFIXES | TABLE_SUFFIXES
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    if not files:
        raise InputError(
            f"{path}: the folder holds no article files ({', '.join(sorted(suffixes))})"
        )
    return files


def iter_articles(
    paths: Iterable[str | Path],
    *,
    errors: list[InputError] | None = None,
    columns: Columns | None = None,
) -> Iterator[Article]:
    """Yield the articles in ``paths``: text files, CSV/TSV/JSON Lines files (one article
    per row or line), or folders of them searched recursively.

    With ``errors`` given, a file or row that cannot be read is recorded there and skipped
    so that one bad file or row never loses the others; without it, the first problem
    raises. ``columns`` names the columns of tables when they are not the usual ones.
    Two text files that would get the same article id are told apart by a hash of their
    path; a row whose id was already given gets ``-2``, ``-3``, ... in order.

    >>> from kg.resources import data_path
    >>> [a.id for a in iter_articles([data_path("articles/coalition-strike-at-tanf.txt")])]
    ['coalition-strike-at-tanf']
    """
    columns = columns or Columns()
    seen: dict[str, str] = {}
    repeats: Counter[str] = Counter()

    def fail(problem: InputError) -> None:
        if errors is None:
            raise problem
        errors.append(problem)

    def unique(article: Article, path: Path, tabular: bool) -> Article:
        if article.id not in seen or seen[article.id] == article.origin:
            return article
        if not tabular:
            digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
            return replace(article, id=f"{article.id}-{digest}")
        base = article.id
        new_id = base
        while new_id in seen:
            repeats[base] += 1
            new_id = f"{base}-{repeats[base] + 1}"
        return replace(article, id=new_id)

    expanded: list[Path] = []
    for given in paths:
        try:
            expanded.extend(_expand(Path(given)))
        except InputError as problem:
            fail(problem)
    for path in expanded:
        tabular = path.suffix.lower() in TABLE_SUFFIXES
        try:
            if tabular:
                text = decode(path, read_bytes(path))
                articles: Iterable[Article] = read_table(path, text, columns=columns, fail=fail)
            else:
                articles = [read_article_file(path)]
        except InputError as problem:
            fail(problem)
            continue
        for article in articles:
            article = unique(article, path, tabular)
            seen[article.id] = article.origin or ""
            yield article
