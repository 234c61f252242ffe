"""provenance: check news briefs for where their claims come from.

>>> import provenance
>>> report = provenance.check("According to Tasnim, the talks failed.")
>>> [m.outlet.name for m in report.mentions if m.outlet]
['Tasnim News Agency']

The names below are imported on first use (PEP 562), so that ``import provenance`` and
``provenance --version`` start without loading the pipeline, regex, attrs or httpx.
"""

import importlib as _importlib

from ._version import __version__

TYPE_CHECKING = False  # not typing's: importing typing costs more than the rest of start-up
if TYPE_CHECKING:  # what the lazy imports below resolve to, for type checkers
    from ._check import check, default_registry
    from ._config import Config, find_config, load_config
    from ._exceptions import ConfigError, InputError, ProvenanceError, RegistryError, SyncError
    from ._many import check_many
    from ._model import (
        Affiliation,
        Alias,
        Controller,
        Domain,
        Evidence,
        Handle,
        Organization,
        Outlet,
    )
    from ._model import Claim as AffiliationClaim
    from ._registry import Registry
    from ._report import (
        SCHEMA,
        Claim,
        Disclosure,
        Finding,
        Mention,
        OutletRef,
        Quote,
        QuotedTerm,
        Report,
        SourceSpan,
    )
    from ._rules import RULES, Rule
del TYPE_CHECKING

__all__ = [
    "RULES",
    "SCHEMA",
    "Affiliation",
    "AffiliationClaim",
    "Alias",
    "Claim",
    "Config",
    "ConfigError",
    "Controller",
    "Disclosure",
    "Domain",
    "Evidence",
    "Finding",
    "Handle",
    "InputError",
    "Mention",
    "Organization",
    "Outlet",
    "OutletRef",
    "ProvenanceError",
    "Quote",
    "QuotedTerm",
    "Registry",
    "RegistryError",
    "Report",
    "Rule",
    "SourceSpan",
    "SyncError",
    "__version__",
    "check",
    "check_many",
    "default_registry",
    "find_config",
    "load_config",
]

# exported name -> (private module, name in that module)
_LAZY: dict[str, tuple[str, str]] = {
    "check": ("._check", "check"),
    "default_registry": ("._check", "default_registry"),
    "Config": ("._config", "Config"),
    "find_config": ("._config", "find_config"),
    "load_config": ("._config", "load_config"),
    "ConfigError": ("._exceptions", "ConfigError"),
    "InputError": ("._exceptions", "InputError"),
    "ProvenanceError": ("._exceptions", "ProvenanceError"),
    "RegistryError": ("._exceptions", "RegistryError"),
    "SyncError": ("._exceptions", "SyncError"),
    "check_many": ("._many", "check_many"),
    "Affiliation": ("._model", "Affiliation"),
    "Alias": ("._model", "Alias"),
    "Controller": ("._model", "Controller"),
    "Domain": ("._model", "Domain"),
    "Evidence": ("._model", "Evidence"),
    "Handle": ("._model", "Handle"),
    "Organization": ("._model", "Organization"),
    "Outlet": ("._model", "Outlet"),
    "AffiliationClaim": ("._model", "Claim"),
    "Registry": ("._registry", "Registry"),
    "SCHEMA": ("._report", "SCHEMA"),
    "Claim": ("._report", "Claim"),
    "Disclosure": ("._report", "Disclosure"),
    "Finding": ("._report", "Finding"),
    "Mention": ("._report", "Mention"),
    "OutletRef": ("._report", "OutletRef"),
    "Quote": ("._report", "Quote"),
    "QuotedTerm": ("._report", "QuotedTerm"),
    "Report": ("._report", "Report"),
    "SourceSpan": ("._report", "SourceSpan"),
    "RULES": ("._rules", "RULES"),
    "Rule": ("._rules", "Rule"),
}


def __getattr__(name: str) -> object:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    value = getattr(_importlib.import_module(target[0], __name__), target[1])
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
