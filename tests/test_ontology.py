"""Tests for the ontology ``ontology/conflict.ttl`` and its SHACL shapes ``ontology/shapes.ttl``.

The shapes are the builder's promise about every graph it writes, so besides checking the
vocabulary itself these tests validate a small hand-built graph and make sure that each kind of
breakage the shapes exist for is caught.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS
from rdflib.term import Node

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "conflict.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ONTOLOGY_IRI = URIRef("https://w3id.org/conflict-kg/ontology")
VOCAB = "https://w3id.org/conflict-kg/vocab/"
ID = Namespace("https://w3id.org/conflict-kg/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
# rdflib's own WGS namespace is the https variant; the project uses the original http one.
WGS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GN = Namespace("http://www.geonames.org/ontology#")
# A plain Namespace: pytest probes module globals for attributes such as ``_mock_name``,
# which rdflib's DefinedNamespace XSD answers with a warning.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ACLED_SCHEME = URIRef(VOCAB + "acled")
INTER_SCHEME = URIRef(VOCAB + "acled/inter")

EVENT_TYPE_KEYS = [
    "airstrike", "shelling", "bombing", "chemical_attack", "armed_clash", "attack",
    "territory_change", "advance", "killing", "siege", "agreement", "evacuation",
    "arrest_or_abduction", "support", "protest", "riot", "sexual_violence", "looting",
    "disrupted_attack", "handover", "base_established", "group_change", "other",
]  # fmt: skip
ACTOR_TYPE_KEYS = [
    "state_force", "government", "armed_opposition", "jihadist_group", "militia",
    "international_coalition", "international_organization", "monitor_or_ngo", "media",
    "civilians", "unidentified_armed_group", "rioters", "protesters", "person", "other",
]  # fmt: skip
MODALITY_KEYS = ["asserted", "reported", "alleged", "denied", "attempted"]
GEO_PRECISION = {
    "country": 3, "admin1": 3, "city": 1, "town": 1, "village": 1, "district": 1,
    "site": 1, "region": 2, "admin2": 2,
}  # fmt: skip

# scheme name, class of its concepts, keys
PROJECT_SCHEMES = [
    ("event-type", CKG.EventType, EVENT_TYPE_KEYS),
    ("actor-type", CKG.ActorType, ACTOR_TYPE_KEYS),
    ("modality", CKG.Modality, MODALITY_KEYS),
    ("place-kind", CKG.PlaceKind, list(GEO_PRECISION)),
]

ACLED_TAXONOMY = {
    "Battles": [
        "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    ],
    "Protests": [
        "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    ],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Explosions/Remote violence": [
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Strategic developments": [
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ],
}  # fmt: skip
ACLED_INTER = [
    "State forces", "Rebel groups", "Political militias", "Identity militias", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
]  # fmt: skip

# The closed list of ckg terms: the builder's namespace must match it.
CLASSES = {
    "Article", "Actor", "Place", "Event", "Mention", "ActorMention", "PlaceMention",
    "EventMention", "SourceMention", "EventType", "ActorType", "Modality", "PlaceKind",
    "MergedEvent", "MergeLink", "AcledCoded",
}  # fmt: skip
OBJECT_PROPERTIES = {
    "agent", "target", "modality", "trigger", "sentence", "placeKind", "inAdmin1", "inGovernorate",
    "inCountry", "backedBy", "affiliatedWith", "acledEventType", "acledSubEventType",
    "ploverEventType", "ploverMode",
    "hasReport", "mergeLink", "linksReport", "agentModality",
}  # fmt: skip
DATATYPE_PROPERTIES = {
    "fatalities", "admin1Code", "acledInter", "geoPrecision", "mergeScore", "mergeReason",
    "conflictingClaim", "side", "contentHash", "actorAcledInter", "actorCountry",
}  # fmt: skip


def slug(label: str) -> str:
    """ACLED label -> IRI slug: ``"Air/drone strike"`` -> ``"air-drone-strike"``."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def concept(path: str) -> URIRef:
    return URIRef(VOCAB + path)


