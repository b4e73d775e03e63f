"""Fixtures shared across the test modules."""

from __future__ import annotations

import pytest

from alliance_kg.pipeline.extractor import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real pipeline, loaded once for the whole session (spaCy is slow to load)."""
    return Extractor.load()
