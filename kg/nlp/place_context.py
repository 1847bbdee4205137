"""Whether a place name found in the text is a place where it stands, and which one.

The tests on the sentence and the article around a mention that the place ruler applies
once the gazetteer has matched a name: a foreign country is a place only where the text
puts something in, from or near it ("banned in Russia", not "a deal between Russia and
Iran"); a region that only locates a smaller place ("the town of Azaz in northern Syria")
names the country; a border used as a modifier ("the Turkish border town of Kilis") is no
place; a name that is both an actor and a place ("Russia") is an actor as a clause's
subject and a place elsewhere. The article's unambiguous places are the context that
chooses between namesakes (:meth:`~kg.link.places.PlaceGazetteer.choose`).

Example:
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Jets flew in neighbouring Iraq.")
    >>> for token, tag in zip(doc, ["NNS", "VBD", "IN", "VBG", "NNP", "."]):
    ...     token.tag_ = tag
    >>> is_locative(Span(doc, 4, 5))
    True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Span

from kg.link.actors import ActorGazetteer
from kg.link.places import ADMIN1, ADMIN2, PlaceGazetteer, name_key
from kg.nlp.actor_ruler import is_subject_like
from kg.nlp.matcher import Match
from kg.nlp.place_matcher import IndexMatch
from kg.nlp.place_metonymy import capital_for_its_government

#: Actor types that a country's name stands for as an actor ("Russia agreed").
STATE_TYPES = frozenset({"government", "state_force"})
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
#: Nouns after (or, with "of", before) a first-level unit's name: "Donetsk region".
ADMIN_NOUNS = frozenset(
    {"province", "governorate", "region", "oblast", "state", "prefecture", "wilayat"}
)
#: Nouns after a second-level unit's name: "Sahar district", "Bakhmut raion".
ADMIN2_NOUNS = frozenset({"district", "raion", "rayon", "county"})
_UNITS = frozenset({ADMIN1, ADMIN2})
_NER_PLACES = frozenset({"GPE", "LOC", "FAC"})
#: Words before a country that make it a region of it: "shelled southern Lebanon".
DIRECTION_WORDS = frozenset(
    {"northern", "southern", "eastern", "western", "northeastern", "northwestern",
     "southeastern", "southwestern", "central", "north", "south", "east", "west"}
)  # fmt: skip
_POINT_KINDS = frozenset({"city", "town", "village", "district", "site"})


def is_locative(span: Span) -> bool:
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


def article_context(matches: list[Match[str]], places: PlaceGazetteer) -> tuple[set[str], set[str]]:
    """Countries and first-level units of the unambiguous places of the document."""
    countries: set[str] = set()
    governorates: set[str] = set()
    for match in matches:
        refs = [places.places[k] for k in match.values]
        if len({r.country for r in refs}) == 1 and refs[0].country:
            countries.add(refs[0].country)
        if len(refs) == 1 and refs[0].in_admin1:
            governorates.add(refs[0].in_admin1)
    return countries, governorates


@dataclass
class ArticleContext:
    """What the article's places say about where it is: the countries it names or whose
    places it names (``focus``: the one it is most about), the first-level units it
    names, and the coordinates of its places that are sure."""

    countries: set[str] = field(default_factory=set)
    governorates: set[str] = field(default_factory=set)
    focus: str | None = None
    home: set[str] = field(default_factory=set)  # countries with places in the article
    points: list[tuple[float, float]] = field(default_factory=list)


def _weight(places: PlaceGazetteer, key: str) -> float:
    place = places.places[key]
    if place.kind == "country":
        return 1.0
    if place.kind == ADMIN1 or key in places.curated:
        return 2.0
    population = places.population(key)
    return 1.5 if population >= 100_000 else 1.0 if population >= 10_000 else 0.5


def _clear_reading(places: PlaceGazetteer, keys: tuple[str, ...]) -> str | None:
    """The reading of a name whatever the article: its only country's likeliest place,
    or a place three times as populous as any namesake abroad ("Kabul"); else None."""
    best = places.choose(keys)
    country = places.places[best].country
    rivals = [places.population(k) for k in keys if places.places[k].country != country]
    if not rivals or places.places[best].kind == "country":
        return best
    return best if places.population(best) >= 3 * max(rivals) + 1 else None


def read_context(matches: list[Match[str]], places: PlaceGazetteer) -> ArticleContext:
    """Where the article is: the countries its names vote for (each distinct place name
    once, for its clear reading; a country each time it is named), the focus country
    (the most voted, ties to the one with more places named; not a country named once
    and nothing else), the countries whose places it names once the focus decides
    between namesakes (``home``), its first-level units and its sure points."""
    countries, governorates = article_context(matches, places)
    votes: Counter[str] = Counter()
    first: Counter[str] = Counter()  # votes of places other than countries
    named: set[str] = set()
    seen: set[tuple[str, ...]] = set()
    for match in matches:
        best = _clear_reading(places, match.values)
        if best is None or not places.places[best].country:
            continue
        # A place under another of its names ("Amed", Diyarbakir's Kurdish name) votes
        # for its country at half weight.
        alternate = isinstance(match, IndexMatch) and places.by_alternate_name(best, match.pattern)
        share = 0.5 if alternate else 1.0
        place = places.places[best]
        country: str = place.country  # type: ignore[assignment]
        if place.kind == "country":
            votes[country] += 0.5 if country in named else 1.0
            named.add(country)
        elif match.values not in seen:
            votes[country] += share * _weight(places, best)
            first[country] += share * _weight(places, best)
        seen.add(match.values)
        if place.kind == ADMIN1 and not isinstance(match, IndexMatch):
            governorates.add(best)
    context = ArticleContext(governorates=governorates)
    context.countries = set(votes) | countries
    ranked = sorted(votes, key=lambda c: (votes[c], first[c], c), reverse=True)
    if ranked:
        top = ranked[0]
        tied = len(ranked) > 1 and (votes[ranked[1]], first[ranked[1]]) == (votes[top], first[top])
        if not tied and (first[top] > 0 or votes[top] >= 1.5):
            context.focus = top
    # Each name read again in the countries the article names and the one it is about
    # (not in those its names' largest namesakes vote for: a Sudanese "Barah" in Taiz).
    settled = named | countries | ({context.focus} if context.focus else set())
    local: Counter[str] = Counter()
    for values in seen:
        key = places.choose(values, settled or context.countries, (), context.focus)
        place = places.places[key]
        if place.kind != "country" and place.country:
            local[place.country] += _weight(places, key)
    context.home = {c for c, v in local.items() if v >= 1.5}
    # Countries named, or whose places the article names once its focus is known: not
    # Myanmar for a "Madaya" that is the Syrian one.
    context.countries = named | set(local) | countries
    for match in matches:
        if len(match.values) == 1:
            place = places.places[match.values[0]]
            if place.kind in _POINT_KINDS and place.lat is not None and place.lon is not None:
                context.points.append((place.lat, place.lon))
    return context


def _admin_noun(span: Span) -> str:
    """The administrative noun of "Donetsk region", "Sahar district", "the province of
    Kunduz" (lowercase), or ""."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in ADMIN_NOUNS or after in ADMIN2_NOUNS:
        return after
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if len(before) == 2 and before[1] == "of" and before[0] in ADMIN_NOUNS | ADMIN2_NOUNS:
        return before[0]
    return ""


