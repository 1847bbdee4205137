"""Content negotiation: which serialization answers a query, from the ``Accept`` header
or a ``format`` parameter (for links a browser follows).

SELECT and ASK answer in SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE in Turtle,
N-Triples, JSON-LD or RDF/XML. The first format of each list is the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.serve.guard import QueryRefused


@dataclass(frozen=True)
class Format:
    """A serialization the endpoint writes: the ``names`` a ``format`` parameter may give
    it (the first is its own), the media type it is sent as, and the media types
    (``Accept`` ranges) that ask for it."""

    names: tuple[str, ...]
    content_type: str
    accepts: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.names[0]


RESULT_FORMATS = (
    Format(
        ("json",),
        "application/sparql-results+json",
        ("application/sparql-results+json", "application/json", "text/javascript"),
    ),
    Format(
        ("xml",),
        "application/sparql-results+xml",
        ("application/sparql-results+xml", "application/xml", "text/xml"),
    ),
    Format(("csv",), "text/csv; charset=utf-8", ("text/csv",)),
    Format(("tsv",), "text/tab-separated-values; charset=utf-8", ("text/tab-separated-values",)),
)
# Turtle answers for N3 (Turtle is N3); "xml" and "json" name the RDF forms for graphs.
GRAPH_FORMATS = (
    Format(
        ("turtle", "ttl", "n3"),
        "text/turtle; charset=utf-8",
        ("text/turtle", "application/turtle", "application/x-turtle", "text/n3"),
    ),
    Format(
        ("ntriples", "nt", "n-triples"),
        "application/n-triples",
        ("application/n-triples", "text/plain"),
    ),
    Format(
        ("jsonld", "json-ld", "json"),
        "application/ld+json",
        ("application/ld+json", "application/json", "application/x-json+ld"),
    ),
    Format(
        ("rdfxml", "rdf+xml", "xml"),
        "application/rdf+xml",
        ("application/rdf+xml", "application/xml"),
    ),
)


def _ranges(accept: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, quality) pairs; malformed qualities count as 1."""
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 1.0
        out.append((media, quality))
    return out


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """The quality the client gives ``fmt``: that of the most specific matching range."""
    best: tuple[int, float] = (-1, 0.0)
    for media, quality in ranges:
        for offered in fmt.accepts:
            kind = offered.split("/")[0]
            specificity = 2 if media == offered else 1 if media == f"{kind}/*" else 0
            if specificity or media == "*/*":
                best = max(best, (specificity, quality))
    return best[1]


def choose(formats: tuple[Format, ...], accept: str | None, names: tuple[str, ...] = ()) -> Format:
    """The format to answer with.

    The first of ``names`` (``format`` parameters: a format's name or a media type) that
    names one of ``formats`` wins; others are ignored, as clients such as SPARQLWrapper
    send several. Then ``Accept`` decides, the earlier (preferred) format winning ties;
    no ``Accept`` means the first format.

    >>> choose(RESULT_FORMATS, "text/csv;q=0.5, application/sparql-results+xml").name
    'xml'
    >>> choose(GRAPH_FORMATS, "application/json").name
    'jsonld'
    >>> choose(GRAPH_FORMATS, "*/*", ("html", "nt")).name
    'ntriples'
    """
    for name in names:
        wanted = name.strip().lower()
        for fmt in formats:
            if wanted in fmt.names or wanted in fmt.accepts:
                return fmt
    if not accept or not accept.strip():
        return formats[0]
    ranges = _ranges(accept)
    scored = [(_quality(fmt, ranges), -i, fmt) for i, fmt in enumerate(formats)]
    quality, _, best = max(scored, key=lambda s: (s[0], s[1]))
    if quality <= 0:
        raise QueryRefused(
            f"cannot answer in any of the media types accepted ({accept[:200]})",
            hint="accept one of " + ", ".join(f.content_type.split(";")[0] for f in formats),
            status=406,
        )
    return best
