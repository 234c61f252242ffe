"""Outlet mentions: names and aliases, generic references, domains and handles.

The name matcher is a token n-gram dictionary built once per registry (see
``notes/dependencies.md``: a big regex alternation collapses at scale): the prose is tokenized
once, every token is normalized on its own, and a greedy longest match runs over tuples of
folded tokens, so spans stay exact. Generic references ("state-run Iranian media") are parsed
by a small grammar whose words are registry data.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Container, Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

import attrs
import regex

from ._document import Document
from ._gcpause import paused
from ._model import Alias, Country
from ._registry import GenericTerm, Registry
from ._text import IGNORED, SPACE, PhraseTable, Token, fold_phrase, phrase_forms, tokenize

__all__ = ["GenericInfo", "Matcher", "RawMention", "find_mentions"]


@attrs.frozen
class GenericInfo:
    """What a generic reference says: country, state signal, and the controller it implies."""

    country: str | None
    state_affiliated: bool | None
    controllers: tuple[str, ...]
    signal: tuple[int, int] | None  # prose span of the state signal ("state-run")
    label: str


@attrs.frozen
class RawMention:
    """A mention before reporting: prose span (for context) and original span (for output)."""

    pstart: int
    pend: int
    start: int
    end: int
    kind: str  # "outlet" | "generic" | "org"
    target: str | None
    matched_by: str
    generic: GenericInfo | None = None
    via_link: bool = False


class _Entry(NamedTuple):  # small, and quick to unpickle from the registry cache
    tokens: tuple[str, ...]
    exact: tuple[str, ...] | None  # case-sensitive form, or None
    target: str
    kind: str  # "outlet" | "org"
    matched_by: str  # "name" | "alias" | "credit"
    alias: Alias | None


_HEADLINE_VERBS = frozenset(
    "shows show says say said gets get makes make wins win is are was were has have".split()
)
_NORM = operator.itemgetter(3)  # Token.norm
_START = operator.itemgetter(0)  # Token.start
_TEXT = operator.itemgetter(2)  # Token.text
_NAME_STOP = frozenset("the a an this that in on at of for and but".split())


def _capitalized_word(t: Token) -> bool:
    return t.kind in ("word", "acro") and t.text[:1].isupper()


_COPULA = frozenset("is are was were be been being as".split())
# determiners of an appositive: "TASS, the Russian state news agency", "Tasnim and Fars, two
# news agencies close to the IRGC"
_APPOSITIVE_DETERMINERS = frozenset("the a an two three both".split())
# organizations whose outlets are state-affiliated (registry organization types)
_STATE_CONTROLLER_TYPES = frozenset(
    {
        "government",
        "head_of_state_office",
        "ministry",
        "revolutionary_guard",
        "ruling_party",
        "militia",
        "military",
        "intelligence",
    }
)
_COMPANY_WORDS = frozenset(
    "co corp corporation inc ltd llc plc holdings foundation trust building prize award".split()
)
_NAME_OPENERS = frozenset({"\u00ab", "\u201c", "\u201e", '"', "\u2039"})
_NAME_CLOSERS = frozenset({"\u00bb", "\u201d", "\u201c", '"', "\u203a"})
_ARABIC_CLITICS = ("وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ل", "ال")
_RUN_BREAK = SPACE + '<>"\u201c\u201d\u00ab\u00bb'
# URLs and hosts are looked for in runs of characters between spaces, angle brackets and double
# quotation marks: those with a dot, and with a dot before another character of the run or a
# colon (a run whose one dot ends it, "failed.", is stripped of it, and then has no dot for a
# host and no colon for a scheme). The scan finds those marks (_URL_MARK), then the run around
# each: forward, and backward on the reversed text. The standard ``re`` module.
_URL_MARK = re.compile(rf"\.[^{_RUN_BREAK}]|:")
_IN_RUN = re.compile(rf"[^{_RUN_BREAK}]*+")
_URL_START = regex.compile(r"(?:https?://|www\.)", regex.I)
_HOST = regex.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}[a-z]{2,24}(?:/\S{0,500})?", regex.I
)
_LEADING_URL_PUNCT = "([{'\u2018"
_HANDLE = regex.compile(r"(?<![\w@])@([A-Za-z0-9_]{2,30})\b")
_TRAILING_URL_PUNCT = ".,;:!?)]}'\"\u2019\u201d"


def _other_spelling(exact: _Entry, other: _Entry) -> bool:
    """Whether ``exact`` must match exactly, in a spelling that ``other`` does not fix."""
    return exact.exact is not None and exact.exact != other.exact


def _guarded(alias: Alias | None) -> bool:
    return alias is not None and (
        alias.requires_context or bool(alias.not_before) or bool(alias.not_after)
    )


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


class Matcher:
    """Everything the mention finder needs from a registry, built once and cached."""

    def __init__(self, registry: Registry | None = None) -> None:
        # Without a registry: an empty one, for unpickling. Compiled by mypyc, a class is
        # picklable (as the registry cache needs) when ``__init__`` takes no argument.
        if registry is None:
            return
        with paused():
            self._build(registry)

    def _build(self, registry: Registry) -> None:
        self.registry = registry
        self.index: dict[str, list[_Entry]] = {}
        # the forms of one name for one target, in registry order (dedupe in O(1) per name)
        groups: dict[tuple[tuple[str, ...], str], list[_Entry]] = {}
        orgs = registry.organizations
        for text, alias, entry in registry.iter_names():
            norms, exacts = phrase_forms(text)
            if not norms:
                continue
            case = alias.case if alias else "auto"
            sensitive = case == "sensitive" or (
                case == "auto" and len(norms) == 1 and exacts[0].isupper() and len(exacts[0]) <= 5
            )
            kind = "org" if entry.id in orgs else "outlet"
            by = "name" if alias is None else ("credit" if alias.kind == "credit" else "alias")
            e = _Entry(norms, exacts if sensitive else None, entry.id, kind, by, alias)
            same = groups.setdefault((norms, entry.id), [])
            if not same:
                same.append(e)
            elif _guarded(e.alias) and not any(_guarded(x.alias) for x in same):
                # an alias that repeats a name with context guards ("Sputnik") replaces the
                # unguarded forms: the curator asked for the guard. A form that must match
                # exactly, in another spelling, stays unguarded ("ВЗГЛЯД" beside "Взгляд")
                same[:] = [x for x in same if _other_spelling(x, e)] + [e]
            elif any(_guarded(x.alias) for x in same) and not _guarded(e.alias):
                if all(_other_spelling(e, x) for x in same):
                    same.insert(0, e)  # an exact spelling beside the guarded form
            elif e.exact is None:
                # a case-insensitive form covers the case-sensitive ones (the first one, often
                # the outlet's name, is kept)
                if not any(x.exact is None for x in same):
                    same[:] = [e]
            elif all(x.exact is not None and x.exact != e.exact for x in same):
                same.append(e)  # another spelling that must match exactly ("TASS", "Tass")
        for (norms, _target), forms in groups.items():
            self.index.setdefault(norms[0], []).extend(forms)
        # by the second token, the names of two or more tokens of each bucket; the one-token
        # names apart (each in bucket order: the longer names come first in a bucket)
        self._by_second: dict[str, dict[str, list[_Entry]]] = {}
        self._singles: dict[str, list[_Entry]] = {}
        for first, bucket in self.index.items():
            bucket.sort(key=lambda e: (-len(e.tokens), e.kind != "outlet"))
            for e in bucket:
                if len(e.tokens) > 1:
                    self._by_second.setdefault(first, {}).setdefault(e.tokens[1], []).append(e)
                else:
                    self._singles.setdefault(first, []).append(e)
        lx = registry.lexicon
        self.media_context = {p[0] for p in map(fold_phrase, lx.get("media_context", ())) if p}
        self.unknown_types = [f for f in map(fold_phrase, lx.get("outlet_type_nouns", ())) if f]
        self._unknown_by_first: dict[str, list[tuple[str, ...]]] = {}
        for tn in self.unknown_types:  # a type can only match where its first word is
            self._unknown_by_first.setdefault(tn[0], []).append(tn)
        self.type_nouns = sorted(
            (fold_phrase(t) for t in lx.get("type_nouns", ())), key=len, reverse=True
        )
        # generic grammar
        roles: dict[str, list[tuple[str, GenericTerm]]] = {}
        for term in registry.generic.terms:
            roles.setdefault(term.role, []).append((term.text, term))
        self.terms: dict[str, PhraseTable[GenericTerm]] = {
            role: PhraseTable(items) for role, items in roles.items()
        }
        self.countries = PhraseTable(
            (adj, c) for c in registry.countries.values() for adj in c.adjectives
        )
        self._empty: PhraseTable[GenericTerm] = PhraseTable(())
        # the tokens a generic reference can start with (a determiner, a modifier or a noun):
        # every other token is skipped without looking anything up
        self._signals = self._table("signal")
        self._scopes = self._table("scope")
        tables: list[PhraseTable[Any]] = [
            self._signals,
            self._scopes,
            self._table("noun"),
            self.countries,
        ]
        self._head_firsts = frozenset(k for t in tables for k in t.by_first)
        self._head_stems = _stems_by_prefix(tables)
        self._compounds = self._table("compound")
        self._affiliations: PhraseTable[bool] = PhraseTable(
            (p, True) for p in lx.get("affiliation_phrases", ())
        )
        self._state_words: PhraseTable[bool] = PhraseTable(
            (p, True) for p in lx.get("state_words", ())
        )
        self._by_controller: dict[str, list[tuple[str, str]]] | None = None  # made when needed
        dets = self._table("determiner")
        self._det_firsts = frozenset(dets.by_first)
        self._det_stems = _stems_by_prefix([dets])
        self._det_longest = max((len(p) for ps in dets.by_first.values() for p, _ in ps), default=1)

    def _generic_starts(self, stream: Sequence[Token], words: _Words | None = None) -> list[int]:
        """Indexes of the tokens where a generic reference may start (a superset): a modifier
        or a noun, or a determiner followed by one. Elsewhere, the matcher would only move on
        to the next token."""
        firsts, stems = self._head_firsts, self._head_stems
        dfirsts, dstems = self._det_firsts, self._det_stems
        dets = self._table("determiner")
        norms, forms = words or _words(stream)
        n = len(norms)
        # decided once per word form (a text repeats its words), then found at C speed
        heads = forms & firsts
        if stems:
            heads.update(
                w for w in forms if (w[:2] in stems or w[:1] in stems) and _has_stem(stems, w)
            )
        determiners = forms & dfirsts
        if dstems:
            determiners.update(
                w for w in forms if (w[:2] in dstems or w[:1] in dstems) and _has_stem(dstems, w)
            )
        if not determiners:
            return _indexes_in(norms, heads)
        # Where a determiner matches, the matcher looks for a modifier or a noun only after
        # it (a head word after it, then); elsewhere, at the word itself: a determiner word is
        # looked at if it is a head word or one follows it within a determiner's length
        reach = self._det_longest + 1
        out = []
        for k in _indexes_in(norms, heads | determiners):
            if norms[k] not in determiners:
                out.append(k)
            elif heads.isdisjoint(norms[k : k + reach]):
                continue
            elif (det := dets.longest(stream, k)) is not None:
                if k + det[1] < n and norms[k + det[1]] in heads:
                    out.append(k)
            elif norms[k] in heads:
                out.append(k)
        return out

    def _name_starts(self, stream: Sequence[Token], words: _Words | None = None) -> list[int]:
        """Indexes of the tokens that may start a name: those the index knows, and longer
        Arabic words (a clitic may precede a name); the others cannot match."""
        index, singles, by_second = self.index, self._singles, self._by_second
        norms, forms = words or _words(stream)
        # decided once per word form (a text repeats its words), then found at C speed
        known = forms & index.keys()
        sure = known & singles.keys()
        sure.update(w for w in forms - known if not w.isascii() and len(w) > 3 and _is_arabic(w))
        # a word that only starts longer names ("the"): where the next word is a name's second
        n = len(norms)
        return [
            k
            for k in _indexes_in(norms, known | sure)
            if norms[k] in sure or (k + 1 < n and norms[k + 1] in by_second.get(norms[k], {}))
        ]

    # ------------------------------------------------------------------ names
    def match_names(
        self, stream: Sequence[Token], all_tokens: Sequence[Token], words: _Words | None = None
    ) -> list[RawMention]:
        out: list[RawMention] = []
        i = 0
        n = len(stream)
        for at in self._name_starts(stream, words):
            if at < i:
                continue  # inside the previous name
            i = at
            hit = self._match_at(stream, i)
            if hit is None:
                continue
            entry, length, skip = hit
            first, last = stream[i], stream[i + length - 1]
            pstart = first.start + skip
            if length > 1 and first.norm == "the" and not skip:
                pstart = stream[i + 1].start  # "The Guardian" is cited as "the Guardian"
            pend = last.end
            # type nouns that form a name unit: "SANA news agency"
            if entry.kind == "outlet":
                for tn in self.type_nouns:
                    k = len(tn)
                    if (
                        i + length + k <= n
                        and tuple(t.norm for t in stream[i + length : i + length + k]) == tn
                    ):
                        pend = stream[i + length + k - 1].end
                        length += k
                        break
            # a closing guillemet that belongs to the name: РИА «Новости»
            a = bisect.bisect_left(all_tokens, pstart, key=_START)
            b = bisect.bisect_left(all_tokens, pend, key=_START)
            opened = sum(1 for t in all_tokens[a:b] if t.text in _NAME_OPENERS)
            if opened and b < len(all_tokens) and all_tokens[b].text in _NAME_CLOSERS:
                pend = all_tokens[b].end
            out.append(RawMention(pstart, pend, -1, -1, entry.kind, entry.target, entry.matched_by))
            i += length
        return out

    def _match_at(self, stream: Sequence[Token], i: int) -> tuple[_Entry, int, int] | None:
        tok = stream[i]
        norm = tok[3]
        if norm in self.index:
            # the index's bucket for this token, in its order, less the longer names whose
            # second token is not the next one (they could not match): a common first word
            # ("the", "al") heads hundreds of names
            nxt = stream[i + 1][3] if i + 1 < len(stream) else None
            longer = self._by_second.get(norm)
            two_up = longer.get(nxt, ()) if longer and nxt is not None else ()
            for entry in (*two_up, *self._singles.get(norm, ())):
                if self._entry_matches(entry, stream, i, 0):
                    return entry, len(entry.tokens), 0
            return None
        candidates: list[tuple[_Entry, int]] = []
        if _is_arabic(tok.norm) and len(tok.norm) > 3:
            for pre in _ARABIC_CLITICS:
                if tok.norm.startswith(pre) and len(tok.norm) - len(pre) >= 3:
                    candidates = [(e, len(pre)) for e in self.index.get(tok.norm[len(pre) :], ())]
                    if candidates:
                        break
        for entry, skip in candidates:
            if self._entry_matches(entry, stream, i, skip):
                return entry, len(entry.tokens), skip
        return None

    def _entry_matches(self, entry: _Entry, stream: Sequence[Token], i: int, skip: int) -> bool:
        k = len(entry.tokens)
        if i + k > len(stream):
            return False
        if not (skip == 0 or k == 1):
            return False
        for j in range(1, k):
            if stream[i + j][3] != entry.tokens[j]:
                return False
        if entry.exact is not None and tuple(t.exact for t in stream[i : i + k]) != entry.exact:
            return False
        if skip and stream[i].norm[skip:] != entry.tokens[0]:
            return False
        if not self._guards_pass(entry.alias, stream, i, k):
            return False
        return not (entry.kind == "outlet" and self._inside_company_name(stream, i + k))

    @staticmethod
    def _inside_company_name(stream: Sequence[Token], j: int) -> bool:
        """Whether capitalized words after a name run on into a company's name
        ("Reuters Founder Share Co.")."""
        for k in range(j, min(len(stream), j + 4)):
            t = stream[k]
            if t.norm in _COMPANY_WORDS:
                return k > j
            if not (t.kind == "word" and t.text[:1].isupper()):
                return False
        return False

    def _guards_pass(self, alias: Alias | None, stream: Sequence[Token], i: int, k: int) -> bool:
        if alias is None:
            return True
        nxt = stream[i + k].norm if i + k < len(stream) else None
        prev = stream[i - 1].norm if i > 0 else None
        if (
            nxt is not None
            and alias.not_before
            and nxt in {fold_phrase(w)[0] for w in alias.not_before if fold_phrase(w)}
        ):
            return False
        if (
            prev is not None
            and alias.not_after
            and prev in {fold_phrase(w)[0] for w in alias.not_after if fold_phrase(w)}
        ):
            return False
        if alias.requires_context:
            if prev == "(" and nxt == ")":
                return True
            before = [t.norm for t in stream[max(0, i - 3) : i]]
            after = [t.norm for t in stream[i + k : i + k + 3]]
            # the context must be in the same sentence: "…analysts said. The Hill …" is not
            for stop in (".", "!", "?", ";"):
                if stop in before:
                    before = before[len(before) - before[::-1].index(stop) :]
                if stop in after:
                    after = after[: after.index(stop)]
            return any(w in self.media_context for w in (*before, *after))
        return True

    # ------------------------------------------------------------------ unknown outlets
    def match_unknown(
        self, stream: Sequence[Token], covered: list[tuple[int, int]]
    ) -> list[RawMention]:
        """Outlet-like names the registry does not know: capitalized words followed by a
        capitalized outlet type ("Qeshm Harbour News Agency", "Zagros Times")."""
        out: list[RawMention] = []
        n = len(stream)
        # the _capitalized_word tokens: the capitalized forms found once each, then their
        # indexes at C speed
        texts = list(map(_TEXT, stream))
        upper = {x for x in set(texts) if x[:1].isupper()}
        is_upper = list(map(upper.__contains__, texts))
        # a capitalized word that the next token does not continue only moves on to that
        # token (a run of one word has no outlet type after its first word): skipped. So only
        # the capitalized words next to another one are needed (``caps``: where ``j - 1``
        # is one, ``j in caps`` is _capitalized_word(stream[j]))
        two = list(itertools.compress(range(n - 1), map(operator.and_, is_upper, is_upper[1:])))
        caps = {k for k in (*two, *(k + 1 for k in two)) if stream[k][5] in ("word", "acro")}
        inside = _indexes_inside(stream, covered)  # where _inside(stream[k].start, covered)
        # Only the first word of a run of capitalized words can start a name (after another
        # one, the run is a Title Case headline), and the matcher always comes to it: each
        # run is judged on its own, and only if an outlet type's first word follows its first
        # word within the 8 words a run may have.
        types = self._unknown_by_first
        for i in sorted(k for k in caps if k + 1 in caps and k - 1 not in caps):
            if i in inside or types.keys().isdisjoint(map(_NORM, stream[i + 1 : i + 8])):
                continue
            j = i
            while j < n and j - i < 8 and j in caps and j not in inside:
                j += 1
            if j - i > 5:
                continue  # a Title Case headline, not a name
            # the longest outlet type at the end of the run
            best = 0
            for k in range(i + 1, j):
                for tn in types.get(stream[k][3], ()):
                    if tuple(x.norm for x in stream[k : k + len(tn)]) == tn and k + len(tn) <= j:
                        best = max(best, k)
                        break
            if best:
                head = [x for x in stream[i:best] if x.norm not in _NAME_STOP]
                if head and len(head) <= 3 and not any(x.norm in _HEADLINE_VERBS for x in head):
                    end_k = j
                    out.append(
                        RawMention(
                            head[0].start, stream[end_k - 1].end, -1, -1, "unknown", None, "pattern"
                        )
                    )
        return out

    # ------------------------------------------------------------------ generic references
    def _table(self, role: str) -> PhraseTable[GenericTerm]:
        return self.terms.get(role, self._empty)

    def _modifier(self, stream: Sequence[Token], i: int) -> tuple[str, object, int] | None:
        """The longest modifier at ``stream[i]``: a state signal, a scope or a country."""
        best: tuple[str, object, int] | None = None
        hit = self._signals.longest(stream, i)
        if hit:
            best = ("signal", hit[0], hit[1])
        hit = self._scopes.longest(stream, i)
        if hit and (best is None or hit[1] > best[2]):
            best = ("scope", hit[0], hit[1])
        chit = self.countries.longest(stream, i)
        if chit and (best is None or chit[1] > best[2]):
            best = ("country", chit[0], chit[1])
        return best

    def match_generic(
        self,
        stream: Sequence[Token],
        taken: list[tuple[int, int]],
        next_name_starts: set[int],
        names: Sequence[RawMention] = (),
        words: _Words | None = None,
        day: date | None = None,
    ) -> list[RawMention]:
        outlet_ends = {x.pend for x in names if x.kind == "outlet"}
        orgs = {x.pstart: x for x in names if x.kind == "org" and x.target is not None}
        org_ends = {x.pend: x for x in orgs.values()}
        agencies: dict[str, list[tuple[int, str]]] | None = None  # made when first needed
        nouns = self._table("noun")
        dets = self._table("determiner")
        out: list[RawMention] = []
        n = len(stream)
        i = 0
        in_taken = _indexes_inside(stream, taken)  # where _inside(stream[k].start, taken)
        # every other token would only move on to the next one
        for at in self._generic_starts(stream, words):
            if at < i:
                continue
            i = at
            if i in in_taken:
                i += 1
                continue
            j = i
            det = dets.longest(stream, j)
            if det:
                j += det[1]
            mods: list[tuple[str, object, int, int]] = []
            while j < n:
                m = self._modifier(stream, j)
                if not m or j in in_taken:
                    break
                mods.append((m[0], m[1], j, j + m[2]))
                j += m[2]
            noun_hit = nouns.longest(stream, j) if j < n and j not in in_taken else None
            post: list[tuple[str, object, int, int]] = []
            if (
                noun_hit is not None
                and isinstance(noun_hit[0], GenericTerm)
                and noun_hit[0].postposed
            ):
                # modifiers after the noun: "الإعلام الإيراني", "médias d'État", "medios estatales"
                k = j + noun_hit[1]
                while k < n and k not in in_taken:
                    m = self._modifier(stream, k)
                    if not m:
                        break
                    post.append((m[0], m[1], k, k + m[2]))
                    k += m[2]
            self_signalling = (
                noun_hit is not None and isinstance(noun_hit[0], GenericTerm) and noun_hit[0].state
            )
            control: tuple[str | None, int, int, int] | None = None
            if noun_hit is not None:
                after = j + noun_hit[1] + sum(b - a for _, _, a, b in post)
                if after < n and self._compounds.match(stream, after):
                    # "the official press release", "the state media office": no media
                    i = after
                    continue
                control = self._controller_after(stream, after, orgs)
                if control is None and not det:
                    control = self._possessor_before(stream, mods[0][2] if mods else j, org_ends)
            if noun_hit is None or not (mods or post or self_signalling or control):
                i = max(i + 1, j if mods else i + 1)
                continue
            noun = noun_hit[0]
            assert isinstance(noun, GenericTerm)
            if noun.not_after and i > 0 and stream[i - 1].norm in noun.not_after:
                i = j + noun_hit[1]  # "through official channels"
                continue
            end_idx = j + noun_hit[1] + sum(b - a for _, _, a, b in post)
            allmods = mods + post
            # a descriptor right before a name ("state news agency IRNA") is not a mention
            if end_idx < n and stream[end_idx].start in next_name_starts:
                i = end_idx
                continue
            # an appositive of a named outlet ("TASS, the Russian state news agency, said") is a
            # description of it (a disclosure), not another source
            start_idx0 = mods[0][2] if mods else j
            back = start_idx0 - 1
            while back >= 0 and stream[back].norm in _APPOSITIVE_DETERMINERS:
                back -= 1
            if (
                back >= 1
                and stream[back].text in (",", "(", "\u2014")
                and stream[back - 1].end in outlet_ends
            ):
                i = end_idx
                continue
            first_tok = stream[mods[0][2] if mods else j]
            if (
                back >= 0
                and _capitalized_word(stream[back])
                and _capitalized_word(first_tok)
                and stream[end_idx - 1].text[:1].isupper()
                and not stream[end_idx - 1].text.isupper()
            ):
                # inside a proper name: "Armed American Radio", "Voice of America Television"
                i = end_idx
                continue
            if back >= 0 and stream[back].norm in _COPULA:
                # "KCNA is the state media": a description in the predicate, not a source
                i = end_idx
                continue
            info = self._generic_info(
                allmods,
                noun,
                stream,
                (stream[j].start, stream[j + noun_hit[1] - 1].end),
                control,
            )
            if noun.singular and info.country is None and info.state_affiliated is None:
                i = end_idx
                continue
            start_idx = mods[0][2] if mods else j
            if control is not None and control[3] > end_idx:
                end_idx = control[3]  # "a media outlet close to the Revolutionary Guard"
            ps, pe = stream[start_idx].start, stream[end_idx - 1].end
            definite = start_idx0 > 0 and stream[start_idx0 - 1].norm == "the"
            national = (
                self._national_agency(info, noun, stream, back, definite)
                if control is None or control[0] is None
                else None  # "the news agency close to the IRGC" is not the government's
            )
            described = (
                self._controlled_outlet(control[0], noun, names, day, definite or not det)
                if control is not None and control[0] is not None and noun.singular
                else None
            )
            if described is not None:
                # "Hezbollah's TV station": the one outlet of that controller and medium, or
                # the one of them the brief names ("An Iranian media outlet close to the
                # Revolutionary Guard … Fars"); its description discloses it
                out.append(
                    RawMention(ps, pe, -1, -1, "outlet", described, "description", info)
                )
            elif national is not None:
                # "the Syrian news agency", "Syria's state news agency": one outlet, described;
                # the news agency of that country named last before it, else its national one
                # ("Tasnim reported … The Iranian news agency said")
                if agencies is None:
                    agencies = self._agencies_by_country(names)
                named = _last_before(agencies.get(info.country or "", []), ps)
                out.append(RawMention(ps, pe, -1, -1, "outlet", named or national, "description"))
            else:
                out.append(RawMention(ps, pe, -1, -1, "generic", None, "generic", info))
            i = end_idx
        return out

    def _controller_after(
        self, stream: Sequence[Token], k: int, orgs: dict[int, RawMention]
    ) -> tuple[str | None, int, int, int] | None:
        """A state controller named right after a media noun at ``stream[k]``: "close to the
        country's hard-line Revolutionary Guard", ", which is affiliated with the IRGC",
        "run by the government". (controller id or None for a bare state word, index of the
        affiliation phrase, index past the controller, index past the reference itself: the
        phrase is part of it only when no comma or relative pronoun sets it off)."""
        n = len(stream)
        j = k
        attached = True
        if j < n and stream[j].text in (",", "\u060c"):
            j += 1
            attached = False
        if j < n and stream[j].norm in ("which", "that", "who"):
            j += 1
            attached = False
            if j < n and stream[j].norm in _COPULA:
                j += 1
        if j < n and stream[j].norm.endswith("ly") and stream[j].norm.isalpha():
            j += 1  # "closely linked to"
        a = self._affiliations.match(stream, j)
        if not a:
            return None
        first = j
        j += a
        # determiners, possessors and adjectives before the controller's name: "the
        # country's hard-line", "Iran's elite", "the powerful"
        for _ in range(8):
            if j >= n:
                return None
            org = orgs.get(stream[j].start)
            if org is not None and self._state_controller(org.target):
                e = j
                while e < n and stream[e].start < org.pend:
                    e += 1
                return org.target, first, e, e if attached else k
            w = self._state_words.match(stream, j)
            if w:
                return None, first, j + w, j + w if attached else k
            if not np_modifier(stream, j):
                return None
            j += 1
        return None

    def _possessor_before(
        self, stream: Sequence[Token], k: int, org_ends: dict[int, RawMention]
    ) -> tuple[str | None, int, int, int] | None:
        """A state controller in the possessive right before ``stream[k]``: "Hezbollah's",
        "the Guards'" (the possessor is not part of the reference)."""
        j = k - 1
        if j >= 1 and stream[j].norm == "s" and stream[j - 1].norm == "'":
            j -= 1
        if j < 1 or stream[j].norm != "'":
            return None
        org = org_ends.get(stream[j - 1].end)
        if org is None or not self._state_controller(org.target):
            return None
        first = j - 1
        while first > 0 and stream[first - 1].start >= org.pstart:
            first -= 1
        return org.target, first, k, k

    def _state_controller(self, ident: str | None) -> bool:
        org = self.registry.organizations.get(ident or "")
        return org is not None and org.type in _STATE_CONTROLLER_TYPES

    def _controlled_outlet(
        self,
        controller: str,
        noun: GenericTerm,
        names: Sequence[RawMention],
        day: date | None,
        definite: bool,
    ) -> str | None:
        """The one outlet a singular description with a controller picks out: of the
        outlets that controller runs (in a medium the noun can name), the one the brief
        names, else (for a definite description) the only one there is."""
        if self._by_controller is None:
            by: dict[str, list[tuple[str, str]]] = {}
            for o in self.registry.outlets.values():
                for c in o.claims:
                    if c.controller and c.state_affiliated and not c.disputed:
                        by.setdefault(c.controller, []).append((o.id, o.medium))
                        break
            self._by_controller = by
        cands = {
            oid
            for oid, medium in self._by_controller.get(controller, ())
            if not noun.media or medium in noun.media
        }
        cands = {
            oid
            for oid in cands
            if controller
            in {c.id for c in self.registry.affiliation(oid, day).controllers}
        }
        named = {x.target for x in names if x.kind == "outlet" and x.target in cands}
        if len(named) == 1:
            return named.pop()
        if not named and definite and len(cands) == 1:
            return cands.pop()
        return None

    def _agencies_by_country(
        self, names: Sequence[RawMention]
    ) -> dict[str, list[tuple[int, str]]]:
        """The named news agencies among ``names``, by country: (prose start, outlet id),
        sorted."""
        out: dict[str, list[tuple[int, str]]] = {}
        for x in names:
            if x.kind != "outlet" or x.target is None:
                continue
            outlet = self.registry.outlets.get(x.target)
            if outlet is not None and outlet.medium == "news_agency":
                out.setdefault(outlet.country, []).append((x.pstart, x.target))
        for found in out.values():
            found.sort()
        return out

    def _national_agency(
        self,
        info: GenericInfo,
        noun: GenericTerm,
        stream: Sequence[Token],
        back: int,
        definite: bool,
    ) -> str | None:
        """The outlet a definite singular "news agency" of a country refers to, if one
        (``definite``: "the" right before the description; ``back`` is the token before any
        articles)."""
        if not (noun.singular and info.country and fold_phrase(noun.text) == ("news", "agency")):
            return None
        country = self.registry.countries.get(info.country)
        if country is None or not country.national_agency:
            return None
        if country.national_agency not in self.registry.outlets:
            return None
        possessive = (
            any(t.norm == "'" for t in stream[back + 1 : back + 4]) if back >= -1 else False
        )
        return country.national_agency if (definite or possessive) else None

    def _generic_info(
        self,
        mods: Iterable[tuple[str, object, int, int]],
        noun: GenericTerm,
        stream: Sequence[Token],
        noun_span: tuple[int, int] | None = None,
        control: tuple[str | None, int, int, int] | None = None,
    ) -> GenericInfo:
        country: Country | None = None
        state: bool | None = None
        controllers: list[str] = []
        signal: tuple[int, int] | None = None
        named: str | None = None
        for role, term, a, b in mods:
            if role == "country" and isinstance(term, Country):
                country = country or term
            elif role == "signal" and isinstance(term, GenericTerm):
                if term.country and country is None:
                    country = self.registry.countries.get(term.country)
                if term.state:
                    state = True
                    if signal is None:
                        signal = (stream[a].start, stream[b - 1].end)
                    if term.controller:
                        controllers.append(term.controller)
                        org = self.registry.organizations.get(term.controller)
                        named = (org.short or org.name) if org else None
        if control is not None:
            # "a news agency affiliated with the IRGC", "Hezbollah's TV station"
            state = True
            signal = (stream[control[1]].start, stream[control[2] - 1].end)
            if control[0] is not None:
                controllers.insert(0, control[0])
                org = self.registry.organizations.get(control[0])
                named = (org.short or org.name) if org else None
                if country is None and org is not None:
                    country = self.registry.countries.get(org.country or "")
        if noun.state and state is None:
            state = True  # "Staatsmedien", "官媒", "госСМИ": the noun says it
            signal = signal or noun_span
        if state is None and country is not None and country.state_only_media:
            state = True
        if state and not controllers and country is not None and country.government:
            controllers.append(country.government)
        where = f" ({country.name})" if country else ""
        if state:
            label = f"{named}-affiliated media{where}" if named else f"state media{where}"
        else:
            label = f"media{where}, affiliation not stated"
        return GenericInfo(
            country.code if country else None, state, tuple(controllers), signal, label
        )


def _stems_by_prefix(tables: Iterable[PhraseTable[Any]]) -> dict[str, tuple[str, ...]]:
    """The stems of ``tables`` under the one or two first characters they are filed by."""
    out: dict[str, list[str]] = {}
    for t in tables:
        for prefix, stems in t.stems.items():
            out.setdefault(prefix, []).extend(stem for stem, _ in stems)
    return {k: tuple(v) for k, v in out.items()}


def _last_before(found: list[tuple[int, str]], pos: int) -> str | None:
    """The outlet id of the last of ``found`` (sorted by position) that starts before ``pos``."""
    k = bisect.bisect_left(found, (pos, ""))
    return found[k - 1][1] if k > 0 else None


def _has_stem(stems: dict[str, tuple[str, ...]], norm: str) -> bool:
    """Whether a stem of :func:`_stems_by_prefix` starts ``norm`` (as PhraseTable looks)."""
    return any(norm.startswith(st) for st in stems.get(norm[:2], ())) or any(
        norm.startswith(st) for st in stems.get(norm[:1], ())
    )


class _Words(NamedTuple):
    """The folded forms of a token stream's tokens (``Token.norm``), in order and as a set."""

    norms: list[str]
    forms: set[str]


