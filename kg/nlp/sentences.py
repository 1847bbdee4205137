"""spaCy component ``kg_sentences``: sentence boundaries the parser must respect.

Runs before the parser. News text puts headlines, datelines and paragraphs on lines of
their own, without final punctuation: a line break always ends a sentence. Abbreviations
such as "Govt." or "Gen." do not.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.rules import Rules, load_rules


class SentenceBreaks:
    """Force a sentence start after each line break; forbid one after an abbreviation."""

    def __init__(self, rules: Rules) -> None:
        self.abbreviations = rules.abbreviations

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
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceBreaks:
    return SentenceBreaks(load_rules())
