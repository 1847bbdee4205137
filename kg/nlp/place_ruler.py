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
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.link.places import PlaceGazetteer, load_place_gazetteer, translit_key
from kg.nlp.actor_ruler import SPANS_KEY as ACTOR_KEY
from kg.nlp.actor_ruler import is_subject_like
from kg.nlp.layout import in_skipped
from kg.nlp.matcher import Match, PieceMatcher, fold
from kg.nlp.rules import load_rules

SPANS_KEY = "kg_places"
# Lowercase particles that start transliterated Arabic names ("al-Tanf", "ar-Raqqa").
_PARTICLES = frozenset({"al", "el", "ar", "as", "ad", "at", "ash", "an", "az", "ad-", "al-"})
_STATE_TYPES = frozenset({"government", "state_force"})
# Prepositions that put something in a place ("in Syria", "from Turkey", "near Iraq").
_LOCATIVE = frozenset(
    {
        "in",
        "into",
        "inside",
        "within",
        "across",
        "throughout",
        "from",
        "to",
        "toward",
        "towards",
        "near",
        "at",
        "outside",
        "around",
        "through",
        "via",
        "beyond",
        "over",
    }
)
# Nouns of settlements and sites that a following "in <region>" merely locates.
_LOCATED_NOUNS = frozenset(
    {
        "town",
        "towns",
        "city",
        "cities",
        "village",
        "villages",
        "base",
        "airport",
        "camp",
        "district",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "province",
        "area",
    }
)
_SETTLEMENT_NOUNS = frozenset({"town", "towns", "city", "cities", "village", "villages"})
_DIRECTIONS = {
    "east": "eastern",
    "eastern": "eastern",
    "west": "western",
    "western": "western",
    "north": "northern",
    "northern": "northern",
    "south": "southern",
    "southern": "southern",
}
_CITY_PARTS = frozenset(
    {
        "part",
        "parts",
        "half",
        "side",
        "districts",
        "neighbourhoods",
        "neighborhoods",
        "quarters",
        "sections",
    }
)
_CITY_WORDS = frozenset({"city", "citys", "city's"})
# "the village of X", "the towns of X and Y": cues before a name the gazetteer may spell
# differently.
_CUES = frozenset(
    {"village", "villages", "town", "towns", "neighbourhood", "neighborhood", "district", "suburb"}
)
_NER_PLACES = frozenset({"GPE", "LOC", "FAC"})
_MIN_TRANSLIT_KEY = 5


def _is_locative(span: Span) -> bool:
    """True if ``span`` (or the phrase it belongs to) is the object of a locative
    preposition: "in Syria and Iraq", "from neighbouring Turkey"."""
    doc = span.doc
    before = span.start - 1
    # The parse may take "neighbouring" for a verb: look at the words before, too.
    while before >= 0 and doc[before].tag_ in ("JJ", "DT", "PDT", "VBG"):
        before -= 1
    if before >= 0 and before < span.start - 1 and doc[before].lower_ in _LOCATIVE:
        return True
    token = span.root
    for _ in range(5):
        if token.dep_ not in ("conj", "appos", "compound") or token.head is token:
            break
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    # "the border with Iraq" puts the border in Iraq as much as in Syria.
    return prep.lower_ in _LOCATIVE or (prep.lower_ == "with" and prep.head.lower_ == "border")


