"""Turn files and folders into :class:`~kg.types.Article` records.

A text file is one article: its first non-empty line is the title, and the whole file,
exactly as decoded, is the text that every character offset points into.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.types import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_MAX_TITLE = 300


def slugify(text: str, *, max_length: int = 80) -> str:
    """Return a lowercase ASCII key for ``text``, stable across runs.

    >>> slugify("U.S.-led Coalition / At Tanf (2017)")
    'u-s-led-coalition-at-tanf-2017'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:max_length].strip("-")
    if not slug:  # e.g. Arabic-only names: fall back to a hash of the text
        slug = "h" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return slug


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: looks like a binary file, not text", hint="pass text files")
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Latin-1 never fails; Windows-1252 is its usual superset in scraped news.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_article_file(path: str | Path) -> Article:
    """Read one text file as an article.

    Raises :class:`~kg.errors.InputError` naming the file if it is missing, not text or
    empty.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = _decode(path, raw)
    if not text.strip():
        raise InputError(f"{path}: the file is empty", hint="remove it or add the article text")
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    title = first_line if len(first_line) <= _MAX_TITLE else None
    return Article(id=slugify(path.stem), text=text, title=title, origin=str(path))


def _expand(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not files:
        raise InputError(
            f"{path}: the folder holds no text files ({', '.join(sorted(TEXT_SUFFIXES))})"
        )
    return files


def iter_articles(
    paths: Iterable[str | Path], *, errors: list[InputError] | None = None
) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files, or folders searched recursively).

    With ``errors`` given, a file that cannot be read is recorded there and skipped so
    that one bad file never loses the others; without it, the first problem raises.
    Two files that would get the same article id are told apart by a hash of their path.

    >>> from kg.resources import data_path
    >>> [a.id for a in iter_articles([data_path("articles/coalition-strike-at-tanf.txt")])]
    ['coalition-strike-at-tanf']
    """
    seen: dict[str, str] = {}

    def fail(problem: InputError) -> None:
        if errors is None:
            raise problem
        errors.append(problem)

    expanded: list[Path] = []
    for given in paths:
        try:
            expanded.extend(_expand(Path(given)))
        except InputError as problem:
            fail(problem)
    for path in expanded:
        try:
            article = read_article_file(path)
        except InputError as problem:
            fail(problem)
            continue
        if article.id in seen and seen[article.id] != article.origin:
            digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
            article = Article(**{**article.__dict__, "id": f"{article.id}-{digest}"})
        seen[article.id] = article.origin or ""
        yield article
