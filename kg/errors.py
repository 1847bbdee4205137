"""The errors conflict-kg raises, each with a message a user can act on.

Every error derives from :class:`KGError`; the command line maps each class to an
exit status and prints one ``TIP`` line with the fix (see :mod:`kg.cli._util`).
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error conflict-kg raises on purpose.

    ``hint`` is one sentence that tells the user how to fix the problem.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class InputError(KGError):
    """An article file, folder or row cannot be read; the message names it and why."""

    exit_code = 3


class ModelError(KGError):
    """No spaCy English model is installed."""

    exit_code = 4


class DataError(KGError):
    """A gazetteer, rule file or ontology shipped in ``data/`` or ``ontology/`` is malformed."""

    exit_code = 5


class OntologyError(DataError):
    """The ontology or the SHACL shapes cannot be loaded, or a term is unknown."""


class ValidationError(KGError):
    """A graph does not conform to the SHACL shapes."""

    exit_code = 6


class QueryError(KGError):
    """A SPARQL query is malformed, unknown by name, or failed to run."""

    exit_code = 7


class StoreError(KGError):
    """A graph file or store cannot be read or written."""

    exit_code = 8