def mapped_concepts(ontology: Graph, iri: URIRef) -> set[Node]:
    """The concepts ``iri`` is linked to with skos:exactMatch or skos:closeMatch."""
    return set(ontology.objects(iri, SKOS.exactMatch)) | set(ontology.objects(iri, SKOS.closeMatch))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def shacl(data: Graph, ontology: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    """Validate ``data`` together with the ontology, as the builder's graphs are validated."""
    conforms, results, text = validate(data + ontology, shacl_graph=shapes, inference="none")
    return bool(conforms), results, text


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("path", [ONTOLOGY_FILE, SHAPES_FILE], ids=lambda p: p.name)
def test_file_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, RDFS.label) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    assert not list(ontology.objects(None, OWL.imports))


def test_ckg_terms_are_exactly_the_declared_ones(ontology: Graph) -> None:
    def local_names(kind: URIRef) -> set[str]:
        return {str(s)[len(CKG) :] for s in ontology.subjects(RDF.type, kind) if s in CKG}

    assert local_names(OWL.Class) == CLASSES
    assert local_names(OWL.ObjectProperty) == OBJECT_PROPERTIES
    assert local_names(OWL.DatatypeProperty) == DATATYPE_PROPERTIES


def test_ckg_terms_are_documented(ontology: Graph) -> None:
    for name in CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES:
        term = CKG[name]
        assert ontology.value(term, RDFS.label) is not None, name
        assert ontology.value(term, RDFS.comment) is not None, name
    for name in OBJECT_PROPERTIES | DATATYPE_PROPERTIES:
        assert ontology.value(CKG[name], RDFS.domain) is not None, name
        assert ontology.value(CKG[name], RDFS.range) is not None, name


def test_shapes_use_only_declared_ckg_terms(ontology: Graph, shapes: Graph) -> None:
    declared = {CKG[name] for name in CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES}
    used = {term for triple in shapes for term in triple if isinstance(term, URIRef)}
    used = {term for term in used if term in CKG}
    assert used <= declared, sorted(used - declared)


def test_every_shape_reads_well_in_a_report(shapes: Graph) -> None:
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property))
    for shape in named:
        has_text = shapes.value(shape, SH.message) or shapes.value(shape, SH.name)
        assert has_text, f"shape without sh:message or sh:name: {shape}"


# --------------------------------------------------------------------------- the vocabulary


def test_vocabulary_conforms_to_shapes(ontology: Graph, shapes: Graph) -> None:
    conforms, _, text = shacl(Graph(), ontology, shapes)
    assert conforms, text


@pytest.mark.parametrize(("scheme", "cls", "keys"), PROJECT_SCHEMES, ids=lambda v: str(v)[-12:])
def test_project_scheme_holds_exactly_its_keys(
    ontology: Graph, scheme: str, cls: URIRef, keys: list[str]
) -> None:
    scheme_iri = concept(scheme)
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in ontology
    for key in keys:
        iri = concept(f"{scheme}/{key}")
        assert (iri, RDF.type, SKOS.Concept) in ontology, iri
        assert (iri, RDF.type, cls) in ontology, iri
        assert (iri, SKOS.inScheme, scheme_iri) in ontology, iri
        assert ontology.value(iri, SKOS.notation) == Literal(key), iri
    in_scheme = set(ontology.subjects(SKOS.inScheme, scheme_iri))
    assert {c for c in in_scheme if (c, RDF.type, cls) in ontology} == {
        concept(f"{scheme}/{key}") for key in keys
    }
    # The rest of a scheme are groups (the event-type hierarchy): concepts that are never
    # a value of cls, each the skos:broader of something in the scheme.
    for group in in_scheme - {concept(f"{scheme}/{key}") for key in keys}:
        assert (None, SKOS.broader, group) in ontology, group


def test_every_concept_is_labelled_and_defined(ontology: Graph) -> None:
    for iri in ontology.subjects(RDF.type, SKOS.Concept):
        labels = [lab for lab in ontology.objects(iri, SKOS.prefLabel) if lab.language == "en"]
        assert len(labels) == 1, iri
        assert ontology.value(iri, SKOS.definition) is not None, iri
        assert ontology.value(iri, SKOS.notation) is not None, iri


