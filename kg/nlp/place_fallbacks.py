"""Places the gazetteer's own spellings miss, found after its matches are settled.

* "the eastern part of the city", "the city's western districts" are the eastern or
  western district of the city last named, if the gazetteer has it;
* "the border with Iraq" is also the focus country's border with Iraq;
* a name the model tags as a place, or that follows "the village of", is looked up under
  its transliteration key ("Hassia" = GeoNames "Hasiya").

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [s.text for s in candidate_names(nlp("Shells hit the towns of Tal Minnis and Sarmada."))]
    ['Tal Minnis']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.link.places import PlaceGazetteer, name_key, translit_key
from kg.nlp.layout import in_skipped

if TYPE_CHECKING:
    from kg.nlp.place_context import ArticleContext

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


def add_fallbacks(
    doc: Doc,
    places: list[Span],
    actors: list[Span],
    gazetteer: PlaceGazetteer,
    context: ArticleContext,
) -> list[Span]:
    """``places`` with the directional parts of the city last named, the borders with a
    country, the directional regions of a country ("eastern Ukraine", in the country's
    stead) and the names known only under another transliteration, in text order; none
    of them overlaps a place or an actor found before."""
    taken = {i for s in [*places, *actors] for i in range(s.start, s.end)}
    extra: list[Span] = []
    for span in city_parts(doc, places, gazetteer):
        if not taken & set(range(span.start, span.end)):
            extra.append(span)
            taken |= set(range(span.start, span.end))
    extra += borders_with(doc, places, gazetteer, context.focus)
    regions = [r for r in country_parts(doc, places, gazetteer) if r.start not in taken]
    replaced = {(r.start + 1, r.end) for r in regions}
    places = [p for p in places if (p.start, p.end) not in replaced]
    extra += regions
    countries = context.countries | ({context.focus} if context.focus else set())
    for span in candidate_names(doc):
        if taken & set(range(span.start, span.end)) or in_skipped(doc, span.start_char):
            continue
        if len(translit_key(span.text)) < _MIN_TRANSLIT_KEY:
            continue
        keys = gazetteer.translit(span.text, countries)
        # The same spelling first: "Madaya", not "Madayah" in another province.
        said = name_key(span.text)
        keys = [k for k in keys if name_key(gazetteer.places[k].label) == said] or keys
        if keys:
            label = gazetteer.choose(
                keys, context.countries, context.governorates, context.focus, context.points
            )
            extra.append(Span(doc, span.start, span.end, label=label))
            taken |= set(range(span.start, span.end))
    return sorted([*places, *extra], key=lambda s: s.start)


def city_parts(doc: Doc, places: list[Span], gazetteer: PlaceGazetteer) -> list[Span]:
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
                gazetteer.places[s.label_]
                for s in reversed(places)
                if s.end <= start and gazetteer.places[s.label_].kind == "city"
            ),
            None,
        )
        if city is None:
            continue
        keys = [
            k
            for k in gazetteer.aliases.get(f"{direction} {city.label}", [])
            if gazetteer.places[k].kind == "district"
        ]
        if keys:
            out.append(Span(doc, start, end, label=keys[0]))
    return out


_COMPASS = {
    "north": "northern", "south": "southern", "east": "eastern", "west": "western",
    "northeast": "northeastern", "northwest": "northwestern", "southeast": "southeastern",
    "southwest": "southwestern", "north-east": "northeastern", "north-west": "northwestern",
    "south-east": "southeastern", "south-west": "southwestern", "central": "central",
    **{d: d for d in ("northern", "southern", "eastern", "western", "northeastern",
                      "northwestern", "southeastern", "southwestern")},
}  # fmt: skip


def country_parts(doc: Doc, places: list[Span], gazetteer: PlaceGazetteer) -> list[Span]:
    """ "eastern Ukraine", "southern Lebanon": the region of the country named (made by
    :meth:`~kg.link.places.PlaceGazetteer.directional_region` where none is curated); it
    takes the country's place, the country stays named in the text."""
    out = []
    for span in places:
        place = gazetteer.places.get(span.label_)
        if place is None or place.kind != "country" or span.start == 0:
            continue
        word = doc[span.start - 1]
        direction = _COMPASS.get(word.lower_)
        if direction is None:
            continue
        key = gazetteer.directional_region(direction, place.key)
        if key is not None:
            out.append(Span(doc, span.start - 1, span.end, label=key))
    return out


def borders_with(
    doc: Doc, places: list[Span], gazetteer: PlaceGazetteer, focus_country: str | None
) -> list[Span]:
    """ "the border with Iraq": the focus country's border with the country named
    (the country stays a place of its own)."""
    focus = gazetteer.places.get(gazetteer.countries.get(focus_country or "", ""))
    out = []
    for span in places:
        place = gazetteer.places[span.label_]
        if (
            focus is None
            or place.kind != "country"
            or place.key == focus.key
            or span.start < 2
            or [t.lower_ for t in doc[span.start - 2 : span.start]] != ["border", "with"]
        ):
            continue
        keys = gazetteer.aliases.get(f"{place.label}-{focus.label} border", [])
        if keys:
            out.append(Span(doc, span.start - 2, span.end, label=keys[0]))
    return out


def candidate_names(doc: Doc) -> list[Span]:
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
