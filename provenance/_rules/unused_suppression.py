"""PRV100 unused-suppression (reported by the suppression stage, not by a check of its own)."""

from __future__ import annotations

from collections.abc import Iterator

from ._base import Draft, Rule, RuleContext


def _check(ctx: RuleContext) -> Iterator[Draft]:
    # Suppressions are applied after every rule has run; the suppression stage reports the
    # ones that suppressed nothing under this rule's code.
    return iter(())


RULE = Rule(
    code="PRV100",
    name="unused-suppression",
    severity="warning",
    summary="An inline suppression comment that suppresses nothing (or names no rule).",
    why="A stale suppression hides the next real finding on that line and tells readers a "
    "problem exists where none does.",
    example="<!-- provenance-disable-next-line PRV102 -- disclosed in the sidebar -->\n"
    "The talks failed.",
    instead="Delete the comment, or fix the rule code it names.",
    check=_check,
    triggers=(
        "<!-- provenance-disable-next-line PRV102 -- disclosed elsewhere -->\nThe talks failed.",
        "<!-- provenance-disable-file no-such-rule -->\nThe talks failed.",
    ),
    passes=(
        "<!-- provenance-disable-next-line PRV102 -- disclosed in the sidebar -->\n"
        "Tasnim reported that the talks failed.",
        "The talks failed.",
    ),
)
