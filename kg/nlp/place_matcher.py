"""The gazetteer's place names found in a text, before any context decides between them.

Curated names (``data/places.yaml``) match anywhere, in any case, except that a curated
name of one word must be capitalised ("Hass" the village, not "has"); GeoNames names
match only where the text capitalises them ("Hama", not "hama"). Of overlapping matches
the longest wins, curated before GeoNames at equal length. Possessives written without
the apostrophe ("Syrias main city") name the place.

Example:
    >>> import spacy
    >>> from kg.link.places import load_place_gazetteer
    >>> nlp = spacy.blank("en")
    >>> matcher = PlaceMatcher(nlp.tokenizer, load_place_gazetteer())
    >>> doc = nlp("Jets hit Raqqa, not hama, and Syrias main city.")
    >>> [(doc.text[m.start_char : m.end_char], m.values) for m in matcher(doc)]
    [('Raqqa', ('geonames-172955',)), ('Syria', ('geonames-163843',))]
"""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from kg.link.places import PlaceGazetteer
from kg.nlp.matcher import Match, PieceMatcher, fold
from kg.nlp.rules import load_rules

# Lowercase particles that start transliterated Arabic names ("al-Tanf", "ar-Raqqa").
_PARTICLES = frozenset({"al", "el", "ar", "as", "ad", "at", "ash", "an", "az", "ad-", "al-"})


class PlaceMatcher:
    """Matches of the gazetteer's names, each with the keys of the places it may name."""

    def __init__(self, tokenizer: Tokenizer, places: PlaceGazetteer) -> None:
        synonyms = load_rules().piece_synonyms
        self.curated: PieceMatcher[str] = PieceMatcher(tokenizer, synonyms)
        self.geonames: PieceMatcher[str] = PieceMatcher(tokenizer, synonyms)
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

    def __call__(self, doc: Doc) -> list[Match[str]]:
        """The matches in ``doc``, without overlaps, in text order."""
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
