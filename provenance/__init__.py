"""provenance: check news briefs for where their claims come from.

>>> import provenance
>>> report = provenance.check("According to Tasnim, the talks failed.")
>>> [m.outlet.name for m in report.mentions if m.outlet]
['Tasnim News Agency']
"""

from ._check import check, default_registry
from ._config import Config, find_config, load_config
from ._exceptions import ConfigError, InputError, ProvenanceError, RegistryError, SyncError
from ._many import check_many
from ._model import Affiliation, Alias, Controller, Domain, Evidence, Handle, Organization, Outlet
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
from ._version import __version__

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
