"""Fast paths in text folding give exactly what the general tokenizer gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance._text import IGNORED, fold_phrase, phrase_forms, tokenize


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
