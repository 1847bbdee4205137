"""Mentions that tell no event, and events that are summaries.

A body mention tells an event unless it says what usually happens ("the coalition is
conducting air strikes"), the war's background ("300,000 have been killed since the conflict
began"), an aim ("aimed at recapturing east Aleppo"), the war people flee ("fled the
fighting") or who a party is ("a coalition fighting IS"). A merged event is a summary when
nobody did it to anybody nowhere more precise than a country at no stated time (an event
told of a party no actor stands for is none), or when it
is the present perfect with no date and no precise place ("the regime has bombarded areas
in Aleppo province").
"""

from __future__ import annotations

from kg.link.places import PlaceGazetteer
from kg.nlp.event_coref import EventGroup, past_at_a_named_place
from kg.nlp.event_mention import EventMention
from kg.nlp.rules import Rules


class EventFilter:
    """The tests that keep what is not an event out of the graph."""

    def __init__(self, rules: Rules, places: PlaceGazetteer) -> None:
        self.rules = rules
        self.places = places

    def generic(self, group: EventGroup) -> bool:
        """A summary, not an event: "230,000 people have been killed in Syria" (no one did
        it to anyone, nowhere more precise than a country, at no stated time), or the
        war's background ("have been killed since the conflict began", "the war began in
        2011 with protests") nowhere more precise than a governorate."""
        place = self.places.get(group.place) if group.place else None
        if all(self.background(m) for m in group.mentions):
            return place is None or place.kind in ("country", "admin1")
        if (place is None or place.kind in ("country", "admin1")) and all(
            m.date is None and self.perfect(m) for m in group.mentions
        ):
            return True  # "the regime has bombarded areas in Aleppo province": a summary
        unnamed = self.rules.unnamed_party_actors
        parties = [key for key in (group.agent, group.target) if key]
        if any(key not in unnamed for key in parties):
            return False
        if any(m.date is not None for m in group.mentions):
            return False
        if any(
            (m.unnamed_party or parties) and m.type not in self.rules.needs_a_place
            for m in group.mentions
        ):
            return False  # "unknown gunmen shot ...", "a bomb killed 1 policeman"
        if any(past_at_a_named_place(m) for m in group.mentions):
            return False  # "an IED exploded in al Mahsura area": a place the gazetteer lacks
        return place is None or place.kind == "country"

    def told_as_event(self, mention: EventMention) -> bool:
        """Whether a body mention tells an event: not what usually happens, not the war's
        background ("300,000 have been killed since the conflict began", which must not lend
        its toll to an event of the same sentence or type), not a purpose ("aimed at
        recapturing east Aleppo", "their goal was to liberate the city")."""
        if self.habitual(mention) or self.purpose(mention) or self.fled(mention):
            return False
        root = mention.trigger.root
        if root.tag_ == "VBG" and root.dep_ == "acl" and mention.date is None:
            return False  # "a coalition fighting IS": who they are, not what happened
        if self.background(mention):
            place = self.places.get(mention.place.key) if mention.place else None
            return place is not None and place.kind not in ("country", "admin1")
        return True

    def fled(self, mention: EventMention) -> bool:
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

    def purpose(self, mention: EventMention) -> bool:
        """An aim, not an act: a trigger verb in the infinitive ("to seize") or after "aimed
        at", unless a governor makes it happen ("managed to seize", "began to shell") or
        marks it as attempted (modality ``attempted`` is kept: "tried to storm")."""
        if mention.modality == "attempted" or mention.type in self.rules.purpose_exempt_types:
            return False
        verb = mention.trigger.root
        if verb.pos_ != "VERB":
            return False
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
            return False  # "claim to have shot dead 4 fighters": a past act, no aim
        if verb.dep_ == "pcomp" and verb.head.lower_ == "at" and verb.head.head.lemma_ == "aim":
            return True
        if not any(c.tag_ == "TO" for c in verb.children):
            return False
        return verb.head.lemma_ not in self.rules.purpose_exempt_governors

    def habitual(self, mention: EventMention) -> bool:
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
    def perfect(mention: EventMention) -> bool:
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

    def background(self, mention: EventMention) -> bool:
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
