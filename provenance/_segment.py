"""Paragraph and sentence segmentation with exact offsets (linear time, no backtracking)."""

from __future__ import annotations

import bisect
import re

__all__ = ["split_paragraphs_plain", "split_sentences", "trim_span"]

_SPACE = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"

# Abbreviations after which a period does not end a sentence (lower case, without the period).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "brig",
        "gov",
        "sen",
        "rep",
        "rev",
        "fr",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "pp",
        "ed",
        "eds",
        "est",
        "approx",
        "dept",
        "univ",
        "assn",
        "bros",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "etc",
        "al",
        "ca",
        "cf",
        "ie",
        "eg",
        "viz",
        "amb",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "gens",
        "op",
        "fig",
        "figs",
        "ch",
        "sec",
        "art",
        "para",
    ]
)
# Abbreviations only before a number ("No. 5", "pp. 3-4"): before a word
# they are words that end a sentence ("The council voted no.")
_NUMBER_ABBREVIATIONS = frozenset(["no", "nos", "pp", "op", "fig", "figs", "para"])
# Words that start a new sentence after an abbreviation-like token such as "U.S."
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "in",
        "on",
        "at",
        "but",
        "and",
        "so",
        "yet",
        "however",
        "meanwhile",
        "still",
        "also",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "for",
        "since",
    ]
)
# ``X+`` written ``XX*`` (the same matches): a pattern that starts with a character class,
# rather than a repeat, lets ``re`` skip to the next candidate character at C speed instead
# of trying a match at every position (a megabyte scanned in 4 ms rather than 9)
_BOUNDARY_MARK = "[.!?\u2026\u3002\uff01\uff1f]"
_BOUNDARY = re.compile(
    rf"{_BOUNDARY_MARK}{_BOUNDARY_MARK}*[\"'\u201d\u2019\u00bb\u300d\u300f)\]]*"
)
_DOTTED = re.compile(r"(?:\w\.){2,}$")
_WORD_BEFORE = re.compile(r"(\w{1,20})$")
_WORD = re.compile(r"\w+")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace (incl. BOM and NBSP) at both ends."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


# --------------------------------------------------------------------------- paragraphs
_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0\ufeff]*\n")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_INDENT_OR_BULLET = re.compile(
    r"(?:[ \t]{2,}|\t|[ \t]*[\u2022\u00b7\u25aa\u25cf\u2023\u2043*\-\u2013\u2014][ \t])"
)


def _is_hard_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """Whether a block's lines are wrapped at a fixed width (a newline is then a space).

    Lines that end a paragraph (followed by an indented or bulleted line, or last) may be
    short; the others must mostly come close to the widest line, which is at most 100 wide.
    """
    if len(lines) < 3:
        return False
    lengths = [len(text[s:e].rstrip()) for s, e in lines]
    widest = max(lengths)
    if widest > 100 or widest < 30:
        return False
    body = [
        n for k, n in enumerate(lengths[:-1]) if not _INDENT_OR_BULLET.match(text, lines[k + 1][0])
    ]
    if not body:
        return False
    full = sum(1 for n in body if n >= 0.55 * widest)
    return full >= 0.6 * len(body)


def split_paragraphs_plain(text: str) -> list[tuple[int, int]]:
    """Paragraphs of plain text as ``(start, end)`` spans, trimmed of whitespace.

    Blank lines always separate paragraphs. Within a block, a line that starts with an
    indent or a bullet starts a paragraph; unless the block is hard-wrapped at a fixed width,
    every line is its own paragraph (headlines, datelines, one-line paragraphs).
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    blocks: list[tuple[int, int]] = []
    for m in _BLANK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end() - 1
    blocks.append((pos, n))
    for b_start, b_end in blocks:
        # A block after a blank line starts with that line's "\n": a line of no text, which
        # is dropped below. When no other line break follows, the block has one line of
        # text at most (most news paragraphs): a line alone is not hard-wrapped (that takes
        # three), so it is a paragraph of its own, trimmed, as the loop below would make it.
        first = b_start + 1 if b_start < b_end and text[b_start] == "\n" else b_start
        if text.find("\n", first, b_end) < 0:
            s, e = trim_span(text, first, b_end)
            if e > s:
                out.append((s, e))
            continue
        lines = [
            (m.start(), m.end())
            for m in _LINE.finditer(text, b_start, b_end)
            if m.end() > m.start()
        ]
        lines = [(s, e) for s, e in lines if text[s:e].strip(_SPACE)]
        if not lines:
            continue
        wrapped = _is_hard_wrapped(lines, text)
        cur_start = lines[0][0]
        cur_end = lines[0][1]
        for s, e in lines[1:]:
            new_para = not wrapped or bool(_INDENT_OR_BULLET.match(text, s))
            if new_para:
                out.append(trim_span(text, cur_start, cur_end))
                cur_start = s
            cur_end = e
        out.append(trim_span(text, cur_start, cur_end))
    return [(s, e) for s, e in out if e > s]


# --------------------------------------------------------------------------- sentences
_OPEN_DQ = "\u201c\u00ab\u201e\u300c\u300e"
_CLOSE_DQ = "\u201d\u00bb\u201c\u300d\u300f"


_DQ_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb\u201e\u300c\u300d\u300e\u300f]')


def _quoted_ranges(text: str, start: int, end: int, limit: int = 800) -> list[tuple[int, int]]:
    """Stretches inside double quotation marks that close within ``limit`` characters.

    Linear: the positions of all marks are collected once and each opener looks up the next
    closing mark by bisection.
    """
    marks = [m.start() for m in _DQ_MARKS.finditer(text, start, end)]
    closers = [i for i in marks if text[i] in _CLOSE_DQ or text[i] == '"']
    out: list[tuple[int, int]] = []
    floor = start
    for i in marks:
        if i < floor:
            continue
        c = text[i]
        is_open = c in _OPEN_DQ or (
            c == '"'
            and (i == start or text[i - 1] in _SPACE or text[i - 1] in "([{\u2014-:")
            and i + 1 < end
            and text[i + 1] not in _SPACE
        )
        if not is_open:
            continue
        k = bisect.bisect_right(closers, i)
        if k < len(closers) and closers[k] - i <= limit:
            out.append((i, closers[k]))
            floor = closers[k] + 1
    return out


_MAX_SENTENCE = 3000


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentences longer than ``_MAX_SENTENCE`` at whitespace, so that the work the later
    stages do per sentence stays bounded on pathological input."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > _MAX_SENTENCE:
            cut = text.rfind(" ", s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
            if cut <= s:
                cut = s + _MAX_SENTENCE
            a, b = trim_span(text, s, cut)
            if b > a:
                out.append((a, b))
            s = cut
        a, b = trim_span(text, s, e)
        if b > a:
            out.append((a, b))
    return out


def _is_word(c: str) -> bool:
    """``re``'s ``\\w`` for one character (what ``_sre`` tests: alphanumeric, or ``_``)."""
    return c.isalnum() or c == "_"


