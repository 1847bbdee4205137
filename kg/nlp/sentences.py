"""spaCy component ``kg_sentences``: sentence boundaries the parser must respect.

Runs before the parser. News text puts headlines, datelines and paragraphs on lines of
their own, without final punctuation: a line break always ends a sentence. Abbreviations
such as "Govt." or "Gen." do not. Scraped pages also glue the repeated headline, the
dateline, tag lists and links to other articles to the first words of a sentence: a
sentence ends on each side of those (see :mod:`kg.nlp.layout`), and none starts inside
them.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from kg.ingest.datelines import DatelineRules, load_dateline_rules
from kg.nlp.docs import cached, doc_text
from kg.nlp.layout import FurnitureRules, load_furniture_rules, page_furniture, title_repeats
from kg.nlp.rules import Rules, load_rules

_CLOSING = frozenset(".!?-:")  # punctuation that stays with the range before it
MAX_SENTENCE_TOKENS = 150


class SentenceBreaks:
    """Force a sentence start after each line break; forbid one after an abbreviation."""

    def __init__(
        self,
        rules: Rules,
        datelines: DatelineRules | None = None,
        furniture_rules: FurnitureRules | None = None,
    ) -> None:
        self.abbreviations = rules.abbreviations
        self.datelines = datelines
        self.furniture_rules = furniture_rules

    def _ranges(self, doc: Doc) -> list[tuple[int, int]]:
        """Headline, dateline and furniture ranges that are sentences of their own (kept on
        the doc for ``kg_layout`` and the extractor, which need them too)."""
        doc._.kg_title_repeats = tuple(title_repeats(doc_text(doc)))
        doc._.kg_page_furniture = tuple(page_furniture(doc, self.datelines, self.furniture_rules))
        return [*doc._.kg_title_repeats, *doc._.kg_page_furniture]

    def _isolate(self, doc: Doc, start: int, end: int) -> None:
        starts = cached(doc, "token-starts", lambda d: [t.idx for t in d])
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        inside = [doc[i] for i in range(first, stop) if not doc[i].is_space]
        if not inside:
            return
        if inside[0].i > 0:
            inside[0].is_sent_start = True
        for token in inside[1:]:
            if "\n" not in doc[token.i - 1].text_with_ws:
                token.is_sent_start = False
        after = inside[-1].i + 1
        while after < len(doc) and (doc[after].is_space or doc[after].text in _CLOSING):
            if not doc[after].is_space and "\n" not in doc[after - 1].text_with_ws:
                doc[after].is_sent_start = False
            after += 1
        if after < len(doc):
            doc[after].is_sent_start = True

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text and not token.is_space:
                token.is_sent_start = True
            elif previous.lower_ in self.abbreviations or (
                token.i >= 2
                and previous.text == "."
                and doc[token.i - 2].lower_ + "." in self.abbreviations
            ):
                token.is_sent_start = False
        if len(doc) and doc[0].is_space and len(doc) > 1:
            doc[1].is_sent_start = True
        for start, end in self._ranges(doc):
            self._isolate(doc, start, end)
        self._cap_length(doc)
        return doc

    @staticmethod
    def _cap_length(doc: Doc) -> None:
        """Text that runs on without a full stop (a scraped list, a 5,000-word "sentence")
        is cut every ``MAX_SENTENCE_TOKENS`` tokens: no prose sentence is that long, and
        the parser and the rules after it would spend time quadratic in its length."""
        last = 0
        for token in doc:
            if token.is_sent_start or token.text in (".", "!", "?"):
                last = token.i
            elif token.i - last >= MAX_SENTENCE_TOKENS:
                token.is_sent_start = True
                last = token.i


@Language.factory(
    "kg_sentences",
    assigns=["token.is_sent_start", "doc._.kg_title_repeats", "doc._.kg_page_furniture"],
)
def make_sentences(nlp: Language, name: str) -> SentenceBreaks:
    return SentenceBreaks(load_rules(), load_dateline_rules(), load_furniture_rules())
