"""Disclosure: does the brief, anywhere, tell the reader about an outlet's affiliation?

Judged per outlet per document (as the annotation guidelines do): once any mention of an
outlet is disclosed, every mention of it counts as disclosed. Three places are read:

* a descriptor before the name: "the semi-official Fars", "state-run Syrian news agency SANA",
  "Iran's state-run English-language channel Press TV", "中国官媒新华社";
* an appositive or relative clause after it: "Tasnim News Agency, which is affiliated with the
  Islamic Revolution Guards Corps (I.R.G.C.)", "KCNA (… is the state media)";
* a sentence naming a controller with a control verb: "The IRGC controls the Tasnim News Agency".

A generic reference with a state signal ("state-run Iranian media") discloses itself, and so
does a description of one outlet that names its controller ("Hezbollah's TV station").
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from ._document import Document
from ._matching import RawMention, np_modifier
from ._registry import Registry
from ._text import PhraseTable, Token

__all__ = ["find_disclosures"]

_START = operator.itemgetter(0)  # Token.start

_NP_STOP = frozenset(
    [
        "to",
        "by",
        "from",
        "with",
        "for",
        "of",
        "that",
        "which",
        "who",
        "said",
        "says",
        "told",
        "reported",
        "according",
        "in",
        "on",
        "at",
        "as",
        "and",
        "or",
        "but",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
    ]
)
_PUNCT_STOP = frozenset(',;:.!?\u201c\u201d"()\u00ab\u00bb')
_POST_OPEN = frozenset(
    {",", "(", "\u2014", "\u2013", "-", "which", "that", "is", "was", "a", "an", "the", "\u060c"}
)
# determiners before a controller: "affiliated with the IRGC", "proche des Gardiens", "vinculada
# a la Guardia Revolucionaria", "близкое к КСИР" (possessives are split off by the tokenizer)
_CONTROLLER_DETERMINERS = frozenset(
    "the its their a an la le les l' el los las lo der die das den dem des du de".split()
)
_NAME_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb\u2018\u2019')


class _Phr(PhraseTable[bool]):
    def __init__(self, words: Sequence[str] = ()) -> None:  # (no argument: see PhraseTable)
        super().__init__((w, True) for w in words)

    def at(self, toks: Sequence[Token], i: int) -> int:
        return self.match(toks, i)


def _phrases(registry: Registry) -> tuple[_Phr, _Phr, _Phr, _Phr]:
    cached = registry._cache.get("disclosure")
    if cached is None:
        lx = registry.lexicon
        cached = (
            _Phr(lx.get("disclosure_terms", ())),
            _Phr(lx.get("affiliation_phrases", ())),
            _Phr(lx.get("control_verbs", ())),
            _Phr(lx.get("state_words", ())),
        )
        registry._cache["disclosure"] = cached
    return cached


class _SentenceTokens:
    """The tokens of a sentence but hyphens, and the indexes in them of a mention's ends:
    what filtering the hyphens out of all the tokens and bisecting their starts gave, for
    the few stretches looked at (a megabyte is 200,000 tokens and a few hundred mentions).

    The tokens are in order, so the hyphen-free ones that start in ``[start, x)`` are those
    of one slice of ``tokens``, for ``x`` the end of the sentence or either end of a mention
    (which may lie beyond its sentence: the indexes then count the tokens up to it). A
    sentence's tokens are filtered once, however many mentions it holds."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self._seen: dict[tuple[int, int], tuple[list[Token], list[int], int]] = {}

    def _kept(self, a: int, b: int) -> tuple[list[Token], list[int]]:
        kept = [t for t in self.tokens[a:b] if t.norm != "-"]
        return kept, list(map(_START, kept))

    def at(self, start: int, end: int, pstart: int, pend: int) -> tuple[list[Token], int, int]:
        """The sentence ``[start, end)``'s tokens, and the indexes in them of the first
        tokens at or after ``pstart`` and ``pend`` (``start <= pstart < pend``)."""
        seen = self._seen.get((start, end))
        if seen is None:
            a = bisect.bisect_left(self.tokens, start, key=_START)
            b = bisect.bisect_left(self.tokens, end, lo=a, key=_START)
            seen = (*self._kept(a, b), a)
            self._seen[(start, end)] = seen
        stoks, starts, a = seen
        if pend > end:  # a mention that runs past its sentence (a gap before the next one)
            b = bisect.bisect_left(self.tokens, pend, lo=a, key=_START)
            starts = self._kept(a, b)[1]
        return stoks, bisect.bisect_left(starts, pstart), bisect.bisect_left(starts, pend)


