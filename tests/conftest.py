"""Shared fixtures. Hypothesis keeps no example database (tests write nothing outside tmp):
the registry cache goes to a temporary directory for the whole session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import settings

import provenance

_CACHE = tempfile.mkdtemp(prefix="provenance-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["PROVENANCE_CACHE_DIR"] = _CACHE  # subprocesses (the CLI tests) inherit it
os.environ.pop("PROVENANCE_NO_CACHE", None)

settings.register_profile("provenance", database=None, deadline=None, print_blob=True)
settings.load_profile("provenance")


@pytest.fixture(scope="session")
def registry() -> provenance.Registry:
    """The bundled registry (loaded once; a value, not a singleton)."""
    return provenance.default_registry()
