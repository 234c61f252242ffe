"""PRV109 sourcing-balance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .._report import Mention
from ._base import Draft, Rule, RuleContext


def _camp(m: Mention) -> str:
    if m.state_affiliated is True:
        return m.country or "state"
    if m.state_affiliated is False:
        return "independent"
    return "unknown"


def _check(ctx: RuleContext) -> Iterator[Draft]:
    max_share = float(ctx.options.get("max-share", 0.5))
    min_claims = int(ctx.options.get("min-claims", 3))
    camps: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for c in ctx.claims:
        if not c.via or c.boilerplate:
            continue
        mentions = [m for m in (ctx.mention(v) for v in c.via) if m is not None]
        state = [m for m in mentions if m.state_affiliated is True]
        chosen = state[-1] if state else mentions[-1] if mentions else None
        if chosen is None:
            continue
        camp = _camp(chosen)
        camps[camp] += 1
        first.setdefault(camp, chosen)
    total = sum(camps.values())
    if total < min_claims:
        return
    for camp, n in camps.most_common():
        if camp in ("independent", "unknown"):
            continue
        share = n / total
        if share > max_share:
            m = first[camp]
            yield Draft(
                m.start,
                m.end,
                f"{n} of {total} sourced claims ({share:.0%}) come through media "
                f"controlled by the state of {ctx.country_names.get(camp, camp)}; the "
                f"configured limit is {max_share:.0%}.",
            )
        break


RULE = Rule(
    code="PRV109",
    name="sourcing-balance",
    severity="info",
    summary="The brief's sourced claims lean on media controlled by one state beyond a "
    "configurable share (options: max-share, default 0.5; min-claims, default 3).",
    why="A brief may name every source correctly and still tell one government's story.",
    example="According to Tasnim, the talks failed. Fars reported that the envoy left. "
    "Press TV said the border was closed.",
    instead="Balance the sourcing, or say plainly that only one side's media report the events.",
    check=_check,
    triggers=(
        "According to Tasnim, the talks failed. Fars reported that the envoy left. "
        "Press TV said the border was closed.",
    ),
    passes=(
        "According to Tasnim, the talks failed. Reuters reported that the envoy left. "
        "AFP said the border was closed. The BBC said the port reopened.",
    ),
    options={"max-share": 0.5, "min-claims": 3},
)