class PlaceRuler:
    """Match place names and resolve them to gazetteer entries."""

    def __init__(self, nlp: Language, places: PlaceGazetteer, actors: ActorGazetteer) -> None:
        self.places = places
        self.actors = actors
        synonyms = load_rules().piece_synonyms
        self.curated: PieceMatcher[str] = PieceMatcher(nlp.tokenizer, synonyms)
        self.geonames: PieceMatcher[str] = PieceMatcher(nlp.tokenizer, synonyms)
        # One-word names of countries and Syrian places, for "Syrias" and "Aleppos".
        self.single: dict[str, list[str]] = {}
        for alias, keys in places.aliases.items():
            for key in keys:
                place = places.places[key]
                curated = not key.startswith("geonames-") or bool(place.aliases)
                target = self.curated if curated else self.geonames
                # Curated names are written with care; match them in any case.
                target.add(alias, key, case_sensitive=False)
                if (
                    " " not in alias
                    and "-" not in alias
                    and (place.kind == "country" or place.country == places.focus_country)
                ):
                    self.single.setdefault(fold(alias).lower(), []).append(key)

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
        kept += self._possessives(doc, taken)
        return sorted(kept, key=lambda m: m.start_char)

    def _possessives(self, doc: Doc, taken: set[int]) -> list[Match[str]]:
        """ "Syrias" for "Syria's": the apostrophe is often lost in the corpus."""
        out = []
        for tok in doc:
            text = tok.text
            if (
                len(text) < 5
                or not text[0].isupper()
                or not text.endswith("s")
                or text.endswith("ss")
                or tok.idx in taken
                or tok.ent_type_ in ("ORG", "NORP")  # "Hamas" the movement
            ):
                continue
            keys = self.single.get(fold(text[:-1]).lower())
            if keys and fold(text).lower() not in self.single:
                out.append(
                    Match(
                        tok.i, tok.i + 1, tok.idx, tok.idx + len(text) - 1, tuple(keys), text[:-1]
                    )
                )
        return out

    def _context(self, matches: list[Match[str]]) -> tuple[set[str], set[str]]:
        """Countries and governorates of the unambiguous places of the document."""
        countries: set[str] = set()
        governorates: set[str] = set()
        for match in matches:
            refs = [self.places.places[k] for k in match.values]
            if len({r.country for r in refs}) == 1 and refs[0].country:
                countries.add(refs[0].country)
            if len(refs) == 1 and refs[0].in_governorate:
                governorates.add(refs[0].in_governorate)
        return countries, governorates

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc.spans[ACTOR_KEY]) if ACTOR_KEY in doc.spans else []
        matches = [m for m in self._matches(doc) if not in_skipped(doc, m.start_char)]
        context, governorates = self._context(matches)
        places: list[Span] = []
        dropped_actors: set[int] = set()
        covered = {
            tok.i
            for m in matches
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
                    and self.actors.get(a.label_).type in _STATE_TYPES
                )
                continue
            key = self.places.choose(match.values, context, governorates)
            key = self._reconsider(span, key, places)
            if key is None:
                continue
            keep_place = True
            for index, actor in enumerate(actors):
                if actor.end_char <= span.start_char or actor.start_char >= span.end_char:
                    continue
                keep_place = self._place_wins(span, actor, key)
                if keep_place:
                    dropped_actors.add(index)
            if keep_place:
                places.append(Span(doc, span.start, span.end, label=key))
        places = self._add_fallbacks(doc, places, actors, context, governorates)
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

    def _reconsider(self, span: Span, key: str, found: list[Span]) -> str | None:
        """The key ``span`` stands for in its sentence, or None if it is no place here."""
        doc = span.doc
        place = self.places.places[key]
        after = doc[span.end] if span.end < len(doc) else None
        if (
            place.kind == "country"
            and place.country != self.places.focus_country
            and not _is_locative(span)
        ):
            return None
        if (
            place.kind == "site"
            and span[-1].lower_ == "border"
            and after is not None
            and (after.lower_ in _SETTLEMENT_NOUNS)
        ):
            return None  # "the Turkish border town of Kilis" names Kilis
        if place.kind == "region" and place.country and span.start > 0:
            country = self.places.countries.get(place.country)
            prep = doc[span.start - 1]
            head = prep.head
            if (
                country
                and self.places.places[country].label.lower() == span[-1].lower_
                and prep.lower_ == "in"
                and (head.lower_ in _LOCATED_NOUNS or any(s.start <= head.i < s.end for s in found))
            ):
                return country  # "the town of Azaz in northern Syria" locates Azaz
        return key

    def _add_fallbacks(
        self,
        doc: Doc,
        places: list[Span],
        actors: list[Span],
        context: set[str],
        governorates: set[str],
    ) -> list[Span]:
        """Directional parts of the city last named, and names known only under another
        transliteration."""
        taken = {i for s in [*places, *actors] for i in range(s.start, s.end)}
        extra: list[Span] = []
        for span in self._city_parts(doc, places):
            if not taken & set(range(span.start, span.end)):
                extra.append(span)
                taken |= set(range(span.start, span.end))
        extra += self._borders_with(doc, places)
        for span in self._candidate_names(doc):
            if taken & set(range(span.start, span.end)) or in_skipped(doc, span.start_char):
                continue
            key = translit_key(span.text)
            keys = self.places.translit.get(key) if len(key) >= _MIN_TRANSLIT_KEY else None
            if keys:
                label = self.places.choose(keys, context, governorates)
                extra.append(Span(doc, span.start, span.end, label=label))
                taken |= set(range(span.start, span.end))
        return sorted([*places, *extra], key=lambda s: s.start)

    def _city_parts(self, doc: Doc, places: list[Span]) -> list[Span]:
        """ "the eastern part of the city", "the city's western districts" -> the district
        "eastern <city>" of the city named last before, if the gazetteer has it."""
        out = []
        for tok in doc[:-1]:
            direction = _DIRECTIONS.get(tok.lower_)
            part = doc[tok.i + 1]
            if direction is None or part.lower_ not in _CITY_PARTS:
                continue
            if tok.i > 0 and doc[tok.i - 1].lower_ in _CITY_WORDS:
                start, end = tok.i - 1, tok.i + 2
            elif tok.i + 4 < len(doc) + 1 and [t.lower_ for t in doc[tok.i + 2 : tok.i + 5]] == [
                "of",
                "the",
                "city",
            ]:
                start, end = tok.i, tok.i + 5
            else:
                continue
            city = next(
                (
                    self.places.places[s.label_]
                    for s in reversed(places)
                    if s.end <= start and self.places.places[s.label_].kind == "city"
                ),
                None,
            )
            if city is None:
                continue
            keys = [
                k
                for k in self.places.aliases.get(f"{direction} {city.label}", [])
                if self.places.places[k].kind == "district"
            ]
            if keys:
                out.append(Span(doc, start, end, label=keys[0]))
        return out

    def _borders_with(self, doc: Doc, places: list[Span]) -> list[Span]:
        """ "the border with Iraq": the focus country's border with the country named
        (the country stays a place of its own)."""
        focus = self.places.places.get(self.places.countries.get(self.places.focus_country, ""))
        out = []
        for span in places:
            place = self.places.places[span.label_]
            if (
                focus is None
                or place.kind != "country"
                or place.key == focus.key
                or span.start < 2
                or [t.lower_ for t in doc[span.start - 2 : span.start]] != ["border", "with"]
            ):
                continue
            keys = self.places.aliases.get(f"{place.label}-{focus.label} border", [])
            if keys:
                out.append(Span(doc, span.start - 2, span.end, label=keys[0]))
        return out

    @staticmethod
    def _candidate_names(doc: Doc) -> list[Span]:
        """Capitalised names the model tags as places or that follow a place cue."""
        spans = [e for e in doc.ents if e.label_ in _NER_PLACES]
        for tok in doc[:-2]:
            if tok.lower_ in _CUES and doc[tok.i + 1].lower_ == "of":
                end = tok.i + 2
                while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "-"):
                    end += 1
                if end > tok.i + 2:
                    spans.append(doc[tok.i + 2 : end])
        return spans

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