def _words(stream: Sequence[Token]) -> _Words:
    """:class:`_Words` of ``stream``, listed at C speed."""
    norms = list(map(_NORM, stream))
    return _Words(norms, set(norms))


def _indexes_in(norms: list[str], wanted: Container[str]) -> list[int]:
    """The indexes of the ``norms`` that are ``wanted``, found at C speed."""
    return list(itertools.compress(range(len(norms)), map(wanted.__contains__, norms)))


def _ranges_inside(stream: Sequence[Token], spans: list[tuple[int, int]]) -> list[range]:
    """The indexes of the tokens of ``stream`` whose start is :func:`_inside` ``spans``, as
    increasing ranges: a token is judged by the last span that starts at or before it, so the
    ``k``-th span holds the tokens that start in it before the next span starts."""
    out: list[range] = []
    for k, (s, e) in enumerate(spans):
        stop = min(e, spans[k + 1][0]) if k + 1 < len(spans) else e
        if stop > s:
            a = bisect.bisect_left(stream, s, key=_START)
            b = bisect.bisect_left(stream, stop, key=_START)
            if b > a:
                out.append(range(a, b))
    return out


def _indexes_inside(stream: Sequence[Token], spans: list[tuple[int, int]]) -> set[int]:
    """The indexes of the tokens of ``stream`` whose start is :func:`_inside` ``spans``."""
    return {k for r in _ranges_inside(stream, spans) for k in r}


