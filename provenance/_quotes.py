"""Quotation marks: pairing across the typographic traditions, multi-paragraph quotes, and the
separation of quotations from quoted terms (titles, names, scare quotes)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._document import Document

__all__ = ["RawQuote", "find_quotes"]

# Double-quote family (outer quotations): opening and closing marks.
_D_OPEN = frozenset("\u201c\u201e\u00ab\u300c\u300e\u301d\uff02")
_D_CLOSE = frozenset("\u201d\u00bb\u300d\u300f\u301e\u201c\uff02")
# Single-quote family.
_S_OPEN = frozenset("\u2018\u201a\u2039")
_S_CLOSE = frozenset("\u2019\u203a\u2018")
_OPEN_CONTEXT = frozenset(" \t\n\r\u00a0([{\u2014\u2013-:;/\u3000\ufeff")
_MAX_QUOTE = 3000  # longest quotation segment in one paragraph we pair (characters)


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
    )
    after_ok = i + 1 < end and not text[i + 1].isspace()
    return before_ok and after_ok


def _is_close_pos(text: str, i: int, start: int, end: int) -> bool:
    before_ok = i > start and not text[i - 1].isspace()
    after_ok = i + 1 >= end or not (text[i + 1].isalnum())
    return before_ok and after_ok


def _strong_close(text: str, i: int, start: int, end: int) -> bool:
    """A closing mark after sentence punctuation, or before punctuation / the end."""
    if i > start and text[i - 1] in ",.!?\u2026;:\u3002\uff0c":
        return True
    j = i + 1
    return j >= end or text[j] in ",.;:!?)\u2014\u2013-\u3002\uff0c" or text[j] in _D_CLOSE


def _double_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs (open, close) of double-family marks in a paragraph, and an unclosed opener."""
    pairs: list[tuple[int, int]] = []
    marks = [
        i for i in range(start, end) if text[i] in _D_OPEN or text[i] in _D_CLOSE or text[i] == '"'
    ]
    k = 0
    n = len(marks)
    while k < n:
        i = marks[k]
        c = text[i]
        if not (c in _D_OPEN or c == '"' or (c == "\u201d" and _is_open_pos(text, i, start, end))):
            k += 1
            continue
        if c in ("\u201c", '"', "\u201d") and not _is_open_pos(text, i, start, end):
            k += 1
            continue
        # find the closing mark
        close = None
        m = k + 1
        while m < n and marks[m] - i <= _MAX_QUOTE:
            j = marks[m]
            cj = text[j]
            inner_apostrophe = (
                j - start > 0 and j + 1 < end and text[j - 1].isalpha() and text[j + 1].isalpha()
            )
            if inner_apostrophe:
                m += 1
                continue
            if cj in _D_CLOSE or cj == '"':
                if (
                    cj == "\u201c"
                    and c != "\u201e"
                    and _is_open_pos(text, j, start, end)
                    and not _is_close_pos(text, j, start, end)
                ):
                    break  # a new opening mark: the previous quote was not closed
                if _is_close_pos(text, j, start, end) or cj in ("\u00bb", "\u300d", "\u300f"):
                    if not _strong_close(text, j, start, end):
                        # a weak close ("eatin” regular"): prefer a later strong one before any opener
                        later = None
                        for mm in range(m + 1, n):
                            jj = marks[mm]
                            if jj - i > _MAX_QUOTE:
                                break
                            if (
                                text[jj] in _D_OPEN
                                and text[jj] != "\u201c"
                                and _is_open_pos(text, jj, start, end)
                            ):
                                break
                            if _is_close_pos(text, jj, start, end) and _strong_close(
                                text, jj, start, end
                            ):
                                later = mm
                                break
                        if later is not None:
                            m = later
                            j = marks[m]
                    close = j
                    break
            m += 1
        if close is None:
            return pairs, i
        pairs.append((i, close))
        while k < n and marks[k] <= close:
            k += 1
    return pairs, None


def _single_quotes(
    text: str, start: int, end: int, taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    i = start
    while i < end:
        c = text[i]
        if (
            (c in _S_OPEN or c == "'" or c == "\u2019")
            and _is_open_pos(text, i, start, end)
            and not any(a <= i <= b for a, b in taken)
        ):
            stop = min(end, i + 300)
            j = i + 2
            found = None
            while j < stop:
                cj = text[j]
                if cj in ("\u2019", "'", "\u203a", "\u2018") and _is_close_pos(text, j, start, end):
                    nxt = text[j + 1] if j + 1 < end else ""
                    possessive = (
                        text[j - 1] in "sS" and nxt == " " and j + 2 < end and text[j + 2].islower()
                    )
                    if not possessive:
                        found = j
                        break
                if cj in "\n":
                    break
                j += 1
            if found is not None:
                pairs.append((i, found))
                i = found + 1
                continue
        i += 1
    return pairs


def find_quotes(doc: Document) -> list[RawQuote]:
    """Quotations (and quoted terms, marked ``term`` later) paragraph by paragraph."""
    text = doc.prose
    out: list[RawQuote] = []
    carry_first: int | None = None  # a quote left open at the end of the previous paragraph
    for p in doc.paragraphs:
        pairs, unclosed = _double_quotes(text, p.start, p.end)
        singles = _single_quotes(
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
