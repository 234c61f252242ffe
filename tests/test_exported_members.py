"""The public API is exactly what ``provenance.__all__`` lists (as httpx tests its own)."""

from __future__ import annotations

import pytest

import provenance


def test_all_imports_are_exported() -> None:
    included_private_members = ["__version__"]
    public = {
        member
        for member in dir(provenance)  # names are imported on first use: vars() lacks them
        if not member.startswith("_") or member in included_private_members
    }
    assert len(provenance.__all__) == len(set(provenance.__all__)), "duplicates in __all__"
    assert set(provenance.__all__) == public


def test_the_documented_surface_is_exported() -> None:
    documented = {
        "check", "default_registry", "Registry", "Report", "Mention", "Quote", "QuotedTerm",
        "Claim", "Finding", "Disclosure", "SourceSpan", "OutletRef", "RULES", "Rule", "SCHEMA",
        "ProvenanceError", "InputError", "RegistryError", "ConfigError", "SyncError",
        "Outlet", "Organization", "Alias", "Domain", "Handle", "Evidence", "Affiliation",
        "AffiliationClaim", "Controller", "__version__",
    }
    assert documented <= set(provenance.__all__)


def test_every_exported_name_resolves() -> None:
    for name in provenance.__all__:
        assert getattr(provenance, name) is not None, name


def test_exception_tree() -> None:
    for exc in (provenance.InputError, provenance.RegistryError, provenance.ConfigError,
                provenance.SyncError):
        assert issubclass(exc, provenance.ProvenanceError)
    assert issubclass(provenance.ProvenanceError, Exception)


def test_version_is_a_string() -> None:
    assert isinstance(provenance.__version__, str)
    assert provenance.__version__.strip()


def test_nothing_public_beyond_all_after_use() -> None:
    for name in provenance.__all__:
        getattr(provenance, name)
    public = {m for m in vars(provenance) if not m.startswith("_") or m == "__version__"}
    assert public == set(provenance.__all__)


def test_unknown_attribute_raises() -> None:
    with pytest.raises(AttributeError):
        provenance.no_such_thing  # noqa: B018