def _word_before(text: str, lo: int, ms: int) -> str | None:
    """What ``_WORD_BEFORE.search(text[lo:ms])`` captures, found without trying a match at
    every position of the window: ``$`` matches at its end, or before a ``\\n`` that ends it,
    so the word is the run of word characters that ends there, cut to its last 20 and to
    the window (the leftmost start a search finds)."""
    e = ms
    if e > lo and not _is_word(text[e - 1]):
        if text[e - 1] != "\n":
            return None
        e -= 1
    p = e
    stop = max(lo, e - 20)
    while p > stop and _is_word(text[p - 1]):
        p -= 1
    return text[p:e] if p < e else None


def _dotted_before(text: str, start: int, ms: int) -> bool:
    """Whether ``_DOTTED`` (``(?:\\w\\.){2,}$``) is found in ``text[max(start, ms - 24):ms + 1]``,
    a window that ends with the period at ``ms``: it is when the four characters up to that
    period are a word character, a period and a word character ("U.S." ends the window),
    all in the window; a longer run of them only adds matches further left."""
    return (
        ms - 3 >= start
        and text[ms - 2] == "."
        and _is_word(text[ms - 1])
        and _is_word(text[ms - 3])
    )


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as trimmed ``(start, end)`` spans.

    A sentence ends at ``.``/``!``/``?``/``…`` (or their CJK forms), with any closing quotes
    and brackets, followed by space and a character that can begin a sentence. Periods of
    abbreviations ("Mr.", "Sept."), initials and dotted acronyms ("U.S.", "I.R.G.C.") do not end
    a sentence unless a common sentence starter follows; nor does punctuation inside a
    quotation that closes later in the paragraph.
    """
    out: list[tuple[int, int]] = []
    # Each test below that skips a mark looks only at the mark and its neighbourhood, so their
    # order does not change which marks end a sentence: the cheap ones come first, and the
    # quoted stretches are found only for a mark that passed all the others (most paragraphs
    # end at their only mark, and never need them). ``qi`` still only moves forward with the
    # marks, to the first stretch that does not close before the mark.
    quoted: list[tuple[int, int]] | None = None
    qi = 0
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        ms, b = m.span()
        j = b
        while j < end and text[j] in _SPACE:
            j += 1
        if j >= end:
            continue
        if j == b and text[ms] not in "\u3002\uff01\uff1f":
            continue  # "3.5", "vz.ru", "..." glued to the next word (CJK marks need no space)
        if text[j].islower():
            continue
        g = m.group()
        if g == "." or (g[0] == "." and len(g.rstrip("\"'\u201d\u2019\u00bb)]")) == 1):
            word = _word_before(text, max(start, ms - 24), ms)
            if word and (
                (
                    word.lower() in _ABBREVIATIONS
                    # "No. 5", but "The council voted no. Then …"
                    and (word.lower() not in _NUMBER_ABBREVIATIONS or not text[j].isalpha())
                )
                or (len(word) == 1 and word.isupper())  # "John F. Kennedy", "U.S."
                or (b == ms + 1 and _dotted_before(text, start, ms))
            ):
                # an abbreviation, an initial or a dotted acronym, unless a starter follows
                following = _WORD.match(text, j, j + 20)
                if following is None or following.group().lower() not in _STARTERS:
                    continue
        if quoted is None:
            quoted = _quoted_ranges(text, start, end)
        while qi < len(quoted) and quoted[qi][1] < ms:
            qi += 1
        if qi < len(quoted) and quoted[qi][0] < ms < quoted[qi][1] and b <= quoted[qi][1]:
            continue
        s, e = trim_span(text, sent_start, b)
        if e > s:
            out.append((s, e))
        sent_start = b
    s, e = trim_span(text, sent_start, end)
    if e > s:
        out.append((s, e))
    if end - start <= _MAX_SENTENCE:
        return out  # every span is trimmed and shorter than the limit: _bounded keeps them as is
    return _bounded(text, out)
