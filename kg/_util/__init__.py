"""The base layer: helpers every stage may use and that import nothing of ``kg`` but
:mod:`kg.errors` — text folding and keys (:mod:`.text`), the one YAML reader
(:mod:`.yaml`), atomic file writes (:mod:`.atomic`)."""
