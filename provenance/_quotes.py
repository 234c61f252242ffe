"""Quotation marks: pairing across the typographic traditions, multi-paragraph quotes, and the
separation of quotations from quoted terms (titles, names, scare quotes)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from ._document import Document

__all__ = ["RawQuote", "find_quotes"]

# Double-quote family (outer quotations): opening and closing marks.
_D_OPEN = frozenset("\u201c\u201e\u00ab\u300c\u300e\u301d\uff02")
_D_CLOSE = frozenset("\u201d\u00bb\u300d\u300f\u301e\u201c\uff02")
# Single-quote family.
_S_OPEN = frozenset("\u2018\u201a\u2039")
_S_MARKS = re.compile("['\u2018\u2019\u201a\u2039\u203a]")
_OPEN_CONTEXT = frozenset(
    " \t\n\r\u00a0([{\u2014\u2013-:;/\u3000\ufeff"
    "\uff1a\uff0c\u3001\uff1b\uff08\u3002"  # fullwidth ：，、；（ and 。 of CJK text
)
# what may come before an opening mark (_is_open_pos), or else the paragraph's start
_OPEN_BEFORE = _OPEN_CONTEXT | _D_OPEN | _S_OPEN
_MAX_QUOTE = 3000  # longest quotation segment in one paragraph we pair (characters)
_SENTENCE_PUNCT = ",.!?\u2026;:\u3002\uff0c\u060c\u061b\u061f\u3001"
_AFTER_CLOSE = ",.;:!?)\u2014\u2013-\u3002\uff0c\u060c\u061b\u061f\u3001"
_MAX_MARKS = 64  # quotation marks looked at to close one quotation (bounds the work per mark)
_MAX_LOOKAHEAD = 16
_D_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f\u301d\u301e\uff02]')
_S_CHARS = frozenset("'\u2018\u2019\u201a\u2039\u203a")  # _S_MARKS
_S_CLOSE_CHARS = frozenset("'\u2019\u203a")
_NESTED_GAP = frozenset(" \u00a0\u2009\u200a\u202f")  # a space between two closing marks
_ALL_MARKS = re.compile(
    '["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f\u301d\u301e\uff02'
    "'\u2018\u2019\u201a\u2039\u203a]"
)  # _D_MARKS and _S_MARKS (the two classes have no character in common)
# two apostrophes that can close a quotation (the last two of a run of three: the first
# closes an inner single quotation)
# (``(?<!\s)''`` written ``''(?<!\s'')``, the same test once the two apostrophes matched: a
# pattern that starts with a literal is searched for at C speed, not tried at every position)
_DOUBLED_CLOSE = re.compile(r"''(?<!\s'')(?![\w'])")


@attrs.frozen
class RawQuote:
    """A quotation or quoted term: prose offsets of the words inside the marks."""

    start: int
    end: int
    open_mark: int  # prose index of the opening mark
    close_mark: int | None  # prose index of the closing mark (None: runs to paragraph end)
    paragraph: int
    continues: int | None = None  # index (in the result list) of the first segment
    term: bool = False  # a quoted term, not a quotation


def _is_open_pos(text: str, i: int, start: int, end: int) -> bool:
    before_ok = (
        i == start
        or text[i - 1] in _OPEN_CONTEXT
        or text[i - 1] in _D_OPEN
        or text[i - 1] in _S_OPEN
        # CJK text has no spaces: a curly opening mark right after a CJK character opens
        # ("他说“我们不会退让。”")
        or (text[i] in "\u201c\u2018" and "\u3040" <= text[i - 1] <= "\u9fff")
    )
    after_ok = i + 1 < end and not text[i + 1].isspace()
    return before_ok and after_ok


def _is_close_pos(text: str, i: int, start: int, end: int) -> bool:
    # after a space only when the space separates it from an inner closing single mark:
    # "… the term 'outreach,' " he said" (nested closing marks set apart)
    before_ok = i > start and (
        not text[i - 1].isspace()
        or (i - 2 >= start and text[i - 1] in _NESTED_GAP and text[i - 2] in _S_CLOSE_CHARS)
    )
    after_ok = i + 1 >= end or not (text[i + 1].isalnum())
    return before_ok and after_ok


def _strong_close(text: str, i: int, start: int, end: int) -> bool:
    """A closing mark after sentence punctuation, or before punctuation / the end."""
    if i > start and text[i - 1] in _SENTENCE_PUNCT:
        return True
    j = i + 1
    return j >= end or text[j] in _AFTER_CLOSE or text[j] in _D_CLOSE


def _double_quotes(
    text: str, start: int, end: int, marks: list[int] | None = None
) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs (open, close) of double-family marks in a paragraph, and an unclosed opener.
    ``marks`` are the positions of the paragraph's ``_D_MARKS``, if they are known."""
    pairs: list[tuple[int, int]] = []
    if marks is None:
        marks = [m.start() for m in _D_MARKS.finditer(text, start, end)]
    if not marks:
        return pairs, None  # (a paragraph without any)
    # each mark's context is judged once (a mark is looked at again for every opener before it)
    can_open = [_is_open_pos(text, i, start, end) for i in marks]
    can_close = [_is_close_pos(text, i, start, end) for i in marks]
    strong = [
        cc and _strong_close(text, i, start, end) for i, cc in zip(marks, can_close, strict=True)
    ]
    unclosed: int | None = None
    k = 0
    n = len(marks)
    while k < n:
        i = marks[k]
        c = text[i]
        if not (c in _D_OPEN or c == '"' or (c == "\u201d" and can_open[k])):
            k += 1
            continue
        if c in ("\u201c", '"', "\u201d") and not can_open[k]:
            k += 1
            continue
        # find the closing mark
        close = None
        m = k + 1
        while m < n and marks[m] - i <= _MAX_QUOTE and m - k <= _MAX_MARKS:
            j = marks[m]
            cj = text[j]
            inner_apostrophe = (
                j - start > 0 and j + 1 < end and text[j - 1].isalpha() and text[j + 1].isalpha()
            )
            if inner_apostrophe:
                m += 1
                continue
            if cj in _D_CLOSE or cj == '"':
                if cj == "\u201c" and c != "\u201e" and can_open[m] and not can_close[m]:
                    if c == '"':
                        inner = _curly_inside_straight(text, marks, can_close, m)
                        if inner is not None:
                            m = inner + 1  # "… “too loud” …": a quotation inside, skipped
                            continue
                    break  # a new opening mark: the previous quote was not closed
                if can_close[m] or cj in ("\u00bb", "\u300d", "\u300f"):
                    # (a guillemet or corner bracket closes from any position)
                    strong_m = strong[m] if can_close[m] else _strong_close(text, j, start, end)
                    if not strong_m:
                        # a weak close ("eatin” regular"): prefer a later strong one before any opener
                        later = None
                        for mm in range(m + 1, min(n, m + 1 + _MAX_LOOKAHEAD)):
                            jj = marks[mm]
                            if jj - i > _MAX_QUOTE:
                                break
                            if (
                                (text[jj] in _D_OPEN or text[jj] == '"')
                                and can_open[mm]
                                and not can_close[mm]
                            ):
                                break  # a new quotation opens: the weak close was the close
                            if strong[mm]:
                                later = mm
                                break
                        if later is not None:
                            m = later
                            j = marks[m]
                    close = j
                    break
            m += 1
        if close is None:
            unclosed = i  # maybe a quotation that runs on into the next paragraph
            k += 1
            continue
        pairs.append((i, close))
        if unclosed is not None and unclosed < i:
            unclosed = None
        while k < n and marks[k] <= close:
            k += 1
    return pairs, unclosed


