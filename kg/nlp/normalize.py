"""Text normalisation that keeps every character offset.

News text carries non-breaking spaces, curly quotes and dashes that spaCy's English
tokenizer and parser handle worse than their ASCII forms. Each is replaced by one ASCII
character, so the normalised text has the same length and every offset found in it
points at the same place in the original.
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": "-",  # soft hyphen: keep the length, read as a hyphen
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",
        # control characters (not tab, line feed, carriage return): scraper debris
        **{chr(c): " " for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))},
        **{chr(c): " " for c in range(0x7F, 0xA0)},
    }
)


def normalize_text(text: str) -> str:
    """Return ``text`` with typographic characters replaced one-for-one.

    >>> normalize_text("Assad\u2019s\u00a0forces \u2013 \u201cclose\u201d")
    'Assad\\'s forces - "close"'
    >>> len(normalize_text("\u2018a\u2019")) == len("\u2018a\u2019")
    True
    >>> normalize_text("army\x01\x1b[31m shelled")
    'army  [31m shelled'
    """
    return text.translate(_TABLE)
