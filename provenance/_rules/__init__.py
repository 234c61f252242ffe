"""The rule catalogue (DESIGN §7). Each rule lives in its own module."""

from __future__ import annotations

from ._base import Draft, Rule, RuleContext
from .laundered_source import RULE as LAUNDERED_SOURCE
from .sourcing_balance import RULE as SOURCING_BALANCE
from .state_affiliated_source import RULE as STATE_AFFILIATED_SOURCE
from .state_sourcing_only import RULE as STATE_SOURCING_ONLY
from .unattributed_quote import RULE as UNATTRIBUTED_QUOTE
from .undisclosed_affiliation import RULE as UNDISCLOSED_AFFILIATION
from .unknown_outlet import RULE as UNKNOWN_OUTLET
from .unsourced_figure import RULE as UNSOURCED_FIGURE
from .unused_suppression import RULE as UNUSED_SUPPRESSION
from .vague_state_source import RULE as VAGUE_STATE_SOURCE

__all__ = ["RULES", "Draft", "Rule", "RuleContext", "rule_by_key"]

RULES: tuple[Rule, ...] = (
    UNUSED_SUPPRESSION,
    STATE_AFFILIATED_SOURCE,
    UNDISCLOSED_AFFILIATION,
    STATE_SOURCING_ONLY,
    LAUNDERED_SOURCE,
    VAGUE_STATE_SOURCE,
    UNATTRIBUTED_QUOTE,
    UNSOURCED_FIGURE,
    UNKNOWN_OUTLET,
    SOURCING_BALANCE,
)


def rule_by_key(key: str) -> Rule | None:
    """A rule by code (``PRV102``) or name (``undisclosed-affiliation``)."""
    k = key.strip()
    return next((r for r in RULES if r.code == k.upper() or r.name == k.lower()), None)
