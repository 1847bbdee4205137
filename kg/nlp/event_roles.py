"""spaCy component ``kg_event_roles``: who did what to whom, where, and how sure.

For each trigger in ``doc.spans["kg_triggers"]`` it reads the arguments from the parse
(:mod:`kg.nlp.event_args`), the modality and the number killed (:mod:`kg.nlp.event_modality`),
the cues of a retelling or a new event (:mod:`kg.nlp.event_coref`), and lets the type rules
refine the trigger's type (:mod:`kg.nlp.event_type`). A killing stated inside another event
("a strike in which three rebels were killed") becomes that event's fatalities and victims,
not an event of its own. Results go to ``doc._.kg_events`` as
:class:`~kg.nlp.event_mention.EventMention` records.

The component keeps no state of a doc: each doc's index and reader are made for it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.nlp.event_args import VERBAL, ArgumentReader, subject_of
from kg.nlp.event_coref import absorb_killings, identity_cues
from kg.nlp.event_mention import Arg, DocIndex, EventMention
from kg.nlp.event_modality import fatalities, modality
from kg.nlp.event_type import EventTyper, load_type_rules
from kg.nlp.rules import LETHAL_TYPES, Rules, load_rules

Doc.set_extension("kg_events", default=(), force=True)

# Acts of a state that its armed forces carry out.
_FORCES_ACTS = LETHAL_TYPES | {"advance", "killing", "armed_clash", "territory_change", "siege"}


class EventRoles:
    """Attach agent, target, place, date, modality, fatalities and sources to triggers."""

    def __init__(self, rules: Rules, actors: ActorGazetteer, typer: EventTyper) -> None:
        self.rules = rules
        self.actors = actors
        self.typer = typer

    def __call__(self, doc: Doc) -> Doc:
        ix = DocIndex.of(doc)
        reader = ArgumentReader(self.rules, self.actors, ix, self.typer)
        mentions = [self._mention(doc, t, ix, reader) for t in doc.spans.get("kg_triggers", [])]
        doc._.kg_events = tuple(absorb_killings([m for m in mentions if m is not None]))
        return doc

    def _mention(
        self, doc: Doc, trigger: Span, ix: DocIndex, reader: ArgumentReader
    ) -> EventMention | None:
        head = trigger.root
        event = EventMention(trigger=trigger, type=trigger.label_)
        verbal = head.pos_ in VERBAL
        lemma = " ".join(t.lemma_.lower() for t in trigger)
        governor = ix.trigger_at.get(head.head.i)
        if (
            head.dep_ in ("dobj", "nsubjpass")
            and governor is not None
            and governor.label_ == "disrupted_attack"
        ):
            return None  # "intercepted a ballistic missile": the weapon of a stopped attack
        if verbal and lemma == "control" and head.tag_ in ("VBZ", "VBP"):
            return None  # "ISIS controls most of the province": a state, not a change
        if verbal:
            subject = subject_of(head)
            if (
                subject is not None
                and subject.dep_ == "nsubj"
                and subject.i in ix.trigger_at
                and event.type in ("attack", ix.trigger_at[subject.i].label_)
            ):
                return None  # "air strikes targeted X": the noun's event, read from the noun
            if not reader.verb_roles(head, event, lemma):
                return None
        else:
            reader.noun_roles(head, event)
        if event.place is None:
            event.place = reader.place_in_clause(head)
        event.date = reader.date(head)
        event.sentence_dates = frozenset(
            e.text.lower() for e in ix.dates_in_sentence.get(head.sent.start, [])
        )
        event.sources = [s for s in doc._.kg_sources if head.i in s.scope]
        event.modality = modality(head, event, self.rules)
        identity_cues(doc, head, event, self.rules)
        if event.type in ("killing",):
            event.fatalities = fatalities(head)
        self._as_forces(event)
        self.typer.refine(head, event, ix)
        if event.type == "evacuation" and event.agent is None and event.target is not None:
            # "the evacuation of civilians": the people who leave are the ones acting
            event.agent, event.target = event.target, None
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

    def _as_forces(self, event: EventMention) -> None:
        """ "Russia bombed ...", "the Assad regime committed a massacre": the act of the
        state's armed forces."""
        if event.agent is not None and event.type in _FORCES_ACTS:
            actor = self.actors.get(event.agent.key)
            if actor is not None and actor.forces:
                event.agent = Arg(actor.forces, event.agent.start_char, event.agent.end_char)


@Language.factory(
    "kg_event_roles",
    assigns=["doc._.kg_events"],
    requires=["doc.spans", "doc._.kg_sources", "token.dep", "doc.ents"],
    default_config={"actor_gazetteer_path": None},
)
def make_event_roles(nlp: Language, name: str, actor_gazetteer_path: str | None) -> EventRoles:
    actors = load_actor_gazetteer(actor_gazetteer_path)
    rules = load_rules()
    return EventRoles(rules, actors, EventTyper(rules, actors, load_type_rules()))