def admin_noun_after(span: Span) -> bool:
    """ "Donetsk region", "Kunduz province", or "the province of Kunduz"."""
    return _admin_noun(span) in ADMIN_NOUNS


def index_candidates(span: Span, keys: tuple[str, ...], places: PlaceGazetteer) -> tuple[str, ...]:
    """The readings of an index match its words allow: a first-level unit where an
    administrative noun follows ("Donetsk region"); else a settlement before a unit of
    a settlement ("Kunduz" the city)."""
    units = tuple(k for k in keys if places.places[k].kind in _UNITS)
    noun = _admin_noun(span)
    if noun:
        # "Sahar district" is the second-level unit, "Saada province" the first-level one.
        wanted = ADMIN2 if noun in ADMIN2_NOUNS else ADMIN1
        return tuple(k for k in units if places.places[k].kind == wanted) or units or keys
    # Bare, a unit's name is the unit only as its full name ("Rif Dimashq"): "Center"
    # is not Israel's Center District; and not where a settlement has that name too
    # ("Najran" the town, not Najran Region).
    said = name_key(span.text)
    if span.text.casefold() in DIRECTION_WORDS:
        return tuple(k for k in keys if k not in units)  # "Northern", Bahrain's unit
    towns = any(k not in units and name_key(places.places[k].label) == said for k in keys)
    return tuple(
        k
        for k in keys
        if k not in units or (not towns and name_key(places.places[k].label) == said)
    )


