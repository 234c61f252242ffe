"""Tokenization and normalization shared by the registry and the matchers.

Tokens keep their exact prose offsets; normalization (NFKC, case folding, Arabic/Persian
letter variants, tatweel and harakat, dotted acronyms) happens per token, so a match over
normalized tokens maps straight back to the text.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

import regex

__all__ = ["SPACE", "PhraseTable", "Token", "fold", "fold_phrase", "phrase_forms", "tokenize"]

V = TypeVar("V")

# One token: a dotted acronym ("I.R.G.C.", "U.S."), a single CJK character, a word (letters,
# marks, digits, with inner apostrophes: "Iran's"), or one other non-space character.
_TOKEN = regex.compile(
    r"(?P<acro>(?:[\p{Lu}]\.){2,}(?![\p{L}]))"
    r"|(?P<cjk>[\p{Han}\p{Hiragana}\p{Katakana}])"
    r"|(?P<num>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,20})?(?!\d))"
    r"|(?P<word>[^\W\p{Han}\p{Hiragana}\p{Katakana}]{1,200}"
    r"(?:['\u2019](?![sS](?![^\W\p{Han}]))[^\W\p{Han}\p{Hiragana}\p{Katakana}]{1,40}){0,3})"
    r"|(?P<punct>[^\s])",
    regex.V0,
)

# The characters of ``\s`` in ``regex`` (Unicode White_Space) as the inside of a character
# class, for the standard ``re`` module, whose ``\s`` adds U+001C..U+001F.
SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

_ARABIC_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi yeh
        "\u0649": "\u06cc",  # alef maksura
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u0640": None,  # tatweel
        "\u200c": None,
        "\u200d": None,
        "\u200b": None,
        "\u00ad": None,
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u0451": "\u0435",  # ё -> е
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
    }
)
_HARAKAT = regex.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")


def fold(text: str) -> str:
    """The normalized form used for matching: NFKC, case folded, letter variants folded."""
    return _fold_exact(unicodedata.normalize("NFKC", text).translate(_ARABIC_FOLD))


def _fold_exact(exact: str) -> str:
    """``fold`` of a string that is already NFKC with letter variants folded."""
    if exact.isascii():
        return exact.lower()
    return _HARAKAT.sub("", exact).casefold()


class Token(NamedTuple):
    """A token: prose offsets, its text, the folded form and the case-preserving form.

    A named tuple rather than an attrs class: a megabyte of news is 200,000 tokens, and a
    tuple is built in one C call where an attrs ``__init__`` sets six slots one by one."""

    start: int
    end: int
    text: str
    norm: str
    exact: str
    kind: str  # "acro" | "cjk" | "num" | "word" | "punct"


_new_token = tuple.__new__
_NFKC = functools.partial(unicodedata.normalize, "NFKC")
_SLOW_KINDS = ("punct", "acro", "cjk", "num", "word", "punct")  # by _TOKEN's m.lastindex

# The fast path. Tokens never contain white space, and what follows a token's end is only
# ever looked at to ask whether it is a letter, a digit or a word character; an ASCII space,
# tab, line break, vertical tab or form feed (the ASCII characters of ``\s`` in ``regex``) is
# none of these, and neither is the end of the text. So the tokens of a text are those of its
# runs between such spaces, each tokenized on its own. A run of ASCII characters and the
# common typographic ones (_TYPOGRAPHIC: quotation marks, dashes, an ellipsis, the no-break
# space, none of them a letter, digit or word character, and only the no-break space a space
# in ``regex``) is tokenized by ``_FAST_TOKEN``: ``_TOKEN`` with its classes narrowed to those
# characters, run by the standard ``re`` module (about twice as fast). Runs with other
# characters take ``_TOKEN``. Either way the tokens are built without a Python loop, their
# folded forms looked up once per distinct token text.
_WS = " \t\n\r\x0b\x0c"
_TYPOGRAPHIC = (
    "\u00a0\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb"
)
_FAST_TOKEN = re.compile(
    r"(?=[^ \t\n\r\x0b\x0c\u00a0])"  # not a space (and lets the scanner skip them quickly)
    r"(?:((?:[A-Z]\.){2,}(?![A-Za-z]))"
    r"|([0-9]{1,3}(?:,[0-9]{3}){1,6}(?:\.[0-9]{1,20})?(?![0-9]))"
    r"|([A-Za-z0-9_]{1,200}(?:['\u2019](?![sS](?![A-Za-z0-9_]))[A-Za-z0-9_]{1,40}){0,3})"
    r"|(.))",
    re.DOTALL,
)
_FAST_KINDS = ("punct", "acro", "num", "word", "punct")  # by _FAST_TOKEN's m.lastindex
_SLOW = re.compile(f"[^\\x00-\\x7f{_TYPOGRAPHIC}]")
# from a character of the slow path to the end of its run, and on over the next runs that
# have one too (possessive: linear)
_SLOW_RUNS = re.compile(
    r"[^ \t\n\r\x0b\x0c]*+"
    rf"(?:[ \t\n\r\x0b\x0c]++[\x00-\x08\x0e-\x1f!-\x7f{_TYPOGRAPHIC}]*+"
    rf"[^\x00-\x7f{_TYPOGRAPHIC}][^ \t\n\r\x0b\x0c]*+)*+"
)
_SHORT = 128  # characters
_CHUNK = 8192  # characters
_m_start = re.Match.start
_m_end = re.Match.end
_m_group = re.Match.group
_m_lastindex = operator.attrgetter("lastindex")
_fast_kind = _FAST_KINDS.__getitem__
_slow_kind = _SLOW_KINDS.__getitem__
_rm_start = regex.Match.start
_rm_end = regex.Match.end
_rm_group = regex.Match.group


class _Forms:
    """The folded and the exact forms of the token texts met so far in one text. A token's
    text decides them (and its kind: an acronym is the only token with a dot second)."""

    __slots__ = ("exact", "norm")

    def __init__(self) -> None:
        self.norm: dict[str, str] = {}
        self.exact: dict[str, str] = {}

    def learn(self, raws: list[str]) -> None:
        norms, exacts = self.norm, self.exact
        for raw in set(raws).difference(norms):
            if raw[1:2] == ".":  # an acronym: the dots dropped
                exact = _NFKC(raw.replace(".", ""))
            elif raw.isascii():
                # NFKC and the letter-variant table change nothing in ASCII
                norms[raw] = raw.lower()
                exacts[raw] = raw
                continue
            else:
                exact = _NFKC(raw).translate(_ARABIC_FOLD)
            norms[raw] = exact.lower() if exact.isascii() else _HARAKAT.sub("", exact).casefold()
            exacts[raw] = exact


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with prose offsets."""
    out: list[Token] = []
    stop = len(text) if end is None else end
    pos = start
    rfind = text.rfind
    forms = _Forms()
    while pos < stop:
        hit = _SLOW.search(text, pos, stop)
        if hit is None:
            break
        h = hit.start()
        # the start of the run that holds it (``start`` may fall inside a run)
        a = max(pos, *(rfind(c, pos, h) + 1 for c in _WS))
        runs = _SLOW_RUNS.match(text, h, stop)
        b = runs.end() if runs else h + 1  # (it always matches)
        # a short stretch of the fast path between two of the slow one costs more to set up
        # than it saves: the slow path takes it too (the scan moves on: linear)
        while (near := _SLOW.search(text, b, min(stop, b + _SHORT))) is not None:
            runs = _SLOW_RUNS.match(text, near.start(), stop)
            b = runs.end() if runs else near.start() + 1
        if a > pos:
            _chunked(_tokenize_fast, text, pos, a, out, forms)
        _chunked(_tokenize_any, text, a, b, out, forms)
        pos = b
    if pos < stop:
        _chunked(_tokenize_fast, text, pos, stop, out, forms)
    return out


