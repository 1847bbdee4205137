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

from spacy.tokens import Span

from kg.link.actors import ActorGazetteer
from kg.link.places import PlaceGazetteer
from kg.nlp.actor_ruler import is_subject_like
from kg.nlp.matcher import Match

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
    """Countries and governorates of the unambiguous places of the document."""
    countries: set[str] = set()
    governorates: set[str] = set()
    for match in matches:
        refs = [places.places[k] for k in match.values]
        if len({r.country for r in refs}) == 1 and refs[0].country:
            countries.add(refs[0].country)
        if len(refs) == 1 and refs[0].in_governorate:
            governorates.add(refs[0].in_governorate)
    return countries, governorates


def reconsider(span: Span, key: str, found: list[Span], places: PlaceGazetteer) -> str | None:
    """The key ``span`` stands for in its sentence, or None if it is no place here."""
    doc = span.doc
    place = places.places[key]
    after = doc[span.end] if span.end < len(doc) else None
    if place.kind == "country" and place.country != places.focus_country and not is_locative(span):
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