def after_cue(span: Span) -> bool:
    """ "the town of Kilis", "the city of Kharkiv": a settlement noun and "of" before."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    return doc[span.start - 2].lower_ in _LOCATED_NOUNS


def common_words(nlp: Language) -> frozenset[str]:
    """The words of the language: the lemmatizer's word index (WordNet's nouns, verbs,
    adjectives and adverbs) where the pipeline has one, lowercase."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w for pos in table for w in table[pos])


def is_common_word(span: Span, words: frozenset[str]) -> bool:
    """A word of the language rather than a name: one stop word or one word of ``words``
    ("Center", "War", "Secretary") that the model does not tag as a place."""
    if len(span) != 1:
        return False
    token = span[0]
    entity = _entity_of(span)
    if entity is not None and entity.label_ in _NER_PLACES and not token.is_stop:
        return False  # the model's own place: "Kabul"
    return token.is_stop or token.lower_ in words


def _entity_of(span: Span) -> Span | None:
    """The model's entity that is exactly ``span``, if any."""
    return next((e for e in span.doc.ents if (e.start, e.end) == (span.start, span.end)), None)


def index_place_ok(span: Span, key: str, context: ArticleContext, places: PlaceGazetteer) -> bool:
    """Whether a name found only in the world index is the place ``key`` here.

    Never a people or a group ("Taliban", "Kurds": the model's NORP, or its ORG or PERSON
    outside the article's countries unless a locative puts it there), nor a common word.
    In the country the article is about, a proper noun is enough; in another country with
    places in the article, the name must stand where a place does (the model's GPE/LOC/FAC,
    a locative preposition, "X province"); abroad, it must also be the model's place entity
    (or follow "the town of") and be a town or bigger."""
    labels = {t.ent_type_ for t in span} - {""}
    place = places.places[key]
    entity = _entity_of(span)
    named_place = entity is not None and entity.label_ in _NER_PLACES
    focus = place.country == context.focus or place.kind == "country"
    home = focus or place.country in context.home
    if "NORP" in labels and not (home and place.kind in ("country", "city")):
        return False  # "Kurds", "Druze"; the model's mistakes for a big city pass
    cue = after_cue(span)
    located = is_locative(span) or bool(_admin_noun(span)) or cue
    # The model's organisation or person: a place only where the article is, or where
    # the text puts something in it ("an oil depot in Belgorod").
    people = labels & {"ORG", "PERSON"} and not labels & _NER_PLACES
    if people and not (focus or cue or (home and located)):
        return False
    if focus:
        return True
    if home:
        return named_place or located
    big = place.kind in (ADMIN1, ADMIN2, "city") or places.population(key) >= 10_000
    return big and (named_place or cue) and located


def reconsider(
    span: Span, key: str, found: list[Span], places: PlaceGazetteer, focus: str | None = None
) -> str | None:
    """The key ``span`` stands for in its sentence, or None if it is no place here
    (``focus``: the country the article is about, a place wherever it stands)."""
    doc = span.doc
    place = places.places[key]
    after = doc[span.end] if span.end < len(doc) else None
    dateline = after is not None and after.text == "(" and span.start > 0  # "Dubai, UAE (CNN)"
    if (
        place.kind == "country"
        and place.country != focus
        and not is_locative(span)
        and not (dateline and doc[span.start - 1].text == ",")
        and not (span.start > 0 and doc[span.start - 1].lower_ in DIRECTION_WORDS)
    ):
        return None
    if capital_for_its_government(span, key, places):
        return None
    if (
        place.kind == "site"
        and span[-1].lower_ == "border"
        and after is not None
        and (after.lower_ in _SETTLEMENT_NOUNS)
    ):
        return None  # "the Turkish border town of Kilis" names Kilis
    if place.kind == "region" and place.country and span.start > 0:
        country = places.countries.get(place.country)
        prep = doc[span.start - 1]
        head = prep.head
        if (
            country
            and places.places[country].label.lower() == span[-1].lower_
            and prep.lower_ == "in"
            and (head.lower_ in _LOCATED_NOUNS or any(s.start <= head.i < s.end for s in found))
        ):
            return country  # "the town of Azaz in northern Syria" locates Azaz
    return key


def place_wins(
    place: Span, actor: Span, place_key: str, places: PlaceGazetteer, actors: ActorGazetteer
) -> bool:
    """Decide an overlap between a place and an actor mention."""
    if (place.start_char, place.end_char) != (actor.start_char, actor.end_char):
        return len(place.text) > len(actor.text)
    actor_ref = actors.get(actor.label_)
    kind = places.places[place_key].kind
    if actor_ref is not None and actor_ref.type in STATE_TYPES and kind != "site":
        return not is_subject_like(actor.root)
    return False
