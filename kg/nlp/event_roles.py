"""spaCy component ``kg_event_roles``: who did what to whom, where, and how sure.

For each trigger in ``doc.spans["kg_triggers"]`` it reads the dependency parse:

* verbs: the subject is the agent (inherited through "attempted to take", "recaptured
  ... and continued"), the object or passive subject the target, and locative
  prepositions the place;
* nouns: modifiers ("coalition strikes", "Russian jets' raids"), "by X", "on/against X",
  and the verb that carries the noun ("carried out strikes on X" takes the subject of
  "carried out"; "strikes hit X" takes its object);
* modality from governing verbs and modifiers ("attempted to take", "denied", "alleged"),
  or reported when a reporting source covers the trigger;
* fatalities from numbers of victims ("three rebels were killed", "killing 31").

A killing stated inside another event ("a strike in which three rebels were killed")
becomes that event's fatalities and victims, not an event of its own. Results go to
``doc._.kg_events`` as :class:`EventMention` records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.nlp.attribution import Source
from kg.nlp.docs import doc_text
from kg.nlp.numbers import parse_number
from kg.nlp.rules import LETHAL_TYPES, Rules, load_rules

Doc.set_extension("kg_events", default=(), force=True)

_LOC_PREPS = frozenset(
    {
        "in",
        "near",
        "at",
        "on",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "towards",
        "toward",
        "to",
        "from",
        "within",
        "throughout",
        "along",
        "over",
        "off",
        "of",
        "by",
        "beyond",
        "north",
        "south",
        "east",
        "west",
        "through",
        "close",
    }
)
_TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "upon"})
_NP_SKIP = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "conj", "cc", "punct"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Acts of a state that its armed forces carry out.
_FORCES_ACTS = LETHAL_TYPES | {"advance", "killing", "armed_clash", "territory_change", "siege"}
# Acts whose "of" names the party that carried them out when it is an armed one.
_OF_AGENT_ACTS = frozenset({"airstrike", "shelling", "attack", "bombing", "advance"})
_ANOTHER = frozenset({"another", "second", "third", "fourth", "fresh", "separate"})
_PAIRWISE = frozenset({"agreement", "armed_clash"})
_VERBAL = frozenset({"VERB", "AUX"})


def _in_parentheses(span: Span, text: str) -> bool:
    """True when an opening parenthesis before ``span`` in its sentence is not closed
    (``text`` is the doc's text, which spaCy builds anew on each access)."""
    before = text[span.sent.start_char : span.start_char]
    return before.rfind("(") > before.rfind(")")


@dataclass
class Arg:
    """An argument of an event: an actor or place key and the text naming it."""

    key: str
    start_char: int
    end_char: int


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


class EventRoles:
    """Attach agent, target, place, date, modality, fatalities and sources to triggers."""

    def __init__(self, rules: Rules, actors: ActorGazetteer) -> None:
        self.rules = rules
        self.actors = actors
        self.modifiers = actors.modifier_keys

    # -- lookups ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.actor_at = {
            i: s for s in doc.spans.get("kg_actors", []) for i in range(s.start, s.end)
        }
        # Places in a parenthesis ("IS (banned in Russia)") are asides, never where an
        # event happened.
        text = doc_text(doc)
        self.place_at = {
            i: s
            for s in doc.spans.get("kg_places", [])
            if not _in_parentheses(s, text)
            for i in range(s.start, s.end)
        }
        # (per sentence, read once: ``Span.ents`` scans every entity of the doc)
        self.dates_in_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                self.dates_in_sentence.setdefault(ent.sent.start, []).append(ent)
        self.places_in_sentence: dict[int, list[Span]] = {}
        for span in {id(s): s for s in self.place_at.values()}.values():
            self.places_in_sentence.setdefault(span.sent.start, []).append(span)
        self.trigger_at = {
            i: s for s in doc.spans.get("kg_triggers", []) for i in range(s.start, s.end)
        }
        mentions = [self._mention(doc, t) for t in doc.spans.get("kg_triggers", [])]
        mentions = [m for m in mentions if m is not None]
        doc._.kg_events = tuple(self._absorb_killings(mentions))
        return doc

    def _arg(self, span: Span) -> Arg:
        return Arg(span.label_, span.start_char, span.end_char)

    def _find(self, token: Token, table: dict[int, Span], *, deep: bool = False) -> Span | None:
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

    def _actor(self, token: Token) -> Arg | None:
        span = self._find(token, self.actor_at)
        if span is not None:
            return self._arg(span)
        # "Russian jets", "regime shelling": a modifier that names an actor.
        for tok in [token, *token.children]:
            key = self.modifiers.get(tok.text.lower())
            if key and (tok is token or tok.dep_ in ("amod", "compound", "nmod", "poss")):
                return Arg(key, tok.idx, tok.idx + len(tok))
        if token.lower_ in ("it", "they") and token.dep_ in ("nsubj", "nsubjpass"):
            return self._antecedent(token)
        # "its jets", "their forces": the nearest actor named before, in the sentence.
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            before = [s for i, s in self.actor_at.items() if token.sent.start <= i < token.i]
            if before:
                return self._arg(max(before, key=lambda s: s.start))
        return None

    def _antecedent(self, pronoun: Token) -> Arg | None:
        """The actor a subject "it"/"they" stands for: the subject of the verb that
        reports or governs its clause ("the coalition reported it had launched ..."),
        else the nearest actor that is a subject earlier in this or the previous sentence."""
        node = pronoun.head
        while node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head is not node:
            node = node.head
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                span = self._find(subject, self.actor_at)
                if span is not None:
                    return self._arg(span)
        sent = pronoun.sent
        start = sent.start
        if start > 0:
            start = pronoun.doc[start - 1].sent.start
        subjects = [
            s
            for s in {id(s): s for s in self.actor_at.values()}.values()
            if start <= s.start < pronoun.i and s.root.dep_ in ("nsubj", "nsubjpass")
        ]
        if subjects:
            return self._arg(max(subjects, key=lambda s: s.start))
        return None

    def _civilian_victims(self, token: Token, event: EventMention) -> Arg | None:
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

    def _premodifier_actor(self, trigger: Span) -> Arg | None:
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

    def _place(self, token: Token) -> Arg | None:
        span = self._find(token, self.place_at, deep=True)
        return self._arg(span) if span is not None else None

    def _preps(self, head: Token, names: frozenset[str]):  # noqa: ANN202
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

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        for _ in range(4):
            for child in verb.children:
                if child.dep_ == "nsubj":
                    return child
            if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in _VERBAL:
                verb = verb.head
                continue
            return None
        return None

    # -- one trigger -----------------------------------------------------------------
    def _mention(self, doc: Doc, trigger: Span) -> EventMention | None:
        head = trigger.root
        event = EventMention(trigger=trigger, type=trigger.label_)
        verbal = head.pos_ in _VERBAL
        lemma = " ".join(t.lemma_.lower() for t in trigger)
        if verbal and lemma == "control" and head.tag_ in ("VBZ", "VBP"):
            return None  # "ISIS controls most of the province": a state, not a change
        if verbal:
            subject = self._subject(head)
            if (
                subject is not None
                and subject.dep_ == "nsubj"
                and subject.i in self.trigger_at
                and event.type in ("attack", self.trigger_at[subject.i].label_)
            ):
                return None  # "air strikes targeted X": the noun's event, read from the noun
            if not self._verb_roles(head, event, lemma):
                return None
        else:
            self._noun_roles(head, event)
        if event.place is None:
            event.place = self._place_in_clause(head)
        event.date = self._date(head)
        event.sentence_dates = frozenset(
            e.text.lower() for e in self.dates_in_sentence.get(head.sent.start, [])
        )
        event.sources = [s for s in doc._.kg_sources if head.i in s.scope]
        event.modality = self._modality(head, event)
        # "the attack", "the eight opposition fighters were beheaded": a retelling;
        # "another three men", "a second rocket attack": a new event.
        if verbal:
            people = [
                c
                for c in head.children
                if c.dep_ in ("nsubjpass", "dobj")
                and c.lemma_.lower() in self.rules.victim_nouns | self.rules.people_nouns
            ]
        else:
            people = [head]
        event.anaphoric = any(
            (c.dep_ == "det" and c.lower_ in _DEFINITE)
            # "Friday's attack", "Wednesday's blast": an event already told
            # (or "Wednesdays blast", where the page lost the apostrophe)
            or (c.dep_ in ("poss", "compound") and c.ent_type_ in ("DATE", "TIME"))
            for p in people
            for c in p.children
        )
        # ("decapitated another three men": the words right after a verb count too, as
        # the parse often hangs them elsewhere)
        after = doc[head.i + 1 : head.i + 3] if verbal else ()
        event.distinct = any(
            c.lower_ in _ANOTHER for p in (head, *people) for c in p.children
        ) or any(t.lower_ in _ANOTHER for t in after)
        if event.distinct:
            event.anaphoric = False
        if event.type in ("killing",):
            event.fatalities = self._fatalities(head)
        self._refine(doc, head, event)
        if (
            event.agent is not None
            and event.target is not None
            and (event.agent.key == event.target.key)
        ):
            # A misparse: no party does it to itself. The subject of a movement or a
            # capture is its agent ("rebels seized"); in a killing, the victims are more
            # often read right than the killers ("ISIL terrorists beheaded eight Syrian
            # militants" gave the militants both roles).
            if event.type in LETHAL_TYPES or event.type == "killing":
                event.agent = None
            else:
                event.target = None
        return event

    def _verb_roles(self, verb: Token, event: EventMention, lemma: str) -> bool:
        subject = self._subject(verb)
        passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        if f"{lemma}/verb" in self.rules.needs_people_subject:
            people = self.rules.civilian_victim_nouns | self.rules.people_nouns
            named = self._actor(subject) if subject is not None else None
            if subject is None or not (
                subject.lemma_.lower() in people or (named and named.key == "civilians")
            ):
                return False
            event.agent = named or Arg("civilians", subject.idx, subject.idx + len(subject))
        if f"{lemma}/verb" in self.rules.needs_place_object:
            if lemma == "fall":  # "Aleppo fell to the regime"
                if subject is None or self._place(subject) is None:
                    return False
                event.place = self._place(subject)
                for _, by in self._preps(verb, frozenset({"to"})):
                    event.agent = self._actor(by)
                return True
            if obj is None or not (
                self._place(obj) or obj.lemma_ in self.rules.place_nouns or obj.lemma_ == "control"
            ):
                return False
        if subject is not None:
            event.agent = self._actor(subject)
            if event.type in _PAIRWISE:
                event.target = self._conj_actor(subject, event.agent)
        for _, by in self._preps(verb, frozenset({"by"})):
            event.agent = event.agent or self._actor(by)
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for by in (c for c in agent.children if c.dep_ == "pobj"):
                event.agent = self._actor(by) or event.agent
        if passive_subject is not None:
            event.target = self._actor(passive_subject) or self._civilian_victims(
                passive_subject, event
            )
            event.place = event.place or self._place(passive_subject)
        if obj is not None:
            self._object(obj, event)
        self._prep_roles(verb, event)
        if verb.dep_ in ("nsubj", "csubj") and verb.head.pos_ in _VERBAL and event.target is None:
            # "coalition forces strike ... hit pro-regime forces"
            governed = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if governed is not None:
                event.target = self._actor(governed)
        return True

    def _object(self, obj: Token, event: EventMention) -> None:
        """Read a direct object: a place ("shelled Douma"), a held area ("recaptured
        rebel-held areas": the holder is the target), or a target actor."""
        place = self._place(obj)
        if obj.i in self.place_at or obj.lemma_ in self.rules.place_nouns:
            event.place = event.place or place
            for tok in obj.subtree:
                if tok.lemma_ in ("hold", "control") and tok.dep_ in ("amod", "acl"):
                    holder = next((self._actor(c) for c in tok.children if self._actor(c)), None)
                    event.target = event.target or holder
            return
        actor = self._actor(obj) or self._civilian_victims(obj, event)
        if actor is not None:
            event.target = event.target or actor
        elif place is not None:
            event.place = event.place or place
        if (
            actor is not None
            and event.type == "territory_change"
            and place is None
            and obj.i in self.actor_at
            and obj.lemma_ not in self.rules.place_nouns
        ):
            event.type = "arrest_or_abduction"  # "seized five ISIS fighters"

    def _conj_actor(self, token: Token, first: Arg | None) -> Arg | None:
        for conj in token.conjuncts:
            other = self._actor(conj)
            if other is not None and (first is None or other.key != first.key):
                return other
        return None

    def _prep_roles(self, head: Token, event: EventMention) -> None:
        for prep, obj in self._preps(head, _TARGET_PREPS | _LOC_PREPS | {"between"}):
            word = prep.lower_
            if word == "between":
                event.agent = event.agent or self._actor(obj)
                event.target = event.target or self._conj_actor(obj, event.agent)
                continue
            actor = self._actor(obj) if obj.i not in self.place_at else None
            # "strikes on X", "the siege of X", "recaptured Y from X": X suffered it; but
            # "an airstrike of the coalition", "the attack of terrorists": an armed party
            # after "of" a strike carried it out.
            suffered = word in _TARGET_PREPS or (
                word == "from" and event.type == "territory_change"
            )
            if word == "of" and actor is not None:
                suffered = not (event.type in _OF_AGENT_ACTS and self._armed(actor))
                if not suffered:
                    event.agent = event.agent or actor
                    continue
            if actor is not None and suffered:
                event.target = event.target or actor
            elif actor is not None and word == "by":
                event.agent = event.agent or actor
            elif word in _LOC_PREPS and event.place is None:
                event.place = self._place(obj)

    def _noun_roles(self, noun: Token, event: EventMention) -> None:
        event.agent = self._premodifier_actor(event.trigger)
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
                event.agent = event.agent or self._actor(child)
        self._prep_roles(noun, event)
        governor = noun.head
        if noun.dep_ in ("dobj", "attr") and governor.lemma_ in self.rules.light_verbs:
            # "carried out strikes against X", "continued their advance in Aleppo"
            subject = self._subject(governor)
            if subject is not None:
                event.agent = event.agent or self._actor(subject)
            self._prep_roles(governor, event)
            if governor.dep_ == "prt" or any(c.dep_ == "prt" for c in governor.children):
                pass
        elif noun.dep_ in ("nsubj", "nsubjpass") and governor.pos_ in _VERBAL:
            # "strikes hit X", "the strike killed five": the verb's object is the target.
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if obj is not None and event.target is None:
                event.target = self._actor(obj)
            self._prep_roles(governor, event)
        elif (
            noun.dep_ == "pobj"
            and governor.lower_ in ("with", "through", "in")
            and governor.head.pos_ in _VERBAL
        ):
            # "regime forces drove rebels from the city with an offensive"
            subject = self._subject(governor.head)
            if subject is not None:
                event.agent = event.agent or self._actor(subject)

    # -- place, date, modality, fatalities ------------------------------------------
    def _place_in_clause(self, head: Token) -> Arg | None:
        """The place mention nearest to the trigger in the parse tree, if close enough."""
        best: tuple[int, int, Span] | None = None
        ancestors = [head, *head.ancestors]
        depth = {t.i: n for n, t in enumerate(ancestors)}
        sentence = head.sent.start
        for span in self.places_in_sentence.get(sentence, ()):
            node, steps = span.root, 0
            while node.i not in depth and node.head is not node and steps < 12:
                node, steps = node.head, steps + 1
            if node.i not in depth:
                continue
            distance = steps + depth[node.i]
            if distance <= 6 and (best is None or (distance, span.start) < best[:2]):
                best = (distance, span.start, span)
        if best is not None:
            return self._arg(best[2])
        # One place named in the sentence: the event happened there.
        named = {s.label_: s for s in self.places_in_sentence.get(sentence, ())}
        return self._arg(next(iter(named.values()))) if len(named) == 1 else None

    def _date(self, head: Token) -> Span | None:
        sentence_dates = self.dates_in_sentence.get(head.sent.start, [])
        clause = {t.i for t in head.subtree} | {t.i for t in head.head.subtree}
        attached = [e for e in sentence_dates if e.root.i in clause]
        if attached:
            return attached[0]
        return sentence_dates[0] if len(sentence_dates) == 1 else None

    def _modality(self, head: Token, event: EventMention) -> str:
        governors = self.rules.modality_governors
        modifiers = self.rules.modality_modifiers
        chain = [head]
        node = head
        for _ in range(3):
            if node.head is node or node.dep_ not in (
                "xcomp",
                "ccomp",
                "dobj",
                "conj",
                "pobj",
                "prep",
            ):
                break
            node = node.head
            chain.append(node)
        for name in ("attempted", "denied", "alleged"):
            if any(t.lemma_ in governors.get(name, ()) for t in chain[1:]):
                return name
            if any(c.lower_ in modifiers.get(name, ()) for c in head.children):
                return name
        if any(c.dep_ == "neg" for c in head.children):
            return "denied"
        if event.sources or any(
            c.lower_ in self.rules.reported_adverbs for t in chain for c in t.children
        ):
            return "reported"
        if any(t.lemma_ in governors.get("reported", ()) for t in chain[1:]):
            return "reported"
        return "asserted"

    def _fatalities(self, head: Token) -> int | None:
        """The number killed stated around a death word."""
        candidates = []
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
                candidates.append(child)
        if head.dep_ in ("amod", "acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
            candidates.append(head.head)  # "31 people killed"
        for _, obj in self._preps(head, frozenset({"to", "at", "of"})):
            candidates.append(obj)  # "the death toll rose to 112"
        if head.head.lemma_ in ("rise", "climb", "reach", "jump", "increase", "stand"):
            for _, obj in self._preps(head.head, frozenset({"to", "at"})):
                candidates.append(obj)
        for token in candidates:
            number = parse_number(token)
            if number is None:
                for child in token.children:
                    if child.dep_ == "nummod":
                        number = parse_number(child)
                        break
            if number is not None:
                return number
        return None

    def _refine(self, doc: Doc, head: Token, event: EventMention) -> None:
        if event.agent is not None and event.type in _FORCES_ACTS:
            actor = self.actors.get(event.agent.key)
            if actor is not None and actor.forces:
                # "Russia bombed ...", "the Assad regime committed a massacre": the act of
                # its armed forces.
                event.agent = Arg(actor.forces, event.agent.start_char, event.agent.end_char)
        if event.type in ("attack", "bombing") and self._airborne(head, event):
            event.type = "airstrike"
        if (
            event.type == "killing"
            and head.lemma_.lower() in self.rules.combat_kill_verbs
            and self._armed(event.agent)
            and self._armed(event.target)
            and not self._airborne(head, event)
        ):
            event.type = "armed_clash"  # "the YPG had killed 10 IS members": fighting
        if event.type == "evacuation" and event.agent is None and event.target is not None:
            # "the evacuation of civilians": the people who leave are the ones acting
            event.agent, event.target = event.target, None
        if event.type == "territory_change" and event.modality == "attempted":
            event.type = "attack"

    def _armed(self, arg: Arg | None) -> bool:
        actor = self.actors.get(arg.key) if arg is not None else None
        return actor is not None and actor.type in self.rules.armed_actor_types

    def _airborne(self, head: Token, event: EventMention) -> bool:
        """Air words in the trigger's clause ("jets struck", "an attack by warplanes",
        not the "suicide bombers" of a bombing trigger), or an agent that strikes from
        the air: a coalition, or a state's forces "bombing" a place."""
        clause = head.head if head.pos_ not in _VERBAL and head.head.pos_ in _VERBAL else head
        # not the target's words: "shot down a helicopter" is no air strike
        suffered = {
            t.i
            for c in clause.children
            if c.dep_ in ("dobj", "nsubjpass", "attr")
            for t in c.subtree
        }
        words = {
            t.lemma_.lower()
            for t in clause.subtree
            if t.i not in suffered
            if t.i not in self.trigger_at
            or self.trigger_at[t.i].label_ != "bombing"
            or t.i in range(event.trigger.start, event.trigger.end)
        }
        if words & self.rules.air_words and not (
            event.type == "bombing" and event.trigger.root.lemma_.lower() != "bombing"
        ):
            return True
        if event.agent is not None:
            actor = self.actors.get(event.agent.key)
            if actor is not None and actor.type in self.rules.air_actor_types:
                return True
            if (
                actor is not None
                and event.type == "bombing"
                and actor.type == "state_force"
                and event.trigger.root.lemma_.lower() in ("bombing", "bomb")
            ):
                return True  # "regime bombing of Douma": bombs from aircraft
        return False

    # -- killings inside other events -----------------------------------------------
    def _absorb_killings(self, mentions: list[EventMention]) -> list[EventMention]:
        kept = [m for m in mentions if m.type != "killing"]
        hosts = [m for m in kept if m.type in LETHAL_TYPES]
        for killing in (m for m in mentions if m.type == "killing"):
            k = killing.trigger.root
            host = None
            for other in hosts:
                o = other.trigger.root
                if o.sent.start != k.sent.start:
                    continue
                if o in k.ancestors or k in o.ancestors or o.head is k.head:
                    host = other
                    break
            if host is None and killing.agent is None:
                # "54 killed in Aleppo as regime warplanes pound ...": with no killer of
                # its own, a death in a sentence that states one violent act is its toll.
                same = [o for o in hosts if o.trigger.root.sent.start == k.sent.start]
                if len({o.type for o in same}) == 1:
                    host = same[0]
            if host is None:
                kept.append(killing)
                continue
            if killing.fatalities is not None:
                host.fatalities = max(host.fatalities or 0, killing.fatalities)
            if killing.target is not None and (host.target is None or host.type == "attack"):
                host.target = killing.target
            if killing.place is not None and host.place is None:
                host.place = killing.place
        return sorted(kept, key=lambda m: m.trigger.start)


@Language.factory(
    "kg_event_roles",
    assigns=["doc._.kg_events"],
    requires=["doc.spans", "doc._.kg_sources", "token.dep", "doc.ents"],
    default_config={"actor_gazetteer_path": None},
)
def make_event_roles(nlp: Language, name: str, actor_gazetteer_path: str | None) -> EventRoles:
    return EventRoles(load_rules(), load_actor_gazetteer(actor_gazetteer_path))
