"""Reports: the article-level events of a graph, read back as plain records for merging.

Each ``ckg:Event`` of an article's named graph is one *report*: what one outlet said about
one event. :func:`load_reports` reads them with the facts merging needs (type, place, date,
agent, target, fatalities, publisher) and :class:`Context` holds what is known about the
places and actors they point to (place hierarchy, coordinates, backing, affiliation).
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.link.places import km_between
from kg.ontology.namespaces import CKG, NIF, SEM, WGS
from kg.types import TimeStamp

_PRECISION = {"date": "day", "gYearMonth": "month", "gYear": "year"}

#: How far back an undated report's event may lie from its article's publication date.
UNDATED_WINDOW_DAYS = 3


@dataclass(frozen=True)
class Report:
    """One event as one article tells it (an article-level ``ckg:Event`` node)."""

    iri: URIRef
    article: str  # the article's id (FA-KES: its unit_id)
    type: str  # event-type key, e.g. "airstrike"
    label: str = ""
    agent: URIRef | None = None
    target: URIRef | None = None
    place: URIRef | None = None
    date: TimeStamp | None = None
    published: dt.date | None = None
    fatalities: int | None = None
    modality: str = "asserted"
    publisher: URIRef | None = None
    sentences: tuple[tuple[int, int], ...] = ()  # (begin, end) in the article's text
    triggers: tuple[tuple[int, int], ...] = ()  # (begin, end) in the article's text

    def interval(self) -> tuple[dt.date, dt.date] | None:
        """The days the event may have happened on, from its date and its precision.

        An undated report falls back to the few days before its article was published.

        >>> r = Report(URIRef("x"), "a", "airstrike", date=TimeStamp("2016-07", "month"))
        >>> r.interval()
        (datetime.date(2016, 7, 1), datetime.date(2016, 7, 31))
        """
        if self.date is not None:
            return date_interval(self.date)
        if self.published is not None:
            start = self.published - dt.timedelta(days=UNDATED_WINDOW_DAYS)
            return start, self.published
        return None

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year``, ``published`` (undated: article date) or ``none``."""
        if self.date is not None:
            return self.date.precision
        return "published" if self.published else "none"


def date_interval(stamp: TimeStamp) -> tuple[dt.date, dt.date]:
    """First and last day a :class:`~kg.types.TimeStamp` covers.

    >>> date_interval(TimeStamp("2016", "year"))
    (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    """
    parts = [int(p) for p in stamp.value.split("-")]
    if stamp.precision == "day":
        day = dt.date(*parts)
        return day, day
    if stamp.precision == "month":
        year, month = parts[:2]
        return dt.date(year, month, 1), dt.date(year, month, monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


@dataclass(frozen=True)
class PlaceInfo:
    """A place with its position in the hierarchy (governorate, country) and coordinates."""

    iri: URIRef
    label: str
    kind: str
    governorate: URIRef | None = None
    country: URIRef | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def is_area(self) -> bool:
        """Countries, governorates and regions: areas that contain other places."""
        return self.kind in {"country", "admin1", "region"}

    def km_to(self, other: PlaceInfo) -> float | None:
        """Great-circle distance in km, if both places have coordinates.

        >>> a = PlaceInfo(URIRef("a"), "Manbij", "city", lat=36.5281, lon=37.9549)
        >>> b = PlaceInfo(URIRef("b"), "Jarablus", "town", lat=36.8175, lon=38.0114)
        >>> round(a.km_to(b))
        33
        """
        if None in (self.lat, self.lon, other.lat, other.lon):
            return None
        return km_between(self.lat, self.lon, other.lat, other.lon)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ActorInfo:
    """An actor with its label and type."""

    iri: URIRef
    label: str
    type: str


@dataclass
class Context:
    """What the graph knows about the places and actors reports point to."""

    places: dict[URIRef, PlaceInfo] = field(default_factory=dict)
    actors: dict[URIRef, ActorInfo] = field(default_factory=dict)
    affiliations: dict[URIRef, set[URIRef]] = field(default_factory=dict)  # person -> bodies

    def governorate(self, place: URIRef | None) -> URIRef | None:
        """The governorate a place is, or lies in (None for countries and unknown places)."""
        info = self.places.get(place) if place is not None else None
        if info is None:
            return None
        return info.iri if info.kind == "admin1" else info.governorate

    def label(self, node: URIRef | None) -> str:
        """A readable name for a place or an actor."""
        if node is None:
            return "-"
        if node in self.places:
            return self.places[node].label
        if node in self.actors:
            return self.actors[node].label
        return str(node).rsplit("/", 1)[-1]


def _key(node: URIRef | None) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1] if node is not None else ""


