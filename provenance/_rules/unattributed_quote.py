"""PRV106 unattributed-quote."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    for q in ctx.quotes:
        if q.speaker is None and not ctx.in_boilerplate(q.start):
            short = q.text if len(q.text) <= 60 else q.text[:57] + "…"
            yield Draft(q.start, q.end, f"Quotation “{short}” has no speaker.")


RULE = Rule(
    code="PRV106",
    name="unattributed-quote",
    severity="warning",
    summary="A direct quotation with no speaker.",
    why="Quotation marks promise the reader someone's exact words; without a speaker the "
    "reader cannot tell whose.",
    example="The strikes were “a grave mistake.”",
    instead="Name the speaker (“…,” the foreign minister said), or paraphrase without quotation marks.",
    check=_check,
    triggers=("The strikes were “a grave mistake that will not go unanswered.”",),
    passes=(
        "“The strikes were a grave mistake,” the foreign minister said.",
        "The film “Our Supreme Commander” opened on Friday.",
    ),
)
