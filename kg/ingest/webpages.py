"""Articles saved as HTML: the text a reader sees, without markup, scripts or styles.

Scrapers often save the page instead of its text, whatever the file is called. A text
file or a table cell whose content starts with an HTML tag (or holds several) is read
this way too. The article text is the page's text as extracted here — the title, a blank
line, then one paragraph per block element — and every character offset points into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# Elements whose content is never article text.
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
     "button", "head", "nav", "form"}
)  # fmt: skip
# Elements that end a paragraph.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
     "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "body", "html"}
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "source"})
_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p|h[1-6]|section|main"
    r"|meta|title|table|span|a|ul)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = re.compile(
    r"</(?:p|div|span|a|li|h[1-6]|td|script|style|b|i|strong|em)\s*>|<br\s*/?>", re.IGNORECASE
)
_META = {
    "date": ("article:published_time", "datepublished", "date", "pubdate", "dc.date",
             "publish-date", "og:article:published_time"),
    "publisher": ("og:site_name", "publisher", "dc.publisher"),
    "url": ("og:url",),
}  # fmt: skip


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML: it starts with a tag, or holds three or more closing tags.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Troops entered Raqqa.")
    (True, False)
    >>> looks_like_html("Rebels <b>took</b> the <i>base</i> at <a>Tabqa</a>")
    True
    """
    head = text[:4096]
    return bool(_START.match(head)) or len(_TAGS.findall(head)) >= 3


@dataclass
class Page:
    """What :func:`html_to_text` reads from a page."""

    text: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # date, publisher, url when given


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.skipping: list[str] = []
        self.in_title = False
        self.in_pre = 0

    def _end_block(self) -> None:
        text = "".join(self.current)
        if not self.in_pre:  # source whitespace is one space; <br> breaks the line
            text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        if text.strip():
            self.blocks.append(text.strip("\n"))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link" and (dict(attrs).get("rel") or "").lower() == "canonical":
            self.meta.setdefault("url", dict(attrs).get("href") or "")
        if tag in _SKIP and tag not in _VOID:
            self.skipping.append(tag)
        elif tag == "br":
            self.current.append("\n")
        elif tag in _BLOCKS and not self.skipping:
            self._end_block()
            self.in_pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping:
            if tag in self.skipping:  # tolerate unclosed elements inside
                del self.skipping[self.skipping.index(tag) :]
            return
        if tag in _BLOCKS:
            self._end_block()
            self.in_pre -= tag == "pre" and self.in_pre > 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data if self.in_pre else re.sub(r"\s+", " ", data))

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip()
        for name, keys in _META.items():
            if key in keys and content:
                self.meta.setdefault(name, content)


def html_to_text(html: str) -> Page:
    """The text of an HTML page: its title, a blank line, then a paragraph per block.

    >>> page = html_to_text(
    ...     "<html><head><title>Strike</title><script>var x = 1;</script>"
    ...     "<style>p {}</style></head><body><p>Jets hit  <b>Douma</b>.</p>"
    ...     "<div>Five died.<br>Caf&eacute;</div></body></html>"
    ... )
    >>> page.title, page.text
    ('Strike', 'Strike\\n\\nJets hit Douma.\\n\\nFive died.\\nCafé')
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._end_block()
    body = "\n\n".join(parser.blocks)
    title = " ".join("".join(parser.title).split()) or None
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}" if body else title
    meta = {k: v for k, v in parser.meta.items() if v}
    return Page(text=body, title=title, meta=meta)
