"""The schemes and the event-type hierarchy are read from ontology/conflict.ttl."""

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from kg.ontology import vocab
from kg.ontology.namespaces import CKG, EVENT_TYPE
from kg.resources import ontology_path


def test_every_event_type_of_the_ontology_and_no_group():
    g = Graph().parse(ontology_path("conflict.ttl"))
    types = {str(s)[len(str(EVENT_TYPE)) :] for s in g.subjects(RDF.type, CKG.EventType)}
    assert types == vocab.EVENT_TYPES
    groups = {str(o)[len(str(EVENT_TYPE)) :] for o in g.objects(None, SKOS.broader)}
    assert groups and not groups & vocab.EVENT_TYPES


def test_the_groups_nest():
    strikes = vocab.event_types_under("strike_or_explosion")
    violence = vocab.event_types_under("armed_violence")
    lethal = vocab.event_types_under("lethal_violence")
    assert {"airstrike", "shelling"} <= strikes < violence < lethal
    assert "armed_clash" in violence - strikes and "siege" in lethal - violence
    assert vocab.event_types_under("no_such_group") == frozenset()


def test_the_rules_use_the_ontologys_groups():
    from kg.nlp.rules import LETHAL_TYPES, VIOLENT_TYPES

    assert vocab.event_types_under("armed_violence") == VIOLENT_TYPES
    assert vocab.event_types_under("lethal_violence") == LETHAL_TYPES


def test_modalities_actor_types_place_kinds():
    assert "reported" in vocab.MODALITIES and "state_force" in vocab.ACTOR_TYPES
    assert {"country", "village"} <= vocab.PLACE_KINDS
