"""Shared fixtures. Hypothesis keeps no example database (tests write nothing outside tmp)."""

from __future__ import annotations

import pytest
from hypothesis import settings

import provenance

settings.register_profile("provenance", database=None, deadline=None, print_blob=True)
settings.load_profile("provenance")


@pytest.fixture(scope="session")
def registry() -> provenance.Registry:
    """The bundled registry (loaded once; a value, not a singleton)."""
    return provenance.default_registry()
