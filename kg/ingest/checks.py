"""Warnings about articles that will be read, but not as well as the user may expect.

A warning never stops an article: the build reads what it can and says what it left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from kg.types import Article

#: Characters looked at to tell the script and language of a text.
SAMPLE_CHARS = 20_000
# The commonest English words: a fifth to a third of the words of English news (17% at
# least in FA-KES), a few percent of French, German, Spanish or Turkish text; under 10%,
# a text is not English.
_ENGLISH = frozenset(
    ("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "by", "as",
     "at", "from", "are", "were", "has", "have", "said", "it", "its", "he", "his", "be", "an",
     "this", "which", "who", "been", "after", "their", "they", "not", "but", "or", "had", "will")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    """The script of a letter, by the first word of its Unicode name (LATIN, ARABIC, ...)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def language_problem(text: str) -> str | None:
    """Why ``text`` does not look like English (the only language the extractor reads),
    or None if it does, or is too short to tell.

    >>> language_problem("قصف الجيش السوري دوما يوم الاثنين")
    'the text is in Arabic script, not English'
    >>> language_problem("Le régime syrien bombarde la ville de Douma depuis lundi matin. " * 3)
    'the text does not look like English (0% of its words are common English words)'
    >>> language_problem("Syrian army shelled Douma on Monday") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    scripts = Counter(_script(c) for c in sample if c.isalpha() and not c.isascii())
    ascii_letters = sum(1 for c in sample if c.isascii() and c.isalpha())
    if scripts:
        script, count = scripts.most_common(1)[0]
        if script != "LATIN" and count > ascii_letters + scripts["LATIN"]:
            return f"the text is in {script.title()} script, not English"
    words = _WORD.findall(sample.lower())
    if len(words) < 30:
        return None
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    if share < 0.10:
        return (
            f"the text does not look like English ({share:.0%} of its words are common "
            "English words)"
        )
    return None


def article_warnings(article: Article, *, max_chars: int) -> list[str]:
    """The warnings for one article about to be extracted, each naming it.

    >>> [warning] = article_warnings(Article("a", "x" * 12, origin="big.txt"), max_chars=10)
    >>> print(warning)  # doctest: +NORMALIZE_WHITESPACE
    big.txt: 12 characters, over the 10 an article may have; facts were extracted from the
    first 10 only (split it into articles, a file or row each)
    """
    if not isinstance(article.text, str):
        return []  # not text at all: extraction fails and says so, naming the article
    where = article.origin or article.id
    out = []
    if len(article.text) > max_chars:
        out.append(
            f"{where}: {len(article.text):,} characters, over the {max_chars:,} an article "
            f"may have; facts were extracted from the first {max_chars:,} only (split it into "
            "articles, a file or row each)"
        )
    problem = language_problem(article.text)
    if problem:
        out.append(f"{where}: {problem}; the extractor reads English only, so it finds little")
    return out
