"""Sentence splitting and plain-text paragraphs, with exact offsets."""

from __future__ import annotations

import itertools

import pytest

from provenance._segment import split_paragraphs_plain, split_sentences, trim_span


def _sentences(text: str) -> list[str]:
    out = []
    for s, e in split_sentences(text, 0, len(text)):
        assert 0 <= s < e <= len(text)
        out.append(text[s:e])
    return out


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Mr. Kalbani met Dr. Osei in Kessel. They talked.",
                 ["Mr. Kalbani met Dr. Osei in Kessel.", "They talked."], id="titles"),
    pytest.param("The U.S. envoy left on Sept. 4. He returned.",
                 ["The U.S. envoy left on Sept. 4.", "He returned."], id="us-and-sept"),
    pytest.param("The I.R.G.C. said so. The U.S. disagreed.",
                 ["The I.R.G.C. said so.", "The U.S. disagreed."], id="dotted-acronyms"),
    pytest.param("Troops left the U.S. They returned in May.",
                 ["Troops left the U.S.", "They returned in May."], id="acronym-ends-sentence"),
    pytest.param("The council voted no. Clad in red, Lund spoke. See No. 5 and pp. 3-4.",
                 ["The council voted no.", "Clad in red, Lund spoke.", "See No. 5 and pp. 3-4."],
                 id="number-abbreviations-only-before-a-number"),
    pytest.param("John F. Kennedy spoke. It rained.", ["John F. Kennedy spoke.", "It rained."],
                 id="initial"),
    pytest.param("Gen. Ardeshir spoke. Amb. Li replied.", ["Gen. Ardeshir spoke.", "Amb. Li replied."],
                 id="military-and-diplomatic-titles"),
    pytest.param("He said, “We will win.” Then he left.", ["He said, “We will win.”", "Then he left."],
                 id="ends-inside-closing-quote"),
    pytest.param('He said, "We will win." Then he left.', ['He said, "We will win."', "Then he left."],
                 id="ends-inside-straight-quote"),
    pytest.param("“Is it over?” she asked. No one answered.",
                 ["“Is it over?” she asked.", "No one answered."], id="question-inside-quote"),
    pytest.param("It was “a mistake. A big one.” He said nothing.",
                 ["It was “a mistake. A big one.”", "He said nothing."], id="period-inside-quote"),
    pytest.param("Prices rose 3.5 percent. Markets fell! Why? Nobody knows… Fine.",
                 ["Prices rose 3.5 percent.", "Markets fell!", "Why?", "Nobody knows…", "Fine."],
                 id="numbers-and-marks"),
    pytest.param("See vz.ru for details. Then decide.", ["See vz.ru for details.", "Then decide."],
                 id="domain"),
    pytest.param("The talks (held in Kessel.) ended. Next.",
                 ["The talks (held in Kessel.) ended.", "Next."], id="closing-bracket"),
    pytest.param("会谈结束。双方同意再谈。", ["会谈结束。", "双方同意再谈。"], id="cjk"),
    pytest.param("No final period", ["No final period"], id="no-final-period"),
    pytest.param("  Padded sentence.  ", ["Padded sentence."], id="trimmed"),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_split_sentences_respects_the_range() -> None:
    text = "Ignore me. Keep this one. And this. Ignore too."
    start = text.index("Keep")
    end = text.index(" Ignore too")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["Keep this one.", "And this."]


def test_sentence_spans_cover_the_paragraph_without_overlap() -> None:
    text = ("Mr. Kalbani, a former U.S. resident, arrived on Sept. 4. “We are ready,” he said. "
            "The I.R.G.C. did not comment! Was it over? Nobody knew.")
    spans = split_sentences(text, 0, len(text))
    assert len(spans) == 5
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2
        assert text[e1:s2].strip() == ""


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Headline\nKESSEL, May 3 --\n\nFirst paragraph.\n\nSecond paragraph.\n",
                 ["Headline", "KESSEL, May 3 --", "First paragraph.", "Second paragraph."],
                 id="one-line-paragraphs"),
    pytest.param("This is a hard wrapped paragraph that goes on and on for a\n"
                 "while and keeps going because it was wrapped at a fixed width\n"
                 "by an old newsroom system that liked short lines of text.",
                 ["This is a hard wrapped paragraph that goes on and on for a\n"
                  "while and keeps going because it was wrapped at a fixed width\n"
                  "by an old newsroom system that liked short lines of text."],
                 id="hard-wrapped"),
    pytest.param("  Indented one.\n  Indented two.", ["Indented one.", "Indented two."],
                 id="indented"),
    pytest.param("A.\r\n\r\nB.\r\n", ["A.", "B."], id="crlf"),
    pytest.param("\ufeffA.\n \t\nB.", ["A.", "B."], id="bom-and-blank-line-with-spaces"),
    pytest.param("", [], id="empty"),
    pytest.param(" \n\n \t ", [], id="blank"),
])
def test_split_paragraphs_plain(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_paragraphs_plain(text)] == expected


def test_trim_span() -> None:
    text = "\ufeff\u00a0 word \r\n"
    s, e = trim_span(text, 0, len(text))
    assert text[s:e] == "word"
    assert trim_span("   ", 0, 3)[0] == trim_span("   ", 0, 3)[1]
