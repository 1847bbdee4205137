"""spaCy component ``kg_new_actors``: named organisations the actor gazetteer lacks.

Runs after the actor and place rulers. A spaCy ``ORG`` entity that overlaps no known actor
(a place inside the name is fine: "the Idlib Health Directorate") becomes a new actor,
keyed by its normalised name so that it is one node across articles, and typed by what
the text says: words of the name ("... Brigade", "... News Agency"), else words next to
the name (", a rebel group", "the jihadist group X"). The cue words live in
``data/actors.yaml`` (``new_actors``). A name with no cue is left out, and so are
headline-cased sentences: the small English model also tags places, people and
capitalised common words as organisations.

The spans are appended to ``doc.spans["kg_actors"]`` (earlier indices, which
``doc._.kg_backing`` refers to, stay valid) and the actors are in ``doc._.kg_new_actors``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.nlp.layout import in_skipped
from kg.types import ActorRef

Doc.set_extension("kg_new_actors", default=None, force=True)

_NAME_CHARS = frozenset("-'’.&")


def _cue_table(section: object) -> dict[str, str]:
    """{type: [words]} from the rules as {lowercased word: type}; the first type wins."""
    table: dict[str, str] = {}
    for type_, words in (section or {}).items():  # type: ignore[union-attr]
        for word in words or []:
            for piece in str(word).lower().split():
                table.setdefault(piece, type_)
    return table


def _headline_cased(sent: Span) -> bool:
    """Most words outside names capitalised: a headline ("Regime Commits Massacre against
    Civilians"), where the model's ORG entities are mostly capitalised common words."""
    words = [t for t in sent if t.is_alpha and len(t) > 3 and not t.ent_type_ and t.i > sent.start]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) / len(words) > 0.5


class NewActors:
    """Add actors for named organisations that no gazetteer entry covers."""

    def __init__(self, gazetteer: ActorGazetteer) -> None:
        self.gazetteer = gazetteer
        rules = gazetteer.new_actor_rules or {}
        self.enabled = bool(rules)
        self.window = int(rules.get("context_window", 6))
        self.min_tokens = int(rules.get("min_tokens", 2))
        self.context = _cue_table(rules.get("context_words"))
        self.names = _cue_table(rules.get("name_words"))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, ActorRef] = {}
        doc._.kg_new_actors = found
        if not self.enabled:
            return doc
        # A place inside a name ("the Idlib Health Directorate") does not stop it.
        taken = {i for span in doc.spans.get("kg_actors", []) for i in range(span.start, span.end)}
        in_place = {i for s in doc.spans.get("kg_places", []) for i in range(s.start, s.end)}
        added: list[Span] = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or in_skipped(doc, ent.start_char):
                continue
            span = self._name(ent, taken)
            if span is None:
                continue
            rest = [t for t in span if t.i not in in_place]
            if len(rest) < len(span) and not any(t.lower_ in self.names for t in rest):
                continue  # "KHAN SHEIKHUN, Syria": places, not an organisation's name
            type_ = self._type(span)
            if type_ is None:
                continue
            actor = self.gazetteer.new_actor(span.text, type_)
            found[actor.key] = actor
            added.append(Span(doc, span.start, span.end, label=actor.key))
        if added:
            doc.spans["kg_actors"] = [*doc.spans.get("kg_actors", []), *added]
        return doc

    def _name(self, ent: Span, taken: set[int]) -> Span | None:
        start = ent.start + (ent[0].lower_ == "the")
        if start >= ent.end or any(i in taken for i in range(ent.start, ent.end)):
            return None
        span = ent.doc[start : ent.end]
        text = span.text
        acronym = len(span) == 1 and text.isupper() and len(text) >= 3
        if len(span) < self.min_tokens and not acronym:
            return None
        if not text[:1].isupper() or _headline_cased(ent.sent):
            return None
        if any(not (t.is_alpha or t.text in _NAME_CHARS) for t in span):
            return None
        return span

    def _type(self, span: Span) -> str | None:
        doc = span.doc
        near = [
            *doc[max(span.sent.start, span.start - self.window) : span.start],
            *doc[span.end : min(span.sent.end, span.end + self.window)],
        ]
        by_name = next((self.names[t.lower_] for t in span if t.lower_ in self.names), None)
        by_context = next((self.context[t.lower_] for t in near if t.lower_ in self.context), None)
        return by_name or by_context


@Language.factory(
    "kg_new_actors",
    assigns=["doc.spans", "doc._.kg_new_actors"],
    requires=["doc.ents", "doc.spans"],
    default_config={"gazetteer_path": None},
)
def make_new_actors(nlp: Language, name: str, gazetteer_path: str | None) -> NewActors:
    return NewActors(load_actor_gazetteer(gazetteer_path))