def find_disclosures(
    doc: Document, tokens: list[Token], mentions: Sequence[RawMention], registry: Registry
) -> dict[str, tuple[int, int]]:
    """Prose span of the disclosure of each outlet id (or of each generic mention, keyed
    ``"#<index>"``) that the brief discloses."""
    terms, affil, control, state_words = _phrases(registry)
    org_at = {m.pstart: m.pend for m in mentions if m.kind == "org"}
    sentence_tokens = _SentenceTokens(tokens)
    out: dict[str, tuple[int, int]] = {}

    def controller_at(toks: Sequence[Token], i: int) -> int:
        """Length of a controller reference at toks[i] (organization or state word), after
        determiners, possessors and adjectives ("the country's hard-line Revolutionary
        Guard", "Iran's elite Revolutionary Guards")."""
        j = i
        while j < len(toks) and toks[j].norm in _CONTROLLER_DETERMINERS:
            j += 1
        if j >= len(toks):
            return 0
        for _ in range(8):
            if j >= len(toks) or toks[j].start in org_at or state_words.at(toks, j):
                break
            if not np_modifier(toks, j, _NP_STOP):
                return 0
            j += 1
        if j >= len(toks):
            return 0
        e = org_at.get(toks[j].start)
        if e is not None:
            k = j
            while k < len(toks) and toks[k].end <= e:
                k += 1
            # a parenthesized acronym right after: "(I.R.G.C.)"
            if k < len(toks) and toks[k].text == "(":
                close = next(
                    (x for x in range(k + 1, min(len(toks), k + 4)) if toks[x].text == ")"), None
                )
                if close is not None:
                    k = close + 1
            return k - i
        n = state_words.at(toks, j)
        return (j - i + n) if n else 0

    for idx, m in enumerate(mentions):
        if m.kind == "generic":
            if (
                m.generic is not None
                and m.generic.signal is not None
                and m.generic.state_affiliated
            ):
                out[f"#{idx}"] = m.generic.signal
            continue
        if m.kind != "outlet" or m.target is None or m.target in out or m.pend <= m.pstart:
            continue
        if m.generic is not None and m.generic.signal is not None and m.generic.state_affiliated:
            # a description that names the controller ("Hezbollah's TV station", "an Iranian
            # media outlet close to the Revolutionary Guard"): it discloses the outlet it
            # picks out
            out[m.target] = m.generic.signal
            continue
        sent = doc.sentence_at(m.pstart)
        if sent is None:
            continue
        stoks, mi, me = sentence_tokens.at(sent.start, sent.end, m.pstart, m.pend)
        # a name in quotation marks or parentheses: look around the marks
        while me < len(stoks) and stoks[me].text in _NAME_QUOTES:
            me += 1
        anchor = mi
        while anchor > 0 and stoks[anchor - 1].text in _NAME_QUOTES:
            anchor -= 1
        if (
            anchor > 0
            and stoks[anchor - 1].text == "("
            and me < len(stoks)
            and stoks[me].text == ")"
        ):
            anchor -= 1  # "الموقع الإخباري الرسمي للحرس الثوري (سباه نيوز)": the descriptor before
        # (1) descriptor before the name, within its noun phrase
        k = anchor - 1
        first = anchor
        while k >= 0 and anchor - k <= 8:
            t = stoks[k]
            if t.text in _PUNCT_STOP or t.norm in _NP_STOP:
                break
            first = k
            k -= 1
        found: tuple[int, int] | None = None
        for j in range(first, anchor):
            n = terms.at(stoks, j)
            if n:
                found = (stoks[j].start, stoks[j + n - 1].end)
                break
            if stoks[j].start in org_at:
                found = (stoks[j].start, stoks[anchor - 1].end)
                break
        # (2) appositive or relative clause after the name
        if (
            found is None
            and me < len(stoks)
            and (
                stoks[me].norm in _POST_OPEN
                or stoks[me].text in _POST_OPEN
                or affil.at(stoks, me)  # "خبرگزاری تسنیم وابسته به سپاه": no comma needed
            )
        ):
            opener = me
            if stoks[me].text == ",":
                opener = me + 1
            depth = 1 if stoks[me].text == "(" else 0
            j = opener
            while j < len(stoks) and j - me <= 25:
                t = stoks[j]
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
                    if depth < 0 or (depth == 0 and stoks[me].text == "("):
                        break
                elif t.text in (",", ";") and depth <= 0 and j > opener + 1:
                    break
                n = affil.at(stoks, j)
                if n:
                    c = controller_at(stoks, j + n)
                    if c:
                        found = (stoks[opener].start, stoks[j + n + c - 1].end)
                        break
                n = terms.at(stoks, j)
                if n:
                    found = (stoks[opener].start, stoks[j + n - 1].end)
                    break
                j += 1
        # (3) a controller and a control verb in the same sentence: "The IRGC controls Tasnim"
        if found is None:
            for j in range(max(0, mi - 12), mi):
                c = controller_at(stoks, j)
                if c and j + c < mi and control.at(stoks, j + c):
                    found = (stoks[j].start, stoks[j + c].end)
                    break
        if found is not None:
            out[m.target] = found
    return out
