"""spaCy component ``kg_layout``: page furniture, datelines and publisher lines.

Photo credits, copyright lines, "read more" links and datelines ("Wed 05 Apr 2017",
"Posted on August 3 2016 by Jordan Dakamseh") are not reporting: their character ranges
go to ``doc._.kg_skip`` and later components ignore matches inside them. Of a line that
opens with a dateline only the dateline is skipped. A line such as "Source: Sputnik
International" names the publisher (``doc._.kg_publisher``).

Scraped pages also glue furniture into a paragraph without punctuation: share counters
("Get short URL 0 110"), tag lists ("Tags Syria Aleppo regime forces") and headlines of
other articles ("Related ...", "READ MORE ..."). :func:`furniture` finds those ranges and
:func:`repeated_title` the headline a page prints again at the top of the body;
``kg_sentences`` ends a sentence on each side of both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg._util.yaml import load_text_rules
from kg.errors import DataError
from kg.ingest.datelines import DatelineRules, iter_datelines, load_dateline_rules
from kg.nlp.docs import doc_text
from kg.nlp.rules import Rules, load_rules
from kg.resources import data_path

Doc.set_extension("kg_skip", default=(), force=True)
Doc.set_extension("kg_publisher", default=None, force=True)
# Set by ``kg_sentences`` (which needs them before the parser) for later components:
# where the title is repeated, and the dateline and furniture ranges.
Doc.set_extension("kg_title_repeats", default=None, force=True)
Doc.set_extension("kg_page_furniture", default=None, force=True)

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_]+")
_TITLE_WINDOW = 300  # the title is repeated within this many characters of the body
_MIN_TITLE_WORDS = 4
_VERB_REACH = 6  # lowercase words between a capitalised subject and its verb
_HEADLINE_VERB_REACH = 20  # words between the start of a report and its verb
_HEADLINE_SEPARATORS = frozenset({"|", "-", "--", ":"})
_FINAL = frozenset(".!?")
# lowercase words that a list of tags only holds inside names
_FUNCTION_TAGS = frozenset({"IN", "DT", "CC", "TO", "WDT", "PRP", "PRP$", "MD"})


@dataclass(frozen=True)
class FurnitureRules:
    """The in-paragraph furniture rules of ``data/text_rules.yaml``, compiled."""

    inline: tuple[re.Pattern[str], ...]
    word_lists: tuple[re.Pattern[str], ...]
    headline_lists: tuple[re.Pattern[str], ...]
    end_tags: frozenset[str]
    auxiliaries: frozenset[str]


def _compiled(raws: object, key: str, path: Path) -> tuple[re.Pattern[str], ...]:
    if raws is None:
        return ()
    if not isinstance(raws, list):
        raise DataError(f"{path}: '{key}' must be a list of regular expressions")
    try:
        return tuple(re.compile(str(raw), re.MULTILINE) for raw in raws)
    except re.error as exc:
        raise DataError(f"{path}: bad regular expression in '{key}': {exc}") from None


@cache
def load_furniture_rules(text_rules_path: str | None = None) -> FurnitureRules:
    """Load and check the furniture patterns of ``data/text_rules.yaml`` (cached)."""
    path = Path(text_rules_path) if text_rules_path else data_path("text_rules.yaml")
    data = load_text_rules(text_rules_path)
    headers = data.get("list_headers") or {}
    if not isinstance(headers, dict) or set(headers) - {"words", "headlines"}:
        raise DataError(f"{path}: 'list_headers' must map 'words' and 'headlines' to lists")
    return FurnitureRules(
        inline=_compiled(data.get("inline_skip_patterns"), "inline_skip_patterns", path),
        word_lists=_compiled(headers.get("words"), "list_headers.words", path),
        headline_lists=_compiled(headers.get("headlines"), "list_headers.headlines", path),
        end_tags=frozenset(str(t) for t in data.get("list_end_tags") or ()),
        auxiliaries=frozenset(str(w).lower() for w in data.get("list_end_auxiliaries") or ()),
    )


def title_repeats(text: str) -> list[tuple[int, int]]:
    """Every place near the start of the body that repeats the title (see
    :func:`repeated_title`); some pages print it twice, around a list of links."""
    line_end = text.find("\n")
    if line_end == -1:
        return []
    words = _WORD.findall(text[:line_end])
    body = line_end + 1
    while body < len(text) and text[body].isspace():
        body += 1
    head = text[body : body + line_end + _TITLE_WINDOW]
    if "\n" in head:
        head = head[: head.index("\n")]
    n = len(words)
    if n < _MIN_TITLE_WORDS:
        return []
    # Whole words in order, anything but letters and digits between them, case ignored.
    words = [w.lower() for w in words]
    found = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(head)]
    head_words = [w for w, _, _ in found]
    shortest = max(_MIN_TITLE_WORDS, (n + 1) // 2)
    for first in range(min(3, n - shortest + 1)):
        for last in range(n, first + shortest - 1, -1):
            wanted, size = words[first:last], last - first
            repeats = []
            i = 0
            while i + size <= len(head_words):
                if head_words[i : i + size] == wanted:
                    repeats.append((body + found[i][1], body + found[i + size - 1][2]))
                    i += size
                else:
                    i += 1
            if repeats:
                return repeats
    return []


def repeated_title(text: str) -> tuple[int, int] | None:
    """Where the body repeats the title (the text's first line), if it does near its start.

    Pages print the headline again after the dateline, glued to the first sentence. The
    words must match in order (punctuation may differ); the title may lose a few words at
    either end ("title: ...", "... | Jordan Times").

    >>> text = "Six Killed in Aleppo Bombing\\n\\nPosted on April 19 2017 Six Killed in Aleppo "
    >>> text += "Bombing Six people were killed"
    >>> start, end = repeated_title(text)
    >>> text[start:end]
    'Six Killed in Aleppo Bombing'
    """
    found = title_repeats(text)
    return found[0] if found else None


def _first_token(doc: Doc, char: int) -> Token | None:
    """The first non-space token that starts at or after ``char``."""
    for token in doc:
        if token.idx >= char and not token.is_space:
            return token
    return None


def _separates(token: Token) -> bool:
    """A mark between two headlines: "|", or a dash standing free (not "rebel-held")."""
    if token.text not in _HEADLINE_SEPARATORS:
        return False
    return token.text == "|" or bool(token.whitespace_)


def _next_tag(doc: Doc, token: Token) -> str:
    return doc[token.i + 1].tag_ if token.i + 1 < len(doc) else ""


def _opens_clause(doc: Doc, token: Token, rules: FurnitureRules, headlines: bool) -> bool:
    """A capitalised word that starts a sentence of the body rather than a list item."""
    if not token.is_title:
        return False
    following = [t for t in doc[token.i + 1 : token.i + 5] if t.is_alpha]
    lowercase = sum(t.is_lower for t in following)
    if (token.tag_ in rules.end_tags or token.like_num) and lowercase >= 1:
        if not headlines:
            return True
        if token.i == 0 or not _separates(doc[token.i - 1]):
            # headlines tell news in the present tense: a past tense opens a report
            for other in doc[token.i + 1 : token.i + 1 + _HEADLINE_VERB_REACH]:
                if other.text in _FINAL or _separates(other):
                    break
                if other.is_lower and (
                    other.tag_ == "VBD"
                    or (other.lower_ in rules.auxiliaries and _next_tag(doc, other) == "VBN")
                ):
                    return True
    if headlines:
        return False  # headlines have verbs of their own
    # "Syrian troops and pro-government gunmen repelled": a noun phrase, then a verb
    for other in doc[token.i + 1 : token.i + 2 + _VERB_REACH]:
        if other.is_space or "\n" in other.whitespace_:
            return False
        if other.is_lower and (other.tag_ in ("VBD", "MD") or other.lower_ in rules.auxiliaries):
            return True
        if not (other.is_lower or other.is_punct) or other.tag_ in ("IN", "WDT", "VBG"):
            return False
    return False


def _leaves_names(doc: Doc, token: Token) -> bool:
    """A lowercase function word that is not inside a name ("Observatory for Human Rights")."""
    if not token.is_lower or token.tag_ not in _FUNCTION_TAGS:
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return not (before is not None and before.is_title and after is not None and after.is_title)


def _subject_start(doc: Doc, token: Token) -> Token | None:
    """The capitalised word that opens the noun phrase before ``token`` (and a capitalised
    adjective before it: "Intense Syrian regime bombardment on ...")."""
    i = token.i - 1
    while i >= 0 and (doc[i].is_lower or doc[i].is_punct) and not doc[i].is_space:
        i -= 1
    if i < 0 or not doc[i].is_title or doc[i].is_space:
        return None
    if i > 0 and doc[i - 1].is_title and doc[i - 1].tag_ == "JJ":
        i -= 1
    return doc[i]


def _list_end(
    doc: Doc, header_end: int, limit: int, rules: FurnitureRules, headlines: bool
) -> int | None:
    """Where the list after a header ends, or None if no end can be told."""
    start = _first_token(doc, header_end)
    if start is None or start.idx >= limit:
        return limit
    verb_seen = False
    for token in doc[start.i :]:
        if token.idx >= limit:
            return limit
        if "\n" in token.text:
            return token.idx
        if token.i > start.i and _opens_clause(doc, token, rules, headlines):
            return token.idx
        if not headlines and _leaves_names(doc, token):
            # "Russia Airstrikes in opposition areas": the body began at the noun phrase
            # before the first function word that is not part of a name
            subject = _subject_start(doc, token)
            return subject.idx if subject is not None and subject.i > start.i else None
        if token.text == "." or (token.text in _FINAL and not headlines):
            # a tag list with no verb ends at a full stop; a headline list never does
            return token.idx + 1 if not (headlines or verb_seen) else None
        if token.is_lower and (token.tag_ in ("VBD", "MD") or token.lower_ in rules.auxiliaries):
            verb_seen = True
    return len(doc_text(doc))


def _inline(text: str, rules: FurnitureRules) -> Iterator[tuple[int, int]]:
    for pattern in rules.inline:
        for found in pattern.finditer(text):
            if found.end() > found.start() and "\n" not in found.group():
                yield found.start(), found.end()


def furniture(doc: Doc, rules: FurnitureRules | None = None) -> list[tuple[int, int]]:
    """The character ranges of furniture glued into paragraphs: inline patterns, and tag and
    headline lists up to where the body resumes (only the header where that is unclear).

    Uses the tagger's part-of-speech tags where the pipeline has them.
    """
    rules = load_furniture_rules() if rules is None else rules
    text = doc_text(doc)
    fixed = sorted(_inline(text, rules))
    repeats = doc._.kg_title_repeats
    if repeats is None:  # no kg_sentences in this pipeline
        repeats = title_repeats(text)
    stops = sorted([a for a, _ in fixed] + [a for a, _ in repeats])
    headers = sorted(
        (found.start(), found.end(), headlines)
        for headlines, patterns in ((False, rules.word_lists), (True, rules.headline_lists))
        for pattern in patterns
        for found in pattern.finditer(text)
    )
    header_starts = [a for a, _, _ in headers]
    ranges = list(fixed)
    for start, end, headlines in headers:
        if any(a <= start < b for a, b in ranges):
            continue
        following = [s for s in stops + header_starts if s >= end]
        line_end = text.find("\n", end)
        limit = min(following + [len(text) if line_end == -1 else line_end])
        list_end = _list_end(doc, end, limit, rules, headlines)
        list_end = end if list_end is None else list_end
        while list_end > end and text[list_end - 1].isspace():
            list_end -= 1
        ranges.append((start, list_end))
    return sorted(ranges)


def page_furniture(
    doc: Doc, datelines: DatelineRules | None, rules: FurnitureRules | None
) -> list[tuple[int, int]]:
    """The dateline and in-paragraph furniture ranges of ``doc`` (not event text)."""
    ranges: list[tuple[int, int]] = []
    if datelines is not None:
        ranges.extend((d.start, d.end) for d in iter_datelines(doc_text(doc), rules=datelines))
    if rules is not None:
        ranges.extend(furniture(doc, rules))
    return ranges


class Layout:
    """Mark skipped lines, datelines, in-paragraph furniture and the publisher line."""

    def __init__(
        self,
        rules: Rules,
        datelines: DatelineRules | None = None,
        furniture_rules: FurnitureRules | None = None,
    ) -> None:
        self.rules = rules
        self.datelines = datelines
        self.furniture_rules = furniture_rules

    def __call__(self, doc: Doc) -> Doc:
        skip: list[tuple[int, int]] = []
        publisher = None
        for line in _LINE.finditer(doc_text(doc)):
            stripped = line.group().strip()
            if not stripped:
                continue
            if any(p.search(stripped) for p in self.rules.skip_line_patterns):
                skip.append((line.start(), line.end()))
                continue
            for pattern in self.rules.publisher_line_patterns:
                found = pattern.search(stripped)
                if found:
                    offset = line.start() + line.group().index(stripped)
                    publisher = (offset + found.start(1), offset + found.end(1))
                    skip.append((line.start(), line.end()))
                    break
        if doc._.kg_page_furniture is None:  # no kg_sentences in this pipeline
            doc._.kg_page_furniture = tuple(
                page_furniture(doc, self.datelines, self.furniture_rules)
            )
        skip.extend(doc._.kg_page_furniture)
        doc._.kg_skip = tuple(sorted(skip))
        doc._.kg_publisher = publisher
        return doc


def in_skipped(doc: Doc, start_char: int) -> bool:
    """True if the character at ``start_char`` lies in a skipped line or dateline."""
    return any(a <= start_char < b for a, b in doc._.kg_skip)


@Language.factory("kg_layout", assigns=["doc._.kg_skip", "doc._.kg_publisher"])
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(load_rules(), load_dateline_rules(), load_furniture_rules())
