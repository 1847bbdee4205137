"""spaCy component ``kg_layout``: page furniture, datelines and publisher lines.

Photo credits, copyright lines, "read more" links and datelines ("Wed 05 Apr 2017",
"Posted on August 3 2016 by Jordan Dakamseh") are not reporting: their character ranges
go to ``doc._.kg_skip`` and later components ignore matches inside them. Of a line that
opens with a dateline only the dateline is skipped. A line such as "Source: Sputnik
International" names the publisher (``doc._.kg_publisher``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.ingest.datelines import DatelineRules, iter_datelines, load_dateline_rules
from kg.nlp.rules import Rules, load_rules

Doc.set_extension("kg_skip", default=(), force=True)
Doc.set_extension("kg_publisher", default=None, force=True)

_LINE = re.compile(r"[^\n]+")


class Layout:
    """Mark skipped lines, datelines and the publisher line of a document."""

    def __init__(self, rules: Rules, datelines: DatelineRules | None = None) -> None:
        self.rules = rules
        self.datelines = datelines

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
        if self.datelines is not None:
            skip.extend((d.start, d.end) for d in iter_datelines(doc.text, rules=self.datelines))
        doc._.kg_skip = tuple(sorted(skip))
        doc._.kg_publisher = publisher
        return doc


def in_skipped(doc: Doc, start_char: int) -> bool:
    """True if the character at ``start_char`` lies in a skipped line or dateline."""
    return any(a <= start_char < b for a, b in doc._.kg_skip)


@Language.factory("kg_layout", assigns=["doc._.kg_skip", "doc._.kg_publisher"])
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(load_rules(), load_dateline_rules())