def _float(graph: Graph, node: URIRef, prop: URIRef) -> float | None:
    value = graph.value(node, prop)
    return float(value) if value is not None else None


def _read_context(graph: Graph, context: Context) -> None:
    for place in graph.subjects(RDF.type, CKG.Place):
        if place in context.places or not isinstance(place, URIRef):
            continue
        context.places[place] = PlaceInfo(
            iri=place,
            label=str(graph.value(place, RDFS.label) or _key(place)),
            kind=_key(graph.value(place, CKG.placeKind)),
            governorate=graph.value(place, CKG.inAdmin1),
            country=graph.value(place, CKG.inCountry),
            lat=_float(graph, place, WGS.lat),
            lon=_float(graph, place, WGS.long),
        )
    for actor in graph.subjects(RDF.type, CKG.Actor):
        if not isinstance(actor, URIRef):
            continue
        for body in graph.objects(actor, CKG.affiliatedWith):
            if isinstance(body, URIRef):
                context.affiliations.setdefault(actor, set()).add(body)
        if actor not in context.actors:
            context.actors[actor] = ActorInfo(
                iri=actor,
                label=str(graph.value(actor, RDFS.label) or _key(actor)),
                type=_key(graph.value(actor, SEM.actorType)),
            )


def _timestamp(literal) -> TimeStamp | None:  # noqa: ANN001 - an rdflib Literal or None
    if literal is None:
        return None
    datatype = str(literal.datatype or "").rsplit("#", 1)[-1]
    precision = _PRECISION.get(datatype)
    return TimeStamp(str(literal), precision) if precision else None


def _spans(graph: Graph, event: URIRef, prop: URIRef) -> tuple[tuple[int, int], ...]:
    """The (begin, end) offsets of the spans ``event`` has as ``prop``, in text order."""
    spans = []
    for node in graph.objects(event, prop):
        begin, end = graph.value(node, NIF.beginIndex), graph.value(node, NIF.endIndex)
        if begin is not None and end is not None:
            spans.append((int(begin), int(end)))
    return tuple(sorted(spans))


def _read_reports(graph: Graph) -> list[Report]:
    reports = []
    for event in graph.subjects(RDF.type, CKG.Event):
        article = graph.value(event, PROV.wasDerivedFrom)
        published = graph.value(article, DCTERMS.date) if article is not None else None
        fatalities = graph.value(event, CKG.fatalities)
        reports.append(
            Report(
                iri=event,
                article=str(graph.value(article, DCTERMS.identifier) or _key(article)),
                type=_key(graph.value(event, SEM.eventType)),
                label=str(graph.value(event, RDFS.label) or ""),
                agent=graph.value(event, CKG.agent),
                target=graph.value(event, CKG.target),
                place=graph.value(event, SEM.hasPlace),
                date=_timestamp(graph.value(event, SEM.hasTimeStamp)),
                published=published.toPython() if published is not None else None,
                fatalities=int(fatalities) if fatalities is not None else None,
                modality=_key(graph.value(event, CKG.modality)) or "asserted",
                publisher=graph.value(article, DCTERMS.publisher) if article else None,
                sentences=_spans(graph, event, CKG.sentence),
                triggers=_spans(graph, event, CKG.trigger),
            )
        )
    return reports


def load_reports(kg) -> tuple[list[Report], Context]:  # noqa: ANN001 - a KnowledgeGraph
    """Read every report of ``kg`` (article graphs only) and the context they need.

    Reads triples directly, graph by graph: a SPARQL query over the union of thousands
    of named graphs is much slower.

    >>> import kg
    >>> reports, context = load_reports(kg.build_graph([kg.example_path()]))
    >>> len(reports) > 0 and all(r.article == "coalition-strike-at-tanf" for r in reports)
    True
    """
    reports: list[Report] = []
    context = Context()
    for name in kg.article_graphs():
        graph = kg.dataset.graph(name)
        _read_context(graph, context)
        reports.extend(_read_reports(graph))
    reports.sort(key=lambda r: str(r.iri))
    return reports, context
