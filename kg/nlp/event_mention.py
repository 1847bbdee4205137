"""What the event components read and write: the per-doc index of linked mentions, and
an :class:`EventMention` (one trigger with its arguments) before the mentions of one event
are merged.

The index is built once per doc and passed to every reader as an argument, so that the
components keep no per-doc state (one pipeline can serve several threads).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.nlp.attribution import Source
from kg.nlp.docs import doc_text


@dataclass
class Arg:
    """An argument of an event: an actor or place key and the text naming it."""

    key: str
    start_char: int
    end_char: int

    @classmethod
    def of(cls, span: Span) -> Arg:
        return cls(span.label_, span.start_char, span.end_char)


@dataclass
class EventMention:
    """One trigger with its arguments, before mentions of one event are merged."""

    trigger: Span
    type: str
    agent: Arg | None = None
    target: Arg | None = None
    place: Arg | None = None
    modality: str = "asserted"
    fatalities: int | None = None
    date: Span | None = None
    sources: list[Source] = field(default_factory=list)
    anaphoric: bool = False
    distinct: bool = False
    sentence_dates: frozenset[str] = frozenset()  # the dates its sentence names
    # a party its clause names that no actor stands for ("unknown gunmen shot ..."): told
    # of someone, so an event even with no agent, target or place linked
    unnamed_party: bool = False


def _in_parentheses(span: Span, text: str) -> bool:
    """True when an opening parenthesis before ``span`` in its sentence is not closed
    (``text`` is the doc's text, which spaCy builds anew on each access)."""
    before = text[span.sent.start_char : span.start_char]
    return before.rfind("(") > before.rfind(")")


@dataclass(frozen=True)
class DocIndex:
    """The linked mentions of one doc by token, and its dates and places by sentence."""

    doc: Doc
    actor_at: dict[int, Span]
    place_at: dict[int, Span]
    trigger_at: dict[int, Span]
    dates_in_sentence: dict[int, list[Span]]
    places_in_sentence: dict[int, list[Span]]

    @classmethod
    def of(cls, doc: Doc) -> DocIndex:
        actor_at = {i: s for s in doc.spans.get("kg_actors", []) for i in range(s.start, s.end)}
        # Places in a parenthesis ("IS (banned in Russia)") are asides, never where an
        # event happened.
        text = doc_text(doc)
        place_at = {
            i: s
            for s in doc.spans.get("kg_places", [])
            if not _in_parentheses(s, text)
            for i in range(s.start, s.end)
        }
        # (per sentence, read once: ``Span.ents`` scans every entity of the doc)
        dates_in_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                dates_in_sentence.setdefault(ent.sent.start, []).append(ent)
        places_in_sentence: dict[int, list[Span]] = {}
        for span in {id(s): s for s in place_at.values()}.values():
            places_in_sentence.setdefault(span.sent.start, []).append(span)
        trigger_at = {i: s for s in doc.spans.get("kg_triggers", []) for i in range(s.start, s.end)}
        return cls(doc, actor_at, place_at, trigger_at, dates_in_sentence, places_in_sentence)

    def actors(self) -> list[Span]:
        """Each actor span once, in no particular order."""
        return list({id(s): s for s in self.actor_at.values()}.values())