def _outside(stream: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """The tokens of ``stream`` whose start is not :func:`_inside` ``spans``, in order (cut
    out by slices, not tested one by one)."""
    out: list[Token] = []
    pos = 0
    for r in _ranges_inside(stream, spans):
        out += stream[pos : r.start]
        pos = r.stop
    out += stream[pos:]
    return out


# a token that no name, generic reference or outlet-like name can run through
_BARRIER_NORM = "\u2029"  # PARAGRAPH SEPARATOR
_token_start = operator.itemgetter(0)  # Token.start


def _with_barriers(stream: list[Token], starts: Sequence[int]) -> list[Token]:
    """``stream`` with an empty barrier token at each paragraph start in ``starts`` (sorted),
    so that no mention runs from one paragraph into the next ("U.S." + "state-run media")."""
    out: list[Token] = []
    pos = 0
    offsets = list(map(_token_start, stream))  # (bisecting these is C work, a key is not)
    for ps in starts:
        k = bisect.bisect_left(offsets, ps, lo=pos)
        out += stream[pos:k]
        out.append(Token(ps, ps, "", _BARRIER_NORM, "", "punct"))
        pos = k
    out += stream[pos:]
    return out




def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted by start, not overlapping)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def matcher_for(registry: Registry) -> Matcher:
    cached = registry._cache.get("matcher")
    if cached is None:
        cached = Matcher(registry)
        registry._cache["matcher"] = cached
    assert isinstance(cached, Matcher)
    return cached


