"""Property tests for quotation pairing: apostrophes never open a quotation; a quotation never
runs across a mark that nothing pairs with; quotations never overlap; every reported quote sits
between real quotation marks."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._support import run

_OPEN = "“\"«„‘「"
_CLOSE = "”\"»“’」"
_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("「", "」")]
_MARKS = set(_OPEN) | set(_CLOSE) | {"'", "‚", "‹", "›", "『", "』"}

WORDS = ["the", "talks", "failed", "Kessel", "port", "said", "minister", "we", "will", "not",
         "trade", "Москва", "وكالة", "新华社", "on", "Friday", "3.5", "percent"]
APOSTROPHE_WORDS = ["Iran's", "don't", "Kessel’s", "ministers'", "it’s", "rock 'n' roll", "'90s",
                    "O'Neill", "the '80s", "isn’t", "can't", "Ostrava's"]


@st.composite
def apostrophe_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(WORDS + APOSTROPHE_WORDS), min_size=1, max_size=30))
    return " ".join(parts) + "."


@given(apostrophe_text())
@settings(max_examples=150, deadline=None)
def test_apostrophes_never_open_a_quotation(text: str) -> None:
    report = run(text)
    assert report.quotes == ()
    assert report.quoted_terms == ()


@st.composite
def paired_text(draw: st.DrawFn) -> tuple[str, list[int]]:
    """Sentences with well-formed quotations and, somewhere between them, a stray closing mark
    (a mark nothing can pair with); returns the text and the stray marks' offsets."""
    pieces: list[str] = []
    strays: list[int] = []
    for _ in range(draw(st.integers(1, 4))):
        words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        if draw(st.booleans()):
            o, c = draw(st.sampled_from(_PAIRS))
            quoted = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
            pieces.append(f"{words} {o}{quoted},{c} the minister said.")
        else:
            pieces.append(f"{words} failed.")
        if draw(st.booleans()):
            offset = sum(len(p) + 1 for p in pieces)
            pieces.append("»")
            strays.append(offset)
    return " ".join(pieces), strays


@given(paired_text())
@settings(max_examples=150, deadline=None)
def test_no_quotation_crosses_an_unmatched_mark(case: tuple[str, list[int]]) -> None:
    text, strays = case
    report = run(text)
    for i in strays:
        assert text[i] == "»"
        for q in report.quotes:
            assert not (q.start <= i < q.end), (q.text, i)


@given(paired_text())
@settings(max_examples=150, deadline=None)
def test_quotations_sit_between_marks_and_never_overlap(case: tuple[str, list[int]]) -> None:
    text, _strays = case
    report = run(text)
    spans = sorted((q.start, q.end) for q in report.quotes)
    for (_a0, a1), (b0, _b1) in itertools.pairwise(spans):
        assert a1 <= b0
    for q in report.quotes:
        assert text[q.start : q.end] == q.text
        assert text[q.start - 1] in _MARKS
        assert q.end == len(text) or text[q.end] in _MARKS or q.continues is not None
