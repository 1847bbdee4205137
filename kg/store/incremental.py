"""Incremental builds: which articles a store already holds, unchanged.

Each article's node carries ``ckg:contentHash``, a digest of the article as read (text and
metadata). Before extracting anything, a build compares the articles it is given with the
hashes in the store: unchanged articles are skipped, new ones added, changed ones replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.rdf.hashing import add_content_hash, content_hash  # noqa: F401 - re-exported
from kg.types import Article


@dataclass
class Plan:
    """What a build into a store has to do with the articles it was given."""

    new: list[Article] = field(default_factory=list)
    changed: list[Article] = field(default_factory=list)
    unchanged: list[Article] = field(default_factory=list)
    todo: list[Article] = field(default_factory=list)  # new and changed, in input order

    def summary(self) -> str:
        return (
            f"{len(self.new)} new, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged article(s)"
        )


def plan(articles: Iterable[Article], stored: dict[str, str], *, force: bool = False) -> Plan:
    """Sort ``articles`` by what the store (article id -> content hash) already holds.

    An id given twice counts once, the last one read (as a build keeps the last one).
    ``force``: treat stored articles as changed, so they are extracted again.

    >>> a, b = Article("a", "one"), Article("b", "two")
    >>> plan([a, b], {"a": content_hash(a)}).summary()
    '1 new, 0 changed, 1 unchanged article(s)'
    """
    latest = {a.id: a for a in articles}
    result = Plan()
    for article in latest.values():
        known = stored.get(article.id)
        if known is None:
            result.new.append(article)
        elif force or known != content_hash(article):
            result.changed.append(article)
        else:
            result.unchanged.append(article)
            continue
        result.todo.append(article)
    return result
