"""PRV102 undisclosed-affiliation."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    seen: set[str] = set()
    for m in ctx.mentions:
        if m.state_affiliated is not True or m.disclosed or ctx.in_boilerplate(m.start):
            continue
        key = m.outlet.id if m.outlet else f"generic:{m.text.casefold()}"
        if key in seen:
            continue
        seen.add(key)
        count = (
            sum(1 for x in ctx.mentions if (x.outlet.id if x.outlet else None) == key)
            if m.outlet
            else 1
        )
        what = m.outlet.name if m.outlet else f"“{m.text}”"
        more = f" ({count} mentions)" if count > 1 else ""
        yield Draft(
            m.start, m.end, f"{what} is {m.label}, and the brief never tells the reader{more}."
        )


RULE = Rule(
    code="PRV102",
    name="undisclosed-affiliation",
    severity="error",
    summary="A state-affiliated outlet is cited and the brief nowhere tells the reader so.",
    why="A reader who does not know that Tasnim speaks for the IRGC, or RT for the Russian state, "
    "takes a party to the story for an observer of it.",
    example="Tasnim reported that the talks had failed.",
    instead="Say it once, anywhere in the brief: “Tasnim, which is affiliated with the IRGC, "
    "reported …” or “the IRGC-affiliated Tasnim news agency”.",
    check=_check,
    triggers=("Tasnim reported that the talks had failed.", "The talks had failed, RT said."),
    passes=(
        "Tasnim, which is affiliated with the IRGC, reported that the talks had failed.",
        "The state-run Syrian news agency SANA said five people were killed.",
        "Reuters reported that the talks had failed.",
    ),
)
