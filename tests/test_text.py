"""Fast paths in text folding give exactly what the general tokenizer gives."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance._text import (
    _ARABIC_FOLD,
    _HARAKAT,
    _TOKEN,
    IGNORED,
    PhraseTable,
    Token,
    fold_phrase,
    phrase_forms,
    tokenize,
)


def _slow(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    toks = [t for t in tokenize(text) if t.norm not in IGNORED]
    return tuple(t.norm for t in toks), tuple(t.exact for t in toks)


@pytest.mark.parametrize(
    "text",
    [
        "Tasnim News Agency", "TASS", "BBC 2", "a", "Al-Manar", "I.R.G.C.", "Iran's Press TV",
        "RIA «Novosti»", "1,000 Days", "snake_case", " leading", "trailing ", "two  spaces",
        "x" * 200, "x" * 201, "y" * 199 + " " + "z" * 250, "", " ", "tab\there", "new\nline",
        "خبرگزاری تسنیم", "Тасним", "新华社", "Ｆｕｌｌ Ｗｉｄｔｈ", "Café", "ǅemal",
    ],
)
def test_phrase_forms_match_the_tokenizer(text: str) -> None:
    assert phrase_forms(text) == _slow(text)
    assert fold_phrase(text) == _slow(text)[0]


@given(st.text(alphabet=st.sampled_from("aAzZ09 _-.'\u00e9\u0131\u0130K\u212a"), max_size=30))
def test_phrase_forms_match_the_tokenizer_on_any_text(text: str) -> None:
    assert phrase_forms(text) == _slow(text)


@given(st.text(max_size=40))
def test_phrase_forms_match_the_tokenizer_on_unicode(text: str) -> None:
    assert phrase_forms(text) == _slow(text)


# ---------------------------------------------------------------- the tokenizer's fast path


def _reference_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """What ``tokenize`` gave before its ASCII fast path: ``_TOKEN`` over the whole text."""
    out: list[Token] = []
    stop = len(text) if end is None else end
    for m in _TOKEN.finditer(text, start, stop):
        kind = m.lastgroup or "punct"
        raw = m.group()
        if kind == "acro":
            exact = unicodedata.normalize("NFKC", raw.replace(".", ""))
        else:
            exact = unicodedata.normalize("NFKC", raw).translate(_ARABIC_FOLD)
        norm = exact.lower() if exact.isascii() else _HARAKAT.sub("", exact).casefold()
        out.append(Token(m.start(), m.end(), raw, norm, exact, kind))
    return out


_TOKENIZER_CASES = [
    "",
    " ",
    "Tasnim said the talks failed.",
    "The U.S. and the I.R.G.C. met; U.S.A and U.S.Army and A.B and a.b.c. and U.S.’s",
    "1,000.5 people, 12,345,678 and 1,000,000,000,000,000,000 and 1,00 and 1,0000 and 1.5",
    "1,000.123456789012345678901 and 1,000a and 1,000_ and 999,999,",
    "Iran's Iran’s don't don’t rock'n'roll a'b'c'd'e'f 's 'S Iran's' Iran'sx it's_ it’s.",
    "خبرگزاری تسنیم گزارش داد: «مذاکرات شکست خورد»",
    "وَقَالَتْ وكالة الأنباء الإيرانية الرسمية إِرنا، وال\u0640\u0640عربية",
    "می\u200cخواهد خبرگزاری\u200cها",
    "新华社报道，日本の報道によると、カタカナ",
    "Тасним сообщает: РИА «Новости» и ТАСС; ё",
    "NUL\x00here \x1c\x1d\x1e\x1f sep \x7f del",
    "bidi \u202eTasnim said \u202c and \u200f\u200e marks",
    "lone \ud800 surrogate \udfff here",
    "tabs\tand\nnew\r\nlines\x0b\x0cform \u00a0nbsp\u2009thin\u3000ideographic",
    "“Quoted,” she said — and ‘single’ … – end",
    "Ｆｕｌｌ Ｗｉｄｔｈ ＵＳ café Café ǅemal İstanbul K\u212a",
    "x" * 450 + " " + "y" * 199 + "'" + "z" * 45 + " " + "é" * 300,
    "a’b a'b U.S.’s Iran’s’ mixed’ascii ascii’mixé é’s",
    "ab\u0301c e\u0301 n\u0303 snake_case __init__ x_1",
    "Tasnim said «переговоры» failed; 新华社报道 U.S. officials’ view. " * 12,
    ("é " + "plain ascii words, " * 9 + "U.S. " + "x" * 30 + " ") * 4 + "“end” — ‘quote’ …",
    "\u201c\u2018" * 300,
]


@pytest.mark.parametrize("text", _TOKENIZER_CASES)
def test_tokenize_matches_the_reference(text: str) -> None:
    assert tokenize(text) == _reference_tokens(text)
    # ... and inside any window
    for start in range(0, len(text), 7):
        for end in (start, start + 5, start + 23, len(text)):
            if end <= len(text):
                assert tokenize(text, start, end) == _reference_tokens(text, start, end)


_TOKEN_ALPHABET = st.sampled_from(
    [
        *"aAzZsS09_.,'’ \t\n\r\x0b\x0c\x1c\x00-“”«»‘–—…―\u2010",
        *("U.", "S.", "1,000", ".5", "é", "\u0301", "\u064e", "\u0640", "\u200c", "ت", "ي"),
        *("新", "カ", "ё", "\u00a0", "\u202e", "\ud800", "Ｕ", "K\u212a", "x" * 199, "9" * 3),
    ]
)


def test_typographic_characters_are_punctuation_for_the_token_pattern() -> None:
    """The fast path's extra characters: no letter, digit or word character for ``regex``,
    and a space only the no-break space (what ``_FAST_TOKEN`` assumes)."""
    import regex

    from provenance._text import _TYPOGRAPHIC

    for c in _TYPOGRAPHIC:
        for cls in (r"\w", r"\p{L}", r"\d", r"\p{Han}", r"[^\W\p{Han}\p{Hiragana}\p{Katakana}]"):
            assert not regex.match(cls, c), (c, cls)
        assert bool(regex.match(r"\s", c)) == (c == "\u00a0")


@given(st.lists(_TOKEN_ALPHABET, max_size=40).map("".join))
def test_tokenize_matches_the_reference_on_any_text(text: str) -> None:
    assert tokenize(text) == _reference_tokens(text)


@given(st.text(max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_tokenize_matches_the_reference_on_unicode(text: str, a: int, b: int) -> None:
    assert tokenize(text) == _reference_tokens(text)
    a, b = min(a, len(text)), min(b, len(text))
    assert tokenize(text, a, max(a, b)) == _reference_tokens(text, a, max(a, b))


def test_space_is_that_of_regex() -> None:
    """``SPACE`` spells out ``regex``'s ``\\s`` for the standard ``re`` module."""
    import re

    import regex

    from provenance._text import SPACE

    ours = re.compile(f"[{SPACE}]")
    theirs = regex.compile(r"\s")
    for cp in range(0x110000):
        c = chr(cp)
        assert bool(ours.match(c)) == bool(theirs.match(c)), hex(cp)


