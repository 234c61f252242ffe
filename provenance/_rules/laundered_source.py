"""PRV104 laundered-source."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    seen: set[tuple[str, str]] = set()
    chains = [c.via for c in ctx.claims if not c.boilerplate] + [q.via for q in ctx.quotes]
    for via in chains:
        if not via:
            continue  # (most claims) no mention, so no relay and no origin
        mentions = [m for m in (ctx.mention(v) for v in via) if m is not None]
        relays = [m for m in mentions if m.kind == "outlet" and m.state_affiliated is False]
        origins = [m for m in mentions if m.state_affiliated is True]
        for relay in relays:
            for origin in origins:
                key = (relay.id, origin.id)
                if key in seen or ctx.in_boilerplate(relay.start):
                    continue
                seen.add(key)
                r = relay.outlet.name if relay.outlet else relay.text
                o = origin.outlet.name if origin.outlet else f"“{origin.text}”"
                yield Draft(
                    relay.start,
                    relay.end,
                    f"{r} relays {o} ({origin.label}): the claim is the state outlet's, not {r}'s.",
                )


RULE = Rule(
    code="PRV104",
    name="laundered-source",
    severity="warning",
    summary="An independent outlet relays a state-affiliated one (“Reuters, citing Tasnim”).",
    why="The independent name lends credibility that belongs to the original, state-affiliated "
    "source; readers remember “Reuters reported”.",
    example="Reuters, citing Tasnim, reported that the envoy left.",
    instead="Lead with the original source and its affiliation: “The IRGC-affiliated Tasnim news "
    "agency reported, as relayed by Reuters, that …”.",
    check=_check,
    triggers=("Reuters, citing Tasnim, reported that the envoy left.",),
    passes=("Reuters reported that the envoy left.", "Tasnim reported that the envoy left."),
)
