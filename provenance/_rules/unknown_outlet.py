"""PRV108 unknown-outlet."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    seen: set[str] = set()
    for m in ctx.mentions:
        if m.kind != "unknown" or ctx.in_boilerplate(m.start) or m.text.casefold() in seen:
            continue
        seen.add(m.text.casefold())
        yield Draft(
            m.start,
            m.end,
            f"“{m.text}” looks like an outlet the registry does not know: its "
            "ownership and control are unchecked.",
        )


RULE = Rule(
    code="PRV108",
    name="unknown-outlet",
    severity="info",
    summary="An outlet-like name (“X News Agency”) that the registry does not know.",
    why="The checker cannot tell who controls an outlet it does not know; an editor should.",
    example="Hormozgan Today News Agency reported that the port was closed.",
    instead="Check the outlet and add it to your newsroom's registry overlay (docs/registry.md).",
    check=_check,
    triggers=("Qeshm Harbour News Agency reported that the port was closed.",),
    passes=("Reuters reported that the port was closed.", "The port was closed."),
)
