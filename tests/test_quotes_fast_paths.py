"""The quotation finder's shortcuts give what the plain loops they replace gave (the
reference functions below are the finder as it was before them)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance._document import read_document
from provenance._quotes import (
    _D_OPEN,
    _DOUBLED_CLOSE,
    _S_MARKS,
    RawQuote,
    _double_quotes,
    _doubled_close,
    _elision,
    _is_close_pos,
    _is_open_pos,
    find_quotes,
)

_REFERENCE_DOUBLED_CLOSE = re.compile(r"(?<!\s)''(?![\w'])")


def _reference_single_quotes(
    text: str, start: int, end: int, taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    taken_starts = [a for a, _ in taken]

    def inside_taken(i: int) -> bool:
        k = bisect.bisect_right(taken_starts, i) - 1
        return k >= 0 and taken[k][0] <= i <= taken[k][1]

    closers: list[int] | None = None
    for m in _S_MARKS.finditer(text, start, end):
        i = m.start()
        if pairs and i <= pairs[-1][1]:
            continue
        if not _is_open_pos(text, i, start, end) or inside_taken(i):
            continue
        if _elision(text, i, end):
            continue
        if text.startswith("''", i):
            if closers is None:
                closers = [c.start() for c in _REFERENCE_DOUBLED_CLOSE.finditer(text, start, end)]
            close = _doubled_close(closers, i)
            if close is not None:
                pairs.append((i, close))
            continue
        stop = min(end, i + 200)
        found = None
        for cm in _S_MARKS.finditer(text, i + 2, stop):
            j = cm.start()
            if text[j] == "\u201a" or text[j] == "\u2039":
                continue
            if _is_close_pos(text, j, start, end):
                nxt = text[j + 1] if j + 1 < end else ""
                possessive = (
                    text[j - 1] in "sS" and nxt == " " and j + 2 < end and text[j + 2].islower()
                )
                if not possessive:
                    found = j
                    break
        if found is not None and "\n" not in text[i:found]:
            pairs.append((i, found))
    return pairs


def _reference_find_quotes(text: str) -> list[RawQuote]:
    doc = read_document(text)
    text = doc.prose
    out: list[RawQuote] = []
    carry_first: int | None = None
    for p in doc.paragraphs:
        pairs, unclosed = _double_quotes(text, p.start, p.end)
        singles = _reference_single_quotes(
            text, p.start, p.end, pairs if unclosed is None else [*pairs, (unclosed, p.end)]
        )
        starts_with_open = p.start < p.end and (text[p.start] in _D_OPEN or text[p.start] == '"')
        items: list[tuple[int, int | None]] = [(a, b) for a, b in pairs]
        items.extend((a, b) for a, b in singles)
        if unclosed is not None:
            items.append((unclosed, None))
        items.sort()
        next_carry: int | None = None
        for a, b in items:
            s = a + 1
            e = b if b is not None else p.end
            if b is not None and text.startswith("''", a) and text[b - 1] == "'":
                s, e = a + 2, b - 1
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            cont = (
                carry_first
                if (carry_first is not None and a == p.start and starts_with_open)
                else None
            )
            if b is None:
                nxt = doc.paragraphs[p.index + 1] if p.index + 1 < len(doc.paragraphs) else None
                if nxt is None or not (text[nxt.start] in _D_OPEN or text[nxt.start] == '"'):
                    continue
            out.append(RawQuote(s, e, a, b, p.index, cont))
            if b is None:
                next_carry = cont if cont is not None else len(out) - 1
        carry_first = next_carry
    return out


_PIECES = [
    "\"", "“", "”", "„", "«", "»", "「", "」", "『", "』", "〝", "〞", "＂",
    "'", "''", "'''", "‘", "’", "‚", "‹", "›", "rock 'n' roll", "the '90s", "Iran's",
    "states' ", "word", "Tasnim", "said", " ", "  ", "\n", "\n\n", "\t", "(", "—", ",", ".",
    ":", "is", "a" * 30, "x" * 210,
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_texts)
def test_find_quotes_matches_the_reference(text: str) -> None:
    assert find_quotes(read_document(text)) == _reference_find_quotes(text)


@pytest.mark.parametrize(
    "text",
    [
        "“He said ''it is over'' and left,” she said. 'Fine,' he said.\n\n“More.\n\n“And more.”",
        "No marks at all.\n\nStill none.",
        "It's Iran's. 'Quoted' here.\n\n\"Open\n\n\"Continued\" end.",
        "'' ''a'' b'' ''' c '''",
    ],
)
def test_find_quotes_matches_the_reference_on_examples(text: str) -> None:
    assert find_quotes(read_document(text)) == _reference_find_quotes(text)


@given(st.lists(st.sampled_from(["'", "''", " ", "\n", "a", "\u00a0", "é"]), max_size=20).map("".join))
def test_doubled_close_is_the_reference(text: str) -> None:
    for start in range(min(3, len(text) + 1)):
        found = [m.span() for m in _DOUBLED_CLOSE.finditer(text, start)]
        assert found == [m.span() for m in _REFERENCE_DOUBLED_CLOSE.finditer(text, start)]
