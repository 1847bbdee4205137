"""From an annotated spaCy ``Doc`` to an :class:`~kg.types.Extraction`.

Collects the linked actors and places (with the first-level unit and country of each
place), the reporting sources and the publisher, and assembles the article's events: the
mentions that tell an event (:mod:`kg.nlp.event_filter`) merged into events
(:mod:`kg.nlp.event_coref`), the summaries dropped, the lead dated, and support events
added (:mod:`kg.extract.support`). Stages read earlier records and make new ones; none
rewrites another's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from kg.extract.publishers import PublisherLinker
from kg.extract.support import SupportFinder
from kg.link.actors import ActorGazetteer
from kg.link.places import PlaceGazetteer
from kg.nlp.attribution import Source
from kg.nlp.dates import resolve_date
from kg.nlp.event_acled import decide, load_subtype_rules
from kg.nlp.event_coref import EventCoref, EventGroup
from kg.nlp.event_filter import EventFilter
from kg.nlp.event_mention import EventMention
from kg.nlp.event_type import EventTyper, load_type_rules
from kg.nlp.layout import in_skipped, title_repeats
from kg.nlp.rules import load_rules
from kg.types import (
    ActorRef,
    Article,
    EventRecord,
    Extraction,
    Mention,
    PlaceRef,
    Span,
    TimeStamp,
)

_MODALITY_ORDER = ("denied", "attempted", "alleged", "reported", "asserted")


def _headline_ranges(article: Article, doc: Doc) -> list[tuple[int, int]]:
    """Where the article's title stands in its text: the first line, and its repetitions
    near the start of the body (as FA-KES contents have after their dateline; found by
    ``kg_sentences``, see :func:`kg.nlp.layout.title_repeats`)."""
    title = (article.title or "").strip()
    if len(title) < 8:
        return []
    ranges = []
    first = article.text.find(title)
    if 0 <= first < 5:
        ranges.append((first, first + len(title)))
    repeats = doc._.kg_title_repeats
    ranges.extend(title_repeats(article.text) if repeats is None else repeats)
    return ranges


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


class Extractor:
    """Turn annotated docs into extraction records for one article each."""

    def __init__(self, actors: ActorGazetteer, places: PlaceGazetteer, tokenizer) -> None:  # noqa: ANN001
        self.actors = actors
        self.places = places
        self.rules = load_rules()
        self._publisher = PublisherLinker(actors, tokenizer)
        self._support = SupportFinder(actors)
        self._filter = EventFilter(self.rules, places)
        self._coref = EventCoref(
            self.rules, places, EventTyper(self.rules, actors, load_type_rules())
        )
        self._subtypes = load_subtype_rules()

    # -- actors and places ------------------------------------------------------------
    def _source_actor(self, source: Source) -> ActorRef | None:
        if source.actor:
            return self.actors.get(source.actor)
        if source.person:
            return self.actors.new_actor(
                source.person, "person", affiliated_with=tuple(source.affiliation)
            )
        return None

    def _with_hierarchy(self, keys: Iterable[str]) -> dict[str, PlaceRef]:
        out: dict[str, PlaceRef] = {}
        for key in keys:
            place = self.places.get(key)
            while place is not None and place.key not in out:
                out[place.key] = place
                parent = self.places.admin1_of(place) or self.places.country_of(place)
                if parent is None and place.kind == "admin1":
                    parent = self.places.country_of(place)
                place = parent
        return out

    # -- the article -------------------------------------------------------------------
    def extract(self, article: Article, doc: Doc) -> Extraction:
        text = article.text
        sentences = []
        for sent in doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            start = sent.start_char + sent.text.index(stripped)
            sentences.append(_span(text, start, start + len(stripped)))

        def sentence_of(char: int) -> Span:
            for sentence in sentences:
                if sentence.start <= char < sentence.end:
                    return sentence
            return sentences[-1]

        mentions: list[Mention] = []
        actors: dict[str, ActorRef] = {}
        new_actors = doc._.kg_new_actors or {}
        for span in doc.spans.get("kg_actors", []):
            actor = self.actors.get(span.label_) or new_actors.get(span.label_)
            if actor is None:
                continue
            actors[actor.key] = actor
            mentions.append(
                Mention(
                    _span(text, span.start_char, span.end_char),
                    sentence_of(span.start_char),
                    "actor",
                    actor.key,
                )
            )
        place_keys = []
        for span in doc.spans.get("kg_places", []):
            place_keys.append(span.label_)
            mentions.append(
                Mention(
                    _span(text, span.start_char, span.end_char),
                    sentence_of(span.start_char),
                    "place",
                    span.label_,
                )
            )
        source_keys: dict[int, str] = {}
        for source in doc._.kg_sources:
            actor = self._source_actor(source)
            if actor is None:
                continue
            actors[actor.key] = actor
            source_keys[id(source)] = actor.key
            mention = Mention(
                _span(text, source.start_char, source.end_char),
                sentence_of(source.start_char),
                "source",
                actor.key,
            )
            if mention not in mentions:
                mentions.append(mention)

        publisher = None
        if article.publisher:
            publisher = self._publisher(article.publisher)
        elif doc._.kg_publisher:
            start, end = doc._.kg_publisher
            publisher = self._publisher(text[start:end])
            mentions.append(
                Mention(_span(text, start, end), sentence_of(start), "actor", publisher.key)
            )
        if publisher is not None:
            actors[publisher.key] = publisher

        headlines = _headline_ranges(article, doc)

        def actor_type(key: str | None) -> str | None:
            actor = (self.actors.get(key) or new_actors.get(key)) if key else None
            return actor.type if actor is not None else None

        events = self._events(
            article,
            doc._.kg_events,
            headlines,
            text,
            sentence_of,
            source_keys,
            actor_type,
            doc._.kg_hedged,
        )
        events = self._date_the_lead(article, doc, events, headlines)
        events += self._support.events(doc, events, text, sentence_of)
        for event in events:
            mentions.extend(event.triggers)
            for key in (event.agent, event.target, *event.sources):
                if key and key not in actors and self.actors.get(key):
                    actors[key] = self.actors.get(key)  # type: ignore[assignment]
        backing = []
        actor_spans = list(doc.spans.get("kg_actors", []))
        for index, backer in doc._.kg_backing:
            backed = actor_spans[index].label_
            if backer in self.actors.actors:
                actors.setdefault(backer, self.actors.actors[backer])
                backing.append((backed, backer))
        for actor in list(actors.values()):
            for backer in actor.backed_by:
                actors.setdefault(backer, self.actors.actors[backer])
            for body in actor.affiliated_with:
                if body in self.actors.actors:
                    actors.setdefault(body, self.actors.actors[body])
        places = self._with_hierarchy(place_keys + [e.place for e in events if e.place])
        return Extraction(
            article=article,
            actors=actors,
            places=places,
            mentions=tuple(mentions),
            events=tuple(events),
            sentences=tuple(sentences),
            publisher=publisher.key if publisher else None,
            backing=tuple(dict.fromkeys(backing)),
        )

    # -- events ------------------------------------------------------------------------
    def _events(
        self,
        article: Article,
        found: Iterable[EventMention],
        headlines: list[tuple[int, int]],
        text: str,
        sentence_of: Callable[[int], Span],
        source_keys: dict[int, str],
        actor_type: Callable[[str | None], str | None],
        hedged: frozenset[int] = frozenset(),
    ) -> list[EventRecord]:
        """The article's events: the mentions that tell one, merged; summaries dropped;
        each with its ACLED sub-event type (:mod:`kg.nlp.event_acled`) and, when the text
        hedges who did it ("presumed LNA forces", ``hedged``), the agent modality."""

        def agent_hedged(group: EventGroup) -> bool:
            return group.agent is not None and any(
                m.agent is not None and m.agent.key == group.agent and m.agent.start_char in hedged
                for m in group.mentions
            )

        def in_headline(mention: EventMention) -> bool:
            return any(a <= mention.trigger.start_char < b for a, b in headlines)

        found = list(found)
        body = [m for m in found if not in_headline(m) and self._filter.told_as_event(m)]
        heads = [m for m in found if in_headline(m)]
        groups = [g for g in self._coref.group(body, heads) if not self._filter.generic(g)]
        records = [
            self._record(article, number, group, text, sentence_of, source_keys)
            for number, group in enumerate(groups, start=1)
        ]
        return [
            dataclasses.replace(
                record,
                acled_sub_type=decide(
                    self._subtypes,
                    group.type,
                    group.mentions,
                    agent_type=actor_type(group.agent),
                    target_type=actor_type(group.target),
                    modality=record.modality,
                ),
                agent_modality="alleged" if agent_hedged(group) else None,
            )
            for record, group in zip(records, groups, strict=True)
        ]

    @staticmethod
    def _date_the_lead(
        article: Article, doc: Doc, events: list[EventRecord], headlines: list[tuple[int, int]]
    ) -> list[EventRecord]:
        """The lead sentence (the first of the body, after the headline and the dateline)
        tells the news of the day: its events with no time of their own take the article's
        date."""
        if article.date is None:
            return events
        lead = next(
            (
                sent
                for sent in doc.sents
                if sent.text.strip()
                and not in_skipped(doc, sent.start_char + len(sent.text) - len(sent.text.lstrip()))
                and not any(
                    a <= sent.start_char < b or a < sent.end_char <= b for a, b in headlines
                )
                and sent.start_char > 0
            ),
            None,
        )
        if lead is None:
            return events
        day = TimeStamp(article.date.isoformat(), "day")
        return [
            dataclasses.replace(e, date=day)
            if e.date is None
            and any(lead.start_char <= s.start < lead.end_char for s in e.sentences)
            else e
            for e in events
        ]

    @staticmethod
    def _record(
        article: Article,
        number: int,
        group: EventGroup,
        text: str,
        sentence_of: Callable[[int], Span],
        source_keys: dict[int, str],
    ) -> EventRecord:
        mentions = group.mentions
        local_id = f"e{number}"
        triggers = tuple(
            Mention(
                _span(text, m.trigger.start_char, m.trigger.end_char),
                sentence_of(m.trigger.start_char),
                "event",
                local_id,
            )
            for m in mentions
        )
        date: TimeStamp | None = None
        for m in mentions:
            if m.date is not None:
                date = resolve_date(m.date.text, article.date)
                if date is not None:
                    break
        fatalities = max((m.fatalities for m in mentions if m.fatalities is not None), default=None)
        sources = tuple(
            dict.fromkeys(
                source_keys[id(s)] for m in mentions for s in m.sources if id(s) in source_keys
            )
        )
        modalities = {m.modality for m in mentions}
        if sources:
            modalities.add("reported")
        modality = next(m for m in _MODALITY_ORDER if m in modalities or m == "asserted")
        return EventRecord(
            local_id=local_id,
            type=group.type,
            triggers=triggers,
            sentences=tuple(dict.fromkeys(t.sentence for t in triggers)),
            agent=group.agent,
            target=group.target,
            place=group.place,
            date=date,
            fatalities=fatalities,
            modality=modality,
            sources=sources,
        )
