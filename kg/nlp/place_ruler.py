"""spaCy component ``kg_place_ruler``: mentions of places, linked to one gazetteer entry.

Curated names (``data/places.yaml``) match anywhere; GeoNames names only where the text
capitalises them ("Hama", not "hama"). Among several candidates the article's context
decides (:meth:`~kg.link.places.PlaceGazetteer.choose`). A name that is both an actor and
a place ("Russia") is an actor as a clause's subject and a place elsewhere. Writes
``doc.spans["kg_places"]`` (label = place key) and may drop spans from
``doc.spans["kg_actors"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.link.places import PlaceGazetteer, load_place_gazetteer
from kg.nlp.actor_ruler import SPANS_KEY as ACTOR_KEY
from kg.nlp.actor_ruler import is_subject_like
from kg.nlp.layout import in_skipped
from kg.nlp.matcher import Match, PieceMatcher
from kg.nlp.rules import load_rules

SPANS_KEY = "kg_places"
# Lowercase particles that start transliterated Arabic names ("al-Tanf", "ar-Raqqa").
_PARTICLES = frozenset({"al", "el", "ar", "as", "ad", "at", "ash", "an", "az", "ad-", "al-"})
_STATE_TYPES = frozenset({"government", "state_force"})


class PlaceRuler:
    """Match place names and resolve them to gazetteer entries."""

    def __init__(self, nlp: Language, places: PlaceGazetteer, actors: ActorGazetteer) -> None:
        self.places = places
        self.actors = actors
        synonyms = load_rules().piece_synonyms
        self.curated: PieceMatcher[str] = PieceMatcher(nlp.tokenizer, synonyms)
        self.geonames: PieceMatcher[str] = PieceMatcher(nlp.tokenizer, synonyms)
        for alias, keys in places.aliases.items():
            for key in keys:
                place = places.places[key]
                curated = not key.startswith("geonames-") or bool(place.aliases)
                target = self.curated if curated else self.geonames
                # Curated names are written with care; match them in any case.
                target.add(alias, key, case_sensitive=False)

    def _matches(self, doc: Doc) -> list[Match[str]]:
        capitalised = {t.i for t in doc if t.text[:1].isupper() or t.lower_ in _PARTICLES}
        # Curated names of one word must be capitalised too: "Hass" the village, not "has".
        curated = [m for m in self.curated(doc) if m.end - m.start > 1 or m.start in capitalised]
        found = curated + self.geonames(doc, allowed=capitalised)
        # Longest first, curated before GeoNames at equal length; then drop overlaps.
        found.sort(key=lambda m: (-(m.end_char - m.start_char), m.start_char))
        kept: list[Match[str]] = []
        taken: set[int] = set()
        for match in found:
            chars = set(range(match.start_char, match.end_char))
            if chars & taken:
                continue
            taken |= chars
            kept.append(match)
        return sorted(kept, key=lambda m: m.start_char)

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc.spans[ACTOR_KEY]) if ACTOR_KEY in doc.spans else []
        matches = [m for m in self._matches(doc) if not in_skipped(doc, m.start_char)]
        # Context: countries of the unambiguous places of the document.
        context = {
            self.places.places[m.values[0]].country
            for m in matches
            if len({self.places.places[k].country for k in m.values}) == 1
        }
        context.discard(None)
        places: list[Span] = []
        dropped_actors: set[int] = set()
        for match in matches:
            span = doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
            if span is None:
                continue
            key = self.places.choose(match.values, context)
            keep_place = True
            for index, actor in enumerate(actors):
                if actor.end_char <= span.start_char or actor.start_char >= span.end_char:
                    continue
                keep_place = self._place_wins(span, actor, key)
                if keep_place:
                    dropped_actors.add(index)
            if keep_place:
                places.append(Span(doc, span.start, span.end, label=key))
        if dropped_actors:
            backing = [(i, k) for i, k in doc._.kg_backing if i not in dropped_actors]
            renumber = {
                old: new
                for new, old in enumerate(i for i in range(len(actors)) if i not in dropped_actors)
            }
            doc._.kg_backing = tuple((renumber[i], k) for i, k in backing)
            doc.spans[ACTOR_KEY] = [a for i, a in enumerate(actors) if i not in dropped_actors]
        doc.spans[SPANS_KEY] = places
        return doc

    def _place_wins(self, place: Span, actor: Span, place_key: str) -> bool:
        """Decide an overlap between a place and an actor mention."""
        if (place.start_char, place.end_char) != (actor.start_char, actor.end_char):
            return len(place.text) > len(actor.text)
        actor_ref = self.actors.get(actor.label_)
        kind = self.places.places[place_key].kind
        if actor_ref is not None and actor_ref.type in _STATE_TYPES and kind != "site":
            return not is_subject_like(actor.root)
        return False


@Language.factory(
    "kg_place_ruler",
    assigns=["doc.spans"],
    requires=["doc._.kg_skip", "token.dep"],
    default_config={"gazetteer_path": None, "actor_gazetteer_path": None},
)
def make_place_ruler(
    nlp: Language, name: str, gazetteer_path: str | None, actor_gazetteer_path: str | None
) -> PlaceRuler:
    return PlaceRuler(
        nlp, load_place_gazetteer(gazetteer_path), load_actor_gazetteer(actor_gazetteer_path)
    )