def test_acled_taxonomy_is_complete_with_exact_labels(ontology: Graph) -> None:
    assert (ACLED_SCHEME, RDF.type, SKOS.ConceptScheme) in ontology
    for event_type, sub_event_types in ACLED_TAXONOMY.items():
        parent = concept(f"acled/event-type/{slug(event_type)}")
        assert ontology.value(parent, SKOS.prefLabel) == Literal(event_type, lang="en")
        assert (parent, SKOS.inScheme, ACLED_SCHEME) in ontology
        assert ontology.value(parent, SKOS.broader) is None
        children = set()
        for label in sub_event_types:
            child = concept(f"acled/sub-event-type/{slug(label)}")
            assert ontology.value(child, SKOS.prefLabel) == Literal(label, lang="en"), child
            assert (child, SKOS.inScheme, ACLED_SCHEME) in ontology, child
            children.add(child)
        assert set(ontology.subjects(SKOS.broader, parent)) == children
    in_scheme = set(ontology.subjects(SKOS.inScheme, ACLED_SCHEME))
    assert len(in_scheme) == 6 + 25


def test_acled_slugs_follow_the_naming_rule() -> None:
    assert slug("Explosions/Remote violence") == "explosions-remote-violence"
    assert slug("Shelling/artillery/missile attack") == "shelling-artillery-missile-attack"
    assert slug("Government regains territory") == "government-regains-territory"


def test_acled_inter_codes(ontology: Graph) -> None:
    assert (INTER_SCHEME, RDF.type, SKOS.ConceptScheme) in ontology
    for code, label in enumerate(ACLED_INTER, start=1):
        iri = concept(f"acled/inter/{code}")
        assert ontology.value(iri, SKOS.prefLabel) == Literal(label, lang="en")
        assert ontology.value(iri, SKOS.notation) == Literal(str(code))
        assert (iri, SKOS.inScheme, INTER_SCHEME) in ontology
    assert len(set(ontology.subjects(SKOS.inScheme, INTER_SCHEME))) == 8


@pytest.mark.parametrize("key", EVENT_TYPE_KEYS)
def test_event_type_has_one_acled_default_it_matches(ontology: Graph, key: str) -> None:
    iri = concept(f"event-type/{key}")
    subs = list(ontology.objects(iri, CKG.acledSubEventType))
    parents = list(ontology.objects(iri, CKG.acledEventType))
    assert len(subs) == 1 and len(parents) == 1
    sub, parent = subs[0], parents[0]
    assert str(sub).startswith(VOCAB + "acled/sub-event-type/")
    assert (sub, SKOS.inScheme, ACLED_SCHEME) in ontology
    assert (sub, SKOS.broader, parent) in ontology
    matches = mapped_concepts(ontology, iri)
    assert {sub, parent} <= matches
    # closeMatch, never exactMatch, for the broader ACLED event type
    assert (iri, SKOS.closeMatch, parent) in ontology


@pytest.mark.parametrize("key", ACTOR_TYPE_KEYS)
def test_actor_type_inter_code_agrees_with_its_match(ontology: Graph, key: str) -> None:
    iri = concept(f"actor-type/{key}")
    code = ontology.value(iri, CKG.acledInter)
    matches = mapped_concepts(ontology, iri)
    if code is None:
        assert not matches, key
    else:
        assert code.datatype == XSD.integer
        assert concept(f"acled/inter/{code}") in matches, key


def test_inter_codes_of_key_actor_types(ontology: Graph) -> None:
    expected = {
        "state_force": 1,
        "armed_opposition": 2,
        "jihadist_group": 2,
        "unidentified_armed_group": 3,
        "rioters": 5,
        "protesters": 6,
        "civilians": 7,
    }
    for key, code in expected.items():
        assert ontology.value(concept(f"actor-type/{key}"), CKG.acledInter).toPython() == code


@pytest.mark.parametrize(("key", "precision"), GEO_PRECISION.items())
def test_place_kind_geo_precision(ontology: Graph, key: str, precision: int) -> None:
    value = ontology.value(concept(f"place-kind/{key}"), CKG.geoPrecision)
    assert value is not None and value.toPython() == precision


# --------------------------------------------------------------------------- data graphs

TEXT = "Syrian government warplanes struck Khan Shaykhun on Tuesday, killing 70 people."
TRIGGER = "struck"
TRIGGER_BEGIN = TEXT.index(TRIGGER)

