"""spaCy component ``kg_event_triggers``: words that state an event, typed.

Matches the trigger lexicon of ``data/triggers.yaml`` on lemmas ("struck" = "strike",
"air strikes" = "air strike"), checks the part of speech where the lexicon restricts it,
and writes ``doc.spans["kg_triggers"]`` with the event type as label. Triggers inside
actor or place names ("Islamic State *Front*") are not events, and neither are trigger
words used to describe something else (see :func:`describes`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.layout import in_skipped
from kg.nlp.matcher import _CALENDAR, Match, PieceMatcher, token_lemma
from kg.nlp.rules import Rules, TriggerWord, load_rules

SPANS_KEY = "kg_triggers"
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


def describes(
    span: Span, triggers: set[int], actors: set[int], death_words: frozenset[str]
) -> bool:
    """True when the trigger word only describes another word instead of stating an event.

    ``triggers`` and ``actors`` are the token indices of all trigger words and actor names.

    * a participle used as an adjective: "the *besieged* town", "the *targeted* airbase",
      "*displaced* families";
    * a present participle that says what a party does, not what it did: "a coalition
      *fighting* IS", "the coalition *targeting* the jihadists" (a death stays: "ambushed
      the terrorists *killing* 15"; so does an act on an event: "a strike *killing* five");
    * a noun modifying another noun that is not an event: "*detention* centres",
      "*attack* helicopters", "*protest* movement" ("*barrel bomb* attacks" stays).

    Headline words tagged as proper nouns are left alone: their parse is unreliable.
    """
    head = span.root
    governor = head.head
    if governor.i == head.i or governor.i in triggers:
        return False
    if head.pos_ in _VERBAL and head.dep_ == "amod":
        return True
    if head.pos_ in _VERBAL and head.tag_ == "VBG" and head.dep_ == "acl":
        return governor.i in actors and head.lemma_.lower() not in death_words
    return head.pos_ == "NOUN" and head.dep_ == "compound" and governor.pos_ == "NOUN"


class EventTriggers:
    """Find and type event triggers."""

    def __init__(self, nlp: Language, rules: Rules) -> None:
        self.rules = rules
        self.matcher: PieceMatcher[TriggerWord] = PieceMatcher(
            nlp.tokenizer, rules.piece_synonyms, attr="lemma"
        )
        # One-word entries by lemma, to read a subject and its verb one by one.
        self.single: dict[str, list[TriggerWord]] = {}
        for word in rules.triggers:
            self.matcher.add(word.lemmas, word, case_sensitive=word.lemmas.isupper())
            if " " not in word.lemmas:
                self.single.setdefault(word.lemmas, []).append(word)

    def __call__(self, doc: Doc) -> Doc:
        actors = {i for span in doc.spans.get("kg_actors", []) for i in range(span.start, span.end)}
        taken = actors | {
            i for span in doc.spans.get("kg_places", []) for i in range(span.start, span.end)
        }
        typed: list[tuple[Match[TriggerWord], TriggerWord]] = []
        matches = self.matcher(doc)
        gerunds = self._gerunds(doc, {i for m in matches for i in range(m.start, m.end)})
        nominal = {m.start for m in gerunds}
        for match in self._clauses_split(doc, matches + gerunds):
            if in_skipped(doc, match.start_char) or taken & set(range(match.start, match.end)):
                continue
            head = doc[match.start : match.end].root
            pos = head.pos_
            if pos == "PROPN" and (head.ent_type_ or head.lower_ in _CALENDAR):
                continue  # "March 2011", "Battle Brigade": a name, not an event
            word = self._choose(match.values, "NOUN" if match.start in nominal else pos)
            if word is not None:
                typed.append((match, word))
        trigger_tokens = {i for match, _ in typed for i in range(match.start, match.end)}
        triggers = []
        for match, word in typed:
            span = Span(doc, match.start, match.end, label=word.type)
            if not describes(span, trigger_tokens, actors, self.rules.death_words):
                triggers.append(span)
        doc.spans[SPANS_KEY] = triggers
        return doc

    def _clauses_split(self, doc: Doc, matches: list[Match[TriggerWord]]):  # noqa: ANN202
        """Yield the matches, a multi-word one that is really a subject and its verb
        ("Rockets *struck*" read as "rocket strike") as one match per word."""
        for match in matches:
            span = doc[match.start : match.end]
            root = span.root
            if (
                len(span) == 1
                or root.pos_ not in _VERBAL
                or not any(t.head.i == root.i and t.dep_ in ("nsubj", "nsubjpass") for t in span)
            ):
                yield match
                continue
            for tok in span:
                words = self.single.get(token_lemma(tok))
                if words:
                    end = tok.idx + len(tok)
                    yield Match(tok.i, tok.i + 1, tok.idx, end, tuple(words), tok.lemma_)

    def _gerunds(self, doc: Doc, matched: set[int]) -> list[Match[TriggerWord]]:
        """A gerund used as a noun after a preposition, with no object of its own ("killed
        during fighting", "amid shelling"), read as the noun the lexicon has for its form
        ("fighting/NOUN"): the parse tags it a verb, whose lemma ("fight") is no trigger."""
        out = []
        for tok in doc:
            if (
                tok.i in matched
                or tok.tag_ != "VBG"
                or tok.dep_ not in ("pcomp", "pobj")
                or tok.head.lower_ not in self.rules.gerund_prepositions
                or any(c.dep_ in ("dobj", "nsubj") for c in tok.children)
            ):
                continue
            words = tuple(w for w in self.single.get(tok.lower_, ()) if w.pos != "VERB")
            if words:
                out.append(Match(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), words, tok.lower_))
        return out

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
