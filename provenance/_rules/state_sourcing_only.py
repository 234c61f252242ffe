"""PRV103 state-sourcing-only."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    conduits = ctx.conduits()  # once: it walks every claim and quote
    used = [m for m in ctx.mentions if m.id in conduits and not ctx.in_boilerplate(m.start)]
    state = [m for m in used if m.state_affiliated is True]
    independent = [m for m in used if m.state_affiliated is False and m.kind == "outlet"]
    if not state or independent:
        return
    names = []
    for m in state:
        n = m.outlet.name if m.outlet else m.text
        if n not in names:
            names.append(n)
    claims = sum(1 for c in ctx.claims if c.via and not c.boilerplate)
    first = state[0]
    yield Draft(
        first.start,
        first.end,
        f"The brief's sourced claims ({claims}) come only through state-affiliated or unnamed "
        f"media ({', '.join(names)}); no independent outlet corroborates them.",
    )


RULE = Rule(
    code="PRV103",
    name="state-sourcing-only",
    severity="warning",
    summary="The brief's sourced claims rest only on state-affiliated media, with no independent outlet.",
    why="A brief that relays only what state media say repeats one party's account; an editor "
    "should know that nothing independent backs it.",
    example="According to Tasnim, the talks failed. Press TV said the envoy left.",
    instead="Add an independent source (a wire agency, an independent outlet, a named official "
    "on the record) or say plainly that no independent confirmation exists.",
    check=_check,
    triggers=("According to Tasnim, the talks failed.",),
    passes=(
        "According to Tasnim, the talks failed. Reuters reported that the envoy left.",
        "The talks failed, the minister said.",
    ),
)
