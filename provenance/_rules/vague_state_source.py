"""PRV105 vague-state-source."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    used = ctx.conduits()
    for m in ctx.mentions:
        if m.kind != "generic" or m.id not in used or ctx.in_boilerplate(m.start):
            continue
        yield Draft(
            m.start, m.end, f"“{m.text}” is a vague source: name the outlet that carried the claim."
        )


RULE = Rule(
    code="PRV105",
    name="vague-state-source",
    severity="warning",
    summary="A claim is sourced to a generic reference (“Iranian media”, “state TV”) where the "
    "outlet could be named.",
    why="“Iranian media” may mean an IRGC agency or a reformist daily; the reader cannot judge "
    "a source that is not named.",
    example="The ministers warned against further strikes, the Iranian media reports.",
    instead="Name the outlet: “…, the IRGC-affiliated Tasnim news agency reported.”",
    check=_check,
    triggers=(
        "The ministers warned against further strikes, the Iranian media reports.",
        "According to Russian state media, the talks failed.",
    ),
    passes=(
        "The ministers warned against further strikes, Reuters reported.",
        "Iranian media have grown more cautious in recent years.",
    ),
)
