"""spaCy component ``kg_attribution``: who says so.

Finds reporting sources — "X said (that) ...", "according to X", "as reported by X",
"..., X told Y", and quotations closed by "X said" — and the stretch of text each one
covers. Writes ``doc._.kg_sources``: a list of :class:`Source`, each with the tokens it
covers (its *scope*), so that an event stated inside that scope is attributed to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.nlp.actor_ruler import SPANS_KEY as ACTOR_KEY
from kg.nlp.docs import doc_text
from kg.nlp.rules import Rules, load_rules

Doc.set_extension("kg_sources", default=(), force=True)

_QUOTE = re.compile(r'"([^"\n]{3,}?)"')
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_DROP_DEPS = frozenset({"det", "punct", "relcl", "appos", "prep", "acl", "cc", "conj", "case"})


def _specific(words: list[Token]) -> bool:
    """A description names someone specific enough to be an actor: "a U.S. defense
    official", "SANA's correspondent" (a proper name or nationality in it)."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in words)


@dataclass
class Source:
    """A reporting source: an actor key, or a person (named, or described as
    "a U.S. defense official") with the bodies they speak for."""

    start_char: int
    end_char: int
    actor: str | None = None
    person: str | None = None
    affiliation: tuple[str, ...] = ()
    scope: frozenset[int] = field(default_factory=frozenset)
    channel: bool = False  # the outlet a source spoke to ("told Sputnik")


