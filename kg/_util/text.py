"""Text folding and keys, one helper each, shared by every stage.

- :func:`fold` strips diacritics and keeps case (names are matched on it);
- :func:`slugify` makes the lowercase ASCII key an IRI is minted from;
- :func:`squash` keeps lowercase letters and digits only (outlet names as written in
  bylines and handles: "Daily Sabah", "dailysabah").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip diacritics: ``fold("Ḩamāh") == "Hamah"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, *, max_length: int = 80) -> str:
    """Return a lowercase ASCII key for ``text``, stable across runs.

    >>> slugify("U.S.-led Coalition / At Tanf (2017)")
    'u-s-led-coalition-at-tanf-2017'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:max_length].strip("-")
    if not slug:  # e.g. Arabic-only names: fall back to a hash of the text
        slug = "h" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return slug


def squash(name: str) -> str:
    """Lowercase letters and digits only: "Daily Sabah" and "dailysabah" are one name.

    >>> squash("Daily Sabah") == squash("dailysabah") == squash("DAILY-SABAH")
    True
    >>> squash("AT&T")
    'atandt'
    """
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))
