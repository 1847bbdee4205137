"""Records passed between the stages of the pipeline.

All are frozen dataclasses: a stage never changes what an earlier stage produced.
Character offsets always index the article text exactly as it was read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from a file or a row.

    ``id`` is stable across runs (the row's id, or the file's name) and keys every IRI
    minted for the article. ``origin`` says where it came from, for error messages.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    origin: str | None = None


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorRef:
    """An actor as linked: the gazetteer entry (or a new one) it resolves to."""

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    backed_by: tuple[str, ...] = ()
    affiliated_with: tuple[str, ...] = ()
    forces: str | None = None  # a government's armed forces, agent of its military actions
    side: str | None = None  # an outlet's side: pro_government, opposition, independent
    curated: bool = False  # from the actor gazetteer (its aliases are the gazetteer's)
    country: str | None = None  # ISO 3166-1 alpha-2 code of the state it belongs to
    acled_inter: int | None = None  # its ACLED inter code where not its type's default


@dataclass(frozen=True)
class PlaceRef:
    """A place as linked to GeoNames or the project's own supplement."""

    key: str
    label: str
    kind: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    wikidata: str | None = None
    admin1_unit: str | None = None  # key of the first-level unit the place lies in
    admin1: str | None = None  # its GeoNames code, "SY.09"
    aliases: tuple[str, ...] = ()

    @property
    def in_admin1(self) -> str | None:
        """The key of the first-level administrative unit this place is, or lies in
        (None for countries)."""
        return self.key if self.kind == "admin1" else self.admin1_unit


@dataclass(frozen=True)
class Mention:
    """A span of text that names an actor, a place, an event trigger or a reporting source."""

    span: Span
    sentence: Span
    kind: str  # "actor" | "place" | "event" | "source"
    ref: str  # key of the actor or place, or the event's local id


@dataclass(frozen=True)
class TimeStamp:
    """A date with its precision: ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True)
class EventRecord:
    """One event as extracted from one article (mentions of it in the article merged)."""

    local_id: str
    type: str
    triggers: tuple[Mention, ...]
    sentences: tuple[Span, ...]
    agent: str | None = None
    target: str | None = None
    place: str | None = None
    date: TimeStamp | None = None
    fatalities: int | None = None
    modality: str = "asserted"
    sources: tuple[str, ...] = ()
    # ACLED's sub-event type decided from the text (a notation of the ontology's ACLED
    # scheme); None: the type's default (its ckg:acledSubEventType)
    acled_sub_type: str | None = None
    # how the text presents who did it, where that differs from the event's modality:
    # "alleged" for "presumed/suspected X" (the agent X, with a hedge)
    agent_modality: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article, ready to be written as RDF."""

    article: Article
    actors: dict[str, ActorRef] = field(default_factory=dict)
    places: dict[str, PlaceRef] = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()
    events: tuple[EventRecord, ...] = ()
    sentences: tuple[Span, ...] = ()
    publisher: str | None = None
    backing: tuple[tuple[str, str], ...] = ()  # (backed actor, backer)
