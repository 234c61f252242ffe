"""The report's shortcuts give what the code they replace gave."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from provenance._report import LineIndex
from provenance._rules import RuleContext


@given(st.lists(st.sampled_from(["a", "bc", "\n", "\r", "\r\n", "\n\r", "\u2028", " "]), max_size=30)
       .map("".join))
def test_line_starts_are_those_of_the_three_line_ends(text: str) -> None:
    expected = (0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text)))
    assert LineIndex.of(text).starts == expected
    crlf = text.replace("\r", "").replace("\n", "\r\n")  # (the fast case: every "\r" in a "\r\n")
    assert LineIndex.of(crlf).starts == (0, *(m.end() for m in re.finditer("\r\n", crlf)))


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 15)), max_size=8),
    st.integers(-2, 60),
)
def test_in_boilerplate_is_a_look_at_every_span(raw: list[tuple[int, int]], offset: int) -> None:
    spans = tuple((s, s + n) for s, n in raw)  # in any order; may overlap, nest or be empty
    ctx = RuleContext("", (), (), (), spans)
    assert ctx.in_boilerplate(offset) == any(s <= offset < e for s, e in spans)
