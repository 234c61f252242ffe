"""The mention finder's shortcuts give what the plain loops they replace gave."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import provenance
from provenance._matching import (
    _HEADLINE_VERBS,
    _HOST,
    _LEADING_URL_PUNCT,
    _NAME_STOP,
    _URL_START,
    Matcher,
    RawMention,
    _capitalized_word,
    _indexes_inside,
    _inside,
    _outside,
    _strip_url,
    _urls,
    matcher_for,
)
from provenance._text import Token, tokenize

# the run finder before it looked only at runs that may hold a URL
_RUN = regex.compile(r"(?<![^\s<>\"\u201c\u201d\u00ab\u00bb])[^\s<>\"\u201c\u201d\u00ab\u00bb]++")


def _reference_urls(prose: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    url_spans: list[tuple[int, int, str]] = []
    link_spans: list[tuple[int, int]] = []
    for run in _RUN.finditer(prose):
        word = run.group()
        if "." not in word or len(word) > 4000:
            continue
        lead = len(word) - len(word.lstrip(_LEADING_URL_PUNCT))
        url = _strip_url(word[lead:])
        if not url:
            continue
        if _URL_START.match(url) or ("@" not in url and _HOST.fullmatch(url)):
            s = run.start() + lead
            url_spans.append((s, s + len(url), url))
            if _URL_START.match(url):
                link_spans.append((s, s + len(url)))
    return url_spans, link_spans


_URL_PIECES = [
    "http://", "https://", "HTTPS://", "httpſ://", "www.", "WWW.", "tasnimnews", ".com", ".ir",
    ".", "..", ":", "/", "/en/news/1", "(", ")", "[", "]", "'", "‘", "’", "”", "“", '"', "«", "»",
    "<", ">", ",", ";", "!", "?", "@", "a", "failed", "U.S.", " ", "  ", "\n", "\u00a0", "\u2009",
    "\u3000", "\x1c", "\x85", "-", "x" * 70, "é", "sana.sy", "1.5", "e.g.", "end.)",
]


@given(st.lists(st.sampled_from(_URL_PIECES), max_size=25).map("".join))
def test_urls_match_the_reference(prose: str) -> None:
    assert _urls(prose) == _reference_urls(prose)


@pytest.mark.parametrize(
    "prose",
    [
        "See https://www.tasnimnews.com/en/news/1 for the video.",
        "A copy is on sana.sy/en/?p=1 today. The talks failed.",
        "(See https://www.rt.com/news/1.) Write to press@rt.com. http://x https:// www.a",
        "U.S. officials said. e.g. (a.b.) end.) foo:bar. “rt.com” «rt.com» <rt.com>",
        "a" * 4001 + ".com " + "b.com",
        "x:" + "a" * 3990 + ".com c.ir:8080 :d.com. .e.com .",
        ".com", ":", "a.b", "www.x", "«www.tasnimnews.com»", "<https://x.org>", "‘sana.sy’",
    ],
)
def test_urls_match_the_reference_on_examples(prose: str) -> None:
    assert _urls(prose) == _reference_urls(prose)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8),
    st.lists(st.sampled_from(["a", "bb", " ", "  ", ".", "ccc"]), max_size=30).map("".join),
)
def test_indexes_inside_is_inside(raw: list[tuple[int, int]], text: str) -> None:
    spans = sorted((s, s + n) for s, n in raw)  # may overlap, touch or be empty
    stream: list[Token] = tokenize(text)
    expected = {k for k, t in enumerate(stream) if _inside(t.start, spans)}
    assert _indexes_inside(stream, spans) == expected


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8),
    st.lists(st.sampled_from(["a", "bb", " ", "  ", ".", "ccc"]), max_size=30).map("".join),
)
def test_outside_is_not_inside(raw: list[tuple[int, int]], text: str) -> None:
    spans = sorted((s, s + n) for s, n in raw)
    stream: list[Token] = tokenize(text)
    assert _outside(stream, spans) == [t for t in stream if not _inside(t.start, spans)]


# ---------------------------------------------------------------- unknown outlets


def _reference_unknown(
    m: Matcher, stream: list[Token], covered: list[tuple[int, int]]
) -> list[RawMention]:
    """``Matcher.match_unknown`` as it was first written: every capitalized word in turn."""
    out: list[RawMention] = []
    n = len(stream)
    i = 0
    capitalized = [
        k for k, t in enumerate(stream) if t[5] in ("word", "acro") and t[2][:1].isupper()
    ]
    for at in capitalized:
        if at < i:
            continue
        i = at
        t = stream[i]
        if _inside(t.start, covered):
            i += 1
            continue
        j = i
        while (
            j < n
            and j - i < 8
            and _capitalized_word(stream[j])
            and not _inside(stream[j].start, covered)
        ):
            j += 1
        if j - i > 5 or (i > 0 and _capitalized_word(stream[i - 1])):
            i = max(j, i + 1)
            continue
        best = 0
        for k in range(i + 1, j):
            for tn in m._unknown_by_first.get(stream[k][3], ()):
                if tuple(x.norm for x in stream[k : k + len(tn)]) == tn and k + len(tn) <= j:
                    best = max(best, k)
                    break
        if best:
            head = [x for x in stream[i:best] if x.norm not in _NAME_STOP]
            if head and len(head) <= 3 and not any(x.norm in _HEADLINE_VERBS for x in head):
                out.append(
                    RawMention(head[0].start, stream[j - 1].end, -1, -1, "unknown", None, "pattern")
                )
        i = max(j, i + 1)
    return out


_UNKNOWN_WORDS = [
    "Qeshm", "Harbour", "Zagros", "News", "Agency", "Times", "Radio", "TV", "Television",
    "Post", "Daily", "Press", "The", "the", "of", "Of", "Says", "says", "Is", "A", "U.S.",
    "I.R.G.C.", ",", ".", "said", "talks", "Hassan", "Rouhani", "New", "York", "Network", "1,000",
]


@given(
    st.lists(st.sampled_from(_UNKNOWN_WORDS), max_size=40),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 30)), max_size=5),
)
def test_unknown_outlets_match_the_reference(words: list[str], raw: list[tuple[int, int]]) -> None:
    m = matcher_for(provenance.Registry.load())
    stream = tokenize(" ".join(words))
    covered = sorted((s, s + k) for s, k in raw)
    assert m.match_unknown(stream, covered) == _reference_unknown(m, stream, covered)
