"""Who did it, to whom, where and when: the arguments of one event trigger, read from the
dependency parse.

* verbs: the subject is the agent (inherited through "attempted to take", "recaptured
  ... and continued"), the object or passive subject the target, and locative
  prepositions the place;
* nouns: modifiers ("coalition strikes", "Russian jets' raids"), "by X", "on/against X",
  and the verb that carries the noun ("carried out strikes on X" takes the subject of
  "carried out"; "strikes hit X" takes its object);
* the place: a place in the clause, else the one place the sentence names; the date: a
  date in the clause, else the one date of the sentence.

An :class:`ArgumentReader` reads one doc (through its :class:`~kg.nlp.event_mention.DocIndex`)
and is made anew for each.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.link.actors import ActorGazetteer
from kg.nlp.event_mention import Arg, DocIndex, EventMention
from kg.nlp.event_parties import names_unnamed_party
from kg.nlp.event_type import EventTyper
from kg.nlp.rules import LETHAL_TYPES, Rules

# fmt: off
_LOC_PREPS = frozenset({
    "in", "near", "at", "on", "outside", "inside", "around", "across", "into", "towards",
    "toward", "to", "from", "within", "throughout", "along", "over", "off", "of", "by",
    "beyond", "north", "south", "east", "west", "through", "close",
})
# fmt: on
_TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "upon"})
_NP_SKIP = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "conj", "cc", "punct"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Acts whose "of" names the party that carried them out when it is an armed one.
_OF_AGENT_ACTS = frozenset({"airstrike", "shelling", "attack", "bombing", "advance"})
_PAIRWISE = frozenset({"agreement", "armed_clash"})
VERBAL = frozenset({"VERB", "AUX"})


def preps_of(head: Token, names: frozenset[str]) -> Iterator[tuple[Token, Token]]:
    """The (preposition, object) pairs of ``head`` for prepositions in ``names``."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in names:
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if not objects:  # "towards At Tanf" parsed as towards -> At -> Tanf
                objects = [
                    o
                    for sub in prep.children
                    if sub.dep_ == "prep"
                    for o in sub.children
                    if o.dep_ == "pobj"
                ]
            for obj in objects:
                yield prep, obj


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it completes ("attempted to take")."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
        if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in VERBAL:
            verb = verb.head
            continue
        return None
    return None


def _held(span: Span, placed: list[Span], holders: frozenset[int]) -> Span:
    """The place ``span`` holds ("Jubanah" for "Hudaydah" in "Jubanah area of Hudaydah"),
    down the chain; ``span`` itself if it holds none."""
    while span.start in holders:
        before = [s for s in placed if s.end <= span.start]
        if not before:
            break
        span = before[-1]
    return span


