"""From an annotated spaCy ``Doc`` to an :class:`~kg.types.Extraction`.

Collects the linked actors and places (with the governorate and country of each place),
the reporting sources, and merges the mentions of one event within the article: a later
"the strike" or "coalition strikes near At Tanf" is the same event as the first report
of the coalition strike when its type, agent, target and place do not contradict it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from spacy.tokens import Doc

from kg.link.actors import ActorGazetteer
from kg.link.places import PlaceGazetteer
from kg.nlp.attribution import Source
from kg.nlp.dates import resolve_date
from kg.nlp.event_roles import Arg, EventMention
from kg.nlp.layout import in_skipped, title_repeats
from kg.nlp.matcher import PieceMatcher
from kg.nlp.rules import LETHAL_TYPES, VIOLENT_TYPES, load_rules
from kg.ontology.vocab import event_types_under
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

# A generic attack can be a later retelling of a specific one, and the reverse.
_SPECIFIC = {"attack": event_types_under("strike_or_explosion")}
# Kinds of strike whose agent is carried over from the article's other strikes of the kind.
_INHERITED_AGENT = ("airstrike", "shelling", "chemical_attack")
# Acts whose backers become support events ("a Russian-backed offensive").
_BACKED_ACTS = LETHAL_TYPES | {"advance", "killing"}
# One bombardment told with several words takes the most specific kind.
_GENERIC_BOMBING = frozenset({"bombing", "bomb", "bombard", "bombardment"})
_BOMBARDMENT_RANK = {"chemical_attack": 0, "airstrike": 1, "shelling": 2, "bombing": 3}
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


def _squash(name: str) -> str:
    """Lowercase letters and digits only: "Daily Sabah" and "dailysabah" are one name."""
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


class Extractor:
    """Turn annotated docs into extraction records for one article each."""

    def __init__(self, actors: ActorGazetteer, places: PlaceGazetteer, tokenizer) -> None:  # noqa: ANN001
        self.actors = actors
        self.places = places
        self._publisher_matcher: PieceMatcher[str] = PieceMatcher(tokenizer)
        for alias, keys in actors.aliases.items():
            self._publisher_matcher.add(alias, keys[0], case_sensitive=False)
        self._tokenizer = tokenizer
        # media first, so that a name shared with another actor names the outlet
        self._squashed_aliases: dict[str, ActorRef] = {}
        for alias, keys in sorted(
            actors.aliases.items(),
            key=lambda item: actors.actors[item[1][0]].type != "media",
        ):
            squashed = _squash(alias)
            for variant in (squashed, squashed[2:] if squashed.startswith("al") else ""):
                if len(variant) >= 3:
                    self._squashed_aliases.setdefault(variant, actors.actors[keys[0]])
        self.rules = load_rules()
        words = "|".join(map(re.escape, sorted(actors.backing_words)))
        self._backing_word = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
        self._glued_backing = re.compile(rf"[-‐–]\s?(?:{words})\s+$", re.IGNORECASE)
        self._backed_act = re.compile(
            rf"([\w.'’]+)\s?[-‐–]\s?(?:{words})\s+(?:[a-z]+\s+){{0,2}}$", re.IGNORECASE
        )

    # -- actors and places ------------------------------------------------------------
    def _publisher(self, name: str) -> ActorRef:
        """The outlet named in the metadata: a media actor of the gazetteer whose alias it
        contains, or whose alias it is once spaces, punctuation and a leading "al" are dropped
        (feeds write "dailysabah", "manar", "etilaf" — the last the Syrian Coalition's site)."""
        matches = self._publisher_matcher(self._tokenizer(name))
        for match in matches:
            actor = self.actors.get(match.values[0])
            if actor is not None and actor.type == "media":
                return actor
        squashed = self._squashed_aliases.get(_squash(name))
        if squashed is not None:
            return squashed
        return self.actors.new_actor(name, "media")

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
                parent = self.places.governorate_of(place) or self.places.country_of(place)
                if parent is None and place.kind == "governorate":
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
        events = self._merge_events(
            article, doc._.kg_events, headlines, text, sentence_of, source_keys
        )
        events = self._date_the_lead(article, doc, events, headlines)
        events += self._support_events(doc, events, text, sentence_of)
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
    def _backing_prefix(self, text: str, start: int) -> bool:
        """True when a backing word is glued before ``start``: "US-backed rebels"."""
        return self._glued_backing.search(text[max(0, start - 25) : start]) is not None

    @staticmethod
    def _place_in(doc: Doc, sentence: Span) -> str | None:
        for span in doc.spans.get("kg_places", []):
            if sentence.start <= span.start_char < sentence.end:
                return span.label_
        return None

    def _support_events(self, doc: Doc, events: list[EventRecord], text: str, sentence_of):  # noqa: ANN001
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
            acts = [e for e in events if e.type in _BACKED_ACTS and sentence in e.sentences]
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
            if event.type not in _BACKED_ACTS or event.agent is None:
                continue
            for trigger in event.triggers:
                window_start = max(0, trigger.span.start - 40)
                found = self._backed_act.search(text[window_start : trigger.span.start])
                backer = self.actors.modifier_keys.get(found.group(1).lower()) if found else None
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

    def _compatible(self, group: dict, mention: EventMention) -> bool:
        a, b = group["type"], mention.type
        victims_only = (b == "killing" and mention.agent is None and a in VIOLENT_TYPES) or (
            a == "killing" and group["agent"] is None and b in VIOLENT_TYPES
        )
        if (
            a != b
            and not victims_only
            and not self._one_bombardment(group, mention)
            and not self._retold_generically(group, mention)
        ):
            return False
        for role in ("agent", "target"):
            mine: Arg | None = getattr(mention, role)
            if mine is not None and group[role] is not None and group[role] != mine.key:
                return False
        if mention.place is not None and group["place"] is not None:
            p, q = group["place"], mention.place.key
            if not (self.places.contains(p, q) or self.places.contains(q, p)):
                return False
        return True

    def _retold_generically(self, group: dict, mention: EventMention) -> bool:
        """An air strike retold as "the attack", or "an attack" told first and its kind
        later: a generic word for an attack may join an event of a specific kind. An act
        of a kind of its own ("shot down a helicopter", "an ambush") may not."""
        a, b = group["type"], mention.type
        generic = self.rules.generic_attack_words
        if b in _SPECIFIC.get(a, ()):
            return all(
                m.trigger.root.lemma_.lower() in generic
                for m in group["mentions"]
                if m.type == a
            )
        if a in _SPECIFIC.get(b, ()):
            return mention.trigger.root.lemma_.lower() in generic
        return False

    @staticmethod
    def _one_bombardment(group: dict, mention: EventMention) -> bool:
        """ "Heavy artillery fire and air strikes on Eastern Ghouta have killed 66", "the
        bombardment ... on the sixth day of heavy bombing": strikes of the bombardment
        family told in one sentence are one event."""
        last = group["mentions"][-1]
        if last.trigger.sent.start != mention.trigger.sent.start:
            return False
        if len(mention.sentence_dates) > 1:
            return False  # "strikes on Friday around the site of the April 4 chemical attack"

        def kind(m: EventMention) -> bool:
            return m.type in ("airstrike", "shelling", "chemical_attack") or (
                m.type == "bombing" and m.trigger.root.lemma_.lower() in _GENERIC_BOMBING
            )

        told = [m for m in group["mentions"] if m.type != "killing"] + [mention]
        if not all(kind(m) for m in told):
            return False
        # Gas comes from the air ("an airstrike that released toxic gas", "barrels
        # containing toxic gases"); a chemical attack and artillery or missile fire in one
        # sentence are two events ("missile strikes against the airfield from which a
        # chemical attack was launched").
        types = {m.type for m in told}
        return not ("chemical_attack" in types and "shelling" in types)

    @staticmethod
    def _corefers(group: dict, mention: EventMention) -> bool:
        if mention.anaphoric:
            return True
        if Extractor._one_bombardment(group, mention):
            return True
        if mention.type == "killing" and group["type"] != "killing" and mention.agent is None:
            # "... air strikes on the town. At least 16 people were killed": the toll of the
            # event just reported, when nothing says otherwise.
            return group["mentions"][-1].trigger.sent.start >= mention.trigger.sent.start - 60
        if mention.agent is None and mention.target is None:
            return mention.place is None or group["place"] == mention.place.key
        shared_agent = mention.agent is not None and group["agent"] == mention.agent.key
        shared_target = mention.target is not None and group["target"] == mention.target.key
        if shared_agent and (shared_target or mention.target is None or group["target"] is None):
            return True
        # The same kind of event at the same place, by parties that do not contradict
        # (``_compatible`` checked that): a retelling with more or fewer details.
        return (
            mention.type == group["type"]
            and mention.place is not None
            and group["place"] == mention.place.key
        )

    def _merge_events(
        self, article: Article, found, headlines, text: str, sentence_of, source_keys
    ):  # noqa: ANN001, ANN202

        def in_headline(mention: EventMention) -> bool:
            return any(a <= mention.trigger.start_char < b for a, b in headlines)

        # A headline restates the main event: read the body first, then let each headline
        # mention join the compatible event it summarises.
        body = [m for m in found if not in_headline(m) and self._told_as_event(m)]
        heads = [m for m in found if in_headline(m)]
        groups: list[dict] = []
        for mention in body + heads:
            headline = mention in heads
            target_group = None
            # A headline summarises the lead: the first compatible event; a later mention
            # retells the latest one.
            for group in groups if headline else reversed(groups):
                if mention.distinct and not headline:
                    break  # "another three men", "a second rocket attack"
                if self._compatible(group, mention) and (
                    headline or self._corefers(group, mention)
                ):
                    target_group = group
                    break
            if target_group is None:
                if headline and any(g["mentions"][0] not in heads for g in groups):
                    continue  # a headline summarises the body; its own event is told there
                if mention.agent is None and mention.target is None and mention.place is None:
                    continue  # too vague to be an event of its own
                target_group = {
                    "type": mention.type,
                    "agent": None,
                    "target": None,
                    "place": None,
                    "mentions": [],
                }
                groups.append(target_group)
            self._absorb(target_group, mention)
        groups.sort(key=lambda g: min(m.trigger.start_char for m in g["mentions"]))
        self._inherit_agents(groups)
        self._type_by_context(groups)
        groups = [g for g in groups if not self._generic(g)]
        records = []
        for number, group in enumerate(groups, start=1):
            records.append(self._record(article, number, group, text, sentence_of, source_keys))
        return records

    @staticmethod
    def _inherit_agents(groups: list[dict]) -> None:
        """Strikes of one kind whose agent the sentence leaves unsaid ("16 civilians were
        killed in four air strikes") were carried out by the party that carried out the
        article's last strike of that kind before them; before any, by the one party the
        article names for that kind of strike, if it names only one."""
        for type_ in _INHERITED_AGENT:
            of_type = [g for g in groups if g["type"] == type_]
            agents = {g["agent"] for g in of_type if g["agent"]}
            last = next(iter(agents)) if len(agents) == 1 else None
            for group in of_type:
                if group["agent"] is not None:
                    last = group["agent"]
                elif last is not None and group["target"] != last:
                    group["agent"] = last

    def _type_by_context(self, groups: list[dict]) -> None:
        """A killing whose manner the text leaves unsaid ("the regime committed a massacre
        in Bab Alnairab killing 25") by a party whose other strikes in the article are all of
        one kind ("54 were killed in airstrikes by the Assad regime") was of that kind."""
        plain = self.rules.unspecified_killing_words
        for group in groups:
            if group["type"] != "killing" or group["agent"] is None:
                continue
            if any(m.trigger.root.lemma_.lower() not in plain for m in group["mentions"]):
                continue
            kinds = {
                other["type"]
                for other in groups
                if other is not group
                and other["agent"] == group["agent"]
                and other["type"] in _BOMBARDMENT_RANK
            }
            if len(kinds) == 1:
                group["type"] = kinds.pop()

    def _generic(self, group: dict) -> bool:
        """A summary, not an event: "230,000 people have been killed in Syria" (no one did
        it to anyone, nowhere more precise than a country, at no stated time), or the
        war's background ("have been killed since the conflict began", "the war began in
        2011 with protests") nowhere more precise than a governorate."""
        place = self.places.get(group["place"]) if group["place"] else None
        if all(self._background(m) for m in group["mentions"]):
            return place is None or place.kind in ("country", "governorate")
        if (
            (place is None or place.kind in ("country", "governorate"))
            and all(m.date is None and self._perfect(m) for m in group["mentions"])
        ):
            return True  # "the regime has bombarded areas in Aleppo province": a summary
        if group["agent"] or group["target"]:
            return False
        if any(m.date is not None for m in group["mentions"]):
            return False
        return place is None or place.kind == "country"

    def _told_as_event(self, mention: EventMention) -> bool:
        """Whether a body mention tells an event: not what usually happens, not the war's
        background ("300,000 have been killed since the conflict began", which must not lend
        its toll to an event of the same sentence or type), not a purpose ("aimed at
        recapturing east Aleppo", "their goal was to liberate the city")."""
        if self._habitual(mention) or self._purpose(mention) or self._fled(mention):
            return False
        root = mention.trigger.root
        if root.tag_ == "VBG" and root.dep_ == "acl" and mention.date is None:
            return False  # "a coalition fighting IS": who they are, not what happened
        if self._background(mention):
            place = self.places.get(mention.place.key) if mention.place else None
            return place is not None and place.kind not in ("country", "governorate")
        return True

    def _fled(self, mention: EventMention) -> bool:
        """The war people flee: "fled from the fighting", "fled from the front lines of a
        battle", "to avoid the battles"."""
        token = mention.trigger.root
        for _ in range(5):  # up through "of"/"from" phrases to the verb
            if token.dep_ not in ("pobj", "pcomp", "dobj", "prep") or token.head is token:
                return False
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                return token.lemma_.lower() in self.rules.flight_verbs
        return False

    def _purpose(self, mention: EventMention) -> bool:
        """An aim, not an act: a trigger verb in the infinitive ("to seize") or after "aimed
        at", unless a governor makes it happen ("managed to seize", "began to shell") or
        marks it as attempted (modality ``attempted`` is kept: "tried to storm")."""
        if mention.modality == "attempted":
            return False
        verb = mention.trigger.root
        if verb.pos_ != "VERB":
            return False
        if verb.dep_ == "pcomp" and verb.head.lower_ == "at" and verb.head.head.lemma_ == "aim":
            return True
        if not any(c.tag_ == "TO" for c in verb.children):
            return False
        return verb.head.lemma_ not in self.rules.purpose_exempt_governors

    def _habitual(self, mention: EventMention) -> bool:
        """What usually happens, not an event: the mention's verb is in the present tense
        ("the coalition is conducting air strikes", "Douma is targeted by government fire",
        "units continue to fight") or takes a frequency adverb ("regularly shelled"), and the
        mention has no date of its own. The present perfect ("have been killed") tells past
        events and is kept. (Headlines are read apart: they are written in the present.)"""
        rules = self.rules
        if mention.type in rules.habitual_exempt:
            return False
        verb = mention.trigger.root
        for _ in range(3):  # the verb a noun trigger hangs from: "conducting air strikes"
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and any(
            c.lower_ in rules.habitual_adverbs for c in (*verb.children, *mention.trigger)
        ):
            return True
        if mention.date is not None:
            # "every day", "each week": a date that repeats tells a habit
            return any(t.lower_ in ("every", "each") for t in mention.date)
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if verb.dep_ == "xcomp" and verb.head.tag_ in ("VBZ", "VBP"):
            verb = verb.head  # "continue to fight"
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lemma_ in ("have", "will", "would") or a.tag_ == "MD" for a in auxiliaries):
            return False
        if verb.tag_ in ("VBZ", "VBP"):
            # A bare present verb counts when it governs the trigger ("the coalition is
            # leading ..."); a trigger tagged as one is more often a mis-tagged noun ("the
            # U.S. strikes targeted"), and a copula says nothing of habit ("is incomplete").
            return (
                verb.pos_ == "VERB"
                and verb not in mention.trigger
                and verb.lemma_ not in rules.reporting_verbs
            )
        return verb.tag_ in ("VBG", "VBN") and any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)

    @staticmethod
    def _perfect(mention: EventMention) -> bool:
        """The mention's verb is in the present perfect ("has bombarded", "have been
        killed"): with no date and no precise place, it sums up rather than tells."""
        verb = mention.trigger.root
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        return any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
            for c in verb.children
        )

    def _background(self, mention: EventMention) -> bool:
        """A mention in a sentence about how the war began, or counted "since" a time."""
        rules = self.rules
        head = mention.trigger.root
        war = rules.background_subjects | {"start", "beginning", "outbreak", "then"}
        for token in (head, head.head):
            for prep in (c for c in token.children if c.lower_ == "since"):
                if any(o.lemma_.lower() in war for o in prep.children):
                    return True  # "since the start of the war", "since then"
        for token in mention.trigger.sent:
            if token.lemma_.lower() not in rules.background_verbs:
                continue
            for c in token.children:
                if c.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                # "the conflict which began in 2011": the relative pronoun's noun
                subject = token.head if c.lower_ in ("which", "that") else c
                if subject.lemma_.lower() in rules.background_subjects:
                    return True
        return False

    def _absorb(self, group: dict, mention: EventMention) -> None:
        if group["type"] == "killing" and mention.type in VIOLENT_TYPES:
            group["type"] = mention.type  # "16 were killed ... the bomber blew himself up"
        elif mention.type in _SPECIFIC.get(group["type"], ()) or (
            _BOMBARDMENT_RANK.get(mention.type, 9) < _BOMBARDMENT_RANK.get(group["type"], 9)
        ):
            group["type"] = mention.type
        for role, other in (("agent", "target"), ("target", "agent")):
            arg = getattr(mention, role)
            if group[role] is None and arg is not None and arg.key != group[other]:
                group[role] = arg.key
        if mention.place is not None:
            current = group["place"]
            if current is None or (
                current != mention.place.key and self.places.contains(current, mention.place.key)
            ):
                group["place"] = mention.place.key
        group["mentions"].append(mention)

    def _record(self, article, number, group, text, sentence_of, source_keys) -> EventRecord:  # noqa: ANN001
        mentions: list[EventMention] = group["mentions"]
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
            type=group["type"],
            triggers=triggers,
            sentences=tuple(dict.fromkeys(t.sentence for t in triggers)),
            agent=group["agent"],
            target=group["target"],
            place=group["place"],
            date=date,
            fatalities=fatalities,
            modality=modality,
            sources=sources,
        )
