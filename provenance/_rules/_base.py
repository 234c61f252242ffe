"""The rule interface: a small declarative object per rule (code, name, severity, docs, examples)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from .._report import Claim, Mention, Quote, Severity

__all__ = ["Draft", "Rule", "RuleContext"]


@attrs.frozen
class RuleContext:
    """What a rule sees: the analysed brief (original offsets), without findings."""

    text: str
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    boilerplate: tuple[tuple[int, int], ...]  # original spans of publisher boilerplate
    options: Mapping[str, Any] = attrs.field(factory=dict)  # this rule's configured options
    country_names: Mapping[str, str] = attrs.field(factory=dict)  # ISO code -> name
    # mentions by id: rules look one up per claim's conduit (a linear search was quadratic)
    _by_id: dict[str, Mention] = attrs.field(init=False, repr=False, eq=False)
    # the boilerplate spans' starts in order, and the furthest end among the spans up to each:
    # a span holds an offset when one that starts at or before it reaches past it, which a
    # bisection tells (rules ask for every claim; a look at every span was quadratic)
    _boiler_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _boiler_reach: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Mention] = {}
        for m in self.mentions:
            by_id.setdefault(m.id, m)  # the first with an id, as a search would find
        object.__setattr__(self, "_by_id", by_id)
        spans = sorted(self.boilerplate)
        object.__setattr__(self, "_boiler_starts", [s for s, _ in spans])
        reach = itertools.accumulate((e for _, e in spans), max)
        object.__setattr__(self, "_boiler_reach", list(reach))

    def in_boilerplate(self, start: int) -> bool:
        """Whether a boilerplate span holds ``start`` (``s <= start < e``)."""
        k = bisect.bisect_right(self._boiler_starts, start)
        return k > 0 and self._boiler_reach[k - 1] > start

    def mention(self, mention_id: str) -> Mention | None:
        return self._by_id.get(mention_id)

    def conduits(self) -> set[str]:
        """Ids of the mentions some claim or quote came through."""
        out = {v for c in self.claims for v in c.via}
        out.update(v for q in self.quotes for v in q.via)
        return out


@attrs.frozen
class Draft:
    """A finding before positions and severity are filled in."""

    start: int
    end: int
    message: str


@attrs.frozen
class Rule:
    """One rule of the catalogue.

    ``code`` is stable (``PRV102``); ``name`` reads as what it flags (``undisclosed-affiliation``).
    The docs fields feed ``provenance rules``, the generated reference and SARIF help.
    ``triggers`` and ``passes`` are example briefs: the test-suite checks that each rule fires
    on every one of the first and on none of the second.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    example: str
    instead: str
    check: Callable[[RuleContext], Iterator[Draft]]
    triggers: tuple[str, ...]
    passes: tuple[str, ...]
    options: Mapping[str, Any] = attrs.field(factory=dict)  # defaults of configurable options

    @property
    def help(self) -> str:
        return f"{self.summary} Why: {self.why} Instead: {self.instead}"