ARTICLE = ID["article/test-1"]
EVENT = ID["event/test-1/1"]
ACTOR = ID["actor/syrian-government-forces"]
PLACE = ID["place/khan-shaykhun"]
GEOMETRY = URIRef(f"{PLACE}/geometry")
SENTENCE = URIRef(f"{ARTICLE}#char=0,{len(TEXT)}")
MENTION = URIRef(f"{ARTICLE}#char={TRIGGER_BEGIN},{TRIGGER_BEGIN + len(TRIGGER)}")


def nni(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


def valid_graph() -> Graph:
    """One article, event, actor, place, sentence and trigger mention, as the builder writes."""
    g = Graph()

    g.add((ARTICLE, RDF.type, CKG.Article))
    g.add((ARTICLE, NIF.isString, Literal(TEXT)))
    g.add((ARTICLE, DCTERMS.identifier, Literal("test-1")))
    g.add((ARTICLE, DCTERMS.title, Literal("Strike on Khan Shaykhun")))
    g.add((ARTICLE, DCTERMS.date, Literal("2017-04-05", datatype=XSD.date)))
    g.add((ARTICLE, DCTERMS.source, Literal("https://example.org/news/1", datatype=XSD.anyURI)))

    g.add((SENTENCE, RDF.type, NIF.Sentence))
    g.add((SENTENCE, NIF.beginIndex, nni(0)))
    g.add((SENTENCE, NIF.endIndex, nni(len(TEXT))))
    g.add((SENTENCE, NIF.anchorOf, Literal(TEXT)))
    g.add((SENTENCE, NIF.referenceContext, ARTICLE))

    g.add((MENTION, RDF.type, CKG.EventMention))
    g.add((MENTION, NIF.beginIndex, nni(TRIGGER_BEGIN)))
    g.add((MENTION, NIF.endIndex, nni(TRIGGER_BEGIN + len(TRIGGER))))
    g.add((MENTION, NIF.anchorOf, Literal(TRIGGER)))
    g.add((MENTION, NIF.referenceContext, ARTICLE))
    g.add((MENTION, NIF.sentence, SENTENCE))
    g.add((MENTION, ITSRDF.taIdentRef, EVENT))

    g.add((ACTOR, RDF.type, CKG.Actor))
    g.add((ACTOR, RDFS.label, Literal("Syrian government forces")))
    g.add((ACTOR, SEM.actorType, concept("actor-type/state_force")))
    g.add((ACTOR, PROV.wasDerivedFrom, ARTICLE))

    g.add((PLACE, RDF.type, CKG.Place))
    g.add((PLACE, RDFS.label, Literal("Khan Shaykhun")))
    g.add((PLACE, CKG.placeKind, concept("place-kind/town")))
    g.add((PLACE, WGS.lat, Literal("35.44208", datatype=XSD.decimal)))
    g.add((PLACE, WGS.long, Literal("36.65094", datatype=XSD.decimal)))
    g.add((PLACE, GN.countryCode, Literal("SY")))
    g.add((PLACE, CKG.admin1Code, Literal("SY.10")))
    g.add((PLACE, OWL.sameAs, URIRef("https://sws.geonames.org/169577/")))
    g.add((PLACE, GEO.hasGeometry, GEOMETRY))
    g.add((GEOMETRY, RDF.type, GEO.Geometry))
    g.add((GEOMETRY, GEO.asWKT, Literal("POINT(36.65094 35.44208)", datatype=GEO.wktLiteral)))

    g.add((EVENT, RDF.type, CKG.Event))
    g.add((EVENT, RDFS.label, Literal("airstrike in Khan Shaykhun, 2017-04-04")))
    g.add((EVENT, SEM.eventType, concept("event-type/airstrike")))
    g.add((EVENT, CKG.acledSubEventType, concept("acled/sub-event-type/air-drone-strike")))
    g.add((EVENT, CKG.acledEventType, concept("acled/event-type/explosions-remote-violence")))
    g.add((EVENT, PROV.wasDerivedFrom, ARTICLE))
    g.add((EVENT, CKG.sentence, SENTENCE))
    g.add((EVENT, CKG.trigger, MENTION))
    g.add((EVENT, CKG.modality, concept("modality/asserted")))
    g.add((EVENT, CKG.fatalities, nni(70)))
    g.add((EVENT, CKG.agent, ACTOR))
    g.add((EVENT, SEM.hasPlace, PLACE))
    g.add((EVENT, SEM.hasTimeStamp, Literal("2017-04-04", datatype=XSD.date)))
    return g


def test_valid_graph_conforms(ontology: Graph, shapes: Graph) -> None:
    conforms, _, text = shacl(valid_graph(), ontology, shapes)
    assert conforms, text


@pytest.mark.parametrize(
    "timestamp",
    [
        Literal("2017-04", datatype=XSD.gYearMonth),
        Literal("2017", datatype=XSD.gYear),
    ],
)
def test_coarse_timestamps_conform(ontology: Graph, shapes: Graph, timestamp: Literal) -> None:
    g = valid_graph()
    g.set((EVENT, SEM.hasTimeStamp, timestamp))
    conforms, _, text = shacl(g, ontology, shapes)
    assert conforms, text


def _two_event_types(g: Graph) -> None:
    g.add((EVENT, SEM.eventType, concept("event-type/shelling")))


def _latitude_out_of_range(g: Graph) -> None:
    g.set((PLACE, WGS.lat, Literal("123", datatype=XSD.decimal)))


def _mention_ends_before_it_begins(g: Graph) -> None:
    g.set((MENTION, NIF.endIndex, nni(TRIGGER_BEGIN - 1)))


def _actor_without_type(g: Graph) -> None:
    g.remove((ACTOR, SEM.actorType, None))


def _latitude_without_longitude(g: Graph) -> None:
    g.remove((PLACE, WGS.long, None))


def _timestamp_as_plain_string(g: Graph) -> None:
    g.set((EVENT, SEM.hasTimeStamp, Literal("2017-04-04")))


def _event_type_outside_the_scheme(g: Graph) -> None:
    g.set((EVENT, SEM.eventType, concept("modality/asserted")))


def _mention_without_entity(g: Graph) -> None:
    g.remove((MENTION, ITSRDF.taIdentRef, None))


def _event_without_acled_sub_event_type(g: Graph) -> None:
    g.remove((EVENT, CKG.acledSubEventType, None))


@pytest.mark.parametrize(
    ("prop", "value"),
    [
        (CKG.acledSubEventType, "acled/event-type/battles"),  # an event type, no sub-type
        (CKG.acledEventType, "acled/sub-event-type/armed-clash"),  # a sub-type, no type
    ],
)
def test_the_acled_types_of_an_event_are_of_their_rank(
    ontology: Graph, shapes: Graph, prop, value
) -> None:
    g = valid_graph()
    g.set((EVENT, prop, concept(value)))
    conforms, results, text = shacl(g, ontology, shapes)
    assert not conforms
    found = results.subjects(RDF.type, SH.ValidationResult)
    focus = {results.value(r, SH.focusNode) for r in found}
    assert focus == {EVENT}, text


# breakage, focus node of the expected violation, its result path (None: a node-level constraint)
BREAKAGES: list[tuple[Callable[[Graph], None], Node, Node | None]] = [
    (_two_event_types, EVENT, SEM.eventType),
    (_latitude_out_of_range, PLACE, WGS.lat),
    (_mention_ends_before_it_begins, MENTION, NIF.beginIndex),
    (_actor_without_type, ACTOR, SEM.actorType),
    (_latitude_without_longitude, PLACE, None),
    (_timestamp_as_plain_string, EVENT, SEM.hasTimeStamp),
    (_event_type_outside_the_scheme, EVENT, SEM.eventType),
    (_mention_without_entity, MENTION, ITSRDF.taIdentRef),
    (_event_without_acled_sub_event_type, EVENT, CKG.acledSubEventType),
]


@pytest.mark.parametrize(
    ("breakage", "focus", "path"), BREAKAGES, ids=[b[0].__name__.strip("_") for b in BREAKAGES]
)
def test_broken_graph_is_reported(
    ontology: Graph,
    shapes: Graph,
    breakage: Callable[[Graph], None],
    focus: Node,
    path: Node | None,
) -> None:
    g = valid_graph()
    breakage(g)
    conforms, results, text = shacl(g, ontology, shapes)
    assert not conforms
    found = {
        (results.value(r, SH.focusNode), results.value(r, SH.resultPath))
        for r in results.subjects(RDF.type, SH.ValidationResult)
    }
    assert (focus, path) in found, text
    # every result carries a readable message taken from the shapes
    for r in results.subjects(RDF.type, SH.ValidationResult):
        assert results.value(r, SH.resultMessage) is not None
