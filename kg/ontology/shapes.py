"""SHACL validation of a graph against ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.resources import ontology_path


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words."""

    focus: str
    path: str | None
    message: str
    severity: str
    value: str | None = None

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"[{self.severity}] {self.focus}{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """The outcome of validating a graph: ``conforms`` and the violations, if any."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    def __str__(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples:,} triples checked against ontology/shapes.ttl"
        lines = [f"{len(self.violations)} violation(s) of ontology/shapes.ttl:"]
        lines += [f"  {v}" for v in self.violations[:200]]
        if len(self.violations) > 200:
            lines.append(f"  ... and {len(self.violations) - 200} more")
        return "\n".join(lines)


@cache
def _shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_path("conflict.ttl"), format="turtle")


def _short(graph: Graph, node) -> str:  # noqa: ANN001
    try:
        return graph.namespace_manager.normalizeUri(node)
    except Exception:  # noqa: BLE001
        return str(node)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate one rdflib graph (ontology and vocabularies are added for the check)."""
    import pyshacl

    combined = Graph()
    for triple in data:
        combined.add(triple)
    triples = len(combined)
    for triple in _ontology():
        combined.add(triple)
    conforms, results, _ = pyshacl.validate(
        combined, shacl_graph=_shapes(), inference="none", advanced=True, allow_warnings=True
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        violations.append(
            Violation(
                focus=_short(combined, results.value(result, SH.focusNode)),
                path=_short(combined, path) if path is not None else None,
                message=str(results.value(result, SH.resultMessage) or "constraint violated"),
                severity=_short(results, results.value(result, SH.resultSeverity)).split("#")[-1],
                value=str(value)[:80] if value is not None else None,
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms), violations, triples)


def validate(kg) -> ValidationReport:  # noqa: ANN001 - a KnowledgeGraph
    """Validate a :class:`~kg.graph.KnowledgeGraph` (the union of its article graphs).

    >>> import kg
    >>> validate(kg.build_graph([kg.example_path()])).conforms
    True
    """
    # One pass over the quads: reading graph by graph looks up every graph of each triple
    # (rdflib's memory store), quadratic when articles share triples (actors, places).
    articles = set(kg.article_graphs())
    union = Graph()
    for s, p, o, name in kg.dataset.quads((None, None, None, None)):
        if (name.identifier if isinstance(name, Graph) else name) in articles:
            union.add((s, p, o))
    return validate_graph(union)
