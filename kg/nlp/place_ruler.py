"""spaCy component ``kg_place_ruler``: mentions of places, linked to one gazetteer entry.

Curated names (``data/places.yaml``) match anywhere; GeoNames names only where the text
capitalises them ("Hama", not "hama"). Among several candidates the article's context
decides (:meth:`~kg.link.places.PlaceGazetteer.choose`). A name that is both an actor and
a place ("Russia") is an actor as a clause's subject and a place elsewhere; a foreign
country is a place only where the text puts something in, from or near it ("banned in
Russia", not "a deal between Russia and Iran"). Beyond the gazetteer's own spellings:

* possessives written without the apostrophe ("Syrias main city") name the place;
* "the eastern part of the city" is the eastern district of the city last named;
* a name the model tags as a place, or that follows "the village of", is looked up under
  its transliteration key ("Hassia" = GeoNames "Hasiya").

Not places: a region that only locates a smaller place ("the town of Azaz in northern
Syria" names Syria), a border used as a modifier ("the Turkish border town of Kilis") and a
place name inside a person's name ("Ali al-Zaatari"). Writes ``doc.spans["kg_places"]``
(label = place key) and may drop spans from ``doc.spans["kg_actors"]``.

The component runs the steps in order: the gazetteer's names (:mod:`kg.nlp.place_matcher`),
the tests of their context (:mod:`kg.nlp.place_context`), then the places beyond the
gazetteer's spellings (:mod:`kg.nlp.place_fallbacks`); it owns what joins them: people's
names, overlaps with actor mentions and the actor spans it drops.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.link.places import PlaceGazetteer, load_place_gazetteer
from kg.nlp.actor_ruler import SPANS_KEY as ACTOR_KEY
from kg.nlp.layout import in_skipped
from kg.nlp.matcher import Match, fold
from kg.nlp.place_context import (
    STATE_TYPES,
    common_words,
    index_candidates,
    index_place_ok,
    is_common_word,
    place_wins,
    read_context,
    reconsider,
)
from kg.nlp.place_fallbacks import add_fallbacks
from kg.nlp.place_matcher import IndexMatch, PlaceMatcher
from kg.nlp.place_within import place_within

SPANS_KEY = "kg_places"


def _after_pro(doc: Doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti")


class PlaceRuler:
    """Match place names and resolve them to gazetteer entries."""

    def __init__(self, nlp: Language, places: PlaceGazetteer, actors: ActorGazetteer) -> None:
        self.places = places
        self.actors = actors
        self.matcher = PlaceMatcher(nlp.tokenizer, places)
        self.words = common_words(nlp)

    def _matches(self, doc: Doc) -> list[Match[str]]:
        """The matcher's names outside skipped text; of the index's, those its words allow
        (no people, no common words; a first-level unit only as "X province")."""
        out: list[Match[str]] = []
        for match in self.matcher(doc):
            if in_skipped(doc, match.start_char):
                continue
            if isinstance(match, IndexMatch):
                span = doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
                if span is None or _after_pro(doc, span.start):
                    continue  # "pro-Hadi", "anti-Assad": a party, not a place
                keys = index_candidates(span, match.values, self.places)
                # A word of the language is a name only for a big place ("Kabul" is
                # in WordNet too; "War" the village is not meant).
                big = any(
                    self.places.places[k].kind == "country" or self.places.population(k) >= 100_000
                    for k in keys
                )
                if not keys or (not big and is_common_word(span, self.words)):
                    continue
                match = IndexMatch(
                    match.start, match.end, match.start_char, match.end_char, keys,
                    match.pattern, match.dateline,
                )  # fmt: skip
            out.append(match)
        return out

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc.spans[ACTOR_KEY]) if ACTOR_KEY in doc.spans else []
        matches = self._matches(doc)
        context = read_context(matches, self.places)
        places: list[Span] = []
        readings: dict[int, tuple[str, ...]] = {}  # a place's candidate keys, by start
        index_only: set[int] = set()  # starts of names found only in the world index
        dropped_actors: set[int] = set()
        # Words of place names: curated ones, and the index's in the article's countries
        # (almost any surname is a village somewhere).
        home = context.home | ({context.focus} if context.focus else set())
        covered = {
            tok.i
            for m in matches
            if not isinstance(m, IndexMatch)
            or any(self.places.places[k].country in home for k in m.values)
            if (s := doc.char_span(m.start_char, m.end_char, alignment_mode="expand"))
            for tok in s
        }
        # The model's people with a word that is no place name ("Ali al-Zaatari", not
        # "Maaret Alnouman"), and their last names, which later stand alone ("Zaatari said").
        people = [
            e for e in doc.ents if e.label_ == "PERSON" and any(t.i not in covered for t in e)
        ]
        surnames = {fold(e[-1].text).lower() for e in people if len(e) > 1}
        for match in matches:
            span = doc.char_span(match.start_char, match.end_char, alignment_mode="expand")
            if span is None:
                continue
            person = next((e for e in people if e.start <= span.start and span.end <= e.end), None)
            if person is not None or (
                len(span) == 1
                and fold(span.text).lower() in surnames
                and span[0].ent_type_ == "PERSON"
            ):
                # A place name inside a person's name ("Ali al-Zaatari", "Jordan Dakamseh")
                # is neither a place nor, as a country, an actor.
                person = person or span
                dropped_actors.update(
                    i
                    for i, a in enumerate(actors)
                    if person.start <= a.start
                    and a.end <= person.end
                    and self.actors.get(a.label_) is not None
                    and self.actors.get(a.label_).type in STATE_TYPES
                )
                continue
            key = self.places.choose(
                match.values, context.countries, context.governorates, context.focus,
                context.points, match.pattern,
            )  # fmt: skip
            if (
                isinstance(match, IndexMatch)
                and not match.dateline
                and not index_place_ok(span, key, context, self.places)
            ):
                continue
            key = reconsider(span, key, places, self.places, context.focus)
            if key is None:
                continue
            keep_place = True
            for index, actor in enumerate(actors):
                if actor.end_char <= span.start_char or actor.start_char >= span.end_char:
                    continue
                keep_place = place_wins(span, actor, key, self.places, self.actors)
                if keep_place:
                    dropped_actors.add(index)
            if keep_place:
                places.append(Span(doc, span.start, span.end, label=key))
                readings[span.start] = match.values
                if isinstance(match, IndexMatch):
                    index_only.add(span.start)
        places, doc._.kg_place_holders = place_within(
            doc, places, readings, self.places, index_only
        )
        places = add_fallbacks(doc, places, actors, self.places, context)
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


# The start tokens of places that hold the place named just before them ("X area of Y"):
# an event told there happened in X.
Doc.set_extension("kg_place_holders", default=frozenset(), force=True)


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
