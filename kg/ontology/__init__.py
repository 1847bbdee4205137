"""The ontology, read from ``ontology/conflict.ttl`` and ``ontology/shapes.ttl``: the
namespaces (:mod:`.namespaces`, the project's own closed), the concept schemes and the
event-type hierarchy (:mod:`.vocab`), and SHACL validation (:mod:`.shapes`)."""
