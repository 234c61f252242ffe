"""PRV101 state-affiliated-source."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    used = ctx.conduits()
    for m in ctx.mentions:
        if m.id in used and m.state_affiliated is True and not ctx.in_boilerplate(m.start):
            what = m.outlet.name if m.outlet else f"“{m.text}”"
            yield Draft(m.start, m.end, f"{what} is a state-affiliated source ({m.label}).")


RULE = Rule(
    code="PRV101",
    name="state-affiliated-source",
    severity="info",
    summary="A claim reaches the brief through a state-affiliated outlet.",
    why="Readers weigh a claim differently when a state, party, armed force or militia controls "
    "the outlet that carried it.",
    example="According to Tasnim News Agency, the talks had failed.",
    instead="Keep the source if it is the best available, say who controls it, and corroborate "
    "the claim with an independent source where you can.",
    check=_check,
    triggers=("According to Tasnim News Agency, the talks had failed.",),
    passes=("According to Reuters, the talks had failed.", "The talks had failed."),
)
