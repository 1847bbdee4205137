"""What every reader shares: article keys and decoding bytes as text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from kg.errors import InputError


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


def read_bytes(path: Path) -> bytes:
    """Read a file, raising InputError naming it if it is missing or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def decode(path: Path, raw: bytes) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: looks like a binary file, not text", hint="pass text files")
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Latin-1 never fails; Windows-1252 is its usual superset in scraped news.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