# ---------------------------------------------------------------- PhraseTable


def _reference_longest(table: PhraseTable[int], toks: list[Token], i: int) -> tuple[int, int] | None:
    """``PhraseTable.longest`` as it was written first."""
    if i >= len(toks):
        return None
    norm = toks[i][3]
    cands = table.by_first.get(norm)
    if cands is not None:
        for key, value in cands:
            k = len(key)
            if k == 1:
                return value, 1
            if i + k <= len(toks) and all(toks[i + j][3] == key[j] for j in range(1, k)):
                return value, k
    if table.stems:
        for prefix in (norm[:2], norm[:1]):
            for stem, value in table.stems.get(prefix, ()):
                if norm.startswith(stem):
                    return value, 1
    return None


_PHRASE_WORDS = st.sampled_from(["a", "ab", "abc", "b", "state", "run", "media", "иранск", "x"])


@given(
    st.lists(
        st.tuples(
            st.lists(_PHRASE_WORDS, min_size=1, max_size=4).map(" ".join),
            st.booleans(),
        ),
        max_size=8,
    ),
    st.lists(st.sampled_from(["a", "ab", "abc", "b", "state", "run", "media", "иранских", "y"]))
    .map(" ".join),
)
def test_phrase_table_lookups_match_the_reference(
    phrases: list[tuple[str, bool]], text: str
) -> None:
    table = PhraseTable((p + ("*" if stem else ""), k) for k, (p, stem) in enumerate(phrases))
    toks = tokenize(text)
    for i in range(len(toks) + 2):
        hit = _reference_longest(table, toks, i)
        assert table.longest(toks, i) == hit
        assert table.match(toks, i) == (hit[1] if hit else 0)


@given(st.lists(_TOKEN_ALPHABET, max_size=60).map("".join), st.integers(1, 12))
def test_tokenize_in_small_chunks_matches_the_reference(text: str, chunk: int) -> None:
    from unittest import mock

    from provenance import _text

    with mock.patch.object(_text, "_CHUNK", chunk), mock.patch.object(_text, "_SHORT", chunk):
        assert tokenize(text) == _reference_tokens(text)


@pytest.mark.parametrize("text", _TOKENIZER_CASES)
def test_tokenize_in_small_chunks_matches_the_reference_on_examples(text: str) -> None:
    from unittest import mock

    from provenance import _text

    for chunk in (1, 3, 16):
        with mock.patch.object(_text, "_CHUNK", chunk):
            assert tokenize(text) == _reference_tokens(text)
