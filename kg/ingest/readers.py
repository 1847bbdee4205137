"""Turn files and folders into :class:`~kg.types.Article` records.

A text file is one article: its first non-empty line is the title, and the whole file,
exactly as decoded (NUL characters removed), is the text that every character offset
points into. An HTML file — or a text file holding HTML — is one article too, its text
extracted from the markup (see :mod:`kg.ingest.webpages`). A CSV, TSV or JSON Lines file
holds one article per row or line (see :mod:`kg.ingest.tabular`). Without a date in the
metadata, an article takes the date of its dateline, if it has one (see
:mod:`kg.ingest.datelines`).

Nothing good is lost for something bad: a file or row that cannot be read is reported
and the others are read; what is read but changed (NULs removed, a repeated id renamed,
an exact repeat left out) is reported as a warning.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg._util.text import slugify
from kg.errors import InputError
from kg.ingest.common import decode, read_bytes, strip_nul
from kg.ingest.datelines import date_from_dateline
from kg.ingest.dates import parse_date
from kg.ingest.tabular import TABLE_SUFFIXES, Columns, read_table
from kg.ingest.webpages import HTML_SUFFIXES, html_to_text, looks_like_html
from kg.types import Article

__all__ = ["TEXT_SUFFIXES", "iter_articles", "read_article_file", "slugify"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_MAX_TITLE = 300


def read_article_file(path: str | Path, *, warnings: list[str] | None = None) -> Article:
    """Read one text or HTML file as an article.

    Raises :class:`~kg.errors.InputError` naming the file if it is missing, not text or
    empty. What was changed while reading (NULs removed) is added to ``warnings``.
    """
    path = Path(path)
    text = strip_nul(decode(path, read_bytes(path)), str(path), warnings)
    if not text.strip():
        raise InputError(f"{path}: the file is empty", hint="remove it or add the article text")
    meta: dict[str, str] = {}
    title = None
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        page = html_to_text(text)
        if not page.text.strip():
            raise InputError(
                f"{path}: the HTML page holds no text outside its markup and scripts",
                hint="save the article's text, or the page as the browser shows it",
            )
        text, title, meta = page.text, page.title, page.meta
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    if title is None and len(first_line) <= _MAX_TITLE:
        title = first_line
    return Article(
        id=slugify(path.stem),
        text=text,
        title=title,
        date=date_from_dateline(text) or (parse_date(meta["date"]) if "date" in meta else None),
        publisher=meta.get("publisher"),
        url=meta.get("url"),
        origin=str(path),
    )


def _expand(path: Path) -> list[Path]:
    """The article files of ``path``: itself, or the files of a folder, found in one walk."""
    if not path.is_dir():
        return [path]
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
    files = []
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        files.extend(
            Path(folder, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes
        )
    if not files:
        raise InputError(
            f"{path}: the folder holds no article files ({', '.join(sorted(suffixes))})"
        )
    return sorted(files)


def iter_articles(
    paths: Iterable[str | Path],
    *,
    errors: list[InputError] | None = None,
    columns: Columns | None = None,
    warnings: list[str] | None = None,
) -> Iterator[Article]:
    """Yield the articles in ``paths``: text or HTML files, CSV/TSV/JSON Lines files (one
    article per row or line), or folders of them searched recursively (hidden files and
    folders left out). A file given twice is read once.

    With ``errors`` given, a file or row that cannot be read is recorded there and skipped
    so that one bad file or row never loses the others; without it, the first problem
    raises. ``columns`` names the columns of tables when they are not the usual ones.
    ``warnings`` receives a line, naming the file and row, for each change made while
    reading.

    Ids: two text files that would get the same article id are told apart by a hash of
    their path. A row whose id was already given (in this or another table) with a
    different text is kept as ``ID-2``, ``ID-3``, ... in order, with a warning; a row
    that repeats an earlier one exactly (same id, same text) is left out, with a warning.

    >>> from kg.resources import data_path
    >>> [a.id for a in iter_articles([data_path("articles/coalition-strike-at-tanf.txt")])]
    ['coalition-strike-at-tanf']
    """
    columns = columns or Columns()
    seen: dict[str, tuple[str, str]] = {}  # id -> (origin, digest of the text)
    repeats: Counter[str] = Counter()

    def fail(problem: InputError) -> None:
        if errors is None:
            raise problem
        errors.append(problem)

    def warn(message: str) -> None:
        if warnings is not None:
            warnings.append(message)

    def unique(article: Article, path: Path, tabular: bool, digest: str) -> Article | None:
        if article.id not in seen:
            return article
        first_origin, first_digest = seen[article.id]
        where = article.origin or str(path)
        if not tabular:
            suffix = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
            return replace(article, id=f"{article.id}-{suffix}")
        if digest == first_digest:
            warn(f"{where}: repeats {first_origin} (id '{article.id}', same text); left out")
            return None
        base = article.id
        new_id = base
        while new_id in seen:
            repeats[base] += 1
            new_id = f"{base}-{repeats[base] + 1}"
        warn(
            f"{where}: id '{base}' was already given by {first_origin} with a different "
            f"text; read as '{new_id}'"
        )
        return replace(article, id=new_id)

    expanded: dict[Path, None] = {}
    for given in paths:
        try:
            expanded.update(dict.fromkeys(_expand(Path(given))))
        except InputError as problem:
            fail(problem)
    for path in expanded:
        tabular = path.suffix.lower() in TABLE_SUFFIXES
        try:
            if tabular:
                text = decode(path, read_bytes(path), table=True)
                articles: Iterable[Article] = read_table(
                    path, text, columns=columns, fail=fail, warn=warn
                )
            else:
                articles = [read_article_file(path, warnings=warnings)]
        except InputError as problem:
            fail(problem)
            continue
        for article in articles:
            digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()
            kept = unique(article, path, tabular, digest)
            if kept is not None:
                seen[kept.id] = (kept.origin or str(path), digest)
                yield kept