class Attribution:
    """Find reporting sources and their scopes."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        actor_at = {}
        for span in doc.spans.get(ACTOR_KEY, []):
            for i in range(span.start, span.end):
                actor_at[i] = span
        sources: list[Source] = []
        for sent in doc.sents:
            for token in sent:
                if token.lemma_ == "accord" and token.text.lower() == "according":
                    for to in (c for c in token.children if c.lower_ == "to"):
                        for obj in (c for c in to.children if c.dep_ == "pobj"):
                            scope = frozenset(range(sent.start, sent.end))
                            self._add(doc, obj, scope, actor_at, sources)
                elif token.pos_ == "VERB" and token.lemma_ in self.rules.reporting_verbs:
                    self._reporting_verb(doc, token, sent, actor_at, sources)
        self._quotes(doc, actor_at, sources)
        doc._.kg_sources = tuple(sources)
        return doc

    def _reporting_verb(self, doc, verb: Token, sent: Span, actor_at, sources) -> None:  # noqa: ANN001
        speakers = [c for c in verb.children if c.dep_ == "nsubj"]
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            speakers += [c for c in agent.children if c.dep_ == "pobj"]
        if not speakers:
            return
        excluded = {t.i for s in speakers for t in s.subtree}
        if verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.children):
            # "As reported by X, ...": X covers the main clause.
            scope = frozenset(t.i for t in verb.head.subtree if t.i not in excluded)
        else:
            scope = frozenset(t.i for t in verb.subtree if t.i not in excluded)
        if verb.dep_ == "parataxis" or (verb.i > sent.start and self._closes_quote(doc, verb)):
            # "The strike did happen," the official said. -> the quoted clause too.
            scope |= frozenset(t.i for t in verb.head.subtree if t.i not in excluded)
        for speaker in speakers:
            self._add(doc, speaker, scope, actor_at, sources)
        # The outlet a source spoke to: "told Sputnik", "confirmed to Sputnik".
        recipients = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
            recipients += [c for c in prep.children if c.dep_ == "pobj"]
        for recipient in recipients:
            if recipient.i in actor_at:
                self._add(doc, recipient, scope, actor_at, sources, channel=True)

    @staticmethod
    def _closes_quote(doc: Doc, verb: Token) -> bool:
        # (the tokens before it, not ``doc.text``, which spaCy builds anew on each access)
        before = doc[max(0, verb.i - 12) : verb.i].text_with_ws[-40:]
        return '"' in before or "\u201d" in before

    def _quotes(self, doc: Doc, actor_at, sources: list[Source]) -> None:  # noqa: ANN001
        """A quotation ("...," the official told Sputnik) belongs to the speaker of the
        reporting verb right after it, even across sentences."""
        text = doc_text(doc).replace("\u201c", '"').replace("\u201d", '"')
        for found in _QUOTE.finditer(text):
            after = doc.char_span(
                found.end(), min(len(text), found.end() + 80), alignment_mode="contract"
            )
            if after is None:
                continue
            verb = next(
                (t for t in after if t.pos_ == "VERB" and t.lemma_ in self.rules.reporting_verbs),
                None,
            )
            if verb is None or verb.sent.start > after.start:
                continue
            inside = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
            if inside is None:
                continue
            scope = frozenset(range(inside.start, inside.end))
            for speaker in (c for c in verb.children if c.dep_ == "nsubj"):
                self._add(doc, speaker, scope, actor_at, sources)
            for recipient in (c for c in verb.children if c.dep_ in ("dative", "dobj")):
                if recipient.i in actor_at:
                    self._add(doc, recipient, scope, actor_at, sources, channel=True)

    def _add(self, doc, token: Token, scope, actor_at, sources, channel=False) -> None:  # noqa: ANN001
        source = self._resolve(doc, token, actor_at, sources)
        if source is None:
            return
        source.scope = scope
        source.channel = channel
        sources.append(source)

    def _resolve(self, doc: Doc, token: Token, actor_at, sources) -> Source | None:  # noqa: ANN001
        phrase = [t for t in token.subtree]
        _start, _end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        affiliation = tuple(dict.fromkeys(actor_at[t.i].label_ for t in phrase if t.i in actor_at))
        if token.i in actor_at and token.lemma_ not in self.rules.source_person_nouns:
            span = actor_at[token.i]
            return Source(span.start_char, span.end_char, actor=span.label_)
        if token.ent_type_ == "PERSON":
            ent = next(e for e in doc.ents if e.start <= token.i < e.end)
            return Source(ent.start_char, ent.end_char, person=ent.text, affiliation=affiliation)
        if token.lemma_.lower() in self.rules.source_person_nouns:
            words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in _DROP_DEPS]
            words = [t for t in words if t.i >= min(w.i for w in words)]
            label = " ".join(t.text for t in words if t.i <= token.i)
            first = words[0]
            definite = any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
            )
            if definite or len(words) == 1:
                earlier = self._antecedent(label, sources)
                if earlier is not None:
                    return Source(
                        first.idx,
                        token.idx + len(token),
                        actor=earlier.actor,
                        person=earlier.person,
                        affiliation=earlier.affiliation,
                    )
            if not _specific(words):
                # "sources", "activists", "a spokesman": reported, but by no one we can name.
                return Source(first.idx, token.idx + len(token), affiliation=affiliation)
            return Source(first.idx, token.idx + len(token), person=label, affiliation=affiliation)
        if token.lower_ in _PRONOUNS:
            people = [s for s in sources if s.person and not s.channel]
            if people and token.lower_ != "it":
                last = people[-1]
                return Source(
                    token.idx,
                    token.idx + len(token),
                    person=last.person,
                    affiliation=last.affiliation,
                )
            return None
        inside = [actor_at[t.i] for t in phrase if t.i in actor_at]
        if inside:
            span = inside[0]
            return Source(span.start_char, span.end_char, actor=span.label_)
        return None

    @staticmethod
    def _antecedent(label: str, sources: list[Source]) -> Source | None:
        """An earlier person source this definite description refers back to:
        "the defense official" -> "a U.S. defense official"."""
        tail = label.lower()
        for source in reversed(sources):
            if source.person and source.person.lower().endswith(tail):
                return source
        return None


@Language.factory(
    "kg_attribution",
    assigns=["doc._.kg_sources"],
    requires=["token.dep", "token.lemma", "doc.ents"],
)
def make_attribution(nlp: Language, name: str) -> Attribution:
    return Attribution(load_rules())
