"""The segmenter's shortcuts give what the plain loops they replace gave (the reference
functions below are the segmenter as it was before them)."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance._document import _HTML_COMMENT, _front_matter, _read_plain
from provenance._segment import (
    _ABBREVIATIONS,
    _BLANK,
    _DOTTED,
    _INDENT_OR_BULLET,
    _LINE,
    _NUMBER_ABBREVIATIONS,
    _SPACE,
    _STARTERS,
    _WORD_BEFORE,
    _bounded,
    _dotted_before,
    _is_hard_wrapped,
    _is_word,
    _quoted_ranges,
    _word_before,
    split_paragraphs_plain,
    split_sentences,
    trim_span,
)

_REFERENCE_BOUNDARY = re.compile(
    r"[.!?\u2026\u3002\uff01\uff1f]+[\"'\u201d\u2019\u00bb\u300d\u300f)\]]*"
)


def _reference_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    quoted = _quoted_ranges(text, start, end)
    qi = 0
    sent_start = start
    for m in _REFERENCE_BOUNDARY.finditer(text, start, end):
        b = m.end()
        while qi < len(quoted) and quoted[qi][1] < m.start():
            qi += 1
        if (
            qi < len(quoted)
            and quoted[qi][0] < m.start() < quoted[qi][1]
            and m.end() <= quoted[qi][1]
        ):
            continue
        cjk = text[m.start()] in "\u3002\uff01\uff1f"
        j = b
        while j < end and text[j] in _SPACE:
            j += 1
        if j >= end:
            continue
        if not cjk and j == b:
            continue
        nxt = text[j]
        if nxt.islower():
            continue
        if m.group() == "." or (
            m.group().startswith(".") and len(m.group().rstrip("\"'\u201d\u2019\u00bb)]")) == 1
        ):
            before = text[max(start, m.start() - 24) : m.start()]
            w = _WORD_BEFORE.search(before)
            if w:
                word = w.group(1)
                following = re.match(r"\w+", text[j : j + 20])
                starter = following is not None and following.group().lower() in _STARTERS
                before_a_word = word.lower() in _NUMBER_ABBREVIATIONS and nxt.isalpha()
                if word.lower() in _ABBREVIATIONS and not starter and not before_a_word:
                    continue
                if len(word) == 1 and word.isupper() and not starter:
                    continue
                if _DOTTED.search(text[max(start, m.start() - 24) : m.end()]) and not starter:
                    continue
        s, e = trim_span(text, sent_start, b)
        if e > s:
            out.append((s, e))
        sent_start = b
    s, e = trim_span(text, sent_start, end)
    if e > s:
        out.append((s, e))
    return _bounded(text, out)


def _reference_paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLANK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end() - 1
    blocks.append((pos, len(text)))
    for b_start, b_end in blocks:
        lines = [
            (m.start(), m.end())
            for m in _LINE.finditer(text, b_start, b_end)
            if m.end() > m.start()
        ]
        lines = [(s, e) for s, e in lines if text[s:e].strip(_SPACE)]
        if not lines:
            continue
        wrapped = _is_hard_wrapped(lines, text)
        cur_start, cur_end = lines[0]
        for s, e in lines[1:]:
            if not wrapped or _INDENT_OR_BULLET.match(text, s):
                out.append(trim_span(text, cur_start, cur_end))
                cur_start = s
            cur_end = e
        out.append(trim_span(text, cur_start, cur_end))
    return [(s, e) for s, e in out if e > s]


_PIECES = [
    "Mr", "Sept", "U", "S", "I.R.G.C", "F", "x", "talks", "The", "the", "He", "And", "so",
    "a_b", "3", "3.5", "٣", "Ⅻ", "é", "ß", "İ", "中", "会谈",
    ".", "..", "...", "!", "?", "…", "。", "！", "？", "?!", ".”", ".\"", ".'", ".)", ".]",
    ".»", ".’", "」", "』", "\"", "“", "”", "«", "»", "„", "「", "」", "『", "(", "[", "—", ":",
    " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00a0", "\u3000", "\ufeff", "\u2009",
    " \n \n", "  - ", "\u2022 ", "\n  ", "\n\t", "x" * 45, "a" * 21, "b" * 19,
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_texts, st.integers(0, 8), st.integers(0, 8))
def test_split_sentences_matches_the_reference(text: str, cut_start: int, cut_end: int) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    assert split_sentences(text, start, end) == _reference_sentences(text, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. envoy left on Sept. 4. He returned.",
        "Troops left the U.S. They returned. The I.R.G.C. said so. A.B. The end.",
        "He met x\n. Mr\n. Then\n. U.S.\n. So. it. Is.” Yes.' No.) Fine.] Ok.」 Done。Next",
        "a" * 30 + ". B. " + "c_d" * 9 + ". E",
        ("A long sentence without an end " * 150) + ". Next one. " + "x" * 3100 + " y. Z",
        "word " * 700,  # one sentence over the length limit
        "“It was. A trap.” She left. \"Quoted. Again.\" He said. «Non. Oui.» Fin.",
    ],
)
def test_split_sentences_matches_the_reference_on_examples(text: str) -> None:
    for start, end in ((0, len(text)), (3, len(text) - 2)):
        assert split_sentences(text, start, end) == _reference_sentences(text, start, end)


@given(_texts)
def test_split_paragraphs_matches_the_reference(text: str) -> None:
    assert split_paragraphs_plain(text) == _reference_paragraphs(text)


@pytest.mark.parametrize(
    "text",
    [
        "\n\nA\n\nB\n",
        "Headline\nDateline\n\nBody text.\n  Indented.\n\n\n",
        ("A line of hard-wrapped text that is long enough to count as\n" * 4) + "short\n\nNext",
        "\r\n\r\nA\r\n \r\nB\r\n\r\n",
        "\n",
        "",
    ],
)
def test_split_paragraphs_matches_the_reference_on_examples(text: str) -> None:
    assert split_paragraphs_plain(text) == _reference_paragraphs(text)


def test_is_word_is_the_regex_word_class() -> None:
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert _is_word(c) == (word.match(c) is not None), hex(code)


_WINDOW = st.lists(
    st.sampled_from(["a", "Z", "_", "3", "é", "中", ".", " ", "\n", "-", "x" * 18]), max_size=12
).map("".join)


@given(_WINDOW, st.integers(0, 30))
def test_word_before_is_the_regex(text: str, back: int) -> None:
    for ms in range(len(text) + 1):
        lo = max(0, ms - back)
        w = _WORD_BEFORE.search(text[lo:ms])
        assert _word_before(text, lo, ms) == (w.group(1) if w else None)


@given(_WINDOW, st.integers(0, 10))
def test_dotted_before_is_the_regex(text: str, start: int) -> None:
    text += "."
    ms = len(text) - 1
    start = min(start, ms)
    expected = _DOTTED.search(text[max(start, ms - 24) : ms + 1]) is not None
    assert _dotted_before(text, start, ms) == expected


@given(
    st.lists(
        st.sampled_from(["<!--", "-->", "x", "y z", "\n", "\n\n", " ", "---\n", "date: 2024-01-02"]),
        max_size=30,
    ).map("".join)
)
def test_comment_paragraphs_are_dropped_as_before(text: str) -> None:
    fm_end, _ = _front_matter(text)
    paragraphs = [(s + fm_end, e + fm_end) for s, e in _reference_paragraphs(text[fm_end:])]
    comments = [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(text)]
    expected = [
        (s, e) for s, e in paragraphs if not any(cs <= s and e <= ce for cs, ce in comments)
    ]
    assert _read_plain(text)[2] == expected
