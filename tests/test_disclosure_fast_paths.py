"""The disclosure finder's shortcut gives what filtering and bisecting all tokens gave."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from provenance._disclosure import _SentenceTokens
from provenance._text import tokenize


def _reference(
    text: str, start: int, end: int, pstart: int, pend: int
) -> tuple[list[object], int, int]:
    tokens = [t for t in tokenize(text) if t.norm != "-"]
    starts = [t.start for t in tokens]
    a = bisect.bisect_left(starts, start)
    b = bisect.bisect_left(starts, end)
    return (
        list(tokens[a:b]),
        bisect.bisect_left(starts, pstart) - a,
        bisect.bisect_left(starts, pend) - a,
    )


@given(
    st.lists(st.sampled_from(["a", "bc", " ", "-", " - ", "state-run", ".", "\u2014"]), max_size=30)
    .map("".join),
    st.lists(st.integers(0, 60), min_size=4, max_size=4),
)
def test_sentence_tokens_match_the_reference(text: str, cuts: list[int]) -> None:
    start, end, pstart, pend = cuts
    end = max(start, end)
    pstart = max(start, pstart)
    pend = max(pstart + 1, pend)  # (a mention is never empty)
    sentence_tokens = _SentenceTokens(tokenize(text))
    for _ in range(2):  # (the second time from what was kept)
        stoks, mi, me = sentence_tokens.at(start, end, pstart, pend)
        assert (list(stoks), mi, me) == _reference(text, start, end, pstart, pend)
    # another mention of the same sentence
    other = max(start, min(pstart + 3, end - 1))
    stoks, mi, me = sentence_tokens.at(start, end, other, other + 1)
    assert (list(stoks), mi, me) == _reference(text, start, end, other, other + 1)
