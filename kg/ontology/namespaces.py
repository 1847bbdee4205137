"""Every RDF namespace conflict-kg uses, declared once.

The project's own ontology namespace is closed (:class:`CKG`): a typo in a term raises
instead of silently minting a new IRI. ``tests/test_namespaces.py`` keeps it in sync
with ``ontology/conflict.ttl``.

Note: rdflib's built-in ``WGS`` namespace uses an ``https`` IRI that matches no published
data; the W3C WGS84 vocabulary is ``http://www.w3.org/2003/01/geo/wgs84_pos#``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

__all__ = [
    "ACLED",
    "ACTOR_TYPE",
    "BASE",
    "CAMEO",
    "CKG",
    "DCTERMS",
    "EVENT_TYPE",
    "GEO",
    "GEONAMES",
    "GN",
    "ID",
    "ITSRDF",
    "MODALITY",
    "NIF",
    "OWL",
    "PLACE_KIND",
    "PLOVER",
    "PROV",
    "RDF",
    "RDFS",
    "SEM",
    "SH",
    "SKOS",
    "VOCAB",
    "WD",
    "WGS",
    "XSD",
    "bind_prefixes",
]

BASE = "https://w3id.org/conflict-kg/"


class CKG(DefinedNamespace):
    """The conflict-kg ontology (``ontology/conflict.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # Classes
    Article: URIRef
    Actor: URIRef
    Place: URIRef
    Event: URIRef
    Mention: URIRef
    ActorMention: URIRef
    PlaceMention: URIRef
    EventMention: URIRef
    SourceMention: URIRef
    EventType: URIRef
    ActorType: URIRef
    Modality: URIRef
    PlaceKind: URIRef
    MergedEvent: URIRef
    MergeLink: URIRef
    AcledCoded: URIRef

    # Properties
    agent: URIRef
    target: URIRef
    modality: URIRef
    fatalities: URIRef
    trigger: URIRef
    sentence: URIRef
    placeKind: URIRef
    inAdmin1: URIRef
    inGovernorate: URIRef  # deprecated: ckg:inAdmin1
    inCountry: URIRef
    admin1Code: URIRef
    backedBy: URIRef
    affiliatedWith: URIRef
    acledEventType: URIRef
    acledSubEventType: URIRef
    ploverEventType: URIRef
    ploverMode: URIRef
    acledInter: URIRef
    actorAcledInter: URIRef
    actorCountry: URIRef
    agentModality: URIRef
    geoPrecision: URIRef
    hasReport: URIRef
    mergeLink: URIRef
    linksReport: URIRef
    mergeScore: URIRef
    side: URIRef
    mergeReason: URIRef
    conflictingClaim: URIRef
    contentHash: URIRef


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WGS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
GN = Namespace("http://www.geonames.org/ontology#")
GEONAMES = Namespace("https://sws.geonames.org/")
WD = Namespace("http://www.wikidata.org/entity/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

VOCAB = Namespace(BASE + "vocab/")
EVENT_TYPE = Namespace(BASE + "vocab/event-type/")
ACTOR_TYPE = Namespace(BASE + "vocab/actor-type/")
MODALITY = Namespace(BASE + "vocab/modality/")
PLACE_KIND = Namespace(BASE + "vocab/place-kind/")
ACLED = Namespace(BASE + "vocab/acled/")
PLOVER = Namespace(BASE + "vocab/plover/")
CAMEO = Namespace(BASE + "vocab/cameo/")
ID = Namespace(BASE + "id/")

PREFIXES: dict[str, Namespace | str] = {
    "ckg": str(CKG),
    "kgid": ID,
    "et": EVENT_TYPE,
    "at": ACTOR_TYPE,
    "mod": MODALITY,
    "pk": PLACE_KIND,
    "acled": ACLED,
    "plover": PLOVER,
    "cameo": CAMEO,
    "sem": SEM,
    "prov": PROV,
    "skos": SKOS,
    "wgs": WGS,
    "geo": GEO,
    "gn": GN,
    "gnid": GEONAMES,
    "wd": WD,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdfs": RDFS,
    "xsd": XSD,
}


def bind_prefixes(graph) -> None:  # noqa: ANN001 - any rdflib Graph or Dataset
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True, replace=True)


def sparql_prologue() -> str:
    """Return ``PREFIX`` lines for every project prefix, to put before a query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
