"""kg's event types mapped to PLOVER (POLECAT) and CAMEO in ontology/conflict.ttl."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.ontology import vocab
from kg.ontology.namespaces import CAMEO, CKG, EVENT_TYPE, PLOVER, VOCAB
from kg.resources import ontology_path

MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
#: The types that no PLOVER or CAMEO concept fits (each says so in a skos:note).
UNMAPPED = {"other"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("conflict.ttl"))


def targets(g: Graph, key: str, namespace: str) -> set[URIRef]:
    subject = EVENT_TYPE[key]
    return {o for p in MATCHES for o in g.objects(subject, p) if str(o).startswith(str(namespace))}


def test_the_plover_scheme_has_polecats_sixteen_types(ontology: Graph) -> None:
    scheme = VOCAB.plover
    tops = set(ontology.objects(None, SKOS.topConceptOf))
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    types = {c for c in ontology.subjects(SKOS.topConceptOf, scheme)}
    assert {str(ontology.value(c, SKOS.notation)) for c in types} == PLOVER_TYPES
    assert scheme in tops
    modes = set(ontology.subjects(SKOS.inScheme, scheme)) - types
    assert len(modes) >= 15  # ASSAULT's fifteen and others
    for mode in modes:  # a mode is narrower than exactly one type, and named after it
        (parent,) = ontology.objects(mode, SKOS.broader)
        assert parent in types, mode
        assert str(mode) == f"{parent}-{ontology.value(mode, SKOS.notation)}"


def test_the_cameo_scheme_has_the_twenty_root_codes(ontology: Graph) -> None:
    codes = set(ontology.subjects(SKOS.inScheme, VOCAB.cameo))
    assert {str(ontology.value(c, SKOS.notation)) for c in codes} == {
        f"{n:02d}" for n in range(1, 21)
    }
    assert str(ontology.value(CAMEO["18"], SKOS.prefLabel)) == "ASSAULT"
    assert str(ontology.value(CAMEO["20"], SKOS.prefLabel)) == "USE UNCONVENTIONAL MASS VIOLENCE"


@pytest.mark.parametrize("key", sorted(vocab.EVENT_TYPES))
def test_every_event_type_has_a_plover_and_a_cameo_match(ontology: Graph, key: str) -> None:
    plover, cameo = targets(ontology, key, PLOVER), targets(ontology, key, CAMEO)
    if key in UNMAPPED:
        assert not plover and not cameo
        assert ontology.value(EVENT_TYPE[key], SKOS.note) is not None
        return
    assert plover and cameo, key
    for target in plover:
        assert (target, SKOS.inScheme, VOCAB.plover) in ontology, target
    for target in cameo:
        assert (target, SKOS.inScheme, VOCAB.cameo) in ontology, target
    # a match short of exact says what is lost
    if not set(ontology.objects(EVENT_TYPE[key], SKOS.exactMatch)):
        assert ontology.value(EVENT_TYPE[key], SKOS.note) is not None, key


@pytest.mark.parametrize("key", sorted(vocab.EVENT_TYPES))
def test_the_exported_plover_type_is_one_of_the_matches(ontology: Graph, key: str) -> None:
    subject = EVENT_TYPE[key]
    kind = ontology.value(subject, CKG.ploverEventType)
    mode = ontology.value(subject, CKG.ploverMode)
    matched = targets(ontology, key, PLOVER)
    broader = {b for t in matched for b in ontology.objects(t, SKOS.broader)}
    if kind is None:
        assert mode is None
        return
    assert (kind, SKOS.topConceptOf, VOCAB.plover) in ontology
    assert kind in matched | broader
    if mode is not None:
        assert mode in matched and ontology.value(mode, SKOS.broader) == kind
    expected = (
        str(ontology.value(kind, SKOS.notation)),
        mode and str(ontology.value(mode, SKOS.notation)),
    )
    assert vocab.plover_types()[key] == expected


def test_the_violent_types_are_assaults_with_their_weapon() -> None:
    types = vocab.plover_types()
    assert types["airstrike"] == ("ASSAULT", "aerial")
    assert types["shelling"] == ("ASSAULT", "heavy-weapons")
    assert types["chemical_attack"] == ("ASSAULT", "unconventional")
    assert all(types[t][0] == "ASSAULT" for t in vocab.event_types_under("armed_violence"))
    assert types["protest"][0] == types["riot"][0] == "PROTEST"
    assert set(types) == vocab.EVENT_TYPES


def test_the_shapes_hold_the_plover_default_to_its_scheme(ontology: Graph) -> None:
    from pyshacl import validate

    shapes = Graph().parse(ontology_path("shapes.ttl"))
    broken = Graph()
    for triple in ontology:
        broken.add(triple)
    broken.add(
        (EVENT_TYPE.other, CKG.ploverEventType, URIRef(str(VOCAB) + "acled/event-type/battles"))
    )
    conforms, _, text = validate(broken, shacl_graph=shapes, inference="none")
    assert not conforms and "PLOVER" in text