def _curly_inside_straight(
    text: str, marks: Sequence[int], can_close: Sequence[bool], m: int
) -> int | None:
    """Index in ``marks`` of the closing mark of a curly quotation that opens at ``marks[m]``
    inside a straight one, if a straight closing mark follows it: "… as “too loud” …" with
    straight marks outside and curly ones inside (the outer quotation is the one reported).
    ``can_close`` says for each mark whether it is in a closing position."""
    n = len(marks)
    close = None
    for mm in range(m + 1, min(n, m + _MAX_MARKS)):
        ch = text[marks[mm]]
        if ch == "\u201d" and can_close[mm]:
            close = mm
            break
        if ch == '"':
            return None
    if close is None:
        return None
    for mm in range(close + 1, min(n, close + _MAX_MARKS)):
        if text[marks[mm]] == '"' and can_close[mm]:
            return close
    return None


def _single_quotes(
    text: str,
    start: int,
    end: int,
    taken: Sequence[tuple[int, int]],
    marks: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """Pairs of single quotation marks outside the double-quoted stretches ``taken``.
    ``marks`` are the positions of the paragraph's ``_S_MARKS``, if they are known."""
    pairs: list[tuple[int, int]] = []
    taken_starts: list[int] | None = None

    def inside_taken(i: int) -> bool:
        nonlocal taken_starts
        if taken_starts is None:
            taken_starts = [a for a, _ in taken]
        k = bisect.bisect_right(taken_starts, i) - 1
        return k >= 0 and taken[k][0] <= i <= taken[k][1]

    closers: list[int] | None = None
    if marks is None:
        marks = [m.start() for m in _S_MARKS.finditer(text, start, end)]
    for i in marks:
        if pairs and i <= pairs[-1][1]:
            continue
        # _is_open_pos, its first test inlined: most of these marks are apostrophes after a
        # letter ("Iran's"), which no opening mark follows
        if i != start and text[i - 1] not in _OPEN_BEFORE:
            continue
        if not _is_open_pos(text, i, start, end) or inside_taken(i):
            continue
        if _elision(text, i, end):
            continue  # rock 'n' roll, the '90s: apostrophes, not an opening mark
        if text.startswith("''", i):
            if closers is None:
                closers = [c.start() for c in _DOUBLED_CLOSE.finditer(text, start, end)]
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


def _doubled_close(closers: Sequence[int], i: int) -> int | None:
    """The last apostrophe of the two that close a quotation opened by two apostrophes at
    ``i`` (archive copy writes each quotation mark as a pair of apostrophes); ``closers``
    are the paragraph's ``_DOUBLED_CLOSE`` positions, in order."""
    k = bisect.bisect_left(closers, i + 3)
    if k < len(closers) and closers[k] - i <= _MAX_QUOTE:
        return closers[k] + 1
    return None


def _elision(text: str, i: int, end: int) -> bool:
    """An apostrophe that stands for left-out letters or digits: 'n' (one letter closed at
    once), '90s and '80s (a decade)."""
    j = i + 1
    if j + 1 < end and text[j].isalpha() and text[j + 1] in "'\u2019":
        return True
    k = j
    while k < end and text[k].isdigit():
        k += 1
    return k - j == 2 and (k >= end or text[k] == "s" or not text[k].isalnum())


def find_quotes(doc: Document) -> list[RawQuote]:
    """Quotations (and quoted terms, marked ``term`` later) paragraph by paragraph."""
    text = doc.prose
    out: list[RawQuote] = []
    carry_first: int | None = None  # a quote left open at the end of the previous paragraph
    # The marks of both families, found in one search of the whole prose rather than two per
    # paragraph: each pattern is one character class, so its matches within a paragraph are
    # the positions in it of those characters, which a bisection finds in the sorted lists.
    d_marks: list[int] = []
    s_marks: list[int] = []
    for m in _ALL_MARKS.finditer(text):
        i = m.start()
        (s_marks if text[i] in _S_CHARS else d_marks).append(i)
    for p in doc.paragraphs:
        da = bisect.bisect_left(d_marks, p.start)
        db = bisect.bisect_left(d_marks, p.end, da)
        sa = bisect.bisect_left(s_marks, p.start)
        sb = bisect.bisect_left(s_marks, p.end, sa)
        if da == db:
            if sa == sb:
                carry_first = None  # no mark, no quotation: what the loop below gives
                continue
            pairs: list[tuple[int, int]] = []
            unclosed: int | None = None  # (what _double_quotes gives with no mark)
        else:
            pairs, unclosed = _double_quotes(text, p.start, p.end, d_marks[da:db])
        singles = (
            _single_quotes(
                text,
                p.start,
                p.end,
                pairs if unclosed is None else [*pairs, (unclosed, p.end)],
                s_marks[sa:sb],
            )
            if sa < sb
            else []  # (what _single_quotes gives with no mark)
        )
        starts_with_open = p.start < p.end and (text[p.start] in _D_OPEN or text[p.start] == '"')
        items: list[tuple[int, int | None]] = [*pairs, *singles]
        if unclosed is not None:
            items.append((unclosed, None))
        items.sort()
        next_carry: int | None = None
        for a, b in items:
            s = a + 1
            e = b if b is not None else p.end
            if b is not None and text.startswith("''", a) and text[b - 1] == "'":
                s, e = a + 2, b - 1  # two apostrophes for each mark
            # the spaces inside the marks are no part of the words: "« Nous ne céderons pas »"
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
                # runs to the end of the paragraph: a multi-paragraph quotation only if the next
                # paragraph opens with a quotation mark again
                nxt = doc.paragraphs[p.index + 1] if p.index + 1 < len(doc.paragraphs) else None
                if nxt is None or not (text[nxt.start] in _D_OPEN or text[nxt.start] == '"'):
                    continue
            out.append(RawQuote(s, e, a, b, p.index, cont))
            if b is None:
                next_carry = cont if cont is not None else len(out) - 1
        carry_first = next_carry
    return out