def _chunked(
    tokenize_part: Callable[[str, int, int, list[Token], _Forms], None],
    text: str,
    start: int,
    stop: int,
    out: list[Token],
    forms: _Forms,
) -> None:
    """``tokenize_part`` over ``text[start:stop]`` a chunk of some thousand characters at a
    time, cut at spaces (between runs): the match objects of one chunk stay in the CPU's
    caches (about a tenth faster on a megabyte)."""
    while stop - start > _CHUNK:
        cut = text.find(" ", start + _CHUNK, stop)
        if cut < 0:
            break
        tokenize_part(text, start, cut, out, forms)
        start = cut
    tokenize_part(text, start, stop, out, forms)


def _tokenize_fast(text: str, start: int, stop: int, out: list[Token], forms: _Forms) -> None:
    """Append the tokens of ``text[start:stop]``, runs of ASCII and _TYPOGRAPHIC characters
    between white space."""
    ms = list(_FAST_TOKEN.finditer(text, start, stop))
    raws = list(map(_m_group, ms))
    kinds = list(map(_m_lastindex, ms))
    ascii_run = text[start:stop].isascii()
    norms: Iterable[str]
    exacts: Iterable[str]
    if ascii_run:
        # NFKC and the letter-variant table change nothing in ASCII
        norms, exacts = map(str.lower, raws), raws
    else:
        forms.learn(raws)
        norms, exacts = map(forms.norm.__getitem__, raws), map(forms.exact.__getitem__, raws)
    first = len(out)
    out += map(
        _new_token,
        itertools.repeat(Token),
        zip(
            map(_m_start, ms),
            map(_m_end, ms),
            raws,
            norms,
            exacts,
            map(_fast_kind, kinds),
            strict=True,
        ),
    )
    if ascii_run and 1 in kinds:  # acronyms: the dots dropped
        k = -1
        for _ in range(kinds.count(1)):
            k = kinds.index(1, k + 1)
            t = out[first + k]
            exact = t[2].replace(".", "")
            out[first + k] = _new_token(Token, (t[0], t[1], t[2], exact.lower(), exact, "acro"))


