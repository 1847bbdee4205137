"""One event, told several times in an article: in-article event coreference.

Mentions of one event are merged into an :class:`EventGroup` when their types, parties and
places do not contradict and something says they are one: a definite retelling ("the
strike", "Friday's attack"), one bombardment told with several words in one sentence, a
toll stated after the act ("... air strikes on the town. At least 16 people were killed"),
a shared agent, or the same kind of event at the same place. "Another", "a second" start a
new event. A killing stated inside another event of its sentence is that event's toll and
victims (:func:`absorb_killings`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.link.places import PlaceGazetteer
from kg.nlp.event_mention import Arg, EventMention
from kg.nlp.event_type import EventTyper
from kg.nlp.rules import LETHAL_TYPES, VIOLENT_TYPES, Rules

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_ANOTHER = frozenset({"another", "second", "third", "fourth", "fresh", "separate"})
# Kinds of strike whose agent is carried over from the article's other strikes of the kind.
_INHERITED_AGENT = ("airstrike", "shelling", "chemical_attack")
# Words that name a bombardment without saying its kind.
_GENERIC_BOMBING = frozenset({"bombing", "bomb", "bombard", "bombardment"})


@dataclass
class EventGroup:
    """The mentions of one event and what they say of it together."""

    type: str
    agent: str | None = None
    target: str | None = None
    place: str | None = None
    mentions: list[EventMention] = field(default_factory=list)


# -- cues on one mention -------------------------------------------------------------
def identity_cues(doc: Doc, head: Token, event: EventMention, rules: Rules) -> None:
    """Set ``event.anaphoric`` ("the attack", "the eight opposition fighters were
    beheaded": a retelling) and ``event.distinct`` ("another three men", "a second rocket
    attack": a new event)."""
    verbal = head.pos_ in ("VERB", "AUX")
    if verbal:
        people = [
            c
            for c in head.children
            if c.dep_ in ("nsubjpass", "dobj")
            and c.lemma_.lower() in rules.victim_nouns | rules.people_nouns
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
    event.distinct = any(c.lower_ in _ANOTHER for p in (head, *people) for c in p.children) or any(
        t.lower_ in _ANOTHER for t in after
    )
    if event.distinct:
        event.anaphoric = False


def absorb_killings(mentions: list[EventMention]) -> list[EventMention]:
    """Fold each killing stated inside a lethal act of its sentence into that act (its
    fatalities, victims and place); return the rest in text order."""
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
        host.unnamed_party = host.unnamed_party or killing.unnamed_party
        if killing.target is not None and (host.target is None or host.type == "attack"):
            host.target = killing.target
        if killing.place is not None and host.place is None:
            host.place = killing.place
    return sorted(kept, key=lambda m: m.trigger.start)


# -- mentions into events --------------------------------------------------------------
class EventCoref:
    """Merge an article's event mentions into events."""

    def __init__(self, rules: Rules, places: PlaceGazetteer, typer: EventTyper) -> None:
        self.rules = rules
        self.places = places
        self.typer = typer

    def group(self, body: list[EventMention], heads: list[EventMention]) -> list[EventGroup]:
        """The events told by ``body`` mentions and summarised by ``heads`` (headline
        mentions), in text order, with agents carried over and types by context."""
        groups: list[EventGroup] = []
        # A headline restates the main event: read the body first, then let each headline
        # mention join the compatible event it summarises.
        for mention in body + heads:
            headline = mention in heads
            target_group = None
            # A headline summarises the lead: the first compatible event; a later mention
            # retells the latest one.
            for group in groups if headline else reversed(groups):
                if mention.distinct and not headline:
                    break  # "another three men", "a second rocket attack"
                if self.compatible(group, mention) and (headline or self.corefers(group, mention)):
                    target_group = group
                    break
            if target_group is None:
                if headline and any(g.mentions[0] not in heads for g in groups):
                    continue  # a headline summarises the body; its own event is told there
                if not told_of_someone(mention, self.rules):
                    continue  # too vague to be an event of its own
                target_group = EventGroup(mention.type)
                groups.append(target_group)
            self.absorb(target_group, mention)
        groups.sort(key=lambda g: min(m.trigger.start_char for m in g.mentions))
        inherit_agents(groups)
        self.typer.by_context(groups)
        return groups

    def compatible(self, group: EventGroup, mention: EventMention) -> bool:
        """Whether ``mention`` may tell ``group``'s event: no contradiction of type, party
        or place."""
        a, b = group.type, mention.type
        victims_only = (b == "killing" and mention.agent is None and a in VIOLENT_TYPES) or (
            a == "killing" and group.agent is None and b in VIOLENT_TYPES
        )
        if (
            a != b
            and not victims_only
            and not one_bombardment(group, mention)
            and not self.retold_generically(group, mention)
        ):
            return False
        for role in ("agent", "target"):
            mine: Arg | None = getattr(mention, role)
            theirs = getattr(group, role)
            if mine is not None and theirs is not None and theirs != mine.key:
                return False
        if mention.place is not None and group.place is not None:
            p, q = group.place, mention.place.key
            if not (self.places.contains(p, q) or self.places.contains(q, p)):
                return False
        return True

    def retold_generically(self, group: EventGroup, mention: EventMention) -> bool:
        """An air strike retold as "the attack", or "an attack" told first and its kind
        later: a generic word for an attack may join an event of a specific kind. An act
        of a kind of its own ("shot down a helicopter", "an ambush") may not."""
        generic = self.rules.generic_attack_words
        more_specific = self.typer.retold_generically(group.type, mention.type)
        if more_specific is True:
            return all(
                m.trigger.root.lemma_.lower() in generic
                for m in group.mentions
                if m.type == group.type
            )
        if more_specific is False:
            return mention.trigger.root.lemma_.lower() in generic
        return False

    def corefers(self, group: EventGroup, mention: EventMention) -> bool:
        """Whether something says ``mention`` tells ``group``'s event (``compatible``
        having found nothing against it)."""
        if mention.anaphoric:
            return True
        if one_bombardment(group, mention):
            return True
        if mention.type == "killing" and group.type != "killing" and mention.agent is None:
            # "... air strikes on the town. At least 16 people were killed": the toll of the
            # event just reported, when nothing says otherwise.
            return group.mentions[-1].trigger.sent.start >= mention.trigger.sent.start - 60
        if mention.agent is None and mention.target is None:
            return mention.place is None or group.place == mention.place.key
        shared_agent = mention.agent is not None and group.agent == mention.agent.key
        shared_target = mention.target is not None and group.target == mention.target.key
        if shared_agent and (shared_target or mention.target is None or group.target is None):
            return True
        # The same kind of event at the same place, by parties that do not contradict
        # (``compatible`` checked that): a retelling with more or fewer details.
        return (
            mention.type == group.type
            and mention.place is not None
            and group.place == mention.place.key
        )

    def absorb(self, group: EventGroup, mention: EventMention) -> None:
        """Add ``mention`` to ``group``: a more specific type, a missing party, a more
        precise place."""
        if self.typer.names_the_event(group.type, mention.type):
            group.type = mention.type
        for role, other in (("agent", "target"), ("target", "agent")):
            arg = getattr(mention, role)
            if (
                getattr(group, role) is None
                and arg is not None
                and arg.key != getattr(group, other)
            ):
                setattr(group, role, arg.key)
        if mention.place is not None:
            current = group.place
            if current is None or (
                current != mention.place.key and self.places.contains(current, mention.place.key)
            ):
                group.place = mention.place.key
        group.mentions.append(mention)


def told_of_someone(mention: EventMention, rules: Rules) -> bool:
    """Whether a mention says enough to be an event of its own: a party, a victim or a
    place linked, or a party no actor stands for ("unknown gunmen shot ...", "a bomb
    killed 1 policeman"), unless it is of a kind that is nothing without its place (a
    capture, a siege: ``triggers.yaml``'s ``needs_a_place``)."""
    unnamed = rules.unnamed_party_actors
    parties = [a.key for a in (mention.agent, mention.target) if a is not None]
    return (
        any(key not in unnamed for key in parties)
        or mention.place is not None
        or (
            (mention.unnamed_party or any(key in unnamed for key in parties))
            and mention.type not in rules.needs_a_place
        )
        or past_at_a_named_place(mention)
    )


_LOCATIVES = frozenset({"in", "near", "at", "around", "outside", "inside"})


def past_at_a_named_place(mention: EventMention) -> bool:
    """The mention's verb tells one past happening ("exploded", "were injured") in, near or
    at a proper name: an event at a place the gazetteer lacks ("an IED exploded in al
    Mahsura area"), not a summary ("have been killed", "were killed in the war")."""
    verb = mention.trigger.root
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    past = verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    )
    if not past:
        return False
    # The place phrase of the happening itself, not one deeper in its clause ("fled from
    # the front lines of a battle raging in the city of Manbij" is no flight in Manbij).
    for prep in dict.fromkeys((*verb.children, *mention.trigger.root.children)):
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVES:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in obj.subtree):
                return True
    return False


