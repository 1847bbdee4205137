"""spaCy component ``kg_layout``: page furniture and publisher lines.

Photo credits, copyright lines and "read more" links are not reporting: their character
ranges go to ``doc._.kg_skip`` and later components ignore matches inside them. A line
such as "Source: Sputnik International" names the publisher (``doc._.kg_publisher``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.rules import Rules, load_rules

Doc.set_extension("kg_skip", default=(), force=True)
Doc.set_extension("kg_publisher", default=None, force=True)

_LINE = re.compile(r"[^\n]+")


class Layout:
    """Mark skipped lines and the publisher line of a document."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        skip: list[tuple[int, int]] = []
        publisher = None
        for line in _LINE.finditer(doc.text):
            stripped = line.group().strip()
            if not stripped:
                continue
            if any(p.search(stripped) for p in self.rules.skip_line_patterns):
                skip.append((line.start(), line.end()))
                continue
            for pattern in self.rules.publisher_line_patterns:
                found = pattern.search(stripped)
                if found:
                    offset = line.start() + line.group().index(stripped)
                    publisher = (offset + found.start(1), offset + found.end(1))
                    skip.append((line.start(), line.end()))
                    break
        doc._.kg_skip = tuple(skip)
        doc._.kg_publisher = publisher
        return doc


def in_skipped(doc: Doc, start_char: int) -> bool:
    """True if the character at ``start_char`` lies in a skipped line."""
    return any(a <= start_char < b for a, b in doc._.kg_skip)


@Language.factory("kg_layout", assigns=["doc._.kg_skip", "doc._.kg_publisher"])
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(load_rules())