def _tokenize_any(text: str, start: int, stop: int, out: list[Token], forms: _Forms) -> None:
    """Append the tokens of ``text[start:stop]``, any text."""
    ms = list(_TOKEN.finditer(text, start, stop))
    raws = list(map(_rm_group, ms))
    forms.learn(raws)
    out += map(
        _new_token,
        itertools.repeat(Token),
        zip(
            map(_rm_start, ms),
            map(_rm_end, ms),
            raws,
            map(forms.norm.__getitem__, raws),
            map(forms.exact.__getitem__, raws),
            map(_slow_kind, map(_m_lastindex, ms)),
            strict=True,
        ),
    )


def fold_phrase(text: str) -> tuple[str, ...]:
    """A phrase as the tuple of folded tokens the matchers compare (hyphens dropped)."""
    return phrase_forms(text)[0]


def phrase_forms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded and the case-preserving forms of a phrase's tokens (those
    :data:`IGNORED` dropped): ``tokenize`` without the Token objects, for registry names.

    Names of ASCII letters and digits between single spaces, most of a registry, take a fast
    path with the same result: every such run is one ``word`` token (up to 200 characters),
    already NFKC, folded by lower-casing."""
    if (
        text.isascii()
        and text.replace(" ", "").isalnum()
        and "  " not in text
        and text[0] != " "
        and text[-1] != " "
    ):
        parts = text.split(" ")
        if len(text) <= 200 or max(map(len, parts)) <= 200:
            return tuple(text.lower().split(" ")), tuple(parts)
    norms: list[str] = []
    exacts: list[str] = []
    for t in tokenize(text):
        if t.norm not in IGNORED:
            norms.append(t.norm)
            exacts.append(t.exact)
    return tuple(norms), tuple(exacts)


# Tokens skipped when matching names: hyphens ("Al-Manar" = "Al Manar") and quotation marks
# that are part of names (РИА «Новости»).
IGNORED = frozenset(
    {"-", "\u00ab", "\u00bb", "\u201e", "\u201c", "\u201d", '"', "\u2039", "\u203a"}
)


class PhraseTable(Generic[V]):
    """Phrases of folded tokens, looked up by their first token (fast on long texts).

    A phrase written with a trailing ``*`` is a stem: it matches any single token that starts
    with it ("иранск*" matches "иранских").
    """

    __slots__ = ("by_first", "stems")

    def __init__(self, items: Iterable[tuple[str, V]] = ()) -> None:
        # (no items: an empty table. Compiled by mypyc, a class is picklable, as the registry
        # cache needs, when ``__init__`` takes no argument)
        self.by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        # stems indexed by their first two characters (one for one-letter stems), so that a
        # token is compared only with the stems it could start with
        self.stems: dict[str, list[tuple[str, V]]] = {}
        for text, value in items:
            if text.endswith("*"):
                f = fold_phrase(text[:-1])
                if len(f) == 1:
                    self.stems.setdefault(f[0][:2], []).append((f[0], value))
                continue
            f = fold_phrase(text)
            if f:
                self.by_first.setdefault(f[0], []).append((f, value))
        for cands in self.by_first.values():
            cands.sort(key=lambda kv: -len(kv[0]))
        for stems in self.stems.values():
            stems.sort(key=lambda sv: -len(sv[0]))  # the longest stem wins

    def longest(self, toks: Sequence[Token], i: int) -> tuple[V, int] | None:
        """The value and token length of the longest phrase starting at ``toks[i]``."""
        n = len(toks)
        if i >= n:
            return None
        norm = toks[i][3]  # .norm: the checker calls this for every token, many times
        cands = self.by_first.get(norm)
        if cands is not None:
            for key, value in cands:
                k = len(key)
                if k == 1:
                    return value, 1
                if i + k <= n:
                    for j in range(1, k):
                        if toks[i + j][3] != key[j]:
                            break
                    else:
                        return value, k
        if self.stems:
            for prefix in (norm[:2], norm[:1]):
                for stem, value in self.stems.get(prefix, ()):
                    if norm.startswith(stem):
                        return value, 1
        return None

    def match(self, toks: Sequence[Token], i: int) -> int:
        """Token length of the longest phrase at ``toks[i]``; 0 if none (``longest``, inline:
        the analysis asks this of most tokens)."""
        n = len(toks)
        if i >= n:
            return 0
        norm = toks[i][3]
        cands = self.by_first.get(norm)
        if cands is not None:
            for key, _ in cands:
                k = len(key)
                if k == 1:
                    return 1
                if i + k <= n:
                    for j in range(1, k):
                        if toks[i + j][3] != key[j]:
                            break
                    else:
                        return k
        stems = self.stems
        if stems:
            for prefix in (norm[:2], norm[:1]):
                for stem, _ in stems.get(prefix, ()):
                    if norm.startswith(stem):
                        return 1
        return 0
