"""Terms as they come back from a store, made equal to the terms that went in.

Stores keep values, not always spellings:

- Oxigraph, like RDF 1.1, types every plain literal ``xsd:string``; rdflib's in-memory
  store tells ``"X"`` and ``"X"^^xsd:string`` apart (rdflib issue 2123), so a copy of the
  data would silently miss ``rdfs:label "X"`` look-ups. They come back plain.
- Oxigraph (and Virtuoso) store derived integer types as ``xsd:integer``: offsets and
  fatalities, ``xsd:nonNegativeInteger`` in the shapes, would no longer conform. The
  shapes say which properties carry which integer type, and the type comes back.
- Numbers are kept in canonical form (``"36.60000"^^xsd:decimal`` comes back ``"36.6"``):
  the same value, which SPARQL compares as equal; only the spelling differs.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from kg.resources import ontology_path

_INTEGER_TYPES = frozenset(
    {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger,
     XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong,
     XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}
)  # fmt: skip


@cache
def _integer_datatypes() -> dict[URIRef, URIRef]:
    """Property -> derived integer type, from the shapes' ``sh:path``/``sh:datatype``."""
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    found: dict[URIRef, URIRef] = {}
    for node, datatype in shapes.subject_objects(SH.datatype):
        path = shapes.value(node, SH.path)
        if datatype in _INTEGER_TYPES and isinstance(path, URIRef):
            found[path] = datatype
    return found


def restore(predicate: Node, term: Node) -> Node:
    """``term``, the object of ``predicate`` as a store returned it, as it was written.

    >>> from kg.ontology.namespaces import NIF
    >>> restore(NIF.beginIndex, Literal("5", datatype=XSD.integer)).datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#nonNegativeInteger')
    >>> restore(NIF.anchorOf, Literal("Raqqa", datatype=XSD.string)) == Literal("Raqqa")
    True
    """
    if not isinstance(term, Literal) or term.datatype is None:
        return term
    if term.datatype == XSD.string:
        return Literal(str(term))
    if term.datatype == XSD.integer:
        datatype = _integer_datatypes().get(predicate)  # type: ignore[call-overload]
        if datatype is not None:
            return Literal(str(term), datatype=datatype)
    return term


def plain(term: Node) -> Node:
    """``"X"^^xsd:string`` as the plain literal ``"X"``; any other term unchanged.

    >>> plain(Literal("X", datatype=XSD.string)) == Literal("X")
    True
    """
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term
