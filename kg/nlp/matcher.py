"""A longest-match phrase matcher that is robust to how news text is written.

spaCy's ``PhraseMatcher`` compares whole tokens, so "U.S.-led coalition", "US-led
coalition" and "US led coalition" (one, two or three tokens) do not match one pattern,
and a quote inside a phrase ("'pro-Syrian' government forces") breaks it. This matcher
compares *pieces* instead: each token is split at hyphens, slashes and apostrophes,
dots and quotes are dropped, diacritics are folded and case is ignored, so all of the
forms above give the same pieces. Patterns written in capitals ("US", "IS", "WHO")
match case-sensitively, so that "us" and "who" do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from spacy.tokens import Doc

from kg._util.text import fold
from kg.nlp.docs import cached

T = TypeVar("T")

_SPLIT = re.compile(r"[-/'‘’`´\u2010-\u2015]+")
_DROP = re.compile(r"[.\"“”„«»()\[\]]")
_QUOTES = frozenset("'\"‘’“”`´«»„")


@lru_cache(maxsize=65536)
def split_pieces(text: str) -> tuple[tuple[str, int, int], ...]:
    """Split one token's text into ``(piece, start, end)`` with offsets into ``text``.

    >>> [p for p, _, _ in split_pieces("U.S.-led")]
    ['US', 'led']
    """
    pieces = []
    pos = 0
    for part in _SPLIT.split(text):
        start = text.index(part, pos) if part else pos
        pos = start + len(part)
        cleaned = _DROP.sub("", fold(part))
        if cleaned:
            pieces.append((cleaned, start, pos))
    return tuple(pieces)


@lru_cache(maxsize=65536)
def is_case_sensitive(pattern: str) -> bool:
    """A pattern written all in capitals (with at least two letters) matches case-sensitively."""
    letters = [c for c in pattern if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Match(Generic[T]):
    """A match of a pattern: token range ``[start, end)`` and character range."""

    start: int
    end: int
    start_char: int
    end_char: int
    values: tuple[T, ...]
    pattern: str


class _Node:
    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # (value, pieces that must match case-sensitively (None: any case), pattern text)
        self.values: list[tuple[object, tuple[str | None, ...] | None, str]] = []


class PieceMatcher(Generic[T]):
    """Find the longest pattern matches in a ``Doc``, left to right, without overlaps.

    ``tokenizer`` splits patterns the same way as texts (pass ``nlp.tokenizer``).
    ``synonyms`` maps a lowercase piece to the piece it stands for ("govt" ->
    "government").
    """

    def __init__(
        self,
        tokenizer,  # noqa: ANN001 - a spaCy tokenizer or pipeline
        synonyms: dict[str, str] | None = None,
        *,
        attr: str = "text",
    ) -> None:
        self._tokenizer = tokenizer
        self._attr = attr
        self._root = _Node()
        self._synonyms = {k.lower(): v.lower() for k, v in (synonyms or {}).items()}
        self.size = 0
        self._chunks: dict[str, list[str]] = {}

    def _pieces_of_text(self, text: str) -> list[str]:
        # The tokenizer splits at whitespace first and each chunk on its own, so chunks
        # are tokenized once: the generated phrases ("Malian troops", "Malian army")
        # share them.
        pieces: list[str] = []
        for chunk in text.split():
            known = self._chunks.get(chunk)
            if known is None:
                known = [p for tok in self._tokenizer(chunk) for p, _, _ in split_pieces(tok.text)]
                self._chunks[chunk] = known
            pieces.extend(known)
        return pieces

    def _key(self, piece: str) -> str:
        low = piece.lower()
        return self._synonyms.get(low, low)

    def add(self, pattern: str, value: T, *, case_sensitive: bool | None = None) -> None:
        """Add ``pattern`` with ``value``; several values may share one pattern."""
        pieces = self._pieces_of_text(pattern)
        if not pieces:
            return
        if case_sensitive is None:
            # Pieces written in capitals ("US" in "US forces") match case-sensitively.
            kept = tuple(p if is_case_sensitive(p) else None for p in pieces)
        else:
            kept = tuple(pieces) if case_sensitive else tuple(None for _ in pieces)
        node = self._root
        for piece in pieces:
            node = node.children.setdefault(self._key(piece), _Node())
        original = kept if any(k is not None for k in kept) else None
        if all(v is not value or o != original for v, o, _ in node.values):
            node.values.append((value, original, pattern))
            self.size += 1

    def _doc_pieces(self, doc: Doc) -> list[tuple[str, int, int, int]]:
        """Pieces of the doc as ``(piece, token index, start char, end char)``, computed
        once per doc for all the matchers that read the same attribute."""
        return cached(doc, f"pieces-{self._attr}", self._compute_doc_pieces)

    def _compute_doc_pieces(self, doc: Doc) -> list[tuple[str, int, int, int]]:
        out = []
        for tok in doc:
            if tok.is_space or (len(tok.text) == 1 and tok.text in _QUOTES):
                continue
            if self._attr == "lemma":
                # Lemmas have no offsets inside the token: pieces share the token's span.
                for piece, _, _ in split_pieces(token_lemma(tok)):
                    out.append((piece, tok.i, tok.idx, tok.idx + len(tok.text)))
                continue
            for piece, start, end in split_pieces(tok.text):
                out.append((piece, tok.i, tok.idx + start, tok.idx + end))
        return out

    def __call__(self, doc: Doc, *, allowed: set[int] | None = None) -> list[Match[T]]:
        """Return the longest non-overlapping matches in ``doc``.

        ``allowed`` limits where a match may start (token indices), e.g. to capitalised
        tokens for place names.
        """
        pieces = self._doc_pieces(doc)
        matches: list[Match[T]] = []
        i = 0
        while i < len(pieces):
            best = None
            if allowed is None or pieces[i][1] in allowed:
                best = self._longest_at(pieces, i)
            if best is None:
                i += 1
                continue
            j, values, pattern = best
            start_tok, end_tok = pieces[i][1], pieces[j - 1][1] + 1
            matches.append(
                Match(start_tok, end_tok, pieces[i][2], pieces[j - 1][3], values, pattern)
            )
            i = j
        return matches

    def _longest_at(self, pieces, i: int):  # noqa: ANN001, ANN202
        node = self._root
        best = None
        j = i
        while j < len(pieces):
            child = node.children.get(self._key(pieces[j][0]))
            if child is None:
                break
            node = child
            j += 1
            if node.values:
                originals = tuple(p[0] for p in pieces[i:j])
                values = tuple(
                    v
                    for v, o, _ in node.values
                    if o is None
                    or all(k is None or k == t for k, t in zip(o, originals, strict=True))
                )
                if values:
                    best = (j, values, node.values[0][2])
        if best is None:
            return None
        return best

    def patterns(self) -> Iterator[str]:
        """Yield every pattern added (for debugging and tests)."""
        stack = [self._root]
        while stack:
            node = stack.pop()
            yield from (p for _, _, p in node.values)
            stack.extend(node.children.values())


_CALENDAR = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def token_lemma(tok) -> str:  # noqa: ANN001 - a spaCy Token
    """The token's lemma, lowercased; capitalised words in headlines (tagged as proper
    nouns, so not lemmatised) get a rough suffix-stripped form instead."""
    if tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ == "" and tok.lower_ not in _CALENDAR:
        low = tok.lower_
        for suffix, repl in _SUFFIXES:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                return low[: len(low) - len(suffix)] + repl
        return low
    return tok.lemma_.lower()


def alias_variants(alias: str) -> Iterable[str]:
    """Yield ``alias`` and the forms text writes it in: the simple singular/plural of a
    common noun ("rebels" <-> "rebel"), and the possessive of a name whose apostrophe was
    lost ("Al-Qaedas", "SANAs correspondent").

    >>> list(alias_variants("rebels")), list(alias_variants("Al-Qaeda"))
    (['rebels', 'rebel'], ['Al-Qaeda', 'Al-Qaedas'])
    """
    yield alias
    head = alias.rsplit(" ", 1)[-1]
    if not head[-1:].isalpha():
        return
    if head[:1].isupper():
        if len(head) >= 3 and not head.lower().endswith("s"):
            yield alias + "s"
        return
    if is_case_sensitive(alias) or len(head) < 4 or not head.islower():
        return
    if head.endswith("ies"):
        yield alias[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss"):
        yield alias[:-1]
    elif head.endswith("y"):
        yield alias[:-1] + "ies"
    else:
        yield alias + "s"
