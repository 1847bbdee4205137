"""What the components read from a ``Doc`` more than once, computed once per doc.

spaCy builds ``Doc.text`` anew on each access (a Python ``Token`` per token, then a
join), and several components need it. :func:`doc_text` keeps it in ``doc.user_data``,
keyed with the doc's length so that a retokenized doc is not served a stale text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

T = TypeVar("T")


def cached(doc: Doc, key: str, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, kept in ``doc.user_data`` under ``("kg", key)`` while the doc
    keeps its length (no component of ours retokenizes; this guards against one that does).

    >>> import spacy
    >>> doc = spacy.blank("en")("Shelling hit Douma.")
    >>> calls = []
    >>> cached(doc, "n", lambda d: calls.append(1) or len(d)), cached(doc, "n", len), calls
    (4, 4, [1])
    """
    slot = ("kg", key)
    found = doc.user_data.get(slot)
    if found is not None and found[0] == len(doc):
        return found[1]
    value = compute(doc)
    doc.user_data[slot] = (len(doc), value)
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc."""
    return cached(doc, "text", lambda d: d.text)
