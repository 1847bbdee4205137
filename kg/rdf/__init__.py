"""Building RDF: IRIs minted in one place, and one named graph per article."""

from kg.rdf.builder import extraction_to_graph
from kg.rdf.iris import article_graph_iri, article_iri

__all__ = ["article_graph_iri", "article_iri", "extraction_to_graph"]
