"""spaCy component ``kg_event_triggers``: words that state an event, typed.

Matches the trigger lexicon of ``data/triggers.yaml`` on lemmas ("struck" = "strike",
"air strikes" = "air strike"), checks the part of speech where the lexicon restricts it,
and writes ``doc.spans["kg_triggers"]`` with the event type as label. Triggers inside
actor or place names ("Islamic State *Front*") are not events.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.layout import in_skipped
from kg.nlp.matcher import _CALENDAR, PieceMatcher
from kg.nlp.rules import Rules, TriggerWord, load_rules

SPANS_KEY = "kg_triggers"
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


class EventTriggers:
    """Find and type event triggers."""

    def __init__(self, nlp: Language, rules: Rules) -> None:
        self.rules = rules
        self.matcher: PieceMatcher[TriggerWord] = PieceMatcher(
            nlp.tokenizer, rules.piece_synonyms, attr="lemma"
        )
        for word in rules.triggers:
            self.matcher.add(word.lemmas, word, case_sensitive=word.lemmas.isupper())

    def __call__(self, doc: Doc) -> Doc:
        taken: set[int] = set()
        for key in ("kg_actors", "kg_places"):
            for span in doc.spans.get(key, []):
                taken.update(range(span.start, span.end))
        triggers = []
        for match in self.matcher(doc):
            if in_skipped(doc, match.start_char) or taken & set(range(match.start, match.end)):
                continue
            span = doc[match.start : match.end]
            head = span.root
            pos = head.pos_
            if pos == "PROPN" and (head.ent_type_ or head.lower_ in _CALENDAR):
                continue  # "March 2011", "Battle Brigade": a name, not an event
            word = self._choose(match.values, pos)
            if word is None:
                continue
            triggers.append(Span(doc, span.start, span.end, label=word.type))
        doc.spans[SPANS_KEY] = triggers
        return doc

    @staticmethod
    def _choose(words: tuple[TriggerWord, ...], pos: str) -> TriggerWord | None:
        """The lexicon entry whose part of speech fits; headline proper nouns fit both."""
        for word in words:
            if word.pos is None or pos == "PROPN":
                return word
            if word.pos == "VERB" and pos in _VERBAL:
                return word
            if word.pos == "NOUN" and pos in _NOMINAL:
                return word
        return None


@Language.factory(
    "kg_event_triggers",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.pos", "doc._.kg_skip"],
)
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    return EventTriggers(nlp, load_rules())
