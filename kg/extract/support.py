"""Support events: backing stated for a party in the act.

"Russian-backed government forces recaptured Palmyra", "YPG fighters backed by Syrian
rebels seized ...", "a Russian-backed offensive": a support event from backer to backed, at
the place and time of the act it backs. A backing word on a party that does nothing in its
sentence stays an actor-to-actor edge (``Extraction.backing``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from kg.link.actors import ActorGazetteer
from kg.nlp.rules import LETHAL_TYPES
from kg.types import EventRecord, Mention, Span

# Acts whose backers become support events ("a Russian-backed offensive").
BACKED_ACTS = LETHAL_TYPES | {"advance", "killing"}


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


class SupportFinder:
    """Find the support events of one article, given its other events."""

    def __init__(self, actors: ActorGazetteer) -> None:
        self.modifier_keys = actors.modifier_keys
        words = "|".join(map(re.escape, sorted(actors.backing_words)))
        self._backing_word = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
        self._glued_backing = re.compile(rf"[-‐–]\s?(?:{words})\s+$", re.IGNORECASE)
        self._backed_act = re.compile(
            rf"([\w.'’]+)\s?[-‐–]\s?(?:{words})\s+(?:[a-z]+\s+){{0,2}}$", re.IGNORECASE
        )

    def _backing_prefix(self, text: str, start: int) -> bool:
        """True when a backing word is glued before ``start``: "US-backed rebels"."""
        return self._glued_backing.search(text[max(0, start - 25) : start]) is not None

    @staticmethod
    def _place_in(doc: Doc, sentence: Span) -> str | None:
        for span in doc.spans.get("kg_places", []):
            if sentence.start <= span.start_char < sentence.end:
                return span.label_
        return None

    def events(
        self,
        doc: Doc,
        events: list[EventRecord],
        text: str,
        sentence_of: Callable[[int], Span],
    ) -> list[EventRecord]:
        """Backing stated for a party in the act ("Russian-backed government forces
        recaptured Palmyra", "YPG fighters backed by Syrian rebels seized ..."): a support
        event from backer to backed, at the place and time of the act it backs. A backing
        word on a party that does nothing in its sentence stays an actor-to-actor edge."""
        spans = list(doc.spans.get("kg_actors", []))
        seen: set[tuple[str, str, str | None]] = set()
        out: list[EventRecord] = []
        for index, backer in doc._.kg_backing:
            backed = spans[index]
            sentence = sentence_of(backed.start_char)
            acts = [e for e in events if e.type in BACKED_ACTS and sentence in e.sentences]
            host = next((e for e in acts if e.agent == backed.label_), None)
            # "X backed by Y", "with the support of Y" state the backing; "Y-backed X"
            # only describes X unless X acts in the sentence.
            stated = not self._backing_prefix(text, backed.start_char)
            if host is None and not stated:
                continue
            place = host.place if host else self._place_in(doc, sentence)
            if (backer, backed.label_, place) in seen:
                continue
            seen.add((backer, backed.label_, place))
            window_start = max(sentence.start, backed.start_char - 40)
            window = text[window_start : min(sentence.end, backed.end_char + 60)]
            found = self._backing_word.search(window)
            start, end = (
                (window_start + found.start(), window_start + found.end())
                if found
                else (backed.start_char, backed.end_char)
            )
            local_id = f"e{len(events) + len(out) + 1}"
            trigger = Mention(_span(text, start, end), sentence, "event", local_id)
            out.append(
                EventRecord(
                    local_id=local_id,
                    type="support",
                    triggers=(trigger,),
                    sentences=(sentence,),
                    agent=backer,
                    target=backed.label_,
                    place=place,
                    date=host.date if host else None,
                    modality=host.modality if host else "asserted",
                    sources=host.sources if host else (),
                )
            )
        # "a Russian-backed offensive": the backer supports whoever carried out the act.
        for event in events:
            if event.type not in BACKED_ACTS or event.agent is None:
                continue
            for trigger in event.triggers:
                window_start = max(0, trigger.span.start - 40)
                found = self._backed_act.search(text[window_start : trigger.span.start])
                backer = self.modifier_keys.get(found.group(1).lower()) if found else None
                if not backer or backer == event.agent:
                    continue
                if (backer, event.agent, event.place) in seen:
                    continue
                seen.add((backer, event.agent, event.place))
                local_id = f"e{len(events) + len(out) + 1}"
                mention = Mention(
                    _span(text, window_start + found.start(1), trigger.span.end),
                    trigger.sentence,
                    "event",
                    local_id,
                )
                out.append(
                    EventRecord(
                        local_id=local_id,
                        type="support",
                        triggers=(mention,),
                        sentences=(trigger.sentence,),
                        agent=backer,
                        target=event.agent,
                        place=event.place,
                        date=event.date,
                        modality=event.modality,
                        sources=event.sources,
                    )
                )
                break
        return out