class ArgumentReader:
    """Read the agent, target, place and date of triggers in one doc."""

    def __init__(
        self, rules: Rules, actors: ActorGazetteer, ix: DocIndex, typer: EventTyper
    ) -> None:
        self.rules = rules
        self.actors = actors
        self.modifiers = actors.modifier_keys
        self.ix = ix
        self.typer = typer

    def find(self, token: Token, table: dict[int, Span], *, deep: bool = False) -> Span | None:
        """The mention at ``token`` or, breadth-first, inside its noun phrase."""
        queue = [token]
        while queue:
            current = queue.pop(0)
            if current.i in table:
                return table[current.i]
            for child in current.children:
                if child.dep_ in _NP_SKIP and not (deep and child.dep_ == "conj"):
                    continue
                if child.dep_ == "prep" and not deep and child.lower_ != "of":
                    continue
                queue.append(child)
        return None

    def actor(self, token: Token) -> Arg | None:
        span = self.find(token, self.ix.actor_at)
        if span is not None:
            return Arg.of(span)
        # "Russian jets", "regime shelling": a modifier that names an actor.
        for tok in [token, *token.children]:
            key = self.modifiers.get(tok.text.lower())
            if key and (tok is token or tok.dep_ in ("amod", "compound", "nmod", "poss")):
                return Arg(key, tok.idx, tok.idx + len(tok))
        if token.lower_ in ("it", "they") and token.dep_ in ("nsubj", "nsubjpass"):
            return self.antecedent(token)
        # "its jets", "their forces": the nearest actor named before, in the sentence.
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            before = [s for i, s in self.ix.actor_at.items() if token.sent.start <= i < token.i]
            if before:
                return Arg.of(max(before, key=lambda s: s.start))
        return None

    def antecedent(self, pronoun: Token) -> Arg | None:
        """The actor a subject "it"/"they" stands for: the subject of the verb that
        reports or governs its clause ("the coalition reported it had launched ..."),
        else the nearest actor that is a subject earlier in this or the previous sentence."""
        node = pronoun.head
        while node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head is not node:
            node = node.head
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                span = self.find(subject, self.ix.actor_at)
                if span is not None:
                    return Arg.of(span)
        sent = pronoun.sent
        start = sent.start
        if start > 0:
            start = pronoun.doc[start - 1].sent.start
        subjects = [
            s
            for s in {id(s): s for s in self.ix.actor_at.values()}.values()
            if start <= s.start < pronoun.i and s.root.dep_ in ("nsubj", "nsubjpass")
        ]
        if subjects:
            return Arg.of(max(subjects, key=lambda s: s.start))
        return None

    def civilian_victims(self, token: Token, event: EventMention) -> Arg | None:
        """ "Six people were killed", "killing 31 children": unnamed victims who are
        civilians unless the text says otherwise."""
        if event.type not in LETHAL_TYPES | {"killing"}:
            return None
        if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
            return None  # "the men were executed": people named before, who may be fighters
        if token.lemma_.lower() in self.rules.civilian_victim_nouns and "civilians" in (
            self.actors.actors
        ):
            return Arg("civilians", token.idx, token.idx + len(token))
        return None

    def premodifier_actor(self, trigger: Span) -> Arg | None:
        """The words right before a noun trigger that name an actor as a modifier:
        "Syrian government air strikes", "regime shelling", "US-led air strikes"."""
        doc = trigger.doc
        start = trigger.start
        left = max(trigger.sent.start, start - 4)
        for begin in range(left, start):
            words = doc[begin:start]
            if any(t.is_punct and t.text not in "-'" for t in words):
                continue
            text = " ".join(t.text for t in words).replace(" - ", "-").replace(" -", "-")
            if any(w in text.lower().split("-")[1:] for w in self.actors.backing_words):
                return None  # "a Russian-backed offensive": the backer, not the agent
            key = self.modifiers.get(text.lower()) or self.modifiers.get(
                text.lower().replace("-led", "").replace("-backed", "")
            )
            if key:
                return Arg(key, words.start_char, words.end_char)
        return None

    def place(self, token: Token) -> Arg | None:
        span = self.find(token, self.ix.place_at, deep=True)
        if span is None:
            return None
        placed = self.ix.places_in_sentence.get(span.sent.start, [])
        return Arg.of(_held(span, placed, self.ix.doc._.kg_place_holders))

    def verb_roles(self, verb: Token, event: EventMention, lemma: str) -> bool:
        subject = subject_of(verb)
        passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        if f"{lemma}/verb" in self.rules.needs_people_subject:
            people = self.rules.civilian_victim_nouns | self.rules.people_nouns
            named = self.actor(subject) if subject is not None else None
            if subject is None or not (
                subject.lemma_.lower() in people or (named and named.key == "civilians")
            ):
                return False
            event.agent = named or Arg("civilians", subject.idx, subject.idx + len(subject))
        if f"{lemma}/verb" in self.rules.needs_place_object:
            if lemma == "fall":  # "Aleppo fell to the regime"
                if subject is None or self.place(subject) is None:
                    return False
                event.place = self.place(subject)
                for _, by in preps_of(verb, frozenset({"to"})):
                    event.agent = self.actor(by)
                return True
            if obj is None or not (
                self.place(obj) or obj.lemma_ in self.rules.place_nouns or obj.lemma_ == "control"
            ):
                return False
        if subject is not None:
            event.agent = self.actor(subject)
            if event.type in _PAIRWISE:
                event.target = self.conj_actor(subject, event.agent)
        for _, by in preps_of(verb, frozenset({"by"})):
            event.agent = event.agent or self.actor(by)
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for by in (c for c in agent.children if c.dep_ == "pobj"):
                event.agent = self.actor(by) or event.agent
        if passive_subject is not None:
            event.target = self.actor(passive_subject) or self.civilian_victims(
                passive_subject, event
            )
            event.place = event.place or self.place(passive_subject)
        if obj is not None:
            self.direct_object(obj, event)
        self.prep_roles(verb, event)
        by_agents = [
            o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
        ]
        self.note_unnamed(event, [subject, *by_agents], [passive_subject, obj])
        if verb.dep_ in ("nsubj", "csubj") and verb.head.pos_ in VERBAL and event.target is None:
            # "coalition forces strike ... hit pro-regime forces"
            governed = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if governed is not None:
                event.target = self.actor(governed)
        return True

    def note_unnamed(
        self, event: EventMention, doers: list[Token | None], sufferers: list[Token | None]
    ) -> None:
        """Mark ``event`` as told of someone no actor stands for (see
        :func:`kg.nlp.event_parties.names_unnamed_party`)."""
        if names_unnamed_party(event.trigger, doers, sufferers, self.ix, self.rules):
            event.unnamed_party = True

    def direct_object(self, obj: Token, event: EventMention) -> None:
        """Read a direct object: a place ("shelled Douma"), a held area ("recaptured
        rebel-held areas": the holder is the target), or a target actor."""
        place = self.place(obj)
        if obj.i in self.ix.place_at or obj.lemma_ in self.rules.place_nouns:
            event.place = event.place or place
            for tok in obj.subtree:
                if tok.lemma_ in ("hold", "control") and tok.dep_ in ("amod", "acl"):
                    holder = next((self.actor(c) for c in tok.children if self.actor(c)), None)
                    event.target = event.target or holder
            return
        actor = self.actor(obj) or self.civilian_victims(obj, event)
        if actor is not None:
            event.target = event.target or actor
        elif place is not None:
            event.place = event.place or place
        if (
            actor is not None
            and event.type == "territory_change"
            and place is None
            and obj.i in self.ix.actor_at
            and obj.lemma_ not in self.rules.place_nouns
        ):
            self.typer.apply("seized_a_party", event)  # "seized five ISIS fighters"

    def conj_actor(self, token: Token, first: Arg | None) -> Arg | None:
        for conj in token.conjuncts:
            other = self.actor(conj)
            if other is not None and (first is None or other.key != first.key):
                return other
        return None

    def prep_roles(self, head: Token, event: EventMention) -> None:
        for prep, obj in preps_of(head, _TARGET_PREPS | _LOC_PREPS | {"between"}):
            word = prep.lower_
            if word == "between":
                event.agent = event.agent or self.actor(obj)
                event.target = event.target or self.conj_actor(obj, event.agent)
                continue
            actor = self.actor(obj) if obj.i not in self.ix.place_at else None
            # "strikes on X", "the siege of X", "recaptured Y from X": X suffered it; but
            # "an airstrike of the coalition", "the attack of terrorists": an armed party
            # after "of" a strike carried it out.
            suffered = word in _TARGET_PREPS or (
                word == "from" and event.type == "territory_change"
            )
            if word == "of" and actor is not None:
                suffered = not (event.type in _OF_AGENT_ACTS and self.armed(actor))
                if not suffered:
                    event.agent = event.agent or actor
                    continue
            if actor is not None and suffered:
                event.target = event.target or actor
            elif actor is not None and word == "by":
                event.agent = event.agent or actor
            elif word in _LOC_PREPS and event.place is None:
                event.place = self.place(obj)

    def noun_roles(self, noun: Token, event: EventMention) -> None:
        event.agent = self.premodifier_actor(event.trigger)
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
                event.agent = event.agent or self.actor(child)
        self.prep_roles(noun, event)
        # "shells fired by presumed LNA forces", "an attack by gunmen", "clashes between
        # pro-Hadi forces and ...", "clashes with Houthi militias"
        objects = [
            o
            for head in (noun, *(c for c in noun.children if c.dep_ == "acl"))
            for p in head.children
            if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in ("by", "between", "with"))
            for o in p.children
            if o.dep_ == "pobj"
        ]
        self.note_unnamed(event, objects + [c for o in objects for c in o.conjuncts], [])
        governor = noun.head
        if noun.dep_ in ("dobj", "attr") and governor.lemma_ in self.rules.light_verbs:
            # "carried out strikes against X", "continued their advance in Aleppo"
            subject = subject_of(governor)
            if subject is not None:
                event.agent = event.agent or self.actor(subject)
            self.prep_roles(governor, event)
            if governor.dep_ == "prt" or any(c.dep_ == "prt" for c in governor.children):
                pass
        elif noun.dep_ in ("nsubj", "nsubjpass") and governor.pos_ in VERBAL:
            # "strikes hit X", "the strike killed five": the verb's object is the target.
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if obj is not None and event.target is None:
                event.target = self.actor(obj)
            self.note_unnamed(event, [], [obj])
            self.prep_roles(governor, event)
        elif (
            noun.dep_ == "pobj"
            and governor.lower_ in ("with", "through", "in")
            and governor.head.pos_ in VERBAL
        ):
            # "regime forces drove rebels from the city with an offensive"
            subject = subject_of(governor.head)
            if subject is not None:
                event.agent = event.agent or self.actor(subject)

    # -- place, date, modality, fatalities ------------------------------------------
    def place_in_clause(self, head: Token) -> Arg | None:
        """The place mention nearest to the trigger in the parse tree, if close enough."""
        best: tuple[int, int, Span] | None = None
        ancestors = [head, *head.ancestors]
        depth = {t.i: n for n, t in enumerate(ancestors)}
        sentence = head.sent.start
        for span in self.ix.places_in_sentence.get(sentence, ()):
            node, steps = span.root, 0
            while node.i not in depth and node.head is not node and steps < 12:
                node, steps = node.head, steps + 1
            if node.i not in depth:
                continue
            distance = steps + depth[node.i]
            if distance <= 6 and (best is None or (distance, span.start) < best[:2]):
                best = (distance, span.start, span)
        placed = self.ix.places_in_sentence.get(sentence, [])
        holders = self.ix.doc._.kg_place_holders
        if best is not None:
            return Arg.of(_held(best[2], placed, holders))
        # One place named in the sentence (a place and those holding it count once: "X
        # area of Y district, Z"): the event happened there.
        named = {s.label_: s for s in placed if s.start not in holders}
        return Arg.of(next(iter(named.values()))) if len(named) == 1 else None

    def date(self, head: Token) -> Span | None:
        sentence_dates = self.ix.dates_in_sentence.get(head.sent.start, [])
        clause = {t.i for t in head.subtree} | {t.i for t in head.head.subtree}
        attached = [e for e in sentence_dates if e.root.i in clause]
        if attached:
            return attached[0]
        return sentence_dates[0] if len(sentence_dates) == 1 else None

    def armed(self, arg: Arg | None) -> bool:
        actor = self.actors.get(arg.key) if arg is not None else None
        return actor is not None and actor.type in self.rules.armed_actor_types