def _strip_url(url: str) -> str:
    while url and url[-1] in _TRAILING_URL_PUNCT:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _urls(prose: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The URLs and bare hosts in the prose (span and text), and the spans of the full URLs
    (their words are not names)."""
    url_spans: list[tuple[int, int, str]] = []
    link_spans: list[tuple[int, int]] = []
    n = len(prose)
    backward = prose[::-1]
    run_end = 0
    for mark in _URL_MARK.finditer(prose):
        p = mark.start()
        if p < run_end:
            continue  # a run is looked at once (linear)
        before = _IN_RUN.match(backward, n - p)
        after = _IN_RUN.match(prose, p)
        if before is None or after is None:  # (they always match)
            continue
        run_start, run_end = p - (before.end() - before.start()), after.end()
        word = prose[run_start:run_end]
        if len(word) > 4000 or "." not in word:
            continue
        lead = len(word) - len(word.lstrip(_LEADING_URL_PUNCT))
        url = _strip_url(word[lead:])
        if not url:
            continue
        if _URL_START.match(url) or ("@" not in url and _HOST.fullmatch(url)):
            s = run_start + lead
            url_spans.append((s, s + len(url), url))
            if _URL_START.match(url):
                link_spans.append((s, s + len(url)))
    return url_spans, link_spans


def np_modifier(toks: Sequence[Token], j: int, stop: frozenset[str] = frozenset()) -> bool:
    """Whether ``toks[j]`` may stand before a controller's name in its noun phrase: a
    possessive ("the country's"), a word the possessive follows ("Iran's"), or a lower-case
    word not in ``stop`` ("hard-line", "elite")."""
    t = toks[j]
    return (
        t.norm == "'"
        or (t.norm == "s" and j > 0 and toks[j - 1].norm == "'")
        or (t.text.isalpha() and t.text.islower() and t.norm not in stop)
        or (j + 1 < len(toks) and toks[j + 1].norm == "'")
    )


def find_mentions(
    doc: Document, registry: Registry, as_of: date
) -> tuple[list[RawMention], list[Token]]:
    """All mentions in ``doc``, sorted by position, without overlaps; and the prose tokens."""
    m = matcher_for(registry)
    prose = doc.prose
    tokens = tokenize(prose)
    url_spans, link_spans = _urls(prose)
    url_ranges = sorted(link_spans)
    stream = [t for t in tokens if t[3] not in IGNORED]
    if url_ranges:
        stream = _outside(stream, url_ranges)
    if len(doc.paragraphs) > 1:
        stream = _with_barriers(stream, [p.start for p in doc.paragraphs[1:]])
    words = _words(stream)
    names = m.match_names(stream, tokens, words)
    # organizations do not block generic references ("IRGC-affiliated media")
    taken = sorted((x.pstart, x.pend) for x in names if x.kind == "outlet")
    name_starts = {x.pstart for x in names if x.kind == "outlet"}
    generics = m.match_generic(stream, taken, name_starts, names, words, as_of)
    g_spans = sorted((g.pstart, g.pend) for g in generics)
    names = [x for x in names if x.kind == "outlet" or not _inside(x.pstart, g_spans)]
    covered = sorted((x.pstart, x.pend) for x in [*names, *generics])
    unknown = m.match_unknown(stream, covered)
    found: list[RawMention] = []
    for x in [*names, *generics, *unknown]:
        s, e = doc.to_original(x.pstart, x.pend)
        found.append(attrs.evolve(x, start=s, end=e))
    for s, e, url in url_spans:
        owner = registry.by_url(url, as_of)
        if owner:
            os_, oe = doc.to_original(s, e)
            found.append(RawMention(s, e, os_, oe, "outlet", owner[0].id, "domain"))
    for link in doc.links:
        owner = registry.by_url(link.url, as_of)
        if owner and not any(x.start <= link.start < x.end for x in found):
            found.append(
                RawMention(
                    link.anchor,
                    link.anchor,
                    link.start,
                    link.end,
                    "outlet",
                    owner[0].id,
                    "domain",
                    via_link=True,
                )
            )
    for hm in _HANDLE.finditer(prose):
        outs = registry.by_handle(hm.group(1))
        if outs and not _inside(hm.start(), url_ranges):
            os_, oe = doc.to_original(hm.start(), hm.end())
            found.append(RawMention(hm.start(), hm.end(), os_, oe, "outlet", outs[0].id, "handle"))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    result: list[RawMention] = []
    last_end = -1
    for x in found:
        if x.start >= last_end or x.start == x.end:
            result.append(x)
            last_end = max(last_end, x.end)
    return result, tokens
