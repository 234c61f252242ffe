"""PRV107 unsourced-figure."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from .._text import SPACE
from ._base import Draft, Rule, RuleContext

_NUMBER = (
    r"(?:\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)"
    r"|(?:half\s+a|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|hundreds\s+of"
    r"|thousands\s+of|tens\s+of\s+thousands\s+of|millions\s+of)"
)
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion))?"
_COUNTED = (
    r"people|persons|civilians|soldiers|troops|fighters|militants|children|women|men|refugees"
    r"|migrants|deaths|dead|casualties|victims|protesters|prisoners|detainees|residents|homes"
    r"|houses|buildings|missiles|rockets|drones|strikes|airstrikes|dollars|euros|barrels|tonnes|tons"
)
_FIGURE = regex.compile(
    rf"(?<![\w.])(?:(?:{_NUMBER}){_SCALE}\s+(?:\w+\s+){{0,2}}?(?:{_COUNTED})\b"
    rf"|\d+(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b)"
    rf"|(?:half\s+a|a|one|two|three|several)\s+(?:million|billion)\b)",
    regex.I,
)
# What every match of _FIGURE holds, in the text case folded as regex.I compares (the three
# characters that match an ASCII letter there mapped to it, then lower case): a counted noun
# or "million"/"billion" after white space, or "%", or "cent" (percent, per cent). Most claims
# have none and skip the slower search.
_REGEX_I_ASCII = str.maketrans({"\u0130": "i", "\u017f": "s", "\u212a": "k"})
_MAY_HOLD_A_FIGURE = re.compile(rf"[{SPACE}](?:{_COUNTED}|million|billion)|%|cent")


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` (plain words) grouped by first letter, as in
    "p(?:eople|ersons)|c(?:…)": the same strings, but after each space ``re`` compares one
    letter per group before it tries the words of one group, rather than trying all 40."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in groups.items())


# its first branch alone: "%" and "cent" are looked for as substrings (at C speed), and a
# search for a branch that starts with a character class skips to that class, where the
# whole alternation was tried at every position
_SPACE_AND_WORD = re.compile(
    rf"[{SPACE}](?:{_by_first_letter([*_COUNTED.split('|'), 'million', 'billion'])})"
)


def _may_hold_a_figure(text: str) -> bool:
    """Whether ``_MAY_HOLD_A_FIGURE`` is found in ``text`` folded as above."""
    if "\u0130" in text or "\u017f" in text or "\u212a" in text:  # (rare: translated only then)
        text = text.translate(_REGEX_I_ASCII)
    text = text.lower()
    return "%" in text or "cent" in text or _SPACE_AND_WORD.search(text) is not None


def _check(ctx: RuleContext) -> Iterator[Draft]:
    for c in ctx.claims:
        if c.kind != "unattributed" or c.boilerplate or ctx.in_boilerplate(c.start):
            continue
        if not _may_hold_a_figure(c.text):
            continue
        m = _FIGURE.search(c.text, timeout=1)
        if m is None:
            continue
        s, e = c.start + m.start(), c.start + m.end()
        yield Draft(s, e, f"The figure “{m.group()}” has no source.")


RULE = Rule(
    code="PRV107",
    name="unsourced-figure",
    severity="info",
    summary="A number-bearing claim (casualties, percentages) in the author's own voice, with no "
    "source.",
    why="Figures are the claims readers quote most and check least; an unsourced toll may come "
    "from a party to the conflict.",
    example="The war has killed half a million people.",
    instead="Attribute the figure: “… which the UN says has killed …”.",
    check=_check,
    triggers=("The war has killed half a million people.", "Prices rose 12% last year."),
    passes=("The UN said the war has killed half a million people.", "The talks lasted six hours."),
)
