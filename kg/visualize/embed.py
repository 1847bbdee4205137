r"""Text made safe to put inside a page's ``<script>`` and ``<style>`` elements.

Both pages (:mod:`kg.visualize.network_html`, :mod:`kg.visualize.map_html`) inline their
libraries and data; nothing inlined may close its element early or open an HTML comment.

Example:
    >>> json_for_html({"label": "</script>", "n": 1})
    '{"label":"\\u003c/script\\u003e","n":1}'
    >>> script_text("a = '</script>';"), style_text("b::after { content: '</style>' }")
    ("a = '<\\/script>';", "b::after { content: '<\\/style>' }")
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["json_for_html", "script_text", "style_text"]


def json_for_html(obj: Any) -> str:
    """Serialise deterministically and make it safe inside a ``<script>`` element."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, esc in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, esc)
    return text


def script_text(js: str) -> str:
    """JavaScript source that cannot end its ``<script>`` element or start a comment."""
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def style_text(css: str) -> str:
    """A stylesheet that cannot end its ``<style>`` element."""
    return css.replace("</style", "<\\/style")
