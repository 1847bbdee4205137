"""A new actor is one node with one label and one type, however articles spell it."""

from rdflib import RDFS

from kg.ontology.namespaces import SEM
from kg.pipeline import build
from kg.rdf import iris
from kg.types import Article


def test_one_label_and_type_across_articles():
    articles = [
        Article(id="a", text="The Northern Storm Brigade shelled the village of Tal Rifaat."),
        Article(id="b", text="Northern-Storm Brigade fighters were killed near Azaz."),
        Article(id="c", text="The Northern Storm Brigade said it repelled an attack."),
    ]
    graph = build(articles)
    node = iris.actor_iri("northern_storm_brigade")
    labels = set(graph.dataset.objects(node, RDFS.label))
    types = set(graph.dataset.objects(node, SEM.actorType))
    assert len(labels) == 1 and len(types) == 1
    assert str(next(iter(labels))) == "Northern Storm Brigade"
    assert graph.validate().conforms


def test_an_existing_graph_keeps_its_choice():
    first = build([Article(id="a", text="The Northern Storm Brigade shelled Tal Rifaat.")])
    build(
        [Article(id="b", text="Northern-Storm Brigade fighters were killed near Azaz.")],
        graph=first,
    )
    node = iris.actor_iri("northern_storm_brigade")
    assert {str(x) for x in first.dataset.objects(node, RDFS.label)} == {"Northern Storm Brigade"}
    assert first.validate().conforms
