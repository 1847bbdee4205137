"""spaCy component ``kg_actor_ruler``: mentions of actors from the actor gazetteer.

Writes ``doc.spans["kg_actors"]`` (label = actor key), ``doc._.kg_backing``, the
"X-backed Y" relations as pairs (index of the backed span, backer key), and
``doc._.kg_hedged``, the start offsets of the mentions a hedge word precedes ("presumed
LNA forces", "suspected ISIS militants": the actor named, presented as alleged).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.nlp.docs import doc_text
from kg.nlp.layout import in_skipped
from kg.nlp.matcher import PieceMatcher, alias_variants, is_case_sensitive
from kg.nlp.rules import load_rules

Doc.set_extension("kg_backing", default=(), force=True)
Doc.set_extension("kg_hedged", default=frozenset(), force=True)

SPANS_KEY = "kg_actors"
_BACKED = re.compile(r"([\w.'’]+)\s?[-‐–]\s?([a-z]+)\s+$")
# "YPG fighters backed by Syrian rebels", "forces, supported by Russian air power"
_BACKED_BY = re.compile(
    r"^,?\s*(?:(?:which|who)\s+(?:is|are|were|was)\s+)?([a-z]+)\s+by\s+(?:the\s+)?"
)
_WITH_SUPPORT = re.compile(
    r"\bwith\s+(?:the\s+)?(?:\w+\s+){0,2}(?:support|backing|help)\s+(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_subject_like(token: Token) -> bool:
    """True if ``token`` (or the phrase it coordinates with) is a clause's subject or the
    "by" agent of a passive: the position where a place name stands for its government."""
    seen = 0
    while token.dep_ in ("conj", "appos") and seen < 5:
        token = token.head
        seen += 1
    if token.dep_ in _SUBJECT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _across_sentences(span: Span) -> bool:
    return any(token.is_sent_start for token in span[1:])


class ActorRuler:
    """Match actor aliases, generated descriptors ("pro-Assad fighters") and metonyms."""

    def __init__(self, nlp: Language, gazetteer: ActorGazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher: PieceMatcher[tuple[str, bool]] = PieceMatcher(
            nlp.tokenizer, load_rules().piece_synonyms
        )
        for alias, keys in gazetteer.aliases.items():
            # an acronym's forms keep its case: "SANAs", never "cars" for "CAR"
            acronym = True if " " not in alias and is_case_sensitive(alias) else None
            for variant in alias_variants(alias):
                for key in keys:
                    self.matcher.add(variant, (key, False), case_sensitive=acronym)
        for name, key in gazetteer.metonyms.items():
            self.matcher.add(name, (key, True))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match in self.matcher(doc):
            if in_skipped(doc, match.start_char):
                continue
            span = doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
            if span is None or (doc.has_annotation("SENT_START") and _across_sentences(span)):
                continue  # "... in Syria. Government forces ..." is not "Syria government"
            plain = [key for key, metonym in match.values if not metonym]
            if plain:
                key = plain[0]
            elif is_subject_like(span.root):
                key = match.values[0][0]
            else:
                continue  # "Damascus" the city, not the government
            spans.append(Span(doc, span.start, span.end, label=key))
        doc.spans[SPANS_KEY] = spans
        doc._.kg_backing = tuple(self._backing(doc, spans))
        doc._.kg_hedged = frozenset(self._hedged(doc, spans))
        return doc

    def _hedged(self, doc: Doc, spans: list[Span]):  # noqa: ANN202
        """Yield the start offset of each span a hedge word precedes, with at most an
        article or a number between them ("the suspected gunmen", "presumed 2 IS men")."""
        words = self.gazetteer.hedge_words
        for span in spans:
            i = span.start - 1
            while i >= 0 and doc[i].lower_ in ("the", "a", "an", "some", "several"):
                i -= 1
            if i >= 0 and doc[i].lower_ in words:
                yield span.start_char

    def _backing(self, doc: Doc, spans: list[Span]):  # noqa: ANN202
        """Yield (index of the backed span, backer key) for "US-backed rebels" and
        "Turkish-backed factions" (a backer, a backing word, then the backed actor) and
        for "YPG backed by Syrian rebels" (the backed actor, a backing word, "by", the
        backer or a word naming it: "backed by Russian air power")."""
        words = self.gazetteer.backing_words
        modifiers = self.gazetteer.modifier_keys
        text = doc_text(doc)
        ends = {span.end_char: span.label_ for span in spans}
        for i, span in enumerate(spans):
            before = text[max(0, span.start_char - 40) : span.start_char]
            found = _BACKED.search(before)
            if not found or found.group(2).lower() not in words:
                continue
            backer_end = span.start_char - len(before) + found.end(1)
            backer = ends.get(backer_end) or modifiers.get(found.group(1).lower())
            if backer and backer != span.label_:
                yield (i, backer)
        for span in spans:  # "freed Palmyra with the support of Russian forces"
            before = text[max(0, span.start_char - 40) : span.start_char]
            if not _WITH_SUPPORT.search(before):
                continue
            subjects = [
                i
                for i, other in enumerate(spans)
                if other.sent.start == span.sent.start
                and other.start < span.start
                and other.root.dep_ in _SUBJECT_DEPS
                and other.label_ != span.label_
            ]
            if subjects:
                yield (subjects[0], span.label_)
        starts = {span.start_char: span.label_ for span in spans}
        for i, span in enumerate(spans):
            after = text[span.end_char : span.end_char + 60]
            found = _BACKED_BY.search(after)
            if not found or found.group(1).lower() not in words:
                continue
            backer_start = span.end_char + found.end()
            backer = starts.get(backer_start)
            if backer is None:
                word = re.match(r"[\w.'’-]+", text[backer_start : backer_start + 30])
                backer = modifiers.get(word.group(0).lower()) if word else None
            if backer and backer != span.label_:
                yield (i, backer)
        yield from self._passive_backing(doc, spans)

    def _passive_backing(self, doc: Doc, spans: list[Span]):  # noqa: ANN202
        """ "Ahrar ash-Sham militants at the base had been supported by Al-Nusra": a backing
        verb in the passive whose subject and "by" agent are actors, however far apart."""
        words = self.gazetteer.backing_words
        modifiers = self.gazetteer.modifier_keys
        by_token = {t: i for i, span in enumerate(spans) for t in range(span.start, span.end)}
        for verb in doc:
            if verb.lower_ not in words or verb.tag_ != "VBN":
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if subject is None or obj is None:
                continue
            backed = next((by_token[t.i] for t in subject.subtree if t.i in by_token), None)
            backer_index = next((by_token[t.i] for t in obj.subtree if t.i in by_token), None)
            backer = spans[backer_index].label_ if backer_index is not None else None
            if backer is None:
                named = (modifiers[t.lower_] for t in obj.subtree if t.lower_ in modifiers)
                backer = next(named, None)
            if backed is not None and backer and backer != spans[backed].label_:
                yield (backed, backer)


@Language.factory(
    "kg_actor_ruler",
    assigns=["doc.spans", "doc._.kg_backing", "doc._.kg_hedged"],
    requires=["doc._.kg_skip", "token.dep"],
    default_config={"gazetteer_path": None},
)
def make_actor_ruler(nlp: Language, name: str, gazetteer_path: str | None) -> ActorRuler:
    return ActorRuler(nlp, load_actor_gazetteer(gazetteer_path))
