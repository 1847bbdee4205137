"""Write one :class:`~kg.types.Extraction` as RDF triples (one article's named graph)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.ontology.namespaces import CKG, GEO, GN, ITSRDF, NIF, SEM, WGS, bind_prefixes
from kg.ontology.vocab import acled_default_sub_event_type, acled_sub_event_types
from kg.rdf import iris
from kg.types import ActorRef, EventRecord, Extraction, Mention, PlaceRef, Span

_MENTION_CLASS = {
    "actor": CKG.ActorMention,
    "place": CKG.PlaceMention,
    "event": CKG.EventMention,
    "source": CKG.SourceMention,
}
_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_PAIRWISE = frozenset({"agreement", "armed_clash"})
_EVENT_WORDS = {
    "arrest_or_abduction": "arrest or abduction",
    "chemical_attack": "chemical attack",
    "armed_clash": "armed clash",
    "territory_change": "territory change",
    "sexual_violence": "sexual violence",
    "disrupted_attack": "disrupted attack",
    "base_established": "base established",
    "group_change": "change to a group",
}


def _add_actor(graph: Graph, actor: ActorRef, article: URIRef, seen: set[str]) -> URIRef:
    node = iris.actor_iri(actor.key)
    graph.add((node, RDF.type, CKG.Actor))
    graph.add((node, RDFS.label, Literal(actor.label)))
    graph.add((node, SEM.actorType, iris.actor_type_iri(actor.type)))
    graph.add((node, PROV.wasDerivedFrom, article))
    # The spellings this article used (and a new actor's other spellings in this build);
    # a curated actor's full alias list is the gazetteer's, not this article's.
    aliases = seen if actor.curated else {*actor.aliases, *seen}
    for alias in sorted(aliases - {actor.label}):
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if actor.wikidata:
        graph.add((node, OWL.sameAs, iris.wikidata_iri(actor.wikidata)))
    if actor.side:
        graph.add((node, CKG.side, Literal(actor.side)))
    if actor.country:
        graph.add((node, CKG.actorCountry, Literal(actor.country)))
    if actor.acled_inter is not None:
        graph.add((node, CKG.actorAcledInter, Literal(actor.acled_inter, datatype=XSD.integer)))
    for backer in actor.backed_by:
        graph.add((node, CKG.backedBy, iris.actor_iri(backer)))
    for body in actor.affiliated_with:
        graph.add((node, CKG.affiliatedWith, iris.actor_iri(body)))
    return node


def _add_place(
    graph: Graph, place: PlaceRef, article: URIRef, seen: set[str], countries: dict[str, str]
) -> URIRef:
    node = iris.place_iri(place.key)
    graph.add((node, RDF.type, CKG.Place))
    graph.add((node, RDFS.label, Literal(place.label)))
    graph.add((node, CKG.placeKind, iris.place_kind_iri(place.kind)))
    graph.add((node, PROV.wasDerivedFrom, article))
    for alias in sorted(seen - {place.label}):
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if place.country:
        graph.add((node, GN.countryCode, Literal(place.country)))
    if place.lat is not None and place.lon is not None:
        lat, lon = Decimal(f"{place.lat:.5f}"), Decimal(f"{place.lon:.5f}")
        graph.add((node, WGS.lat, Literal(lat, datatype=XSD.decimal)))
        graph.add((node, WGS.long, Literal(lon, datatype=XSD.decimal)))
        geometry = iris.geometry_iri(place.key)
        graph.add((node, GEO.hasGeometry, geometry))
        graph.add((geometry, RDF.type, GEO.Geometry))
        graph.add((geometry, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)))
    if place.geonameid:
        graph.add((node, OWL.sameAs, iris.geonames_iri(place.geonameid)))
    if place.wikidata:
        graph.add((node, OWL.sameAs, iris.wikidata_iri(place.wikidata)))
    if place.admin1:
        graph.add((node, CKG.admin1Code, Literal(place.admin1)))
    if place.admin1_unit and place.admin1_unit != place.key:
        graph.add((node, CKG.inAdmin1, iris.place_iri(place.admin1_unit)))
    country_key = countries.get(place.country or "")
    if country_key and place.kind != "country":
        graph.add((node, CKG.inCountry, iris.place_iri(country_key)))
    return node


# Terms used for every span, looked up once (rdflib namespaces build them on access).
_BEGIN, _END, _ANCHOR, _CONTEXT = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext
_SENTENCE, _IDENT, _DERIVED = NIF.sentence, ITSRDF.taIdentRef, PROV.wasDerivedFrom


@lru_cache(maxsize=65536)
def _offset(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _add_span(graph: Graph, article_id: str, span: Span) -> URIRef:
    node = iris.span_iri(article_id, span.start, span.end)
    add = graph.add
    add((node, _BEGIN, _offset(span.start)))
    add((node, _END, _offset(span.end)))
    add((node, _ANCHOR, Literal(span.text)))
    add((node, _CONTEXT, iris.article_iri(article_id)))
    return node


def _add_mention(graph: Graph, article_id: str, mention: Mention, entity: URIRef) -> URIRef:
    node = _add_span(graph, article_id, mention.span)
    add = graph.add
    add((node, RDF.type, _MENTION_CLASS[mention.kind]))
    add((node, _SENTENCE, iris.span_iri(article_id, mention.sentence.start, mention.sentence.end)))
    add((node, _IDENT, entity))
    add((node, _DERIVED, iris.article_iri(article_id)))
    return node


def _event_label(event: EventRecord, extraction: Extraction) -> str:
    words = [_EVENT_WORDS.get(event.type, event.type)]
    agent = extraction.actors[event.agent].label if event.agent else None
    target = extraction.actors[event.target].label if event.target else None
    if event.type in _PAIRWISE and agent and target:
        words.append(f"between {agent} and {target}")
    else:
        if agent:
            words.append(f"by {agent}")
        if target:
            words.append(f"on {target}")
    if event.place:
        words.append(f"at {extraction.places[event.place].label}")
    if event.date:
        words.append(f"({event.date.value})")
    return " ".join(words)


def extraction_to_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """Add the triples of ``extraction`` to ``graph`` (a new Graph if none) and return it.

    The triples are the same for the same extraction, whatever the order of the calls.
    """
    graph = graph if graph is not None else Graph()
    bind_prefixes(graph)
    article = extraction.article
    aid = article.id
    article_node = iris.article_iri(aid)
    graph.add((article_node, RDF.type, CKG.Article))
    graph.add((article_node, DCTERMS.identifier, Literal(aid)))
    graph.add((article_node, NIF.isString, Literal(article.text)))
    if article.title:
        graph.add((article_node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add(
            (article_node, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date))
        )
    if article.url:
        graph.add((article_node, DCTERMS.source, Literal(article.url, datatype=XSD.anyURI)))
    if extraction.publisher:
        graph.add((article_node, DCTERMS.publisher, iris.actor_iri(extraction.publisher)))

    seen: dict[tuple[str, str], set[str]] = {}
    for mention in extraction.mentions:
        kind = "place" if mention.kind == "place" else "actor"
        seen.setdefault((kind, mention.ref), set()).add(" ".join(mention.span.text.split()))
    for key, actor in sorted(extraction.actors.items()):
        _add_actor(graph, actor, article_node, seen.get(("actor", key), set()))
    countries = {p.country: k for k, p in extraction.places.items() if p.kind == "country"}
    for key, place in sorted(extraction.places.items()):
        _add_place(graph, place, article_node, seen.get(("place", key), set()), countries)
    for backed, backer in extraction.backing:
        graph.add((iris.actor_iri(backed), CKG.backedBy, iris.actor_iri(backer)))

    for sentence in extraction.sentences:
        node = _add_span(graph, aid, sentence)
        graph.add((node, RDF.type, NIF.Sentence))
    events = {e.local_id: iris.event_iri(aid, e.local_id) for e in extraction.events}
    for mention in extraction.mentions:
        if mention.kind == "event":
            entity = events[mention.ref]
        elif mention.kind == "place":
            entity = iris.place_iri(mention.ref)
        else:
            entity = iris.actor_iri(mention.ref)
        _add_mention(graph, aid, mention, entity)

    for event in extraction.events:
        node = events[event.local_id]
        graph.add((node, RDF.type, CKG.Event))
        graph.add((node, RDFS.label, Literal(_event_label(event, extraction))))
        graph.add((node, SEM.eventType, iris.event_type_iri(event.type)))
        sub = event.acled_sub_type or acled_default_sub_event_type()[event.type]
        graph.add((node, CKG.acledSubEventType, iris.acled_sub_event_type_iri(sub)))
        kind = acled_sub_event_types()[sub]  # its broader ACLED event type
        graph.add((node, CKG.acledEventType, iris.acled_event_type_iri(kind)))
        graph.add((node, PROV.wasDerivedFrom, article_node))
        graph.add((node, CKG.modality, iris.modality_iri(event.modality)))
        if event.agent_modality:
            graph.add((node, CKG.agentModality, iris.modality_iri(event.agent_modality)))
        for trigger in event.triggers:
            graph.add((node, CKG.trigger, iris.span_iri(aid, trigger.span.start, trigger.span.end)))
        for sentence in event.sentences:
            graph.add((node, CKG.sentence, iris.span_iri(aid, sentence.start, sentence.end)))
        if event.agent:
            graph.add((node, CKG.agent, iris.actor_iri(event.agent)))
        if event.target:
            graph.add((node, CKG.target, iris.actor_iri(event.target)))
        if event.place:
            graph.add((node, SEM.hasPlace, iris.place_iri(event.place)))
        if event.date:
            graph.add(
                (
                    node,
                    SEM.hasTimeStamp,
                    Literal(event.date.value, datatype=_DATATYPE[event.date.precision]),
                )
            )
        if event.fatalities is not None:
            graph.add(
                (node, CKG.fatalities, Literal(event.fatalities, datatype=XSD.nonNegativeInteger))
            )
        for source in event.sources:
            graph.add((node, PROV.wasAttributedTo, iris.actor_iri(source)))
    return graph