def one_bombardment(group: EventGroup, mention: EventMention) -> bool:
    """ "Heavy artillery fire and air strikes on Eastern Ghouta have killed 66", "the
    bombardment ... on the sixth day of heavy bombing": strikes of the bombardment
    family told in one sentence are one event."""
    last = group.mentions[-1]
    if last.trigger.sent.start != mention.trigger.sent.start:
        return False
    if len(mention.sentence_dates) > 1:
        return False  # "strikes on Friday around the site of the April 4 chemical attack"

    def kind(m: EventMention) -> bool:
        return m.type in ("airstrike", "shelling", "chemical_attack") or (
            m.type == "bombing" and m.trigger.root.lemma_.lower() in _GENERIC_BOMBING
        )

    told = [m for m in group.mentions if m.type != "killing"] + [mention]
    if not all(kind(m) for m in told):
        return False
    # Gas comes from the air ("an airstrike that released toxic gas", "barrels
    # containing toxic gases"); a chemical attack and artillery or missile fire in one
    # sentence are two events ("missile strikes against the airfield from which a
    # chemical attack was launched").
    types = {m.type for m in told}
    return not ("chemical_attack" in types and "shelling" in types)


def inherit_agents(groups: list[EventGroup]) -> None:
    """Strikes of one kind whose agent the sentence leaves unsaid ("16 civilians were
    killed in four air strikes") were carried out by the party that carried out the
    article's last strike of that kind before them; before any, by the one party the
    article names for that kind of strike, if it names only one."""
    for type_ in _INHERITED_AGENT:
        of_type = [g for g in groups if g.type == type_]
        agents = {g.agent for g in of_type if g.agent}
        last = next(iter(agents)) if len(agents) == 1 else None
        for group in of_type:
            if group.agent is not None:
                last = group.agent
            elif last is not None and group.target != last:
                group.agent = last
