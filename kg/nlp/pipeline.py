"""Assemble the extraction pipeline on top of a spaCy English model."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

# Importing the modules registers their factories with spaCy.
from kg.nlp import (  # noqa: F401
    actor_ruler,
    attribution,
    event_roles,
    event_triggers,
    layout,
    new_actors,
    place_ruler,
    sentences,
)
from kg.nlp.model import load_model

COMPONENTS = (
    "kg_layout",
    "kg_actor_ruler",
    "kg_place_ruler",
    "kg_new_actors",
    "kg_event_triggers",
    "kg_attribution",
    "kg_event_roles",
)


def add_components(nlp: Language) -> Language:
    """Add the conflict-kg components after the model's own (idempotent)."""
    if "kg_sentences" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("kg_sentences", before=before)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@cache
def load_pipeline(model: str | None = None) -> Language:
    """Load the English model with the conflict-kg components added (cached per process).

    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[-2:]
    ['kg_attribution', 'kg_event_roles']
    """
    return add_components(load_model(model))
