"""Numbers written in digits or words ("31", "1,200", "three", "two dozen")."""

from __future__ import annotations

import re

from spacy.tokens import Token

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def parse_word_number(text: str) -> int | None:
    """Parse a number written in digits or English words.

    >>> parse_word_number("1,200"), parse_word_number("three"), parse_word_number("twenty-five")
    (1200, 3, 25)
    """
    text = text.strip().lower()
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    if text in _WORDS:
        return _WORDS[text]
    parts = re.split(r"[-\s]+", text)
    if len(parts) == 2 and parts[0] in _WORDS and parts[1] in _WORDS:
        a, b = _WORDS[parts[0]], _WORDS[parts[1]]
        return a + b if a >= 20 and b < 10 else a * b if b in (100, 12) else None
    return None


def parse_number(token: Token) -> int | None:
    """The value of a number token, or ``None`` if it is not one (years are not counts)."""
    if not token.like_num and token.pos_ != "NUM":
        return None
    value = parse_word_number(token.text)
    if value is None or (token.ent_type_ == "DATE"):
        return None
    return value
