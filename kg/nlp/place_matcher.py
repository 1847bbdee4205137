"""The gazetteer's place names found in a text, before any context decides between them.

Curated names (``data/places.yaml``) match anywhere, in any case, except that a curated
name of one word must be capitalised ("Hass" the village, not "has"). The world index
(:mod:`kg.link.gazetteer_index`, ~490,000 places) is too big for a phrase matcher: the
capitalised word sequences of the text ("Deir ez-Zor", "Kunduz", "al-Bab") are looked up
in it instead, one query per document; those matches are :class:`IndexMatch` es, which the
place ruler accepts only in a place's context. Of overlapping matches the longest wins,
curated before the index at equal length. Possessives written without the apostrophe
("Syrias main city") name the place when it is a country or a city.

Example:
    >>> import spacy
    >>> from kg.link.places import load_place_gazetteer
    >>> nlp = spacy.blank("en")
    >>> matcher = PlaceMatcher(nlp.tokenizer, load_place_gazetteer())
    >>> doc = nlp("Jets hit Raqqa, not hama, and Syrias main city.")
    >>> [(doc.text[m.start_char : m.end_char], m.values[0]) for m in matcher(doc)]
    [('Raqqa', 'geonames-172955'), ('Syria', 'geonames-163843')]
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from kg.link.places import PlaceGazetteer
from kg.nlp.matcher import Match, PieceMatcher
from kg.nlp.rules import load_rules

# Lowercase particles inside (or, before a hyphen, at the start of) transliterated names:
# "al-Tanf", "Deir ez-Zor", "Ras al Ain", "Bab el Hawa".
_PARTICLES = frozenset(
    {"al", "el", "ar", "as", "ad", "at", "ash", "an", "az", "ez", "es", "ed", "et", "ul",
     "de", "del", "di", "da", "du", "la", "le", "bin", "ibn"}
)  # fmt: skip
_JOINERS = frozenset({"-", "'", "’"})
_MAX_TOKENS = 6
_POSSESSIVE_KINDS = frozenset({"country", "city"})
_DATELINE_KINDS = frozenset({"country", "city", "admin1"})


@dataclass(frozen=True)
class IndexMatch(Match[str]):
    """A match of a name of the world index (not of ``data/places.yaml``); ``dateline``:
    a city written in capitals before its outlet, "MOSCOW (Sputnik)"."""

    dateline: bool = False


def _dateline(doc: Doc, i: int, j: int) -> bool:
    """ "MOSCOW (Sputnik)", "DEIR EZ-ZOR (AFP)": capitals, then an outlet in brackets."""
    return (
        j + 2 < len(doc)
        and doc[j].text == "("
        and doc[j + 1].text[:1].isalpha()
        and all(t.text.isupper() or t.text == "-" for t in doc[i:j])
        and len(doc[i:j].text) >= 4
    )


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and not (len(text) > 1 and text.isupper())


class PlaceMatcher:
    """Matches of the gazetteer's names, each with the keys of the places it may name."""

    def __init__(self, tokenizer: Tokenizer, places: PlaceGazetteer) -> None:
        synonyms = load_rules().piece_synonyms
        self.places = places
        self.curated: PieceMatcher[str] = PieceMatcher(tokenizer, synonyms)
        for alias, keys in places.aliases.items():
            for key in keys:
                # Curated names are written with care; match them in any case.
                self.curated.add(alias, key, case_sensitive=False)

    def __call__(self, doc: Doc) -> list[Match[str]]:
        """The matches in ``doc``, without overlaps, in text order."""
        capitalised = {t.i for t in doc if t.text[:1].isupper() or t.lower_ in _PARTICLES}
        # Curated names of one word must be capitalised too: "Hass" the village, not "has".
        found: list[Match[str]] = [
            m for m in self.curated(doc) if m.end - m.start > 1 or m.start in capitalised
        ]
        found += self._index_matches(doc)
        # Longest first, curated before the index at equal length; then drop overlaps.
        found.sort(
            key=lambda m: (-(m.end_char - m.start_char), isinstance(m, IndexMatch), m.start_char)
        )
        kept: list[Match[str]] = []
        taken: set[int] = set()
        for match in found:
            chars = set(range(match.start_char, match.end_char))
            if chars & taken:
                continue
            taken |= chars
            kept.append(match)
        return sorted(kept, key=lambda m: m.start_char)

    def spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of capitalised word sequences that may be names."""
        out = []
        sentence_starts = doc.has_annotation("SENT_START")
        for i, tok in enumerate(doc):
            starts = _capitalised(tok.text) or (
                tok.lower_ in _PARTICLES
                and i + 2 < len(doc)
                and doc[i + 1].text == "-"
                and _capitalised(doc[i + 2].text)
            )
            if not starts and tok.text.isupper() and tok.is_alpha:
                out.extend(
                    (i, j) for j in range(i + 1, min(len(doc), i + 3) + 1) if _dateline(doc, i, j)
                )
            if not starts or not tok.is_alpha and not tok.text[:1].isalpha():
                continue
            for j in range(i + 1, min(len(doc), i + _MAX_TOKENS) + 1):
                last = doc[j - 1]
                if j - 1 > i:
                    if sentence_starts and last.is_sent_start:
                        break
                    if not (
                        _capitalised(last.text)
                        or last.lower_ in _PARTICLES
                        or last.text in _JOINERS
                    ):
                        break
                if _capitalised(last.text) and last.text[:1].isalpha():
                    out.append((i, j))
        return out

    def _index_matches(self, doc: Doc) -> list[Match[str]]:
        spans = self.spans(doc)
        texts = {(i, j): doc[i:j].text for i, j in spans}
        possessive = {
            (i, j): text[:-1]
            for (i, j), text in texts.items()
            if j == i + 1
            and len(text) >= 5
            and text.endswith("s")
            and not text.endswith("ss")
            and doc[i].ent_type_ not in ("ORG", "NORP")  # "Hamas" the movement
        }
        found = self.places.lookup([*texts.values(), *possessive.values()])
        out: list[Match[str]] = []
        for (i, j), text in texts.items():
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            if text.isupper():
                keys = [
                    k for k in found.get(text, []) if self.places.places[k].kind in _DATELINE_KINDS
                ]
                if keys:
                    out.append(IndexMatch(i, j, start, end, tuple(keys), text, dateline=True))
                continue
            if text in found:
                out.append(IndexMatch(i, j, start, end, tuple(found[text]), text))
                continue
            stem = possessive.get((i, j))
            keys = [
                k
                for k in found.get(stem or "", [])
                if (p := self.places.get(k)) is not None
                and (p.kind in _POSSESSIVE_KINDS or k in self.places.curated)
            ]
            if keys:
                out.append(IndexMatch(i, j, start, end - 1, tuple(keys), stem or ""))
        return out
