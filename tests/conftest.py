"""Shared fixtures: one spaCy pipeline and one seed graph per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def annotate(nlp):
    """Run the pipeline on a text (normalised as the build does)."""
    from kg.nlp.normalize import normalize_text

    return lambda text: nlp(normalize_text(text))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    import kg

    return kg.example_path()


@pytest.fixture(scope="session")
def seed_graph(seed_path):
    import kg

    return kg.build_graph([seed_path])


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")
