"""What every reader shares: article keys, and decoding bytes as text.

Decoding never guesses silently: a file is UTF-8 (with or without BOM), UTF-16 (with a
BOM, or without one when every other byte of ASCII text is NUL), or else Windows-1252 —
the usual superset of Latin-1 in scraped news — and Latin-1 for the five bytes
Windows-1252 leaves undefined. A file is refused as binary when it starts with the
signature of a known binary format, or when more than :data:`BINARY_SHARE` of its first
bytes are control bytes that no text holds; a stray NUL in text (scraper debris) is not
enough, and is removed by :func:`strip_nul` with a warning.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

#: Bytes read to tell text from binary.
SNIFF_BYTES = 8192
#: Share of control bytes (other than tab, line and page breaks, escape) above which a
#: file is binary (with at least three of them): random or compressed data has about 11%,
#: text next to none.
BINARY_SHARE = 0.05

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip file"),
    (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_bytes(path: Path) -> bytes:
    """Read a file, raising InputError naming it if it is missing or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when ``sample`` looks like BOM-less UTF-16 text (NUL in
    most odd or most even bytes, as in Latin-script text, and in few of the others), else
    None."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def binary_kind(raw: bytes) -> str | None:
    """What binary data ``raw`` looks like ("a PDF file", "a binary file"), or None for text.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"Shelling in Homs\\x00."), binary_kind(bytes(64))
    ('a PDF file', None, 'a binary file')
    """
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return kind
    sample = raw[:SNIFF_BYTES]
    if not sample or sample.startswith(_BOMS) or _utf16_without_bom(sample):
        return None
    controls = sum(1 for byte in sample if byte in _CONTROL)
    binary = controls > BINARY_SHARE * len(sample) and controls >= 3
    return "a binary file" if binary else None


def decode(path: Path, raw: bytes, *, table: bool = False) -> str:
    """Decode a file's bytes (see the module docstring); raise InputError naming the file
    if it is binary or a UTF-16 file does not decode.

    A ``table`` is judged by its first line, the header: debris in one row must not cost
    the other rows (each row is then read, or refused, on its own).
    """
    newline = raw.find(b"\n", 0, SNIFF_BYTES)
    kind = binary_kind(raw[: newline + 1] if table and newline > 0 else raw)
    if kind is not None:
        raise InputError(
            f"{path}: looks like {kind}, not text",
            hint="pass text, HTML, CSV, TSV or JSON Lines files (convert other formats first)",
        )
    utf16 = "utf-16" if raw.startswith(_BOMS) else _utf16_without_bom(raw[:SNIFF_BYTES])
    if utf16:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: not valid UTF-16 at byte {exc.start} ({exc.reason})",
                hint="save the file again as UTF-8",
            ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Windows-1252 is Latin-1's usual superset in scraped news; the five bytes it leaves
    # undefined are read as Latin-1.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def strip_nul(text: str, where: str, warnings: list[str] | None) -> str:
    """``text`` without NUL characters (scraper debris that many tools refuse), with a
    warning naming ``where`` when there were any.

    >>> notes = []
    >>> strip_nul("Syrian army\\x00 shelled", "a.csv:row 1", notes), notes
    ('Syrian army shelled', ['a.csv:row 1: 1 NUL character removed'])
    """
    count = text.count("\x00")
    if not count:
        return text
    if warnings is not None:
        plural = "s" if count > 1 else ""
        warnings.append(f"{where}: {count} NUL character{plural} removed")
    return text.replace("\x00", "")
