"""The seed article, built end to end and checked through SPARQL (issue 2's list)."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef


def rows(graph, sparql, **bindings):
    return [
        tuple(None if v is None else str(v) for v in row)
        for row in graph.query(sparql, bindings or None)
    ]


def fold(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").lower()


ACTORS = """
SELECT ?label ?type WHERE { ?a a ckg:Actor ; rdfs:label ?label ; sem:actorType ?t .
  BIND(REPLACE(STR(?t), "^.*/", "") AS ?type) }"""


@pytest.mark.parametrize(
    ("label", "actor_type"),
    [
        ("US-led coalition", "international_coalition"),
        ("Pro-government militias", "militia"),
        ("Syrian government forces", "state_force"),
        ("ISIS", "jihadist_group"),
        ("Syrian rebels", "armed_opposition"),
        ("United States", "government"),
        ("Russia", "government"),
        ("BuzzFeed News", "media"),
        ("Sputnik", "media"),
    ],
)
def test_actors_with_types(seed_graph, label, actor_type):
    assert (label, actor_type) in rows(seed_graph, ACTORS)


def aliases(graph, label):
    found = rows(
        graph, "SELECT ?alias WHERE { ?a rdfs:label ?l ; skos:altLabel ?alias }", l=Literal(label)
    )
    return {fold(a) for (a,) in found}


def test_pro_regime_aliases_merge_into_one_actor(seed_graph):
    seen = aliases(seed_graph, "Pro-government militias")
    assert {"pro-syrian government forces", "pro-regime force", "pro-assad fighters"} <= seen


def test_syrian_government_forces_aliases(seed_graph):
    assert {"assad's forces", "syrian arab army"} <= aliases(seed_graph, "Syrian government forces")


PLACES = """
SELECT ?label ?lat ?long ?gn ?country WHERE {
  ?p a ckg:Place ; rdfs:label ?label .
  OPTIONAL { ?p wgs:lat ?lat ; wgs:long ?long }
  OPTIONAL { ?p owl:sameAs ?gn FILTER(STRSTARTS(STR(?gn), "https://sws.geonames.org/")) }
  OPTIONAL { ?p gn:countryCode ?country }
}"""


def place(graph, label):
    found = [r for r in rows(graph, PLACES) if r[0] == label]
    assert found, f"no place labelled {label}"
    return found[0]


def test_at_tanf_has_coordinates_from_the_projects_gazetteer(seed_graph):
    _, lat, lon, gn, country = place(seed_graph, "At Tanf")
    assert 33 < float(lat) < 34 and 38 < float(lon) < 39.5
    assert country == "SY"


@pytest.mark.parametrize(
    ("label", "geonameid"),
    [
        ("Syria", 163843),
        ("Iraq", 99237),
        ("Jordan", 248816),
        ("Damascus", 170654),
        ("Aleppo", 170063),
    ],
)
def test_places_with_geonames_ids(seed_graph, label, geonameid):
    _, _, _, gn, _ = place(seed_graph, label)
    assert gn == f"https://sws.geonames.org/{geonameid}/"


def test_idlib_province_is_a_first_level_unit(seed_graph):
    found = rows(
        seed_graph,
        """SELECT ?label WHERE { ?m nif:anchorOf "Idlib province" ;
        itsrdf:taIdentRef ?p . ?p ckg:placeKind pk:admin1 ; rdfs:label ?label }""",
    )
    assert found


EVENTS = """
SELECT ?e ?type ?agent ?target ?place ?modality ?fatalities WHERE {
  ?e a ckg:Event ; sem:eventType ?t ; ckg:modality ?m .
  BIND(REPLACE(STR(?t), "^.*/", "") AS ?type)
  BIND(REPLACE(STR(?m), "^.*/", "") AS ?modality)
  OPTIONAL { ?e ckg:agent/rdfs:label ?agent }
  OPTIONAL { ?e ckg:target/rdfs:label ?target }
  OPTIONAL { ?e sem:hasPlace/rdfs:label ?place }
  OPTIONAL { ?e ckg:fatalities ?fatalities }
}"""


def find_event(graph, **expected):
    for row in rows(graph, EVENTS):
        record = dict(
            zip(
                ("e", "type", "agent", "target", "place", "modality", "fatalities"),
                row,
                strict=True,
            )
        )
        if all(record[k] == v for k, v in expected.items()):
            return record
    raise AssertionError(f"no event with {expected}; have {rows(graph, EVENTS)}")


def test_the_coalition_strike_with_its_sources(seed_graph):
    event = find_event(
        seed_graph,
        type="airstrike",
        agent="US-led coalition",
        target="Pro-government militias",
        place="At Tanf",
    )
    sources = {
        s
        for (s,) in rows(
            seed_graph,
            """SELECT ?s WHERE {
        ?e prov:wasAttributedTo/rdfs:label ?s }""",
            e=URIRef(event["e"]),
        )
    }
    assert {"BuzzFeed News", "Josh Jacques", "U.S. Defense Official", "Sputnik"} <= sources
    assert event["modality"] == "reported"


def test_assads_forces_recapture_near_damascus(seed_graph):
    find_event(
        seed_graph, type="territory_change", agent="Syrian government forces", place="Damascus"
    )


def test_syrian_arab_army_advance_towards_at_tanf(seed_graph):
    find_event(seed_graph, type="advance", agent="Syrian government forces", place="At Tanf")


def test_isis_attempt_on_the_base(seed_graph):
    find_event(seed_graph, agent="ISIS", modality="attempted", fatalities="3")


def test_us_russia_deconfliction_agreement(seed_graph):
    find_event(seed_graph, type="agreement", agent="United States", target="Russia")


def test_provenance_question_in_sparql(seed_graph):
    """Which sentence says that the coalition struck pro-regime forces, and who reported it."""
    found = rows(
        seed_graph,
        """
        SELECT ?sentence ?source WHERE {
          ?e ckg:agent/rdfs:label "US-led coalition" ;
             ckg:target/rdfs:label "Pro-government militias" ;
             ckg:sentence/nif:anchorOf ?sentence ;
             prov:wasAttributedTo/rdfs:label ?source .
        }""",
    )
    sentences = {s for s, _ in found}
    assert any("BuzzFeed news" in s for s in sentences)
    assert "Sputnik" in {src for _, src in found}


def test_publisher_is_separate_from_sources(seed_graph):
    found = rows(
        seed_graph, "SELECT ?p WHERE { ?a a ckg:Article ; dcterms:publisher/rdfs:label ?p }"
    )
    assert found == [("Sputnik",)]


def test_every_offset_points_into_the_original_text(seed_graph, seed_text):
    spans = rows(
        seed_graph,
        """SELECT ?text ?b ?e WHERE {
        ?m nif:anchorOf ?text ; nif:beginIndex ?b ; nif:endIndex ?e }""",
    )
    assert len(spans) > 50
    for text, begin, end in spans:
        assert seed_text[int(begin) : int(end)] == text


def test_nothing_from_the_photo_credit_line(seed_graph, seed_text):
    credit = seed_text.index("Photo:")
    begins = rows(
        seed_graph,
        "SELECT ?b WHERE { ?m a ?c ; nif:beginIndex ?b . ?c rdfs:subClassOf ckg:Mention }",
    )
    assert begins and all(int(b) < credit for (b,) in begins)
    labels = {label for label, _ in rows(seed_graph, ACTORS)}
    assert not {"Michael Ammons", "Getty Images"} & labels


def test_the_graph_conforms_to_the_shapes(seed_graph):
    report = seed_graph.validate()
    assert report.conforms, str(report)


def test_building_twice_gives_the_same_graph(seed_path, seed_graph):
    from rdflib.compare import isomorphic

    import kg

    again = kg.build_graph([seed_path])
    name = seed_graph.article_graphs()[0]
    assert again.article_graphs() == seed_graph.article_graphs()
    assert isomorphic(again.dataset.graph(name), seed_graph.dataset.graph(name))


def test_no_blank_nodes(seed_graph):
    from rdflib import BNode

    for name in seed_graph.article_graphs():
        for triple in seed_graph.dataset.graph(name):
            assert not any(isinstance(t, BNode) for t in triple)
