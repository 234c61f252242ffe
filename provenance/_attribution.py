"""Speakers, attributions and claims.

Works sentence by sentence on the prose tokens. For every sentence it looks for an attribution
cue ("according to X", "X said (that)", "CLAIM, X said", "X told Y", "X, citing Y",
"X was quoted as saying by Y", headline "X: claim"), splits it into source / cue / content,
links the outlets the words came through (``via``), carries reporting frames over the rest of
the paragraph, finds the speaker of every quotation, and classifies every sentence as quoted,
attributed or unattributed.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from typing import TypeVar

import attrs

from ._document import Document, Sentence
from ._matching import RawMention
from ._quotes import RawQuote
from ._registry import Registry
from ._text import PhraseTable, Token, fold_phrase

__all__ = ["Analysis", "RawClaim", "SourceRef", "analyze"]

_T = TypeVar("_T", "RawClaim", "QuoteInfo")


@attrs.frozen
class SourceRef:
    """Who said it: a prose span, and the resolved name when the span is a pronoun/description."""

    pstart: int
    pend: int
    name: str | None = None
    mention: int | None = None  # index of an outlet mention the source is


@attrs.frozen
class RawClaim:
    kind: str  # "quoted" | "attributed" | "unattributed"
    pstart: int
    pend: int
    sentence: int
    source: SourceRef | None = None
    via: tuple[int, ...] = ()
    quotes: tuple[int, ...] = ()
    cue: tuple[int, int] | None = None
    negated: bool = False
    boilerplate: bool = False


@attrs.frozen
class QuoteInfo:
    speaker: SourceRef | None
    via: tuple[int, ...]


@attrs.frozen
class Analysis:
    claims: tuple[RawClaim, ...]
    quote_info: tuple[QuoteInfo, ...]
    boilerplate_paragraphs: frozenset[int]


# --------------------------------------------------------------------------- lexicon
_INTRO = frozenset(
    [
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "speaking",
        "however",
        "meanwhile",
        "but",
        "and",
        "also",
        "earlier",
        "later",
        "separately",
        "last",
        "this",
        "for",
        "with",
        "while",
        "when",
        "as",
        "since",
        "although",
        "though",
        "yesterday",
        "today",
        "tomorrow",
        "moreover",
        "furthermore",
        "still",
        "yet",
        "instead",
        "nevertheless",
        "addressing",
        "writing",
        "following",
        "without",
        "amid",
        "despite",
        "asked",
        "responding",
        "elsewhere",
        "additionally",
        "besides",
        "likewise",
        "similarly",
        "previously",
        "recently",
        "finally",
        "notably",
        "specifically",
        "again",
        "then",
        "now",
    ]
)
_AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "also",
        "later",
        "earlier",
        "further",
        "then",
        "previously",
        "again",
        "reportedly",
        "quickly",
        "has_also",
        "today",
        "yesterday",
        "once",
        "repeatedly",
        "publicly",
        "recently",
        "separately",
        "already",
        # do-support, modals and negation: "Clinton has not", "Trump isn't", "did not"
        *"do does did can cannot must shall not never still".split(),
        *"isn't wasn't aren't weren't hasn't haven't hadn't doesn't don't didn't".split(),
        *"won't wouldn't can't couldn't shouldn't".split(),
    ]
)
_TAIL_ADVERBIAL = frozenset(
    [
        "on",
        "in",
        "at",
        "late",
        "early",
        "last",
        "yesterday",
        "today",
        "tonight",
        "earlier",
        "later",
        "this",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "during",
        "after",
        "before",
        "while",
        "when",
        "citing",
        "quoting",
        "adding",
        "in",
        "according",
        "without",
    ]
)
_NOT_NAME = frozenset(
    """the a an he she it they we i you his her its their this that these those but and or so
    in on at for with from by of to after before during while when if as since although though
    however meanwhile also mr mrs ms dr""".split()
)
_NOT_PERSON = frozenset(
    """united states nations kingdom republic union council ministry department agency army corps
    party university institute news street province sea gulf strait east west north south middle
    foreign affairs house white court bank company corp inc group organization committee
    commission assembly parliament congress senate guard guards revolutionary islamic national
    international federal central security defense defence forces navy air force city county
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december times post journal daily press tv
    television radio media network""".split()
)
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
# how far back (in sources remembered) a pronoun or description looks for its antecedent;
# bounded so that long documents stay linear
_ANTECEDENTS = 64
# plural heads of descriptions of people ("the scientists", "the officials")
_PEOPLE_PLURALS = ("ists", "ers", "ors", "ians", "officials", "experts", "leaders", "sources")
# finite verbs that end a subject: a "source" running past one is a clause
_FINITE = frozenset(
    "has have had is are was were will would can could may might should does did".split()
)
_IRREGULAR_PAST = frozenset(
    """spoke made took gave went came got met sent wrote held left brought thought felt knew
    saw found began ran won lost kept led stood sat became said told says tells""".split()
)
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'.-]{1,30}(?: [A-Z][A-Z'.-]{1,30}){0,2}): ")
_NOT_PLURAL = ("ss", "us", "is", "ous")  # "across", "thus", "this", "various": no plurals
# words that open a clause after a "that" (not a noun after a determiner "that")
_CLAUSE_OPENERS = frozenset(
    "he she it they we i you there the a an his her its their our this these those".split()
)
_SUBORDINATORS = frozenset("as because since if when while although though after before".split())
_CLAUSE_BREAK = frozenset("but although though because whereas while since unless".split())
# a word after a cue word in "-s" that opens a clause, making it a plural noun ("Blasts were
# carried out", "Claims have surfaced")
_FINITE_AFTER_A_NOUN = frozenset(
    "are were have had will would could should may might can must remain remained".split()
)
# conjunctions that are also prepositions: a clause break before a capitalized subject with no
# comma up to the verb ("came after Al Mayadeen TV claimed"), not "after the talks, X said"
_TIME_SUBORDINATORS = frozenset("after before when until once".split())
# words that open a subordinate clause after a comma ("…, state media reported, after …")
_CLAUSE_OPENING_SUBORDINATORS = _SUBORDINATORS | _TIME_SUBORDINATORS
_PASSIVE_AUX = frozenset("was were is are been be being".split())
_DETERMINERS = frozenset(
    "the a an this that these those its his her their our your my latest new earlier".split()
)
_PLURAL_HINT = frozenset({"they", "them", "their"})
_CLOSE_QUOTES = frozenset("\u201d\u00bb\u300d\u300f\"\u2019'")
_OPEN_QUOTES = frozenset("\u201c\u00ab\u201e\u300c\u300e\"\u2018'")


class _Phrases(PhraseTable[bool]):
    """Folded phrases of one lexicon key (stems with "*")."""

    def __init__(self, words: Sequence[str] = ()) -> None:  # (no argument: see PhraseTable)
        super().__init__((w, True) for w in words)


@attrs.frozen(eq=False)
class _Lex:
    speech: _Phrases
    bare: _Phrases
    act: _Phrases
    denial: _Phrases
    according: _Phrases
    citing: _Phrases
    quoted_as: _Phrases
    quoting: _Phrases
    as_saying: _Phrases
    quoting_from: frozenset[str]
    that: frozenset[str]
    voice: _Phrases
    author_openers: _Phrases  # "Notably, …": the author's voice again
    person_pron: frozenset[str]
    group_pron: frozenset[str]
    not_subject: frozenset[str]
    description_heads: frozenset[str]
    outlet_heads: frozenset[str]  # those of descriptions that refer to an outlet
    person_heads: frozenset[str]  # the others: titles of people ("minister", "spokesperson")
    org_heads: frozenset[str]  # heads of sources that are organizations ("ministry", "military")
    titles: frozenset[str]  # titles before a person's name ("leader", "ayatollah")
    boilerplate: tuple[str, ...]
    scare: _Phrases
    agentless: _Phrases
    setting: _Phrases
    noun_like: frozenset[str]
    background_times: _Phrases
    not_cues: _Phrases
    question_verbs: frozenset[str]  # their clause is a question, not reported content
    request_verbs: frozenset[str]  # with an object and "to": a request
    naming_verbs: frozenset[str]  # "a stream called Miracle Run": a name, not speech
    topic_verbs: frozenset[str]  # "reported on the front": a topic, not content
    rejection_verbs: frozenset[str]  # with a report noun and its clause: a denial
    report_nouns: frozenset[str]  # "denied reports that …": the denied proposition follows
    # words that end a speaker's name after an inverted verb in other languages ("sagte X
    # dem Sender", "dijo X en una entrevista"); the English ones are _NP_STOP
    speaker_ends: _Phrases
    subject_adverbs: frozenset[str]  # "Он также отметил": no part of the source
    anaphors: _Phrases  # "This was reported by X", "Об этом сообщает X": the sentence before
    continuing: _Phrases  # "، مشيرا إلى أن", ", добавив, что": the same speaker goes on
    # words that open a description of a source after "According to X," ("an agency …",
    # "which …"); relative pronouns among them open a clause with a verb of its own
    appositive_openers: _Phrases
    relatives: _Phrases
    affiliation: _Phrases  # "close to", "proche de": a source's affiliation
    # first words (and stems) of every cue phrase: a token that is none of them starts no cue
    cue_firsts: frozenset[str] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: frozenset(k for t in self.cue_tables() for k in t.by_first),
            takes_self=True,
        ),
    )
    # the words of the not_cues phrases: a cue word that is none of them is in none
    not_cue_words: frozenset[str] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: frozenset(
                w for group in self.not_cues.by_first.values() for key, _v in group for w in key
            ),
            takes_self=True,
        ),
    )
    # for each first word, the tables (of verb_tables) that have a phrase starting with it
    tables_by_first: dict[str, tuple[tuple[str, _Phrases], ...]] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: {
                w: tuple((k, t) for k, t in self.verb_tables() if w in t.by_first)
                for w in {w for _k, t in self.verb_tables() for w in t.by_first}
            },
            takes_self=True,
        ),
    )
    cue_stems: tuple[str, ...] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: tuple(
                st for t in self.cue_tables() for group in t.stems.values() for st, _v in group
            ),
            takes_self=True,
        ),
    )

    def cue_tables(self) -> tuple[_Phrases, ...]:
        """The tables ``_find_cue`` consults: the quoting verbs, then ``verb_tables``."""
        return (self.quoting, *(table for _kind, table in self.verb_tables()))

    def verb_tables(self) -> tuple[tuple[str, _Phrases], ...]:
        """The cue tables tried at a token, by kind, in the order ``_find_cue`` tries them."""
        return (
            ("quoted_as", self.quoted_as),
            ("according", self.according),
            ("citing", self.citing),
            ("denial", self.denial),
            ("speech", self.speech),
            ("act", self.act),
        )

    def may_start_cue(self, norm: str) -> bool:
        return norm in self.cue_firsts or (bool(self.cue_stems) and norm.startswith(self.cue_stems))


def _lex(registry: Registry) -> _Lex:
    cached = registry._cache.get("lex")
    if isinstance(cached, _Lex):
        return cached
    lx = registry.lexicon

    def ph(key: str) -> _Phrases:
        return _Phrases(lx.get(key, ()))

    def words(key: str) -> frozenset[str]:
        """A list of single words, folded as tokens are."""
        return frozenset(f[0] for f in map(fold_phrase, lx.get(key, ())) if len(f) == 1)

    def folded(key: str) -> frozenset[str]:
        """A list of words or phrases, case-folded as written."""
        return frozenset(w.casefold() for w in lx.get(key, ()))

    def heads(key: str) -> frozenset[str]:
        """The last words of a list of phrases, folded as tokens are."""
        return frozenset(f[-1] for f in map(fold_phrase, lx.get(key, ())) if f)

    out = _Lex(
        speech=ph("speech_verbs"),
        bare=ph("bare_clause_verbs"),
        act=ph("act_verbs"),
        denial=ph("denial_verbs"),
        according=ph("according_to"),
        citing=ph("citing"),
        quoted_as=ph("quoted_as_saying"),
        quoting=ph("quoting_verbs"),
        as_saying=ph("as_saying"),
        quoting_from=folded("quoting_from"),
        that=frozenset(w.casefold() for w in lx.get("complementizers", ("that",)))
        | words("complementizers"),
        voice=ph("voice_change"),
        author_openers=ph("author_openers"),
        person_pron=folded("person_pronouns"),
        group_pron=folded("group_pronouns"),
        not_subject=folded("not_subject_starts"),
        description_heads=heads("descriptions"),
        outlet_heads=heads("outlet_descriptions"),
        org_heads=folded("organization_heads"),
        person_heads=heads("descriptions") - heads("outlet_descriptions"),
        titles=folded("person_titles"),
        boilerplate=tuple(w.casefold() for w in lx.get("boilerplate", ())),
        scare=ph("scare_quote_cues"),
        agentless=ph("agentless"),
        setting=ph("speech_settings"),
        noun_like=folded("noun_like_cues"),
        background_times=ph("background_times"),
        not_cues=ph("not_cues"),
        question_verbs=words("question_verbs"),
        request_verbs=words("request_verbs"),
        naming_verbs=words("naming_verbs"),
        topic_verbs=words("topic_verbs"),
        rejection_verbs=words("rejection_verbs"),
        report_nouns=words("report_nouns"),
        speaker_ends=ph("speaker_ends"),
        subject_adverbs=words("subject_adverbs"),
        anaphors=ph("report_anaphors"),
        continuing=ph("continuing_participles"),
        appositive_openers=ph("appositive_openers"),
        relatives=ph("relative_pronouns"),
        affiliation=ph("affiliation_phrases"),
    )
    registry._cache["lex"] = out
    return out


# --------------------------------------------------------------------------- helpers
def _is_cap(t: Token) -> bool:
    return t.text[:1].isupper() or (t.kind == "acro")


def _name_word(t: Token) -> bool:
    """A capitalized word that may be part of a person's name (as ``note_people`` reads)."""
    return t[2][:1].isupper() and t[5] == "word" and t[3] not in _NOT_NAME


def _person_name(text: str, run: Sequence[Token], titles: frozenset[str]) -> str | None:
    """The name of a person in a run of capitalized words: its last two words, after any
    title ("Senate Minority Leader Harry Reid" is Harry Reid), or all three short words of a
    name with no title among ``titles`` ("Kim Yo Jong"); None if fewer are left."""
    cut = max((k + 1 for k, x in enumerate(run) if x.norm in _NOT_PERSON), default=0)
    run = run[cut:]
    if len(run) < 2:
        return None
    if (
        len(run) == 3
        and all(2 <= len(x.text) <= 5 and x.text.isalpha() for x in run)
        and run[0].norm not in titles
    ):
        return text[run[0].start : run[2].end]  # "Kim Yo Jong", "Choe Son Hui": three short words
    return text[run[-2].start : run[-1].end]


_APPOSITIVE_OPENERS = frozenset("the a an its his her".split())


def _appositive_comma(toks: Sequence[Token]) -> int:
    """The index of the comma that opens an appositive after a source's head ("KCNA, the
    official news agency, …"), or ``len(toks)``."""
    for k in range(1, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].norm in _APPOSITIVE_OPENERS:
            return k
    return len(toks)


def _is_word(t: Token) -> bool:
    return t.kind in ("word", "acro", "cjk")


@attrs.frozen
class _Frame:
    source: SourceRef | None
    via: tuple[int, ...]


class _Ctx:
    """Per-document state: tokens, mentions by position, speakers seen so far."""

    def __init__(
        self,
        doc: Document,
        tokens: list[Token],
        mentions: Sequence[RawMention],
        quotes: Sequence[RawQuote],
        lex: _Lex,
    ) -> None:
        self.doc = doc
        self.text = doc.prose
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.mentions = mentions
        self.mention_order = sorted(range(len(mentions)), key=lambda i: mentions[i].pstart)
        self.mention_starts = [mentions[i].pstart for i in self.mention_order]
        self.quote_spans: list[tuple[int, int]] = []
        self.quote_starts: list[int] = []
        self.set_quotes(quotes)
        self.lex = lex
        self.history: list[tuple[str, str, SourceRef]] = []  # (kind, name, ref)
        self.history_sentence: list[int] = []  # sentence index of each history entry
        # people named (not as sources): (sentence, name, prose start, prose end)
        self.named: list[tuple[int, str, int, int]] = []
        self.cur_sentence = -1
        self.resolved_mention: int | None = None
        # names seen so far, by their last word ("Reid" -> "Harry Reid"; the latest wins), and
        # whether an outlet has been a source yet: kept as they grow, so lookups stay O(1)
        self.surnames: dict[str, str] = {}
        self.known_names: set[str] = set()
        self.outlet_spoke = False
        # canonical registry names of the outlet mentions: an outlet speaker is named by it
        self.outlet_names: dict[int, str] = {}

    def outlet_name(self, mention: int) -> str:
        """How an outlet mention names its outlet: the registry's canonical name."""
        m = self.mentions[mention]
        return self.outlet_names.get(mention) or self.text[m.pstart : m.pend]

    def toks(self, start: int, end: int) -> list[Token]:
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        return self.tokens[a:b]

    def mentions_in(self, start: int, end: int) -> list[int]:
        """Indices of outlet and generic mentions starting in ``[start, end)`` (no datelines)."""
        a = bisect.bisect_left(self.mention_starts, start)
        b = bisect.bisect_left(self.mention_starts, end)
        return [
            i
            for i in self.mention_order[a:b]
            if self.mentions[i].kind in ("outlet", "generic")
            and not self.is_dateline(self.mentions[i])
        ]

    def set_quotes(self, quotes: Sequence[RawQuote]) -> None:
        self.quotes = quotes
        spans = sorted(
            (q.open_mark, q.close_mark if q.close_mark is not None else q.end)
            for q in quotes
            if not q.term
        )
        self.quote_spans = spans
        self.quote_starts = [a for a, _ in spans]
        self.quote_at = {q.open_mark: q for q in quotes if not q.term}

    def quote_covering(self, start: int, end: int) -> bool:
        """Whether one quotation (marks included) covers ``[start, end)``."""
        k = bisect.bisect_right(self.quote_starts, start) - 1
        return k >= 0 and self.quote_spans[k][1] >= end

    def is_dateline(self, m: RawMention) -> bool:
        """A credit or dateline ("TEHRAN (FNA)-", "/TASS/", "(CNN) —") is not a conduit."""
        t = self.text
        before = t[max(0, m.pstart - 1) : m.pstart]
        after = t[m.pend : m.pend + 2]
        if before in ("(", "/") and after[:1] in (")", "/"):
            sent = self.doc.sentence_at(m.pstart)
            if sent is not None and m.pstart - sent.start < 40:
                rest = t[m.pend + 1 : m.pend + 4].lstrip(" .")
                # "(FNA)-", "(CNN) —", "(CNN)Israeli …"; not "(سانا) أن …", an outlet's
                # name in parentheses inside the sentence
                return rest[:1] in ("-", "\u2014", "\u2013", "") or rest[:1].isupper()
        return False

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and self.quote_spans[k][0] <= pos <= self.quote_spans[k][1]

    # ---------------------------------------------------------------- names
    def name_of(self, toks: Sequence[Token]) -> str | None:
        """The proper name in a source phrase: the last run of capitalized words of its first
        comma-separated part ("Iran's Foreign Minister Javad Zarif" -> "Javad Zarif")."""
        part: list[Token] = []
        depth = 0
        for t in toks:
            if t.text == "(" and part:
                depth += 1  # "Guards Corps (IRGC) Navy Commander …": the parenthesis is skipped
                continue
            if depth:
                depth -= t.text == ")"
                continue
            if t.text in (",", "(") or t.norm in (
                "of",
                "for",
                "at",
                "to",
                "in",
                "from",
                "with",
                "who",
            ):
                break
            part.append(t)
        if (
            part
            and len(part) < len(toks)
            and toks[len(part)].text not in (",", "(")
            and len(part) <= 3
            and all(_is_word(t) and _is_cap(t) for t in part)
        ):
            # a title with its complement, then the name: "Commander of Iran's Basij force
            # Brigadier General Mohammad Reza Naqdi", "Head of the … Department General X"
            named = self._name_at_end(toks[len(part) :])
            if named is not None:
                return named
        common_head = not part or not (_is_word(part[-1]) and _is_cap(part[-1]))
        k = len(part)
        if (
            common_head or (len(part) > 1 and part[-2].kind == "word" and part[-2].text.islower())
        ) and (k < len(toks) and toks[k].text == ","):
            # the head is a common noun ("Foreign ministers of Iran"), or a title after a
            # lower-case word ("the former President", "der iranische Außenminister": German
            # nouns are capitalized); a name may follow it between commas ("a soldier, Hamid
            # Dehqani")
            apposed = list(itertools.takewhile(lambda t: t.text != ",", toks[k + 1 :]))
            if 2 <= len(apposed) <= 4 and all(_is_word(t) and _is_cap(t) for t in apposed):
                return self.text[apposed[0].start : apposed[-1].end]
        if common_head:
            return None
        if _cyrillic(part[0]) and part[0].norm in self.lex.org_heads and len(part) <= 6:
            # "Министерство обороны России": the head comes first, the name is all of it
            return self.text[part[0].start : part[-1].end]
        runs: list[list[Token]] = []
        cur: list[Token] = []
        for k, t in enumerate(part):
            if _is_word(t) and _is_cap(t):
                cur.append(t)
            elif t.text == "." and cur and len(cur[-1].text) == 1 and _initial_dot(part, k):
                continue  # a middle initial: "Jeffrey N. Trimble"
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        # a day or a month is no name: "North Korea on Monday", "a statement … on Thursday"
        runs = [r for r in runs if not all(t.norm in _CALENDAR for t in r)]
        if not runs:
            return None
        run = runs[-1]
        if len(run) > 2 and run[-1].norm in self.lex.org_heads:
            # an institution keeps its full name: "European External Action Service"
            while run[0].norm in _DETERMINERS:
                run = run[1:]
            return self.text[run[0].start : run[-1].end]
        if (
            len(run) == 2
            and run[0].norm in self.lex.titles
            and run[1].norm not in self.lex.titles
            and run[1].norm not in _NOT_PERSON  # "Justice Department"
            and len(run[1].text) > 1
        ):
            # "General Hajizadeh", "MP Maliki": the surname (``source_from`` then finds the
            # full name of someone introduced before)
            return run[1].text
        titled = [k for k, t in enumerate(run[:-2]) if t.norm in self.lex.titles]
        if titled and len(run) - titled[-1] - 1 == 3 and len(run[-2].text) > 1:
            # a name of three words after its title: "Leader Kim Jong Un", "Foreign Minister
            # Mohammad Javad Zarif"
            return self.text[run[-3].start : run[-1].end]
        # drop leading titles: keep the last two or three capitalized tokens (and an initial)
        if len(run) > 3:
            run = run[-3:] if len(run[-2].text) == 1 else run[-2:]
        if len(run) == 3 and run[0].norm in self.lex.person_heads and len(run[1].text) > 1:
            run = run[1:]  # "Spokesperson Hong Lei", "President Xi Jinping": the title dropped
        elif (
            len(run) == 3
            and _cyrillic(run[0])
            and not run[1].norm.endswith(("вич", "вна", "ична", "чна"))
        ):
            run = run[1:]  # "Кремля Дмитрий Песков": a name and surname (no patronymic)
        return self.text[run[0].start : run[-1].end]

    def _name_at_end(self, toks: Sequence[Token]) -> str | None:
        """A person's name that ends a phrase (up to its first comma, parentheses skipped):
        the last two of its closing run of capitalized words, when that run has two words
        at least, is no outlet or organization, and ends in no word of institutions."""
        end = next((k for k, t in enumerate(toks) if t.text == ","), len(toks))
        run: list[Token] = []
        depth = 0
        for t in toks[:end]:
            if t.text == "(":
                depth += 1
                run = []
                continue
            if t.text == ")":
                depth = max(0, depth - 1)
                continue
            if depth:
                continue
            run = [*run, t] if _is_word(t) and _is_cap(t) and t.kind == "word" else []
        if len(run) < 2 or any(t.norm in _NOT_PERSON for t in run[-2:]):
            return None
        if self.mentions_in(run[0].start, run[-1].end):
            return None
        return self.text[run[-2].start : run[-1].end]

    def head_mentions(self, toks: Sequence[Token]) -> tuple[int, ...]:
        """The mentions of a source phrase before an appositive that describes it: "Global
        Times, a tabloid run by the People's Daily, said" names no conduit in the appositive."""
        if not toks:
            return ()
        k = _appositive_comma(toks)
        found = self.mentions_in(toks[0].start, toks[k - 1].end)
        close = next((c for c in range(k + 1, len(toks)) if toks[c].text == ","), len(toks))
        if close + 1 < len(toks):
            # "Dean, a medical doctor, then appeared on MSNBC": after the appositive
            found += self.mentions_in(toks[close + 1].start, toks[-1].end)
        return tuple(found)

    def source_from(self, toks: Sequence[Token]) -> SourceRef | None:
        """A SourceRef for a source phrase, resolving pronouns and descriptions."""
        toks = [t for t in toks if t.text not in ("\u201c", "\u201d", '"')]
        while toks and toks[0].kind == "punct" and toks[0].text in _BULLETS:
            toks = toks[1:]  # the marker of a list item ("• Navy commander X said")
        if len(toks) > 1 and toks[0].norm in ("в", "во") and _is_cap(toks[1]):
            toks = toks[1:]  # "В МИД Ирана заявили": the ministry said
        while toks and (
            toks[-1].norm in _AUX
            or toks[-1].norm in self.lex.subject_adverbs  # "Он также отметил"
            or (  # "Clinton egregiously described": an adverb, not "the family said"
                len(toks) > 1
                and toks[-1].kind == "word"
                and toks[-1].text[:1].islower()
                and toks[-1].norm.endswith("ly")
                and toks[-2].norm not in _DETERMINERS
                and toks[-2].kind == "word"
                and (not toks[-2].text[:1].islower() or toks[-1].norm.endswith(_ADVERB_ENDINGS))
            )
        ):
            toks = toks[:-1]
        while toks and (
            toks[0].norm in ("and", "but", "so", "then") or toks[0].text in ",;:\u060c\u061b"
        ):
            toks = toks[1:]
        while toks and toks[-1].text in ",;:.!?\u060c\u061b\u3002":
            toks = toks[:-1]
        if len(toks) > 1 and toks[-1].norm in _CALENDAR:
            # "Sanders on Tuesday said", "Peskov Friday told": the day is no part of the source
            toks = toks[:-1]
        while len(toks) > 1 and toks[-1].norm in _TIME_LEADERS:
            toks = toks[:-1]  # "federal prosecutors in April", "in late August" ("May" is _AUX)
        toks = toks[: _appositive_comma(toks)]  # "KCNA, the official news agency of …": the head
        toks = toks[: self._setting_start(toks)]
        if toks and toks[0].norm in self.lex.not_subject:
            # an adverbial ("In a statement", "Following reports") is not a source, but a name
            # right after it is ("In a Bloomberg interview Trump")
            k = len(toks)
            while k > 1 and _is_word(toks[k - 1]) and _is_cap(toks[k - 1]):
                k -= 1
            after_noun = (
                0 < k < len(toks)
                and toks[k - 1].kind == "word"
                and not _is_cap(toks[k - 1])
                and toks[k - 1].norm not in self.lex.not_subject
                and toks[k - 1].norm not in _NOT_NAME
            )
            if after_noun:
                toks = toks[k:]
            else:
                at_end = [
                    i for i in self.mentions_in(toks[0].start, toks[-1].end)
                    if self.mentions[i].end == toks[-1].end
                ]
                if at_end:
                    # "In Tehran state media said": the outlet that ends the phrase
                    m_start = self.mentions[at_end[-1]].start
                    toks = [t for t in toks if t.start >= m_start]
                else:
                    toks = _subject_after_adverbial(toks, self.lex.not_subject)
        if not toks or len(toks) > 30:
            return None
        if len(toks) > 5:
            # a clause, not a noun phrase ("Other leaders used blunt language to denounce what
            # X"): its subject is the source
            v = next((k for k in range(1, len(toks)) if self._verb_like(toks, k)), None)
            if v is not None:
                toks = toks[:v]
                while toks and toks[-1].text in ",;:(":
                    toks = toks[:-1]
                if not toks:
                    return None
        ps, pe = toks[0].start, toks[-1].end
        mention = next((i for i in self.mentions_in(ps, pe)), None)
        first = toks[0].norm
        if (
            len(toks) > 1
            and first in (self.lex.person_pron | self.lex.group_pron)
            and all(
                t.norm in ("both", "all", "each", "themselves", "himself", "herself", "too")
                for t in toks[1:]
            )
        ):
            toks = toks[:1]  # "they both" is "they"
            ps, pe = toks[0].start, toks[0].end
        if len(toks) == 1 and first in self.lex.person_pron:
            own = self._claim_subject(ps)
            if own is None:
                # in a trailing frame ("Zelenskiy, he said, could …"), the people its own
                # sentence names before it are the claim's subject matter, not its speaker
                own = self.resolve("person", before=ps if self._trailing_frame_at(ps) else None)
            return SourceRef(ps, pe, own)
        if len(toks) == 1 and first in self.lex.group_pron:
            pair = self._pair_before(ps) if first in _PLURAL_HINT else None
            if pair is not None:
                # "Barack Obama and Mitt Romney … although they agreed": the pair named before
                # the pronoun in its sentence
                return SourceRef(ps, pe, pair)
            name = self.resolve("group" if first in _PLURAL_HINT else "it")
            return SourceRef(ps, pe, name, self.resolved_mention)
        if (
            mention is None
            and toks[-1].norm in self.lex.description_heads
            and (
                (first == "the" and len(toks) <= 5)
                or (len(toks) == 1 and _rtl(toks[0]))
                or (len(toks) <= 2 and _cyrillic(toks[0]))
            )
        ):
            # a description that refers back: "the agency", "the Iranian commander", "الوكالة",
            # "в публикации" (languages without articles: the word alone, or after "в")
            head = toks[-1].norm
            kind = (
                "outlet"
                if head in self.lex.outlet_heads
                # "the ministry" is no person: only a source that shares its head
                else "org" if head in self.lex.org_heads else "person"
            )
            name = self.resolve(kind, head)
            return SourceRef(ps, pe, name or self.text[ps:pe], self.resolved_mention)
        if (
            mention is None
            and first == "the"
            and 2 <= len(toks) <= 3
            and toks[-1].kind == "word"
            and toks[-1].text[:1].islower()
            and toks[-1].norm.endswith(_PEOPLE_PLURALS)
        ):
            # "the scientists", "the two officials": the last group named before, if any
            group = self._recent_group()
            if group is not None:
                return SourceRef(ps, pe, group)
        name = (
            self.name_of(toks)
            if any(_is_cap(t) for t in toks[1:]) or (toks[0].norm != "the" and _is_cap(toks[0]))
            else None
        )
        if mention is not None:
            name = self.outlet_name(mention)
        elif name is not None and " " not in name:
            # a surname alone ("Ekwueme") names the person introduced in full before
            name = self.surnames.get(name, name)
        return SourceRef(ps, pe, name, mention)

    def _claim_subject(self, pos: int) -> str | None:
        """For a pronoun in a trailing frame ("…, he said."), the person its sentence names
        first, outside quotations and mentions: the subject of the claim it closes ("Wahl
        thinks the budget needs cuts, he said"). A single word counts when it is the surname
        of a person named in full before. None elsewhere, or if the sentence names no one."""
        if not self._trailing_frame_at(pos):
            return None
        sent = self.doc.sentences[self.cur_sentence]
        before = self.toks(sent.start, pos)
        if len([t for t in self.toks(pos, sent.end) if _is_word(t)]) > 5:
            return None  # "After meeting X, he said the talks …": a forward frame
        k = 0
        while k < len(before):
            if not _name_word(before[k]) or self.in_quote(before[k].start):
                k += 1
                continue
            e = k
            while e < len(before) and _name_word(before[e]):
                e += 1
            run = before[k:e]
            k = e
            if self.mentions_in(run[0].start, run[-1].end):
                continue  # an outlet or an organization
            name = _person_name(self.text, run, self.lex.titles)
            if name is None and len(run) == 1:
                name = self.surnames.get(run[0].text)
            if name is not None:
                return name
        return None

    def _trailing_frame_at(self, pos: int) -> bool:
        """Whether a frame starting at ``pos`` follows words of its sentence, after a comma or
        a closing quotation mark ("…, he said", "“…” she added")."""
        sent = self.doc.sentences[self.cur_sentence] if self.cur_sentence >= 0 else None
        if sent is None or not sent.start <= pos <= sent.end:
            return False
        before = self.toks(sent.start, pos)
        return bool(before) and before[-1].text in (",", "\u201d", '"')

    def _pair_before(self, pos: int) -> str | None:
        """The last two people named together ("A and B", "A and Republican challenger B")
        before ``pos`` in the current sentence, as "A and B"; None if there are none."""
        sent = self.doc.sentences[self.cur_sentence] if self.cur_sentence >= 0 else None
        if sent is None or not sent.start <= pos <= sent.end:
            return None
        toks = self.toks(sent.start, pos)
        runs: list[tuple[int, int]] = []  # [start, end) of runs of capitalized words
        k = 0
        while k < len(toks):
            if _name_word(toks[k]):
                e = k
                while e < len(toks) and _name_word(toks[e]):
                    e += 1
                runs.append((k, e))
                k = e
            else:
                k += 1
        named = [
            (a, e, name)
            for a, e in runs
            if (name := _person_name(self.text, toks[a:e], self.lex.titles)) is not None
        ]
        for (_a1, e1, one), (a2, _e2, two) in reversed(list(itertools.pairwise(named))):
            between = toks[e1:a2]
            if (
                between
                and between[0].norm == "and"
                and len(between) <= 4
                and all(t.kind == "word" for t in between)
            ):
                return f"{one} and {two}"
        return None

    def _recent_group(self) -> str | None:
        for i in range(len(self.history) - 1, -1, -1):
            if self.cur_sentence - self.history_sentence[i] > 4:
                return None
            kind, name, _ref = self.history[i]
            last = name.rsplit(" ", 1)[-1].casefold()
            if kind == "group" and (" and " in name or last.endswith(_PEOPLE_PLURALS)):
                return name  # people ("the researchers", "X and Y"), not "the results"
        return None

    def _note_name(self, full: str) -> None:
        self.known_names.add(full)
        last = full.rsplit(" ", 1)
        if len(last) == 2:
            self.surnames[last[1]] = full
            self.known_names.add(last[1])

    def _verb_like(self, toks: Sequence[Token], k: int) -> bool:
        """A finite verb inside a source phrase; an "-ed" word only right after a name (not
        "the Iranian-backed militia", not "armed forces")."""
        t = toks[k]
        if not _finite_like(t) or self.text[t.start - 1 : t.start] == "-":
            return False  # (not "Saudi-led", "state-run": adjectives)
        if t.norm in _FINITE or t.norm in _IRREGULAR_PAST:
            return True
        return _is_cap(toks[k - 1])

    def remember(self, ref: SourceRef | None, toks: Sequence[Token] = ()) -> None:
        if ref is None:
            return
        span_text = self.text[ref.pstart : ref.pend].casefold()
        if span_text in self.lex.person_pron or span_text in self.lex.group_pron:
            return
        name = ref.name or self.text[ref.pstart : ref.pend]
        if ref.mention is not None:
            kind = "outlet"
        elif len(toks) > 1 and (
            (toks[-1].norm.endswith("s") and not _is_cap(toks[-1]))
            or any(t.norm == "and" for t in toks)
        ):
            kind = "group"
            if (
                any(t.norm == "and" for t in toks)
                and ref.name is not None
                and " and " not in ref.name
            ):
                name = self.text[ref.pstart : ref.pend]  # "X and Y": both, not the last name
        elif self._organization(toks):
            kind = "org"  # "The US military said …": a later "it", never "he"
        else:
            kind = "person"
        self.history.append((kind, name, ref))
        self._note_name(name)
        if kind == "outlet":
            self.outlet_spoke = True
        self.history_sentence.append(self.cur_sentence)

    def _setting_start(self, toks: Sequence[Token]) -> int:
        """Where a setting between a source and its verb starts, in languages that put it
        there with no comma ("Песков в беседе с журналистами отметил", "发言人汪文斌5日在记者会上
        表示"): at a word of the lexicon's ``speaker_ends`` after which no capitalized word
        comes but in a mention ("Посол России в США Анатолий Антонов" has none); a date
        before it goes too. ``len(toks)`` when there is none."""
        ends = self.lex.speaker_ends
        for p in range(1, len(toks)):
            if not ends.match(toks, p) or toks[p - 1].text in _COMMAS:
                continue
            tail = toks[p + 1 :]
            named = [self.mentions[i] for i in self.mentions_in(toks[p].start, toks[-1].end)]
            if any(_is_cap(t) and not any(m.pstart <= t.start < m.pend for m in named) for t in tail):
                return len(toks)
            while p > 1 and (toks[p - 1].text.isdigit() or toks[p - 1].text in _DATE_CHARS):
                p -= 1  # "5日"
            return p
        return len(toks)

    def dropped_subject(self, verb: Token) -> SourceRef | None:
        """The source of a verb whose subject is in its ending ("وأضاف أن …", and he added
        that …): the last source, if it spoke in the last few sentences, named at the verb."""
        if not self.history or self.cur_sentence - self.history_sentence[-1] > 4:
            return None
        _kind, name, ref = self.history[-1]
        return SourceRef(verb.start, verb.end, name, ref.mention)

    def _organization(self, toks: Sequence[Token]) -> bool:
        """Whether a source phrase names an organization by its head noun, the last word
        before any complement ("the US military", "The Saudi General Authority of Civil
        Aviation", "China's Foreign Ministry")."""
        head = None
        for t in toks:
            if t.text == "," or t.norm in ("of", "for", "in", "at", "from", "on"):
                break
            if _is_word(t):
                head = t
        return head is not None and head.norm in self.lex.org_heads

    def note_people(self, stoks: Sequence[Token]) -> None:
        """Remember people the sentence names ("Ardeshir Kalbani arrived late."), so that a
        later "he" can refer to them even when they were not quoted."""
        run: list[Token] = []
        for t in stoks:
            # most tokens are not capitalized: one test answers them (this runs on every token)
            if t[2][:1].isupper() and t[5] == "word" and t[3] not in _NOT_NAME:
                run.append(t)
            elif run:
                if len(run) > 1:  # a name has two words at least
                    self._note_run(run)
                run = []
        if len(run) > 1:
            self._note_run(run)

    def _note_run(self, run: list[Token]) -> None:
        name = _person_name(self.text, run, self.lex.titles)
        if name is not None:
            self.named.append((self.cur_sentence, name, run[0].start, run[-1].end))
            self._note_name(name)

    def resolve(self, kind: str, head: str | None = None, before: int | None = None) -> str | None:
        """The name a pronoun or description refers to; ``resolved_mention`` is then the outlet
        mention behind it, if it is an outlet ("It said", "the agency added"). With ``before``,
        people named in the current sentence before that position are passed over."""
        self.resolved_mention = None
        found = self._resolve(kind, head, before)
        if found is None:
            return None
        name, mention = found
        self.resolved_mention = mention
        return name

    def _resolve(
        self, kind: str, head: str | None, before: int | None = None
    ) -> tuple[str, int | None] | None:
        if head is not None:
            # "the commander" -> the last source whose words include "commander"
            for k, name, ref in reversed(self.history[-_ANTECEDENTS:]):
                if kind == "org" and k == "person":
                    continue  # "the ministry" is not "Foreign Ministry spokesman X"
                words = {t.norm for t in self.toks(ref.pstart, ref.pend)}
                if head in words:
                    return name, ref.mention
        if kind == "outlet" and not self.outlet_spoke:
            # no outlet has spoken yet: the outlet named last before this sentence
            sent = self.doc.sentences[self.cur_sentence] if self.cur_sentence >= 0 else None
            limit = sent.start if sent is not None else len(self.text)
            a = bisect.bisect_left(self.mention_starts, limit)
            for i in reversed(self.mention_order[:a]):
                m = self.mentions[i]
                if m.kind == "outlet" and not self.is_dateline(m):
                    return self.outlet_name(i), i
        if kind == "person":
            src = next(
                (
                    (self.history_sentence[i], self.history[i][1])
                    for i in range(
                        len(self.history) - 1, max(-1, len(self.history) - 1 - _ANTECEDENTS), -1
                    )
                    if self.history[i][0] == "person"
                ),
                None,
            )
            seen = next(
                (
                    n
                    for n in reversed(self.named)
                    if before is None or n[0] != self.cur_sentence or n[2] >= before
                ),
                None,
            )
            # a person named in a later sentence than the last speaker is the better antecedent
            if seen is not None and (src is None or seen[0] > src[0]):
                return seen[1], None
            if src is not None:
                return src[1], None
        for k, name, ref in reversed(self.history[-_ANTECEDENTS:]):
            if (
                (kind == "person" and k == "person")
                or (kind == "group" and k in ("group", "outlet"))
                or (kind == "outlet" and k == "outlet")
                or (kind == "it" and k in ("outlet", "org"))  # "The ministry said … It added"
            ):
                return name, ref.mention
        if kind == "org":
            return None  # "the ministry": no source with that head, and no person
        for k, name, ref in reversed(self.history):
            if kind == "person" and k in ("outlet", "org"):
                continue  # "he" is no news agency, no ministry
            return name, ref.mention
        return None


# --------------------------------------------------------------------------- sentences
@attrs.frozen
class _Attr:
    source: SourceRef | None
    content: tuple[int, int] | None  # prose span of the reported content
    cue: tuple[int, int]
    via: tuple[int, ...]
    frame: bool  # starts a reporting frame that carries over the paragraph
    negated: bool = False
    speaker_for_quotes: SourceRef | None = None
    act: bool = False  # a communicative act with an object ("condemned the strikes")


_START = operator.itemgetter(0)  # Token.start, as a key for bisect
_PARTICLES = frozenset("up out off away".split())
_CONTRACTED = frozenset("there here what where who how".split())  # "there's said" (has)
# after "said", words of a headline's passive ("X said poised to …" = "X is said to be …")
_SAID_TO_BE = frozenset(
    """poised ready keen eager willing likely unlikely planning considering weighing mulling
    nearing eyeing preparing""".split()
)
_TIME_WORDS = frozenset(
    """yesterday today tonight earlier later also again first monday tuesday wednesday thursday
    friday saturday sunday""".split()
)


def _naming(toks: Sequence[Token], i: int, k: int) -> bool:
    """Whether a verb of naming at ``toks[i]`` gives something its name rather than calls
    someone something: after a comma, or after a common noun with a capitalized name that
    ends the phrase ("a stream called Miracle Run", "The entity, called Reuters Founder Share
    Co., has …"); not "Trump called Clinton a liar"."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.text != "," and not (
        prev.kind == "word" and not _is_cap(prev) and prev.norm not in _SUBJECT_PRONOUNS
    ):
        return False
    e = i + k
    while e < len(toks) and (
        (_is_word(toks[e]) and _is_cap(toks[e])) or (toks[e].text == "." and _initial_dot(toks, e))
    ):
        e += 1
    return e > i + k and (e == len(toks) or toks[e].text in (",", ".", ";", ")"))


def _topic_only(ctx: _Ctx, toks: Sequence[Token], j: int) -> bool:
    """Whether what follows a verb of reporting at ``j`` is only its topic: "on" or "about"
    and a noun phrase that is not a date, after any time words, with no clause of saying
    ("reported yesterday on the southern war front", not "reported on Monday that …")."""
    while j < len(toks) and toks[j].norm in _TIME_WORDS:
        j += 1
    if j + 1 >= len(toks) or toks[j].norm not in ("on", "about"):
        return False
    nxt = toks[j + 1]
    if nxt.norm in _TIME_WORDS or nxt.kind == "num" or ctx.lex.background_times.match(toks, j + 1):
        return False
    return not any(t.norm in ctx.lex.that for t in toks[j + 1 :])


_ACCUSED = frozenset("accused charged suspected".split())
_RELATIVE_PREPOSITIONS = frozenset(
    "in during at on by since for from last earlier this".split()
)


def _reduced_relative(toks: Sequence[Token], i: int, k: int) -> bool:
    """Whether a verb of saying in "-ed" at ``toks[i]`` modifies the noun before it ("laws
    proposed during Nixon's term", "data reported in earlier stages"): a common noun phrase
    in an object position (after a preposition or a verb), a preposition or time word after
    the verb, an auxiliary earlier in the sentence (so the verb is not the main one), and no
    "that" after it."""
    t = toks[i]
    if not (t.norm.endswith("ed") and i + k < len(toks) and i > 1):
        return False
    if toks[i + k].norm not in _RELATIVE_PREPOSITIONS:
        return False
    j = i - 1
    while (
        j >= 0
        and toks[j].kind == "word"
        and not _is_cap(toks[j])
        and toks[j].norm not in _NOT_A_NOUN_WORD
    ):
        j -= 1
    if j == i - 1:
        return False  # no noun right before it
    if j >= 0 and toks[j].norm in _DETERMINERS:
        j -= 1
    if j < 0 or toks[j].norm not in _NOT_BEFORE_A_CLAUSE_VERB:
        return False  # the noun phrase opens a clause: it may be the subject
    if any(x.norm == "that" for x in toks[i + k :]):
        return False
    return any(x.norm in _FINITE for x in toks[:j])


_PASSIVE_ADVERBS = frozenset("once widely previously first reportedly repeatedly".split())
_AMOUNTS = frozenset("much little nothing anything something everything more less".split())
_TOPIC_PREPOSITIONS = frozenset("about on of regarding concerning beyond".split())
_ASPECTUAL = frozenset("continued continues continue went goes".split())


def _find_cue(ctx: _Ctx, toks: Sequence[Token]) -> list[tuple[str, int, int]]:
    """Cues in a sentence outside quotations: (kind, token index, token length)."""
    out: list[tuple[str, int, int]] = []
    lex = ctx.lex
    title_case: bool | None = None  # computed when first needed
    firsts = lex.cue_firsts
    by_first = lex.tables_by_first
    all_tables = lex.verb_tables()
    stems = lex.cue_stems
    i = 0
    ntoks = len(toks)
    while i < ntoks:
        t = toks[i]
        norm = t[3]  # .norm: this loop visits every token of the document
        if (norm not in firsts and not (stems and norm.startswith(stems))) or ctx.in_quote(t.start):
            i += 1
            continue
        if norm in lex.not_cue_words and _in_set_phrase(lex.not_cues, toks, i):
            i += 1  # "Having said that, …": no frame
            continue
        k = lex.quoting.match(toks, i)
        if k and i > 0 and toks[i - 1].norm in ("without", "not"):
            k = 0  # "Without quoting any sources, X reported …": no quoting frame
        if k:
            # "SANA quoted the director … as saying": a cue spanning the quoted speaker
            for j in range(i + k, min(len(toks), i + k + 20)):
                n = _as_saying_at(ctx, toks, j)
                if n:
                    out.append(("quoting", i, j + n - i))
                    i = j + n
                    break
            else:
                j = -1
            if j >= 0 and out and out[-1][0] == "quoting" and out[-1][1] == i - out[-1][2]:
                continue
        if (
            i > 0
            and t.kind == "word"
            and t.text[:1].isupper()
            and toks[i - 1].kind in ("word", "acro")
        ):
            if title_case is None:
                title_case = _is_title_case(toks)
            if not title_case:
                i += 1  # a capitalized word inside a sentence is a name ("United States")
                continue
        # only the tables with a phrase that starts with this word (all of them for a stem)
        for kind, table in by_first.get(norm, ()) if not stems else all_tables:
            k = table.match(toks, i)
            if (
                k
                and kind in ("citing", "speech")
                and i > 0
                and toks[i - 1].norm in ("without", "not")
            ):
                k = 0  # "without quoting any sources": no source at all
            if k and kind in ("speech", "act", "denial") and i > 0:
                prev = toks[i - 1]
                if i > 1 and (
                    prev.norm in _ADVERBS_BEFORE_A_PARTICIPLE
                    # an adverb in "-ly" only between an auxiliary and the verb (not "the
                    # family said")
                    or (prev.norm.endswith("ly") and toks[i - 2].norm in _PASSIVE_AUX)
                ):
                    prev = toks[i - 2]  # "was once asked", "were mistakenly charged"
                if (
                    (
                        prev.norm in _DETERMINERS
                        # "Yonhap earlier reported, citing …": an adverb
                        and not (prev.norm == "earlier" and toks[i].norm.endswith("ed"))
                    )
                    # "three blasts", "2 reports": a number before a plural noun
                    or (
                        toks[i].norm.endswith("s")
                        and (prev.kind == "num" or prev.norm.isdigit() or prev.norm in _NUMBERS)
                    )
                    or (prev.norm == "so" and ctx.text[toks[i].start - 1 : toks[i].start] == "-")
                    or (prev.norm == "called" and i > 1 and toks[i - 2].norm == "so")
                    or (  # a possessive, not "he's said" (has)
                        prev.norm == "s"
                        and i > 2
                        and toks[i - 2].text in ("'", "\u2019")
                        and toks[i - 3].norm not in _SUBJECT_PRONOUNS | _CONTRACTED
                    )
                ):
                    # "the report said", "a so-called …", "so-called carried interest",
                    # "KCNA's report was …": a noun or an adjective, not a verb
                    k = 0
                elif (
                    prev.norm in _PASSIVE_AUX
                    and not toks[i].norm.endswith("ing")
                    and not (i + k < len(toks) and toks[i + k].norm == "by")
                ):
                    k = 0  # "was described as …": a passive with no speaker
            if (
                k == 1
                and kind in ("speech", "act")
                and t.norm in lex.noun_like
                and _noun_not_verb(ctx, toks, i)
            ):
                k = 0  # "battleground states", "raising questions about"
            if k and kind in ("speech", "act") and i + k < len(toks):
                nxt = toks[i + k].norm
                if (
                    (i == 0 or toks[i - 1].text == ":")
                    and t.text[:1].isupper()
                    and norm.endswith("s")
                    and (
                        nxt in _FINITE_AFTER_A_NOUN
                        or (nxt.endswith("ed") and nxt.isalpha())
                        or (  # "Blasts heard at the base were …"
                            i == 0
                            and toks[i + k].text.isalpha()
                            and toks[i + k].text.islower()
                            and nxt not in _DETERMINERS
                            and nxt not in _SUBJECT_PRONOUNS
                            and nxt not in ctx.lex.that
                        )
                    )
                ):
                    k = 0  # a plural noun opening a clause: "IRGC: Blasts were carried out"
                elif nxt in _PARTICLES or (nxt == "to" and toks[i].norm in _ASPECTUAL):
                    k = 0  # "showed up", "carried out", "continued to stay away"
                elif nxt == "by" and (i == 0 or toks[i].norm.endswith("ing")):
                    k = 0  # "(Reporting by …; Editing by …)": a credit line
                elif nxt == "of" and toks[i].norm in _ACCUSED:
                    k = 0  # "people accused of rape": a participle, the accusers unnamed
                elif _reduced_relative(toks, i, k):
                    k = 0  # "… were in line with data reported in earlier stages"
                elif (
                    toks[i].norm in lex.report_nouns
                    and nxt in (",", ".")
                    and _in_opening_adverbial(lex.not_subject, toks, i)
                ):
                    k = 0  # "In the wake of the New York Times report, …": a noun
                elif toks[i].norm == "said" and nxt in _SAID_TO_BE:
                    k = 0  # a headline's passive: "Reuters said poised to accept offer"
                elif toks[i].norm in lex.naming_verbs and _naming(toks, i, k):
                    k = 0  # "a stream called Miracle Run", "The entity, called X, has …"
                elif toks[i].norm in lex.topic_verbs and _topic_only(ctx, toks, i + k):
                    k = 0  # "advances Tehran reported yesterday on the southern front"
                elif nxt in _AMOUNTS and (
                    i + k + 1 >= len(toks)
                    or toks[i + k + 1].norm in _TOPIC_PREPOSITIONS
                    or toks[i + k + 1].kind == "punct"
                ):
                    k = 0  # "said little about the plan", "isn't saying much": no content
            if k:
                out.append((kind, i, k))
                i += k
                break
        else:
            i += 1
    return out


def _in_opening_adverbial(not_subject: frozenset[str], toks: Sequence[Token], i: int) -> bool:
    """Whether ``toks[i]`` ends a phrase that opens with a preposition, at the start of the
    sentence or after a comma, within ten tokens ("After a Fars report", "In the wake of the
    New York Times report")."""
    for j in range(i - 1, max(-1, i - 11), -1):
        if toks[j].text == ",":
            return toks[j + 1].norm in not_subject
        if j == 0:
            return toks[0].norm in not_subject
    return False


def _in_set_phrase(table: _Phrases, toks: Sequence[Token], i: int) -> bool:
    """Whether a phrase of ``table`` (of up to five words) covers ``toks[i]``."""
    for j in range(max(0, i - 4), i + 1):
        n = table.match(toks, j)
        if n and j + n > i:
            return True
    return False


_QUANTIFIERS = frozenset(
    "some many most any all no other few several both each every more fewer such".split()
)
_NOUN_FOLLOWERS = frozenset("of about as from into like over against".split())
_SUBJECT_PRONOUNS = frozenset("he she it they we i you who which that".split())
_ADVERBS = frozenset("also still now again often then never always just even".split())
_ADVERBS_BEFORE_A_PARTICIPLE = _ADVERBS | _PASSIVE_ADVERBS


def _noun_not_verb(ctx: _Ctx, toks: Sequence[Token], i: int) -> bool:
    """Whether a cue word that is as often a plural noun ("states", "questions", "claims")
    is the noun here: after a quantifier, a number, a possessive or a preposition; after a
    common word ("battleground states", "raising questions") unless a clause or quotation
    follows ("the website states that …"); before "of", "about" or "as"."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.norm in _NOUN_FOLLOWERS:
        return True
    if nxt is not None and nxt.norm == "to" and (prev is None or not _is_cap(prev)):
        return True  # "calls to establish a commission" (but "Trump claims to be")
    if prev is None or prev.kind == "punct":
        return False
    p = prev.norm
    if p in _QUANTIFIERS or prev.kind == "num" or p.isdigit() or p.endswith("'s"):
        return True
    if p in ctx.lex.not_subject and p not in _SUBJECT_PRONOUNS:
        return True
    if _is_verb_cue(ctx, toks, i - 1, length=1):
        return True  # the object of a verb of saying: "dismissed reports that …"
    if _is_cap(prev) or p in _SUBJECT_PRONOUNS or p in ("and", "or", "but"):
        return False
    if p in _ADVERBS or p.endswith("ly"):
        return False
    if nxt is None or nxt.text in (".", "!", "?", ";"):
        return False  # a trailing frame: "…, the Iranian media reports."
    clause_follows = nxt.norm in ctx.lex.that or nxt.text == ":" or nxt.text in _OPEN_QUOTES
    return not clause_follows


def _appositive_before(stoks: Sequence[Token], vi: int) -> bool:
    """Whether the comma before the verb at ``vi`` closes an appositive or a participial or
    relative clause ("KCNA, the official news agency, said"; "X, speaking to reporters, said")."""
    end = vi - 1
    k = end - 1
    while k >= 0 and stoks[k].text != ",":
        k -= 1
    if k < 1 or k + 1 >= end:
        return False
    first = stoks[k + 1]
    if first.norm in ("the", "a", "an"):
        # "KCNA, the official news agency, said", but not a clause with a finite verb of its
        # own ("For some, the losses would outstrip the gains, said X")
        return not any(t.norm in _FINITE for t in stoks[k + 2 : end])
    if first.norm in ("which", "who", "whose") or (
        first.kind == "word" and first.norm.endswith(("ing", "ed"))
    ):
        return True
    # "Megan Hester, senior associate for … at the Institute, said": a name, then a
    # description with no verb of its own
    name_before = _is_word(stoks[k - 1]) and _is_cap(stoks[k - 1])
    if (
        name_before
        and first.kind == "word"
        and not _is_cap(first)
        and not any(_finite_like(t) or t.norm in _SUBJECT_PRONOUNS for t in stoks[k + 1 : end])
    ):
        return True
    # "The Russian foreign minister, Sergei Lavrov, said": a description that opens the
    # sentence, then the name (two to four capitalized words)
    name = stoks[k + 1 : end]
    if not 2 <= len(name) <= 4 or not all(_is_word(t) and _is_cap(t) for t in name):
        return False
    head = stoks[:k]
    return (
        len(head) <= 8
        and any(t.kind == "word" and t.text.islower() for t in head)
        and not any(
            t.text in _COMMAS or _finite_like(t) or t.norm in _SUBJECT_PRONOUNS for t in head
        )
    )


def _before_appositive(stoks: Sequence[Token], vi: int) -> tuple[int, int] | None:
    """When a comma right before the verb at ``vi`` closes an appositive or a participial
    clause (:func:`_appositive_before`), the tokens before that clause, back to the comma
    before them or the start: their ``(start, end)`` indexes. In "CLAIM, the researchers, led
    by X, said" they are the speaker; in "CLAIM, reducing costs, said X" they are a clause
    that the participle modifies (they hold a finite verb), and the speaker follows the verb."""
    if vi < 2 or stoks[vi - 1].text != "," or not _appositive_before(stoks, vi):
        return None
    k = vi - 2
    while k >= 0 and stoks[k].text != ",":
        k -= 1
    if k < 1:
        return None
    a = k - 1
    while a >= 0 and stoks[a].text != ",":
        a -= 1
    return (a + 1, k) if a + 1 < k else None


def _name_ends(tail: Sequence[Token]) -> bool:
    """Whether ``tail`` (after a verb of saying) is a name of two to six capitalized words
    that ends the sentence ("…, said City Manager Dave Burkland."): the inverted frame's
    speaker, whatever clauses come before the verb."""
    words = [t for t in tail if t.text not in (".", "!", "?")]
    return 2 <= len(words) <= 6 and all(_is_word(t) and _is_cap(t) for t in words)


def _passive_with_agent(stoks: Sequence[Token], ci: int, ck: int) -> bool:
    before = [t.norm for t in stoks[max(0, ci - 3) : ci]]
    after = stoks[ci + ck].norm if ci + ck < len(stoks) else ""
    return after == "by" and any(w in _PASSIVE_AUX for w in before)


def _after_dateline(text: str, toks: Sequence[Token]) -> int:
    """The index of the first token after a dateline that opens ``toks`` ("FLINT, Mich., Oct.
    4 (UPI) —", "TEHRAN (FNA)-", "(CNN) —"), or 0: words with no lower-case one among them,
    then a dash (the dash itself is not a token of the analysis)."""
    depth = 0  # in "(NNN-IRNA)" the hyphen is part of the credit
    for k in range(min(20, len(toks) - 1)):
        t = toks[k]
        if (t.kind == "word" and t.text[:1].islower()) or (k >= 16 and not _han(t)):
            return 0
        depth += (t.text == "(") - (t.text == ")")
        if depth > 0:
            continue
        gap = text[t.end : toks[k + 1].start]
        if (t.text == ")" or (t.text.isupper() and len(t.text) > 1)) and any(
            c in gap for c in "-\u2014\u2013"
        ):
            return k + 1
        if t.text == "\u7535" and gap.isspace() and k > 2:
            return k + 1  # "新华社北京3月5日电 …": a Chinese wire dateline ends in 电 and a space
        if (
            k < 4
            and t.kind == "word"
            and ("\u2014" in gap or "\u2013" in gap or " - " in gap)
            and toks[k + 1].text[:1].isupper()
        ):
            # "Tasnim – The IRGC denied …", "Washington — The president said" (not "Trump —
            # even as he …")
            return k + 1
    return 0


_PARTICIPLE_PREPOSITIONS = frozenset("on about by in with for at to from after over upon".split())


def _strip_intro(text: str, toks: list[Token]) -> list[Token]:
    """Drop an introductory phrase ("On Wednesday,", "Speaking on Tuesday,", "However,") and a
    dateline ("FLINT, Mich., Oct. 4 (UPI) —", "TEHRAN (FNA)-")."""
    toks = toks[_after_dateline(text, toks) :]
    while toks:
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        if toks[0].norm in _INTRO and commas:
            toks = toks[commas[0] + 1 :]
            continue
        if toks[0].kind == "word" and toks[0].norm.endswith("ing") and commas:
            toks = toks[commas[0] + 1 :]  # "Claiming the criticism was unfair, Trump told …"
            continue
        if (
            toks[0].kind == "word"
            and toks[0].norm.endswith("ed")
            and len(toks) > 1
            and toks[1].norm in _PARTICIPLE_PREPOSITIONS
            and commas
        ):
            toks = toks[commas[0] + 1 :]  # "Based on a Times article, Sanders said …"
            continue
        if toks[0].norm in ("but", "and", "however", "meanwhile", "also", "so"):
            toks = toks[1:]
            continue
        if toks[0].norm in _SUBORDINATORS and len(toks) > 1:
            # "While Chinese authorities have refrained from …, China has said": the
            # subordinate clause ends at the first comma after which no verb comes
            for c in commas:
                if not any(_finite_like(t) for t in toks[1:c]):
                    continue  # "after Warren E. Buffett, the billionaire investor,": no clause
                rest = toks[c + 1 :]
                while rest and rest[-1].norm in _AUX:
                    rest = rest[:-1]
                if rest and not any(_finite_like(t) for t in rest):
                    return toks[c + 1 :]
            toks = toks[1:]  # "because as The Wall Street Journal wrote": not the source
            continue
        break
    return toks


# words between a relative pronoun and its verb ("who has also said", "which later told")
_RELATIVE_ADVERBS = frozenset(
    "has have had also later then once previously earlier still again first repeatedly".split()
)
# words that end the noun phrase before a relative clause, read backwards: prepositions that
# tie it to a verb ("criticised by Lavrov, who"), not those inside it ("an official at the
# ministry, who")
_ANTECEDENT_STOPS = frozenset(
    "by from with to against about than as like via between among after before during "
    "that who which whom whose".split()
)


def _ly_adverb(t: Token) -> bool:
    return t.kind == "word" and t.norm.endswith("ly") and len(t.norm) > 4 and t.text.islower()


def _antecedent(stoks: Sequence[Token], comma: int, floor: int) -> list[Token]:
    """The noun phrase that ends before ``stoks[comma]`` (from ``floor``): back to a comma, a
    verb or a preposition that governs it."""
    k = comma
    while k > floor:
        t = stoks[k - 1]
        if (
            not (_is_word(t) or t.text in (".", "'", "\u2019", "-"))
            or t.norm in _ANTECEDENT_STOPS
            or _finite_like(t)
        ):
            break
        k -= 1
    return list(stoks[k:comma])


def _opens_setting(t: Token) -> bool:
    """Whether ``t`` opens a participial or prepositional phrase set between a subject and its
    verb ("X, speaking to SANA, said", "X, in an interview with RT, said")."""
    return t.kind == "word" and (t.norm.endswith(("ing", "ed")) or t.norm in ("in", "during"))


def _subject(ctx: _Ctx, stoks: Sequence[Token], vi: int, floor: int) -> list[Token]:
    """Tokens of the subject of the verb at ``stoks[vi]`` (from ``floor``)."""
    rel = vi - 1
    while rel > floor and (stoks[rel].norm in _RELATIVE_ADVERBS or _ly_adverb(stoks[rel])):
        rel -= 1
    if rel - 1 > floor and stoks[rel].norm in ("who", "which") and stoks[rel - 1].text == ",":
        # "criticised by Lavrov, who said …", "met Lavrov, who later told …": the relative
        # pronoun is the verb's own subject, and the source is its antecedent
        return _antecedent(stoks, rel - 1, floor)
    if vi - 1 > floor and stoks[vi - 1].text == ",":
        # "Christie, who has campaigned … since he suspended …, blasted": the relative clause
        # ends at the comma before the verb; its subject is the noun phrase before it
        for k in range(vi - 2, max(floor, vi - 40), -1):
            if stoks[k].text in (";", ":"):
                break
            if stoks[k].norm in ("who", "which") and stoks[k - 1].text == "," and k - 1 > floor:
                return _subject(ctx, stoks, k - 1, floor)
    start = floor
    for k in range(vi - 1, floor - 1, -1):
        t = stoks[k]
        if t.text in (";", ":") or (
            t.text in _CLOSE_QUOTES and k > floor and ctx.in_quote(stoks[k - 1].start)
        ):
            start = k + 1
            break
        if (
            t.norm in ("which", "whom")
            and 0 < vi - k - 1 <= 4
            and all(_is_word(x) and not _finite_like(x) for x in stoks[k + 1 : vi])
            and (
                _is_cap(stoks[k + 1])
                or stoks[k + 1].norm in _NOUN_SUBJECT_STARTS
                or stoks[k + 1].norm in _SUBJECT_PRONOUNS
                or (stoks[k + 1].norm.endswith("s") and not stoks[k + 1].norm.endswith("ly"))
                or bool(ctx.mentions_in(stoks[k + 1].start, stoks[vi - 1].end))
            )
        ):
            start = k + 1  # "the drills, which Pyongyang says triggered …": Pyongyang says
            break
        if (
            t.norm in ("which", "who", "whose")
            and k > floor
            and (
                stoks[k - 1].text == ","
                or (
                    any(c in _DASHES for c in ctx.text[stoks[k - 1].end : t.start])
                    and any(c in _DASHES for c in ctx.text[t.end : stoks[vi].start])
                )
            )
        ):
            # "Tasnim, which is affiliated with the IRGC, reported", "Rouhani - who will be
            # inaugurated on Sunday - had described": skip the relative clause (a dash is no
            # token of the analysis)
            return _subject(ctx, stoks, k - 1 if stoks[k - 1].text == "," else k, floor)
        if t.norm in ("that", "which", "who", "what") and k < vi - 1:
            start = k + 1
            break
        if t.norm in _CLAUSE_BREAK and k < vi - 1:
            # "… but both spoke", "although they agreed"; a subordinate clause that opens
            # the sentence ends at a comma (``_strip_intro``): "While X did Y, China said"
            start = k if k == floor and t.norm in _SUBORDINATORS else k + 1
            break
        if (
            t.norm in _TIME_SUBORDINATORS
            and floor < k < vi - 1
            and _is_cap(stoks[k + 1])
            and not any(x.text == "," for x in stoks[k + 1 : vi])
        ):
            start = k + 1  # "His comments came after Al Mayadeen TV claimed that …"
            break
    # "…, and when pressed on why, the 34-year-old mother of three replied": a noun phrase
    # after the last comma, with no verb of its own, is the subject
    last_comma = next((k for k in range(vi - 2, start, -1) if stoks[k].text == ","), None)
    if (
        last_comma is not None
        and stoks[vi - 1].text != ","  # not "X, a senior adviser, said": an appositive
        and (
            stoks[last_comma + 1].norm in ("the", "a", "an")
            # "So when Patriot signaled that it was …, Mr. Barrett said": a name after a
            # clause
            or (
                all(
                    (_is_word(t) and _is_cap(t)) or (t.text == "." and k > 0)
                    for k, t in enumerate(stoks[last_comma + 1 : vi])
                )
                and any(_finite_like(t) for t in stoks[start:last_comma])
            )
        )
        and not any(_finite_like(t) or t.text in _CLOSE_QUOTES for t in stoks[last_comma + 1 : vi])
    ):
        start = last_comma + 1
    subj = _strip_intro(ctx.text, list(stoks[start:vi]))
    for k in range(1, len(subj) - 1):
        # "The minister, speaking to reporters, said": drop the participial phrase
        if subj[k].text == "," and _opens_setting(subj[k + 1]):
            return subj[:k]  # (or the setting: "The minister, in an interview with RT, said")
    return subj


_DATE_CHARS = frozenset("\u65e5\u53f7\u6708")  # 日 号 月

_NP_STOP = frozenset(
    "who which in on at during after before to while when as because since".split()
)


_TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gov sen rep st jr gen brig lt col capt prof sgt adm maj cmdr rev".split()
)


# words before a date that are no part of a source ("prosecutors in April", "earlier in May")
_TIME_LEADERS = frozenset("on in late early last earlier".split())
# endings of adverbs, not of nouns in "-ly" ("the US military regularly", not "the family")
_ADVERB_ENDINGS = (
    "ally", "ously", "ively", "edly", "ntly", "arly", "ately", "fully", "ably", "ibly", "ingly"
)
_SUBJECT_DETERMINERS = frozenset(
    "the a an one some several many two three four five its his her their".split()
)


def _subject_after_adverbial(toks: Sequence[Token], not_subject: frozenset[str]) -> list[Token]:
    """The subject after an adverbial with no comma after it ("In a statement the ministry",
    "On Friday the agency", "In Hong Kong one newspaper"): from the last determiner that does
    not follow a preposition, up to five words with no preposition among them; [] if none."""
    for p in range(len(toks) - 1, 1, -1):
        if toks[p].norm in _SUBJECT_DETERMINERS and toks[p].text[:1].islower():
            rest = toks[p:]
            if (
                len(rest) <= 5
                and toks[p - 1].norm not in not_subject
                and toks[p - 1].norm != "of"
                and all(
                    _is_word(t) and t.norm not in not_subject and t.norm not in _SUBJECT_PRONOUNS
                    for t in rest
                )
            ):
                return list(rest)
            break
    return []


def _initial_dot(toks: Sequence[Token], k: int) -> bool:
    """Whether the period at ``toks[k]`` ends an initial or a title inside a name ("N." in
    "Jeffrey N. Trimble", "Sen." in "Sen. Mike Lee"): a capitalized word follows."""
    if k == 0 or k + 1 >= len(toks):
        return False
    prev, nxt = toks[k - 1], toks[k + 1]
    if prev.end != toks[k].start or not (_is_word(nxt) and _is_cap(nxt)):
        return False
    return (len(prev.text) == 1 and prev.text.isupper()) or prev.norm in _TITLE_ABBREVIATIONS


def _np_end(toks: Sequence[Token], j: int, lex: _Lex | None = None) -> int:
    """End of the noun phrase that names a speaker after the verb ("…,” said Professor Ian
    Jones of the University of Reading, …"): at a comma or a clause, and at "of"/"from" once a
    full name (two capitalized words) is complete; also, given the lexicon, at a word of its
    ``speaker_ends`` ("dijo Lavrov en una entrevista", "sagte ein Sprecher dem Sender") that
    is no part of a citing phrase ("передает РИА «Новости» со ссылкой на Tasnim")."""
    k = j
    caps = 0
    while k < len(toks):
        t = toks[k]
        if t.text == "." and _initial_dot(toks, k):
            k += 1  # "Jeffrey N. Trimble", "Sen. Mike Lee"
            continue
        if t.text == "," and k > j and toks[k - 1].kind == "word" and toks[k - 1].text.islower():
            # "said the presidential spokesman, Dmitry Peskov, in …": the name after the
            # description is the speaker's
            n = k + 1
            while n < len(toks) and n - k <= 4 and _is_word(toks[n]) and _is_cap(toks[n]):
                n += 1
            if n - k >= 3 and (n == len(toks) or toks[n].text in (",", ".", ";", ":")):
                k = n
            break
        if t.text in (",", ".", ";", ":") or t.norm in _NP_STOP:
            break
        if t.norm in ("quoted", "cited") and k + 1 < len(toks) and toks[k + 1].norm == "by":
            break  # "said an official quoted by IRNA": a conduit follows
        if (
            lex is not None
            and k > j
            and lex.speaker_ends.match(toks, k)
            and not any(lex.citing.match(toks, m) > k - m for m in range(max(j, k - 3), k))
        ):
            break
        if t.norm in ("of", "from") and caps >= 2 and _is_cap(toks[k - 1]):
            break
        caps = caps + 1 if _is_word(t) and _is_cap(t) else (caps if t.text == "." else 0)
        k += 1
    return k


# words that go on with the clause after a frame set inside it ("…, X said, until …")
_CLAUSE_GOES_ON = frozenset(
    "he she it they we i you one there until unless because since for so whether".split()
)


def _second_speaker(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """After a speaker's name that ``_np_end`` ended at "of"/"from" (at ``k``), a second
    name joined by "and" in the same phrase ("… of the University of Reading and Professor
    Polly Roy of …"): its token span."""
    if k >= len(toks) or toks[k].norm not in ("of", "from"):
        return None
    for m in range(k + 1, min(len(toks) - 1, k + 12)):
        t = toks[m]
        if t.text in (",", ".", ";", ":") or t.norm in _NP_STOP:
            return None
        if t.norm == "and" and _is_word(toks[m + 1]) and _is_cap(toks[m + 1]):
            end = _np_end(toks, m + 1)
            return (m + 1, end) if end - (m + 1) >= 2 else None
    return None


def _both_speakers(ctx: _Ctx, first: Sequence[Token], second: Sequence[Token]) -> SourceRef | None:
    """One source for two people named together: the span from the first to the second
    name, and the name "A and B"."""
    a, b = ctx.source_from(first), ctx.source_from(second)
    if a is None or b is None or a.mention is not None or b.mention is not None:
        return None
    if a.name is None or b.name is None:
        return None
    return SourceRef(a.pstart, b.pend, f"{a.name} and {b.name}")


def _frame_inside_clause(
    ctx: _Ctx, stoks: Sequence[Token], ci: int, ck: int, end: int
) -> _Attr | None:
    """A frame set between commas inside the clause it reports: "The latest test, North Korea
    said, was its biggest yet"; "Lenox was a juggernaut, Mr. Clarke said, until it went
    bankrupt". The content is the whole clause around the frame (the frame inside it)."""
    rest = ci + ck
    if rest + 1 >= len(stoks) or stoks[rest].text != ",":
        return None
    nxt = stoks[rest + 1]
    if nxt.start >= end or not (_finite_like(nxt) or nxt.norm in _CLAUSE_GOES_ON):
        return None
    k = ci - 1
    while k >= 0 and stoks[k].text != "," and ci - k <= 8:
        k -= 1
    if k < 1 or stoks[k].text != "," or k + 1 >= ci:
        return None
    src = stoks[k + 1 : ci]
    if not all(_is_word(t) or t.text in (".", "-") for t in src) or ctx.in_quote(stoks[k].start):
        return None
    if not (
        _is_cap(src[0])
        or src[0].norm in ctx.lex.person_pron | ctx.lex.group_pron
        or (src[0].norm in ("the", "a", "an") and len(src) <= 5)
        or (len(src) <= 4 and src[-1].norm.endswith(_PEOPLE_PLURALS))
    ):
        return None  # a name, a pronoun, a short description ("the report", "officials")
    source = ctx.source_from(src)
    via = ctx.head_mentions(src)
    return _Attr(
        source,
        (stoks[0].start, end),
        (stoks[ci].start, stoks[rest - 1].end),
        via,
        frame=source is not None and source.mention is not None,
    )


def _frame_after_opening_quote(ctx: _Ctx, stoks: Sequence[Token], ci: int, ck: int) -> _Attr | None:
    """“QUOTE,” said X, a lawyer who … / “QUOTE,” X, director of …, said of the plan: the
    sentence opens with a quotation that its frame follows, so the quotation is the content
    (a quote only), whatever the length of the speaker's description."""
    if not stoks or stoks[0].text not in _OPEN_QUOTES:
        return None
    q = ctx.quote_at.get(stoks[0].start)
    if q is None or q.close_mark is None or q.close_mark >= stoks[ci].start:
        return None
    between = [t for t in stoks[:ci] if t.start > q.close_mark]
    if between and _finite_like(between[0]) and ctx.text[q.close_mark - 1] not in _COMMAS:
        return None  # "“A strike …” targeted the governorate, said Saba": a clause of the claim
    while between and between[0].text in _COMMAS:
        between = between[1:]
    if any(t.text in _OPEN_QUOTES for t in between) or any(t.norm in ctx.lex.that for t in between):
        return None
    tail = stoks[ci + ck :]
    if any(t.norm in ctx.lex.that for t in tail[:3]):
        return None  # "“…,” she said, adding that …" is handled as a clause
    if not between or all(t.norm in _AUX for t in between):
        src = list(stoks[ci + ck : _np_end(stoks, ci + ck, ctx.lex)])
    else:
        src = between
        for k in range(1, len(src) - 1):
            if src[k].text == "," and not _is_cap(src[k + 1]):
                src = src[:k]  # "Leonard E. Burman, director of …": the name
                break
    source = ctx.source_from(src) if src else None
    via = ctx.head_mentions(src)
    cue_span = (stoks[ci].start, stoks[ci + ck - 1].end)
    return _Attr(source, None, cue_span, via, frame=False, speaker_for_quotes=source)


# verbs of saying proper, which start a second claim when coordinated ("… and said …")
_SAYING = frozenset(
    """said says added adds told warned insisted stressed noted explained argued claimed
    declared acknowledged admitted adding saying noting warning stressing insisting arguing
    explaining claiming""".split()
)


def _split_coordinated(
    ctx: _Ctx,
    content: tuple[int, int],
    stoks: Sequence[Token],
    cues: Sequence[tuple[str, int, int]],
) -> list[tuple[tuple[int, int], tuple[int, int] | None, list[Token] | None]]:
    """Content that a second verb of saying continues is two claims: of the same speaker
    ("promised to keep campaigning and said she would not back down"; "…, adding that …"), or
    of a subject of its own ("agreed that the rules should change, but he said the talks
    should wait"). Each part comes with its own cue (None for the first, whose cue is the
    sentence's) and the tokens of its own subject (None: the sentence's source). ``cues``
    are the sentence's, as ``_find_cue`` found them in ``stoks``."""
    a = bisect.bisect_left(stoks, content[0], key=_START)
    toks = [t for t in stoks[a:] if t.start < content[1]]
    for kind, ci, ck in cues:
        ci -= a
        if ci < 2 or ci + ck > len(toks):
            continue
        going_on = ctx.lex.continuing.match(toks, ci)  # "، مشيرا إلى أن …", ", добавив, что"
        if kind != "speech" or ((ck != 1 or toks[ci].norm not in _SAYING) and not going_on):
            continue
        prev = toks[ci - 1]
        subject: list[Token] | None = None
        if prev.norm in ("and", "but") or (
            prev.text in _COMMAS and (toks[ci].norm.endswith("ing") or going_on)
        ):
            conj = ci - 1  # "… and said …", "… but noted that …": the same speaker
        else:
            # "…, but he said …", "… and Fowler said …": a subject of its own after "but"/"and"
            s0 = ci - 1
            while s0 > 0 and ci - s0 < 3 and _is_word(toks[s0 - 1]) and _is_cap(toks[s0 - 1]):
                s0 -= 1
            subj = toks[s0:ci]
            pronoun = len(subj) == 1 and subj[0].norm in ctx.lex.person_pron | ctx.lex.group_pron
            named = all(_is_word(t) and _is_cap(t) for t in subj)
            if s0 < 1 or toks[s0 - 1].norm not in ("but", "and") or not (pronoun or named):
                # ", while 73 percent said …", ", but most analysts said …": after a comma and
                # a conjunction, a short noun phrase of its own
                s0 = next(
                    (
                        k + 1
                        for k in range(ci - 1, max(0, ci - 12), -1)
                        if toks[k].norm in _CONTRAST and toks[k - 1].text == ","
                    ),
                    -1,
                )
                subj = toks[s0:ci] if s0 > 0 else []
                if not subj or not all(
                    (_is_word(t) or t.kind == "num" or t.text in ("'", "\u2019"))
                    and not _finite_like(t)
                    and t.norm not in ctx.lex.that
                    for t in subj
                ):
                    continue
            conj, subject = s0 - 1, list(subj)
        end_tok = conj - 1
        while end_tok >= 0 and toks[end_tok].text in (",", ";", "\u2014", "-"):
            end_tok -= 1
        j = _after_that(ctx, toks, ci + ck)
        if end_tok < 0:
            continue
        first = (content[0], toks[end_tok].end)
        rest_words = sum(1 for t in toks[j:] if _is_word(t))
        if rest_words == 0 and subject is None:
            # "touted the fleet and said:" -- what was said follows (a quotation, a list)
            return [(first, None, None)]
        if rest_words < 2:
            continue
        second = (toks[j].start, content[1])
        return [(first, None, None), (second, (toks[ci].start, toks[ci + ck - 1].end), subject)]
    return [(content, None, None)]


_CONTRAST = frozenset("but and while whereas".split())
_COMMAS = frozenset(",\uff0c\u3001\u060c")  # , ， 、 ،
_COLONS = frozenset(":\uff1a")  # : ：
_LEAD_PUNCT = _COMMAS | _COLONS  # what the reported content never starts with
# what ends a Chinese source after 据 ("据新华社报道" -> 新华社)
_CJK_REPORT_SUFFIXES = ("报道", "报导", "消息", "称", "说", "表示")


def _strip_report_suffix(toks: Sequence[Token]) -> list[Token]:
    out = list(toks)
    if out and out[-1].kind == "cjk":
        tail = "".join(t.text for t in out[-2:])
        for suf in _CJK_REPORT_SUFFIXES:
            if tail.endswith(suf) and len(out) > len(suf):
                return out[: len(out) - len(suf)]
    return out


def _source_end(ctx: _Ctx, stoks: Sequence[Token], j: int) -> int:
    """End of a source named right after a sentence-initial cue with no comma: an outlet
    mention starting within four words with only words before it ("Laut der staatlichen
    Nachrichtenagentur KCNA sind …"), else a run of capitalized words after articles."""
    if j >= len(stoks):
        return j
    window_end = stoks[min(len(stoks) - 1, j + 4)].end
    for i in ctx.mentions_in(stoks[j].start, window_end):
        m = ctx.mentions[i]
        k = j
        while k < len(stoks) and stoks[k].start < m.pend:
            k += 1
        if all(_is_word(t) for t in stoks[j:k]):
            return k
        break
    k = j
    while k < len(stoks) and stoks[k].norm in _ARTICLES:
        k += 1
    start = k
    while k < len(stoks) and _is_word(stoks[k]) and _is_cap(stoks[k]) and k - start < 4:
        k += 1
    return k if k > start else j


_ARTICLES = frozenset("der die das des dem den el la los las le les l the".split())


def _adverbial_subject(ctx: _Ctx, stoks: Sequence[Token], cue: tuple[str, int, int]) -> bool:
    kind, ci, _ck = cue
    if kind not in ("speech", "act", "denial"):
        return False
    if ci == 0:
        return _opening_participle(stoks, cue)
    head = [t for t in stoks[:ci] if t.text not in ("\u201c", "\u201d", '"')]
    return (
        bool(head)
        and head[0].norm in ctx.lex.not_subject
        and not any(t.text in (",", ";", ":") for t in head)
    )


def _opening_participle(stoks: Sequence[Token], cue: tuple[str, int, int]) -> bool:
    """Whether the cue opens the sentence as a participial clause up to a comma ("Asked about
    the report, the army said …", "Speaking to reporters, X said …"): not a frame."""
    kind, ci, _ck = cue
    t = stoks[ci]
    return (
        ci == 0
        and kind in ("speech", "act", "denial")
        and t.kind == "word"
        and t.norm.endswith(("ed", "ing"))
        and any(x.text == "," for x in stoks[1:])
    )


# a word before which an auxiliary or a verb of saying does not start a clause: a noun after a
# determiner or a preposition ("in a report that"), a parenthetical "as did X", ", is that", a
# coordinated verb of the same subject ("agreed, but also contended that")
_NOT_BEFORE_A_CLAUSE_VERB = _DETERMINERS | frozenset(
    "as , of about from into like over against in on to by with for at also and but".split()
)
# words that end a noun phrase read backwards from a verb (_reduced_relative)
_NOT_A_NOUN_WORD = _NOT_BEFORE_A_CLAUSE_VERB | _SUBJECT_PRONOUNS | _FINITE
_VERB_KINDS = frozenset({"speech", "act", "denial", "quoting", "citing"})


def _is_verb_cue(
    ctx: _Ctx,
    toks: Sequence[Token],
    k: int,
    *,
    kinds: frozenset[str] | None = _VERB_KINDS,
    length: int | None = None,
) -> bool:
    """Whether a cue phrase of the verb tables starts at ``toks[k]``: of one of ``kinds``
    (any, for None), of ``length`` tokens if given."""
    for kind, table in ctx.lex.tables_by_first.get(toks[k].norm, ()):
        if kinds is not None and kind not in kinds:
            continue
        n = table.match(toks, k)
        if n and (length is None or n == length):
            return True
    return False


def _after_that(ctx: _Ctx, stoks: Sequence[Token], j: int, limit: int = 10) -> int:
    """Index after a "that" within ``limit`` tokens of ``j`` (no comma before it); else ``j``.

    The search ends where a clause has begun (an auxiliary, or another verb of saying that
    is not a noun after a determiner or preposition): a "that" after it is a relative
    pronoun or another verb's ("said officials have video that shows …", "said the shootings
    demand that …")."""
    for k in range(j, min(len(stoks), j + limit)):
        t = stoks[k]
        if t.norm in ctx.lex.that:
            if k > j and k + 1 < len(stoks) and (
                stoks[k + 1].norm in _FINITE
                or stoks[k + 1].norm in _PASSIVE_AUX
                or _finite_like(stoks[k + 1])  # "announcing a bombing that targeted …"
            ):
                break  # a relative pronoun: "says the missile that was tested is ready"
            return k + 1
        if t.text in (".", ";") or t.text in _OPEN_QUOTES:
            break
        if (
            k > j
            and stoks[k - 1].text == ","
            and t.norm.endswith("ing")
            and _is_verb_cue(ctx, stoks, k)
        ):
            break  # "denies the charges, insisting that …": the "that" is the participle's
        if (
            k > j
            and stoks[k - 1].norm not in _NOT_BEFORE_A_CLAUSE_VERB
            and (t.norm in _FINITE or _is_verb_cue(ctx, stoks, k))
            # "said in a statement posted on its website that …": a participle of the
            # report noun, not a clause
            and not (stoks[k - 1].norm in ctx.lex.report_nouns and t.norm.endswith("ed"))
        ):
            break
    return j


_CIRCUMSTANCE_STARTS = frozenset(
    """on in at during shortly earlier later last this yesterday today tonight before after
    late early""".split()
)


def _circumstance_only(ctx: _Ctx, stoks: Sequence[Token], close_mark: int, end: int) -> bool:
    """Whether all that follows a quotation's closing mark up to ``end`` is a short phrase of
    time or place, with no verb: the setting of the speech, not reported content ("cited a
    source as saying “…” shortly before 8.30 p.m. local time on Sunday")."""
    a = bisect.bisect_right(stoks, close_mark, key=_START)
    if a >= len(stoks) or stoks[a].norm not in _CIRCUMSTANCE_STARTS:
        return False
    words = 0
    for k in range(a, len(stoks)):
        t = stoks[k]
        if t.start >= end:
            break
        if t.kind == "punct":
            if t.text not in (".", "-"):
                return False
            continue
        words += 1
        if (
            words > 12
            or t.norm in ctx.lex.that
            or t.norm in _FINITE
            or _is_verb_cue(ctx, stoks, k, kinds=None)
        ):
            return False
    return True


def _content_span(
    ctx: _Ctx, stoks: Sequence[Token], j: int, sent: Sentence
) -> tuple[int, int] | None:
    """The reported content from token ``j`` to the end of the sentence (trimmed), or None
    when it is only a quotation."""
    while j < len(stoks) and stoks[j].text in _LEAD_PUNCT:
        j += 1
    if j >= len(stoks):
        return None
    start = stoks[j].start
    end = sent.end
    text = ctx.text
    while end > start and text[end - 1] in ".!?;:\u3002 ":
        end -= 1
    # a content that is entirely a quotation is a quote only
    q0 = ctx.quote_at.get(start)
    if q0 is not None and (
        q0.close_mark is None
        or q0.close_mark >= end - 1
        or _circumstance_only(ctx, stoks, q0.close_mark, end)
    ):
        return None
    # "… and “a partial quote.”" at the end: the indirect part ends before "and"
    for k in range(j + 1, len(stoks) - 1):
        if stoks[k].norm == "and" and stoks[k + 1].text in _OPEN_QUOTES:
            q_and = ctx.quote_at.get(stoks[k + 1].start)
            if q_and is not None and (q_and.close_mark is None or q_and.close_mark >= end - 1):
                end = stoks[k - 1].end if stoks[k - 1].text != "," else stoks[k - 2].end
                break
    # a semicolon ends the reported clause: what follows is another clause, in the author's
    # voice ("the timing was not intentional; they only learned on Friday …")
    for k in range(j + 2, len(stoks)):
        if stoks[k].start >= end:
            break
        if stoks[k].text == ";" and not ctx.in_quote(stoks[k].start):
            end = stoks[k - 1].end
            break
    # the setting of the speech act belongs to the frame, not the content: "called for more
    # investment in a statement on Thursday", "…, he said in an interview with Fox"
    setting = ctx.lex.setting
    for k in range(j + 1, len(stoks)):
        if stoks[k].start >= end:
            break
        if stoks[k][3] not in setting.by_first and not setting.stems:
            continue  # most words start no setting phrase
        n = setting.match(stoks, k)
        if n and stoks[k - 1].text not in _OPEN_QUOTES:
            e = k - 1
            while e >= j and stoks[e].text in (",", "\u2014", "-"):
                e -= 1
            if e >= j:
                end = min(end, stoks[e].end)
            break
    return (start, end) if end > start else None


def _attr_for_sentence(
    ctx: _Ctx,
    sent: Sentence,
    stoks: list[Token],
    cues: list[tuple[str, int, int]],
    clause_start: int = 0,
) -> _Attr | None:
    """The sentence's attribution, if any; ``cues`` are ``_find_cue(ctx, stoks)``, and
    ``clause_start`` the index where the clause of the frame may start at the earliest."""
    for k in range(min(3, len(stoks))):
        n = ctx.lex.agentless.match(stoks, k)
        if n:
            # "It was reported that …", "reportedly": a report with no named source
            j = _after_that(ctx, stoks, k + n)
            e = sent.end
            while e > sent.start and ctx.text[e - 1] in ".!?; ":
                e -= 1
            start_tok = stoks[j] if k + n < j < len(stoks) else stoks[0]
            cue = (stoks[k].start, stoks[k + n - 1].end)
            if start_tok.start < e:
                return _Attr(None, (start_tok.start, e), cue, (), frame=False)
    opening = bool(cues) and _opening_participle(stoks, cues[0])
    if len(cues) > 1:
        # a verb whose "subject" is an adverbial is not the frame ("In a message posted Friday,
        # Cruz said …"; "Following initial reports …, Trump said …"): a later cue is
        cues = [c for c in cues[:-1] if not _adverbial_subject(ctx, stoks, c)] + cues[-1:]
    floor = clause_start  # where the subject of the frame's verb may start
    if opening:
        # the cues inside an opening participial clause frame nothing: "Writing for a panel
        # that all agreed X, Barabak noted …"; "Asked whether …, Maranova declined to comment."
        floor = next(k for k, t in enumerate(stoks) if t.text == ",") + 1
        cues = [c for c in cues if c[1] >= floor]
        if not cues:
            return None
    if not cues:
        return None
    text = ctx.text
    kind, ci, ck = cues[0]
    # prefer "according to" / speech verbs over act verbs appearing earlier
    for c in cues:
        if c[0] in ("according", "quoted_as", "quoting", "citing", "speech", "denial"):
            kind, ci, ck = c
            break
    # a trailing frame wins: "CLAIM, the Iranian media reports." / "CLAIM, according to X."
    for c in reversed(cues):
        if c[0] not in ("speech", "according"):
            continue
        if c[1] > 0 and stoks[c[1] - 1].text in _COMMAS and _goes_on(ctx, stoks, c[1]):
            continue  # ", adding …" continues the frame before it
        comma = next((k for k in range(c[1] - 1, 0, -1) if stoks[k].text == ","), None)
        if (
            comma is not None
            and comma + 1 < c[1]
            and stoks[comma + 1].norm in _CLAUSE_OPENING_SUBORDINATORS
            and any(x[1] < comma for x in cues)
        ):
            continue  # "…, after the broadcaster said …": the frame is before the clause
        tail = stoks[c[1] + c[2] :]
        # ", adding …" after the frame continues it: not part of the tail
        adding = next(
            (
                k
                for k in range(len(tail) - 1)
                if tail[k].text == ","
                and (
                    (
                        _goes_on(ctx, tail, k + 1)
                        and any(x[1] == c[1] + c[2] + k + 1 for x in cues)
                    )
                    # "…, state media reported, after the broadcaster said …": a clause of
                    # its own
                    or (k == 0 and tail[k + 1].norm in _CLAUSE_OPENING_SUBORDINATORS)
                )
            ),
            None,
        )
        tail_words = [t for t in tail[:adding] if _is_word(t)]
        inverted = (
            c[1] > 0
            and stoks[c[1] - 1].text == ","
            and len(tail_words) <= 10
            and not _appositive_before(stoks, c[1])
            and not _goes_on(ctx, stoks, c[1])  # ", adding …" continues the frame
        )
        if (
            tail_words
            and not inverted
            and not _told_object_only(ctx, stoks[c[1]], tail[:adding])
            and not (tail[0].text in (",", ".", ";") or tail[0].norm in _TAIL_ADVERBIAL)
        ):
            break  # "…, the minister said the talks had failed": a clause follows, not a frame
        commas = [k for k in range(c[1] - 1, max(-1, c[1] - 10), -1) if stoks[k].text == ","]
        if (
            c[1] > ci
            and commas
            and commas[0] >= 3
            and (len(tail_words) <= 6 or inverted)
            and not any(t.norm == "that" for t in stoks[c[1] :])
            and not ctx.in_quote(stoks[commas[0]].start)
        ):
            kind, ci, ck = c
        break
    cue_span = (stoks[ci].start, stoks[ci + ck - 1].end)
    end_trim = sent.end
    while end_trim > sent.start and text[end_trim - 1] in ".!?;\u3002 ":
        end_trim -= 1

    if kind == "according":
        # source: the phrase after the cue up to a comma (outside parentheses)
        j = ci + ck
        k = _comma_outside_parentheses(stoks, j)
        bare = False
        if k == len(stoks) and ci == 0:
            # no comma: "Laut Tasnim sind die Gespräche gescheitert" -- the source is the
            # outlet or name right after the cue
            k = _source_end(ctx, stoks, j)
            bare = k > j
        elif k == len(stoks) and stoks[ci - 1].text not in _COMMAS and stoks[ci - 1].text != "(":
            # inside a clause with no comma after it: "a missile, which according to
            # Pyongyang flew 800 kilometres": the source is the name, the rest the content
            e = _source_end(ctx, stoks, j)
            if j < e < len(stoks) and _is_word(stoks[e]) and not _is_cap(stoks[e]):
                src_toks = stoks[j:e]
                via = tuple(ctx.mentions_in(stoks[j].start, stoks[e - 1].end + 1))
                return _Attr(
                    ctx.source_from(src_toks),
                    _content_span(ctx, stoks, e, sent),
                    cue_span,
                    via,
                    frame=False,
                )
        src_toks = _strip_report_suffix(stoks[j:k])
        source = ctx.source_from(src_toks)
        via = tuple(ctx.mentions_in(stoks[j].start, stoks[k - 1].end + 1)) if k > j else ()
        if ci == 0 or all(t.norm in _INTRO or t.text == "," for t in stoks[:ci]):
            # According to X, [which …,] CONTENT
            k += 0 if bare else 1
            k = _after_source_appositive(ctx, stoks, k)
            content = _content_span(ctx, stoks, k, sent) if k < len(stoks) else None
        else:
            # CONTENT, according to X.
            p = ci - 1
            while p >= 0 and stoks[p].text in (",", "\u2014", "-", "("):
                p -= 1
            d = _after_dateline(text, stoks)  # "RIYADH, 7th December, 2017 (WAM) -- CLAIM, …"
            content = (stoks[d if d < p else 0].start, stoks[p].end) if p >= 0 else None
            if (
                content is not None
                and stoks[0].text in _OPEN_QUOTES
                and ctx.in_quote(stoks[0].start)
            ):
                # "“…,” Tasnim said, as quoted by Reuters": the quotation and its own cue; the
                # frame only adds a conduit
                content = None
        return _Attr(source, content, cue_span, via, frame=True)

    if kind == "quoting":
        # Y quoted X as saying CONTENT: source X, via Y
        speaker_toks = _quoted_in_cue(ctx, stoks, ci, ck)
        quoter = _subject(ctx, stoks, ci, 0)
        split = next(
            (k for k, t in enumerate(speaker_toks) if t.norm in ctx.lex.quoting_from), None
        )
        if split is not None and not quoter:
            # verb first: "نقلت وكالة تسنيم عن قائد … قوله إن …" (Tasnim quoted a commander saying)
            quoter = list(speaker_toks[:split])
            speaker_toks = speaker_toks[split + 1 :]
        source = ctx.source_from(speaker_toks)
        via = tuple(ctx.mentions_in(quoter[0].start, quoter[-1].end)) if quoter else ()
        if quoter and not via:
            # "They quoted a soldier as saying …": the outlet a pronoun or a description of
            # the quoter refers to
            ref = ctx.source_from(quoter)
            via = (ref.mention,) if ref is not None and ref.mention is not None else ()
        if source is not None and source.mention is not None and source.mention not in via:
            via = (*via, source.mention)
        j = ci + ck
        if not (
            # "as announcing a bombing that targeted …": the act's object, not a clause
            ctx.lex.act.match(stoks, j - 1) and not _complementizer_at(ctx, stoks, j)
        ):
            j = _after_that(ctx, stoks, j)
        content = _content_span(ctx, stoks, j, sent) if j < len(stoks) else None
        return _Attr(source, content, cue_span, via, frame=False, speaker_for_quotes=source)

    if kind == "quoted_as":
        # X was quoted as saying by Y / Y quoted X as saying …
        by = [k for k in range(ci + ck, len(stoks)) if stoks[k].norm == "by"]
        via = tuple(ctx.mentions_in(stoks[by[0]].start, sent.end)) if by else ()
        tail = stoks[ci + ck :]
        comma = next(
            (k for k in range(ci - 1, 1, -1) if stoks[k].text == "," and not ctx.in_quote(
                stoks[k].start)),
            None,
        )
        if (
            not by
            and comma is not None
            and (not tail or tail[0].text in (".", "!", "?", ";"))
        ):
            # "CLAIM, Sharif was quoted as saying." (a sign-off may follow the full stop)
            source = ctx.source_from(_subject(ctx, stoks, ci, comma + 1))
            content = (stoks[0].start, stoks[comma - 1].end)
            return _Attr(source, content, cue_span, via, frame=False, speaker_for_quotes=source)
        subj = _subject(ctx, stoks, ci, 0)
        source = ctx.source_from(subj)
        content = _content_span(ctx, stoks, ci + ck, sent) if not by else None
        return _Attr(source, content, cue_span, via, frame=False, speaker_for_quotes=source)

    # verbs: speech / act / denial / citing
    framed = _frame_after_opening_quote(ctx, stoks, ci, ck) if kind == "speech" else None
    if framed is not None:
        return framed
    mid = _frame_inside_clause(ctx, stoks, ci, ck, end_trim) if kind == "speech" else None
    if mid is not None:
        return mid
    # "CLAIM, X said." or "“QUOTE,” X said" or "CLAIM, said X."
    # (a speaker's description may run to ten words: ", an official in the regional alliance
    # supporting Damascus said on Sunday.")
    comma_before = (
        (ci > 0 and stoks[ci - 1].text in (",", "\u201d", '"'))
        or any(t.text == "," for t in stoks[max(0, ci - 8) : ci])
        or any(
            stoks[k].text == "," and stoks[k + 1].norm in ("a", "an", "the")
            for k in range(max(0, ci - 12), ci - 8)
        )
    )
    prior = [
        k
        for k in range(ci - 1, -1, -1)
        if stoks[k].text == ","
        or (stoks[k].text in _CLOSE_QUOTES and ctx.in_quote(stoks[k - 1].start if k else 0))
    ]
    tail = stoks[ci + ck :]
    # "CLAIM, X said in June, citing …", "CLAIM, X said, adding that …": the frame's tail ends
    # before a citing phrase or a continuing verb of saying, which may be as long as they like
    cite_at = next(
        (
            k
            for k in range(len(tail) - 1)
            if tail[k].text == ","
            and (
                ctx.lex.citing.match(tail, k + 1)
                # "CLAIM, said X and Y, according to Z": Z is a conduit (_trailing_according)
                or ctx.lex.according.match(tail, k + 1)
                or (_goes_on(ctx, tail, k + 1) and ctx.lex.speech.match(tail, k + 1))
                # "CLAIM, state media reported, after the broadcaster said …"
                or tail[k + 1].norm in _CLAUSE_OPENING_SUBORDINATORS
            )
        ),
        None,
    )
    extra_end = sent.end  # where the conduits named after the verb end
    if cite_at is not None:
        if tail[cite_at + 1].norm in _CLAUSE_OPENING_SUBORDINATORS:
            extra_end = tail[cite_at].start  # the clause after is another's
        tail = tail[:cite_at]
    tail_short = len([t for t in tail if _is_word(t)]) <= 12 and not any(
        t.norm == "that" for t in tail
    )
    tail_words = [t for t in tail if _is_word(t)]
    # "CLAIM, said Brian Baker, a longtime adviser to … who …": inverted, however long the
    # speaker's description
    comma_close = ci > 0 and (
        stoks[ci - 1].text == ","
        or (ci > 1 and stoks[ci - 1].text in _CLOSE_QUOTES and stoks[ci - 2].text == ",")
    )  # "CLAIM, said" or "“…,” said"
    before_appositive = _before_appositive(stoks, ci)
    clause_before = before_appositive is not None and any(
        _finite_like(t) for t in stoks[before_appositive[0] : before_appositive[1]]
    )
    inverted_name = (
        kind == "speech"
        and comma_close
        and bool(tail)
        and _is_word(tail[0])
        and _is_cap(tail[0])
        and not any(t.norm in ctx.lex.that for t in tail)
        and (clause_before or not _appositive_before(stoks, ci) or _name_ends(tail))
    )
    tail_short = tail_short or inverted_name
    tail_adverbial = (
        inverted_name
        or not tail_words
        or _told_object_only(ctx, stoks[ci], tail)
        or tail[0].text in (",", ".", ";")
        or tail[0].norm in _TAIL_ADVERBIAL
        or (  # "CLAIM, said X" (but not "X, NAME, said the talks had failed")
            ci > 0
            and stoks[ci - 1].text == ","
            and len(tail_words) <= 10
            and not _appositive_before(stoks, ci)
            and not any(t.norm in _FINITE for t in tail)
        )
    )
    head_words = [t for t in stoks[: prior[0]] if _is_word(t)] if prior else []
    intro_only = bool(head_words) and stoks[0].norm in _INTRO and len(head_words) <= 4
    quote_follows = bool(tail) and (
        tail[0].text in _OPEN_QUOTES
        or (len(tail) > 1 and tail[0].text in (",", ":") and tail[1].text in _OPEN_QUOTES)
    )  # "However, a military source, speaking to SANA, said, “…”": the quotation is it
    if (
        kind in ("speech", "citing")
        and prior
        and comma_before
        and tail_short
        and not quote_follows
        and prior[0] >= 2
        and (tail_adverbial or ctx.in_quote(stoks[prior[0] - 1].start))
        and not intro_only
        and not (
            kind == "speech" and _goes_on(ctx, stoks, ci) and stoks[ci - 1].text in _COMMAS
        )
    ):
        cpos = prior[0]
        src = list(stoks[cpos + 1 : ci])
        if (
            not src
            and before_appositive is not None
            and not clause_before
            and before_appositive[0] >= 2
            and not inverted_name
            and _is_word(stoks[before_appositive[0]])
            and stoks[before_appositive[0]].norm not in _SUBORDINATORS
        ):
            # "CLAIM, the researchers, led by X, said in The Lancet": the speaker is before
            # the participial clause, the claim before the speaker
            cpos = before_appositive[0] - 1
            src = list(stoks[before_appositive[0] : before_appositive[1]])
        if len(src) > 1 and src[0].norm == "as":
            src = src[1:]  # "CLAIM, as the minister told Profil": "as" is no part of the source
        if not src or all(t.norm in _AUX for t in src):
            # "CLAIM, said X …": the source follows the verb
            src = list(stoks[ci + ck : _np_end(stoks, ci + ck, ctx.lex)])
        cite = next((k for k in range(len(src)) if ctx.lex.citing.match(src, k)), None)
        if src and len(src) <= 14:
            if cite is not None and cite > 0:
                # ", передает РИА «Новости» со ссылкой на агентство Tasnim": X citing Y
                n = ctx.lex.citing.match(src, cite)
                outer_toks, inner_toks = src[:cite], src[cite + n :]
                source = ctx.source_from(inner_toks) or ctx.source_from(outer_toks)
                via = tuple(ctx.mentions_in(src[0].start, src[-1].end))
            else:
                source = ctx.source_from(src)
                via = ctx.head_mentions(src)
            extra = tuple(i for i in ctx.mentions_in(stoks[ci].start, extra_end) if i not in via)
            via = via + extra
            lead = _after_dateline(ctx.text, stoks[:cpos])  # "TEHRAN (FNA)- CLAIM, X said"
            cstart = stoks[lead].start
            c_end_tok = cpos - 1
            while c_end_tok >= 0 and stoks[c_end_tok].text in _CLOSE_QUOTES | {","}:
                c_end_tok -= 1
            content = (cstart, stoks[c_end_tok].end) if c_end_tok >= 0 else None
            if content and ctx.quote_covering(*content):
                content = None  # the claim is only a quotation
            if content is not None and content[0] < sent.start:
                content = None
            return _Attr(
                source,
                content,
                cue_span,
                via,
                frame=source is not None and source.mention is not None,
                negated=kind == "denial",
            )

    if floor == 0 and stoks[0].norm in _OPENING_SUBORDINATORS:
        # "Though he has heralded X, a loophole, experts say …": the subject follows the last
        # comma of the opening clause
        comma = next((k for k in range(ci - 1, 0, -1) if stoks[k].text == ","), None)
        if comma is not None and not any(_finite_like(t) for t in stoks[comma + 1 : ci]):
            floor = comma + 1
    lo = min(floor, ci)
    subj = _participle_subject(ctx, stoks[lo:], ci - lo) or _subject(ctx, stoks, ci, lo)
    dropped: Token | None = None  # a verb first whose subject is in its ending
    v0 = cues[0][1]
    if (
        cues[0][0] in ("speech", "act", "denial")
        and _rtl(stoks[v0])
        # "من جهته، أكد …" (for his part, … stressed): after an opening phrase and a comma
        and (v0 == 0 or (v0 <= 4 and stoks[v0 - 1].text in _COMMAS))
    ):
        # verb first ("ووصفت الصحيفة …، مضيفة أن …"): the subject follows the first verb
        subj = _verb_first_subject(ctx, stoks, v0 + cues[0][2])
        dropped = stoks[v0] if not subj else None
    elif ci == 0 and kind == "speech" and ck < len(stoks) and stoks[ck].norm in ctx.lex.that:
        dropped = stoks[0]  # "Añadió que …", "Said that …": the subject is the last source
    elif stoks[ci - 1].norm == "and" if ci else False:
        # coordinated verb: "Naqdi rejected …, and said" -> the first verb's subject
        first = next((c for c in cues if c[1] < ci), None)
        if first is not None:
            subj = _subject(ctx, stoks, first[1], 0)
    # "X, citing Y, said CONTENT"
    citing = next((c for c in cues if c[0] == "citing"), None)
    if (
        citing is not None
        and kind == "speech"
        and citing[1] > ci + ck
        and stoks[citing[1] - 1].norm in ctx.lex.report_nouns
        and not any(
            t.text == "," or t.norm in ("in", "by", "from", "with", "via", "through")
            for t in stoks[ci + ck : citing[1]]
        )
    ):
        # "said on Friday reports quoting X as calling … were distorted": the participle
        # belongs to a noun of the reported clause, not to the frame
        citing = None
    via_extra: tuple[int, ...] = ()
    if citing is not None and kind == "speech" and citing[1] > ci:
        # "X reported that CONTENT, citing Y": source Y, via X, content up to the comma
        j = citing[1] + citing[2]
        k = j
        while (
            k < len(stoks)
            and stoks[k].text not in (",", ".", ";")
            and not _complementizer_at(ctx, stoks, k)
        ):
            k += 1
        cited = stoks[j:k]
        inner = ctx.source_from(cited)
        outer_via = ctx.head_mentions(subj)
        inner_via = tuple(ctx.mentions_in(cited[0].start, cited[-1].end)) if cited else ()
        if k < len(stoks) and stoks[k].text not in (",", ".", ";"):
            content = _content_span(ctx, stoks, k + 1, sent)  # "X said, citing Y that …"
        elif k + 1 < len(stoks) and stoks[k].text == "," and stoks[k + 1].norm in ctx.lex.that:
            content = _content_span(ctx, stoks, k + 2, sent)  # "X said, citing Y, that …"
        elif citing[1] == ci + ck and k + 1 < len(stoks) and stoks[k].text == ",":
            # right after the verb: "Tasnim meldete unter Berufung auf X, es habe …"
            content = _content_span(ctx, stoks, _after_that(ctx, stoks, k + 1), sent)
        else:
            jj = _after_that(ctx, stoks, ci + ck)
            cend = citing[1] - 1
            while cend > jj and stoks[cend].text in (",", "\u2014", "-"):
                cend -= 1
            content = (stoks[jj].start, stoks[cend].end) if jj <= cend else None
        outer = ctx.source_from(subj)
        return _Attr(inner or outer, content, cue_span, outer_via + inner_via, frame=True)
    if kind == "citing" or citing is not None:
        c = citing if citing is not None else (kind, ci, ck)
        j = c[1] + c[2]
        k = j
        # the cited source ends at a comma, or at the verb of saying when no comma sets it
        # off ("ТАСС со ссылкой на источник сообщает, что …")
        verb_at = next(
            (x[1] for x in cues if x[1] > j and x[0] in ("speech", "denial")), len(stoks)
        )
        while (
            k < min(len(stoks), verb_at)
            and stoks[k].text not in (",", ".", ";")
            and not _complementizer_at(ctx, stoks, k)  # "…, citing the military that …"
        ):
            k += 1
        cited = stoks[j:k]
        outer = ctx.source_from(_subject(ctx, stoks, c[1], 0))
        inner = ctx.source_from(cited)
        outer_via = tuple(ctx.mentions_in(stoks[0].start, stoks[c[1]].start))
        inner_via = tuple(ctx.mentions_in(cited[0].start, cited[-1].end)) if cited else ()
        verb = next((x for x in cues if x[1] > k and x[0] in ("speech", "denial")), None)
        while k < len(stoks) and stoks[k].text in _CLOSE_QUOTES:
            k += 1  # "citing “informed sources,” denied …"
        jj = verb[1] + verb[2] if verb else k + 1
        jj = _after_that(ctx, stoks, jj)
        content = _content_span(ctx, stoks, jj, sent) if jj < len(stoks) else None
        denial = verb is not None and verb[0] == "denial"
        return _Attr(
            inner or outer, content, cue_span, outer_via + inner_via, frame=True, negated=denial
        )

    source = ctx.source_from(subj) if dropped is None else ctx.dropped_subject(dropped)
    via = ctx.head_mentions(subj)
    if subj and subj[0].start > stoks[0].start and stoks[0].norm not in _AFTER_WORDS:
        # "In an interview with Al Mayadeen, the minister said …": the outlet of an opening
        # setting is a conduit (not one that came before: "Following a Fars report, …")
        via += _setting_outlets(
            ctx, stoks[0].start, subj[0].start, _OPENING_SETTING_PREPOSITIONS
        )
    if subj:
        gap = stoks[bisect.bisect_left(stoks, subj[-1].end, key=_START) : ci]
        if len(gap) > 2 and gap[0].text == "," and gap[-1].text == "," and _opens_setting(gap[1]):
            # "A military source, speaking to SANA, said": the setting between the subject
            # and its verb names a conduit
            via += _setting_outlets(ctx, gap[0].end, gap[-1].start)
    j = ci + ck
    if j >= len(stoks):
        return _Attr(source, None, cue_span, via, frame=False, speaker_for_quotes=source)
    if _passive_with_agent(stoks, ci, ck):
        # "The attack was reported by SANA": an agent, but no reported proposition; a later
        # clause may still report one ("…, and the agency released a statement claiming …")
        later = [c for c in cues if c[1] > ci + ck]
        if not later:
            return None
        # the next clause starts after a comma, a semicolon or a conjunction
        nxt = max(
            (k + 1 for k in range(ci + ck, later[0][1]) if stoks[k].text in (",", ";")
             or stoks[k].norm in ("and", "but", "while")),
            default=later[0][1],
        )
        return _attr_for_sentence(ctx, sent, stoks, later, nxt)
    if kind == "denial" or (kind == "act" and stoks[ci].norm in ctx.lex.rejection_verbs):
        rejected = _rejected_report(ctx, stoks, j)
        if rejected is not None:
            after, cited = rejected
            content = _content_span(ctx, stoks, after, sent)
            if cited:
                # "denied speculation circulated on some Telegram channels that …": what
                # the speculation says, from its own source
                cited_via = tuple(ctx.mentions_in(cited[0].start, cited[-1].end))
                return _Attr(ctx.source_from(cited), content, cue_span, cited_via, frame=False)
            # "dismissed reports that …": the source asserts the negation
            return _Attr(source, content, cue_span, via, frame=False, negated=True)
    if kind == "act":
        # a communicative act with an object ("condemned the strikes"): the content is what
        # follows the cue (DESIGN: content excludes the cue and the source), without a "that"
        # ("mentioned that …", "pledged that …")
        if _complementizer_at(ctx, stoks, j):
            j += 1  # (but "rejected that argument": a determiner)
        content = _content_span(ctx, stoks, j, sent)
        return _Attr(source, content, cue_span, via, frame=False, act=True)
    # "told Y (that)", "in reply to a TASS question", "on Rossiya 24": outlets between the cue
    # and the content are conduits
    jj = _after_that(ctx, stoks, j)
    if jj == j and ci == 0 and _rtl(stoks[0]):
        # verb first, its subject, then a colon: "وقال المتحدث باسم الخارجية: «…»"
        colon = next(
            (k for k in range(j, min(len(stoks), j + 8)) if stoks[k].text in _COLONS), None
        )
        if colon is not None and all(_is_word(t) for t in stoks[j:colon]):
            jj = colon + 1
    if jj > j:
        via_extra = tuple(ctx.mentions_in(stoks[j].start, stoks[jj - 1].start))
    elif stoks[ci].norm in ("told", "tells", "tell"):
        via_extra = tuple(ctx.mentions_in(stoks[j].start, stoks[min(len(stoks) - 1, j + 6)].end))
        clause = _told_clause(stoks, j, object_given=ck > 1)  # ("told reporters" is a cue)
        if clause is not None:
            # "told reporters the port would close", "told CNN on Monday it is clear …"
            via_extra = tuple(ctx.mentions_in(stoks[j].start, stoks[clause - 1].end))
            content = _content_span(ctx, stoks, clause, sent)
            frame = source is not None and source.mention is not None
            return _Attr(source, content, cue_span, via + via_extra, frame=frame)
        if not any(t.norm == "that" for t in stoks[j : j + 10]):
            return _Attr(
                source, None, cue_span, via + via_extra, frame=False, speaker_for_quotes=source
            )
    else:
        via_extra = _setting_outlets(ctx, stoks[j].start, sent.end)
    if (
        jj == j
        and not ctx.lex.bare.match(stoks, ci)
        and kind == "speech"
        and stoks[j].text not in _LEAD_PUNCT
    ):
        # a verb of saying with an object, not a clause: "He also warned the United States …";
        # the content is what follows the cue
        content = (stoks[j].start, end_trim) if stoks[j].start < end_trim else None
    elif jj == j and kind == "denial" and stoks[j].text not in _LEAD_PUNCT:
        # a denial reports a proposition only in a clause ("denied he had been there",
        # "denied the tanker had been seized"); "denied the charges" reports none
        clause = _told_clause(stoks, j, object_given=True)
        if clause is not None and stoks[clause - 1].norm in _CLAUSE_OPENING_SUBORDINATORS:
            clause = None  # "deny them mining permits until the work was completed"
        content = _content_span(ctx, stoks, clause, sent) if clause is not None else None
    else:
        if jj == j:
            jj += _time_before_clause(stoks, j)  # "said on Thursday it fired …"
        content = _content_span(ctx, stoks, jj, sent)
    frame = source is not None and source.mention is not None
    return _Attr(source, content, cue_span, via + via_extra, frame=frame, negated=kind == "denial")


_DAY_PARTS = frozenset("morning afternoon evening night".split())
_RELATIVE_DAYS = frozenset("today yesterday tonight earlier later".split())


def _told_object_only(ctx: _Ctx, cue: Token, tail: Sequence[Token]) -> bool:
    """Whether the words after "told" are only its object and circumstances, no clause
    ("…, a military source told SANA.", "… told Al Mayadeen TV in an interview")."""
    words = [t for t in tail if _is_word(t)]
    return (
        cue.norm in ("told", "tells")
        and 0 < len(words) <= 6
        and not any(_finite_like(t) or t.norm in ctx.lex.that for t in tail)
    )


def _time_before_clause(stoks: Sequence[Token], j: int) -> int:
    """Tokens of a time adverbial at ``j`` between a verb of saying and its clause with no
    "that" ("said on Thursday it fired …", "said late Sunday the talks …", "said today
    they …"); 0 if there is none, or no clause follows it ("said Monday's attack …")."""
    k = j
    n = len(stoks)
    if k < n and stoks[k].norm in ("late", "early", "earlier", "later"):
        k += 1
    if k < n and stoks[k].norm == "on":
        k += 1
    if k < n and (stoks[k].norm in _CALENDAR and stoks[k].norm not in ("may", "march")):
        k += 1
        if k < n and stoks[k].norm in _DAY_PARTS:
            k += 1
    elif k == j and k < n and stoks[k].norm in _RELATIVE_DAYS:
        k += 1
    else:
        return 0
    if k >= n:
        return 0
    nxt = stoks[k]
    if nxt.text in ("'", "\u2019"):
        return 0
    if nxt.norm in _CLAUSE_OPENERS or (_is_word(nxt) and _is_cap(nxt)):
        return k - j
    if nxt.kind == "word" and nxt.norm not in _FINITE and nxt.norm not in _NP_STOP:
        # a common noun opens the clause: a plural ("said on Friday reports quoting … were
        # distorted") or a noun with its verb close after it ("said Monday work would …")
        if len(nxt.norm) > 3 and nxt.norm.endswith("s") and not nxt.norm.endswith(_NOT_PLURAL):
            return k - j
        for t in stoks[k + 1 : k + 5]:
            if t.kind != "word":
                break
            if t.norm in _FINITE:
                return k - j
    return 0


def _rejected_report(
    ctx: _Ctx, stoks: Sequence[Token], j: int
) -> tuple[int, list[Token]] | None:
    """A denial's object from token ``j`` that is a report noun with its clause: the index
    of the clause and the tokens of the report's own source, if the text names one ("reports
    that …": none; "a report by Reuters that …", "claims from the opposition that …",
    "speculation circulated on some Telegram channels that …"). None for any other object,
    or when the "that" is a relative pronoun ("reports that surfaced on Monday")."""
    n = len(stoks)
    r = next((k for k in range(j, min(n, j + 4)) if stoks[k].norm in ctx.lex.report_nouns), None)
    if r is None or not all(_is_word(t) for t in stoks[j:r]):
        return None
    k = r + 1
    cited: list[Token] = []
    if k < n and stoks[k].norm not in ctx.lex.that:
        if stoks[k].kind == "word" and (
            stoks[k].norm.endswith("ed") or stoks[k].norm in _IRREGULAR_PAST
        ):
            k += 1  # "circulated", "carried", "made"
        if k >= n or stoks[k].norm not in _REPORT_SOURCE_PREPOSITIONS:
            return None
        a = k + 1
        t = next((x for x in range(a, min(n, a + 10)) if stoks[x].norm in ctx.lex.that), None)
        if t is None or t == a or not all(_is_word(x) for x in stoks[a:t]):
            return None
        cited = list(stoks[a:t])
        if stoks[k].norm in ("in", "on") and not (
            any(_is_cap(x) for x in cited)
            or cited[-1].norm in ctx.lex.outlet_heads
            or cited[-1].norm in ("media", "press")
        ):
            return None  # "reports in recent days that …": a time, not a source
        k = t
    if not _complementizer_at(ctx, stoks, k):
        return None  # no "that", or a relative one ("reports that surfaced")
    return k + 1, cited


_REPORT_SOURCE_PREPOSITIONS = frozenset("by from in on".split())
_CLAUSE_SUBJECTS = frozenset("he she it they we i you there".split())
_NOUN_SUBJECT_STARTS = frozenset("the a an this these those his her its their".split())
_NOT_AN_OBJECT_END = _DETERMINERS | _NOUN_FOLLOWERS | frozenset("to in on at for and or".split())


def _told_clause(stoks: Sequence[Token], j: int, *, object_given: bool = False) -> int | None:
    """The start of a clause with no "that" after "told" and its object, within ten tokens:
    a subject pronoun with a verb right after it ("told CNN on Monday it is clear …"), else a
    determiner whose noun phrase an auxiliary follows ("told reporters the port would
    close"). The object comes first (unless the cue holds it: ``object_given``), so the clause
    starts after one token at least, and not after a determiner or a preposition."""
    end = min(len(stoks), j + 10)
    first = j if object_given else j + 1
    for k in range(max(first, 1), end):
        if stoks[k].text in (",", ";", ":", ".") or stoks[k].norm == "that":
            break
        if stoks[k - 1].norm in _NOT_AN_OBJECT_END or not _is_word(stoks[k - 1]):
            continue
        if stoks[k].norm in _CLAUSE_SUBJECTS and k + 1 < len(stoks):
            nxt = stoks[k + 1]
            if nxt.norm in _FINITE or nxt.norm in _ADVERBS or _finite_like(nxt):
                return k
    for k in range(max(first, 1), end):
        if stoks[k].text in (",", ";", ":", ".") or stoks[k].norm == "that":
            return None
        if stoks[k - 1].norm in _NOT_AN_OBJECT_END or not _is_word(stoks[k - 1]):
            continue
        if stoks[k].norm in _NOUN_SUBJECT_STARTS and any(
            _past_verb(stoks, x) for x in range(k + 2, min(len(stoks), k + 5))
        ):
            return k
    return None


def _past_verb(stoks: Sequence[Token], x: int) -> bool:
    """An auxiliary, or a past tense that ends its phrase ("the talks failed.", "the talks
    collapsed on Friday"; not "the armed forces")."""
    t = stoks[x]
    if t.norm in _FINITE:
        return True
    if not _finite_like(t):
        return False
    nxt = stoks[x + 1] if x + 1 < len(stoks) else None
    return nxt is None or not _is_word(nxt) or nxt.norm in _NP_STOP or nxt.norm in _DETERMINERS


_QUESTION_WORDS = frozenset("whether if about how what why who whom when where which for".split())
# subordinators that open a clause whose own verb of saying reports only inside it ("As X
# reported, CLAIM" is a frame over the main clause, so "as" is not one of them)
_OPENING_SUBORDINATORS = _SUBORDINATORS - {"as"} | {"once", "unless", "whenever"}


def _bounded_content(ctx: _Ctx, stoks: Sequence[Token], attr: _Attr) -> _Attr | None:
    """``attr`` with its content cut to what its cue can report. A question reports no
    content ("asked whether the port would close", "asked the minister about …"); a verb of
    saying inside an opening subordinate clause reports only up to the clause's comma
    ("Although Tasnim said the talks failed, the port stayed open")."""
    assert attr.content is not None
    k = bisect.bisect_left(stoks, attr.cue[0], key=_START)
    if k < len(stoks) and stoks[k].norm in ctx.lex.question_verbs:
        for t in stoks[k + 1 : k + 6]:
            if t.norm in _QUESTION_WORDS:
                return attrs.evolve(attr, content=None)
            if t.kind == "punct" or t.norm in ctx.lex.that:
                break
    if k < len(stoks) and stoks[k].norm in ctx.lex.request_verbs:
        # a request: "pleaded with the council to keep funding …", "asked them to leave"
        for j in range(k + 1, min(len(stoks) - 1, k + 8)):
            t = stoks[j]
            if t.kind == "punct" or t.norm in ctx.lex.that:
                break
            nxt = stoks[j + 1]
            if (
                t.norm == "to"
                and j > k + 1
                and nxt.kind == "word"
                and nxt.text[:1].islower()
                and nxt.norm not in _DETERMINERS
                and nxt.norm not in ("a", "an")
            ):
                return attrs.evolve(attr, content=None)
    if stoks and stoks[0].norm in _OPENING_SUBORDINATORS and k > 0:
        comma = next((j for j, t in enumerate(stoks) if t.text == ","), None)
        if comma is not None and k < comma and stoks[comma].start < attr.content[1]:
            end = stoks[comma].start
            if end <= attr.content[0]:
                return attrs.evolve(attr, content=None)
            return attrs.evolve(attr, content=(attr.content[0], end))
    return attr


def _adding_after(
    ctx: _Ctx,
    stoks: Sequence[Token],
    cues: Sequence[tuple[str, int, int]],
    attr: _Attr,
    sent: Sentence,
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The content and cue of "…, adding (that) CONTENT" after a frame whose own content is
    only a quotation ("“…,” he said, adding he would never vote for her"), if any."""
    for kind, ci, ck in cues:
        t = stoks[ci]
        if (
            kind == "speech"
            and (ck == 1 or ctx.lex.continuing.match(stoks, ci) == ck)
            and t.start >= attr.cue[1]
            and _goes_on(ctx, stoks, ci)
            and ci > 0
            and stoks[ci - 1].text in _COMMAS
        ):
            j = ci + ck
            if j + 1 < len(stoks) and stoks[j].text in _COMMAS:
                j += 1  # ", добавив, что …"
            if j < len(stoks) and stoks[j].norm in ctx.lex.that:
                j += 1
            if j >= len(stoks):
                return None
            content = _content_span(ctx, stoks, j, sent)
            return None if content is None else (content, (t.start, t.end))
    return None


_SETTING_PREPOSITIONS = frozenset("by to on with a an in".split())
# before the subject, "by" names an author ("Asked about the report by CNN, X said"), not a
# conduit
_OPENING_SETTING_PREPOSITIONS = _SETTING_PREPOSITIONS - {"by"}
_CARRYING_PARTICIPLES = frozenset("broadcast carried aired televised published relayed".split())


# openings that put a report before the speech they frame, not around it
_AFTER_WORDS = frozenset("following after amid despite responding reacting since based".split())


def _setting_outlets(
    ctx: _Ctx, start: int, end: int, before: frozenset[str] = _SETTING_PREPOSITIONS
) -> tuple[int, ...]:
    """The outlet mentions in ``[start, end)`` that a setting introduces: right after one of
    ``before`` ("in an interview with RT", "speaking to CNN", "carried by SANA")."""
    found = []
    for i in ctx.mentions_in(start, end):
        words = ctx.text[max(0, ctx.mentions[i].pstart - 40) : ctx.mentions[i].pstart].split()
        last = words[-1].lower() if words else ""
        if last in before or (
            # "In remarks broadcast by state television, …": "by" after a verb of carrying
            last == "by" and len(words) > 1 and words[-2].lower() in _CARRYING_PARTICIPLES
        ):
            found.append(i)
    return tuple(found)


def _complementizer_at(ctx: _Ctx, stoks: Sequence[Token], k: int) -> bool:
    """Whether ``stoks[k]`` is a "that" opening a clause (a pronoun, a determiner or a name
    after it), not a relative pronoun ("reports that surfaced")."""
    return (
        k > 0
        and k + 1 < len(stoks)
        and stoks[k].norm in ctx.lex.that
        and (
            stoks[k + 1].norm in _CLAUSE_OPENERS
            or stoks[k + 1].norm in _QUANTITY_WORDS
            or stoks[k + 1].kind == "num"
            or stoks[k + 1].norm.isdigit()
            or (_is_word(stoks[k + 1]) and _is_cap(stoks[k + 1]))
        )
    )


_NUMBERS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
_QUANTITY_WORDS = _NUMBERS | frozenset("one several some many most all both no".split())


def _author_opening(ctx: _Ctx, stoks: Sequence[Token]) -> bool:
    """Whether the sentence opens with a sentence adverb of the author's and a comma
    ("Notably, …", "Meanwhile, …"): not what a carried reporting frame reports."""
    n = ctx.lex.author_openers.match(stoks, 0)
    return bool(n) and n < len(stoks) and stoks[n].text == ","


def _trailing_according(
    ctx: _Ctx, stoks: Sequence[Token], cues: Sequence[tuple[str, int, int]], attr: _Attr
) -> _Attr:
    """``attr`` without a final ", according to Y" inside its content, Y's outlets added to
    its conduits: "North Korea said it fired a missile, according to the state agency KCNA"
    is North Korea's claim, through KCNA."""
    assert attr.content is not None
    a, b = attr.content
    for kind, ci, ck in cues:
        if kind != "according" or ci < 2 or not a < stoks[ci].start <= b + 2:
            continue
        if (stoks[ci].start, stoks[ci + ck - 1].end) == attr.cue or stoks[ci - 1].text not in _COMMAS:
            continue
        rest = stoks[ci + ck :]
        if not rest or any(t.text in _COMMAS or t.text == ";" for t in rest):
            continue  # not the end of the sentence
        p = ci - 1
        while p > 0 and (stoks[p].text in _COMMAS or stoks[p].text in ("\u2014", "-")):
            p -= 1
        if stoks[p].start <= a:
            continue
        via = tuple(ctx.mentions_in(rest[0].start, rest[-1].end))
        return attrs.evolve(
            attr,
            content=(a, stoks[p].end),
            via=attr.via + tuple(v for v in via if v not in attr.via),
        )
    return attr


def _comma_outside_parentheses(stoks: Sequence[Token], k: int) -> int:
    """The index of the first comma from ``k`` on that no parenthesis encloses, or
    ``len(stoks)``."""
    depth = 0
    for c in range(k, len(stoks)):
        t = stoks[c]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif t.text in _COMMAS and depth <= 0:
            return c
    return len(stoks)


def _after_source_appositive(ctx: _Ctx, stoks: Sequence[Token], k: int) -> int:
    """Where the content starts after "According to X," at ``k``: after a relative clause or
    an appositive that describes X and ends at a comma ("According to Tasnim, an agency close
    to the IRGC, …"; "Laut Tasnim, die den Revolutionsgarden nahesteht, …"; "Selon Tasnim,
    proche des Gardiens, …"). A segment with a finite verb of its own is the content ("According
    to Tasnim, a missile was fired at the base, and …")."""
    if k >= len(stoks):
        return k
    opens = ctx.lex.appositive_openers.match(stoks, k) or ctx.lex.affiliation.match(stoks, k)
    if not opens:
        return k
    c = _comma_outside_parentheses(stoks, k)
    if c == len(stoks):
        return k  # no comma closes it: it is the content
    verb = any(
        x.norm in _FINITE
        or (_finite_like(x) and ctx.text[x.start - 1] != "-")  # not "IRGC-affiliated"
        or x.norm in ctx.lex.that
        for x in stoks[k:c]
    )
    if c + 1 >= len(stoks) or (verb and not ctx.lex.relatives.match(stoks, k)):
        return k
    return c + 1

# prepositions between a verb of saying and its source in an anaphoric report ("This was
# reported by Tasnim", "Об этом сообщили в пресс-службе")
_ANAPHOR_PREPOSITIONS = frozenset("by in on von par por в на".split())


def _anaphoric_report(
    ctx: _Ctx, stoks: Sequence[Token], cues: Sequence[tuple[str, int, int]]
) -> tuple[SourceRef, tuple[int, ...], tuple[int, int]] | None:
    """A sentence that only names who reported the sentence before it: "This was reported by
    Tasnim", "Tasnim reported this on Sunday", "Об этом сообщает агентство Tasnim", "Das
    meldete die Agentur IRNA", "Así lo informó TASS". Its source, the outlets it names and
    its cue; None for any other sentence."""
    if not cues or cues[0][0] != "speech":
        return None
    _kind, ci, ck = cues[0]
    end = len(stoks)
    while end > 0 and stoks[end - 1].text in ".!?;\u3002":
        end -= 1
    lex = ctx.lex
    a = lex.anaphors.match(stoks, 0)
    if a:
        # the anaphor, auxiliaries, the verb, a preposition, the source (a setting may follow)
        between = stoks[a:ci]
        if len(between) > 3 or not all(
            t.norm in _AUX or t.norm in lex.subject_adverbs for t in between
        ):
            return None
        j = ci + ck
        if j < end and stoks[j].norm in _ANAPHOR_PREPOSITIONS:
            j += 1
        elif any(t.norm in _PASSIVE_AUX for t in between):
            return None  # "This was reported yesterday": a passive with no agent
        e = min(_np_end(stoks, j, lex), end)
        src = list(stoks[j:e])
        rest = stoks[e:end]
    else:
        # the source, the verb, the anaphor, and at most a time or a setting after it
        j = ci + ck
        b = lex.anaphors.match(stoks, j)
        if not b or ci == 0:
            return None
        src = _subject(ctx, stoks, ci, 0)
        if not src or src[0] is not stoks[0]:
            return None
        rest = stoks[j + b : end]
        if rest and rest[0].norm not in _TAIL_ADVERBIAL:
            return None
    if not src or len(src) > 10 or len(rest) > 6:
        return None
    if any(t.norm in lex.that or t.text in _COMMAS or _finite_like(t) for t in rest):
        return None
    source = ctx.source_from(src)
    if source is None:
        return None
    via = ctx.head_mentions(src)
    if source.mention is None and not via and len(src) > 6:
        return None
    return source, via, (stoks[ci].start, stoks[ci + ck - 1].end)


def _inner(
    ctx: _Ctx, content: tuple[int, int]
) -> tuple[SourceRef | None, tuple[int, int] | None]:
    """The speaker of a content clause that itself reports a speech act ("ministers warned …");
    for a verb of saying with a clause ("the minister said the talks had failed") the content
    narrows to the clause, and to None when what the speaker said is only a quotation."""
    toks = ctx.toks(*content)
    cues = _find_cue(ctx, toks)
    for kind, ci, ck in cues:
        # (a verb at the end of its clause, as in Persian, may come later)
        if kind in ("speech", "act", "denial") and 0 < ci <= (24 if _rtl(toks[ci]) else 12):
            if _passive_with_agent(toks, ci, ck):
                break  # "the position was confirmed by X, RIA reported": no speech act reported
            subj = _subject(ctx, toks, ci, 0)
            if subj and not any(t.text in (",",) for t in subj[-1:]) and subj[0] is toks[0]:
                src = ctx.source_from(subj)
                if kind == "speech" and ci + ck < len(toks):
                    j = _after_that(ctx, toks, ci + ck)
                    if j == ci + ck and not ctx.lex.bare.match(toks, ci):
                        return src, content  # "warned the United States …": no clause
                    if (
                        j + 1 < len(toks)
                        and _cjk_comma(toks[j])
                        and toks[j + 1].text not in _OPEN_QUOTES
                    ):
                        j += 1  # "发言人表示，中方…": the comma after the verb opens the clause
                    q_at = j + 1 if j + 1 < len(toks) and toks[j].text in _LEAD_PUNCT else j
                    q = ctx.quote_at.get(toks[q_at].start) if q_at < len(toks) else None
                    if q is not None and (q.close_mark is None or q.close_mark >= toks[-1].start):
                        # "Tasnim reported that the general said: “…”": what he said is only a
                        # quotation, his own
                        return src, None
                    nxt = toks[j] if j < len(toks) else None
                    if (
                        nxt is not None
                        and nxt.text not in _OPEN_QUOTES
                        and nxt.text not in _LEAD_PUNCT
                    ):
                        return src, (nxt.start, content[1])
                return src, content
        break
    return None, content


def _inner_source(ctx: _Ctx, content: tuple[int, int]) -> SourceRef | None:
    return _inner(ctx, content)[0]


def _headline_attr(ctx: _Ctx, sent: Sentence, stoks: list[Token]) -> _Attr | None:
    """Headline forms: "X: claim" and "claim: X" in a short one-sentence paragraph without a
    period, or with one in Title Case (a headline)."""
    text = ctx.text
    para = ctx.doc.paragraphs[sent.paragraph]
    if para.end - para.start > 200:
        return None
    if text[sent.start : sent.end].rstrip()[-1:] in ".!?" and not _is_title_case(stoks):
        return None
    colons = [k for k, t in enumerate(stoks) if t.text == ":"]
    if len(colons) != 1:
        return None
    k = colons[0]
    left, right = stoks[:k], stoks[k + 1 :]
    while right and right[-1].text in (".", "!", "?"):
        right = right[:-1]
    if not left or not right:
        return None
    if ctx.lex.voice.match(stoks, 0) >= k or any(
        t.norm in ("brief", "update", "breaking", "exclusive", "watch", "video", "live")
        for t in left
    ):
        return None
    if (
        len(left) <= 4
        and any(_is_word(t) for t in left)
        and all(_is_cap(t) or not _is_word(t) for t in left)
    ):
        src = ctx.source_from(left)
        return _Attr(
            src,
            (right[0].start, right[-1].end),
            (stoks[k].start, stoks[k].end),
            tuple(ctx.mentions_in(left[0].start, left[-1].end)),
            frame=False,
        )
    if (
        len(right) <= 4
        and any(_is_word(t) for t in right)
        and all(_is_cap(t) or t.norm == "the" or not _is_word(t) for t in right)
    ):
        src = ctx.source_from(right)
        return _Attr(
            src,
            (left[0].start, left[-1].end),
            (stoks[k].start, stoks[k].end),
            tuple(ctx.mentions_in(right[0].start, right[-1].end)),
            frame=False,
        )
    return None


# --------------------------------------------------------------------------- quoted terms
def _mark_terms(ctx: _Ctx, quotes: Sequence[RawQuote]) -> list[RawQuote]:
    out = []
    text = ctx.text
    for q in quotes:
        inner = text[q.start : q.end]
        toks = ctx.toks(q.start, q.end)
        words = [t for t in toks if _is_word(t)]
        if q.close_mark is not None and not words:
            out.append(attrs.evolve(q, term=True))  # no word inside: punctuation, a symbol
            continue
        term = False
        # a name in quotation marks, or quotation marks inside a name (РИА «Новости»): the
        # quote is (mostly) one outlet mention
        a = bisect.bisect_left(ctx.mention_starts, q.open_mark)
        for i in ctx.mention_order[max(0, a - 1) : a + 3]:
            m = ctx.mentions[i]
            if m.pstart <= q.start + 1 and m.pend >= q.end - 2 and m.pend > m.pstart:
                term = True
        before = ctx.toks(max(0, q.open_mark - 40), q.open_mark)
        if before and before[-1].text == ",":
            before = before[:-1]  # "Ouisa Davis' commentary, “…”": a title after a comma
        # a title or label after its cue word; not a long lowercase stretch, which quotes
        # (“… expects the campaign “to continue calling out examples of bias …”")
        label_like = len(words) <= 8 or _is_cap(words[0])
        for k in range(max(0, len(before) - 3), len(before)):
            n = ctx.lex.scare.match(before, k)
            if n and k + n == len(before) and label_like:
                term = True
        stripped = inner.strip(" ,.;:!?")
        if (
            2 <= len(words) <= 6
            and not any(c in stripped for c in ".!?")
            and q.close_mark is not None
        ):
            caps = [
                w
                for w in words
                if w.text[:1].isupper()
                or w.text[:1].isdigit()
                or ("-" in text[w.start : w.end + 1] and w.text[:1].islower() and len(w.text) <= 3)
            ]
            small = {
                *("of", "the", "and", "al", "el", "de", "la", "for", "in", "on", "a", "to"),
                *("with", "at", "by", "from", "vs", "an", "or"),
            }
            if (
                all(w in caps or w.norm in small for w in words)
                and words[0].text[:1].isupper()
                and not _title_case_sentence(ctx, q.open_mark, outside=q)
            ):
                # Title Case (titles, operations, names) unless a cue verb frames it as speech
                term = True
        bare = inner.strip()
        if bare[:1] in "([" and bare.rstrip(".")[-1:] in ")]":
            term = True  # a stage direction: "(CROSSTALK.)"
        if not term and q.close_mark is not None and words:
            term = _is_term_by_position(ctx, q, words)
        out.append(attrs.evolve(q, term=term) if term else q)
    return out


_TERM_DETERMINERS = frozenset("the a an its his her their our this these".split())
_NOT_NOUN_AFTER = frozenset(
    """that which who whom whose and or but for to of in on at by with from as after before
    than because when while if is was are were has have had will would said says ever""".split()
)


def _is_title_case(toks: Sequence[Token]) -> bool:
    """Title Case, as in a headline ("Trump Was ‘Mocking’ Clinton Camp"): no long word in
    lower case. Capitals there say nothing about names, verbs or quoted phrases."""
    words = [t for t in toks if t.kind == "word" and len(t.text) > 4]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def _title_case_sentence(ctx: _Ctx, pos: int, outside: RawQuote | None = None) -> bool:
    """Whether the sentence at ``pos`` is in Title Case; with ``outside``, that quotation's
    words are not counted."""
    sent = ctx.doc.sentence_at(pos)
    if sent is None:
        return False
    toks = ctx.toks(sent.start, sent.end)
    if outside is not None:
        close = outside.close_mark if outside.close_mark is not None else outside.end
        toks = [t for t in toks if not outside.open_mark <= t.start <= close]
    return _is_title_case(toks)


def _is_term_by_position(ctx: _Ctx, q: RawQuote, words: Sequence[Token]) -> bool:
    """Quotation marks that name or label rather than quote: a nickname inside a name
    (Robert C. "Bobby" Scott), a lone pronoun ("she" is a "he"), or a short phrase used as a
    modifier inside a noun phrase (the “sex tape” reference, its “national enterprise reporter”
    Stephanie …) with no verb of saying before it."""
    text = ctx.text
    close = q.close_mark
    assert close is not None
    inner = text[q.start : q.end].strip()
    prev = ctx.toks(max(0, q.open_mark - 30), q.open_mark)
    nxt = ctx.toks(close + 1, min(len(text), close + 30))
    prev_t = prev[-1] if prev else None
    if prev_t is not None and prev_t.text == "." and len(prev) > 1 and len(prev[-2].text) == 1:
        prev_t = prev[-2]  # an initial: Robert C. "Bobby" Scott
    next_t = nxt[0] if nxt else None
    if len(words) == 1 and words[0].norm in (ctx.lex.person_pron | ctx.lex.group_pron):
        return True
    if (
        len(words) == 1
        and (_is_cap(words[0]) or words[0].text[:1].isdigit())
        and text[max(0, q.open_mark - 3) : q.open_mark].rstrip().endswith(("'s", "\u2019s"))
    ):
        return True  # a work or a product of someone's: DuVernay’s “13th”
    if (
        len(words) == 1
        and inner == words[0].text
        and prev_t is not None
        and next_t is not None
        and prev_t.kind == "word"
        and prev_t.text[:1].islower()
        and prev_t.norm not in _TERM_DETERMINERS
        and (prev_t.norm.endswith("ing") or prev_t.norm.endswith("ed"))
        and next_t.kind == "word"
        and next_t.text[:1].islower()
        and next_t.norm not in _NOT_NOUN_AFTER
        and text[close + 1 : next_t.start].strip() == ""
    ):
        sent = ctx.doc.sentence_at(q.open_mark)
        # "promoting “quack” medical cures": a label on the noun after it
        return sent is not None and not _find_cue(ctx, ctx.toks(sent.start, q.open_mark))
    if (
        len(words) == 1
        and _is_cap(words[0])
        and prev_t is not None
        and next_t is not None
        and _is_cap(prev_t)
        and _is_word(next_t)
        and _is_cap(next_t)
        and text[prev[-1].end : q.open_mark].strip() == ""
        and not _title_case_sentence(ctx, q.open_mark)
    ):
        return True  # a nickname between the parts of a name
    if (
        2 <= len(words) <= 4
        and not any(c in inner for c in ".!?,;:")
        and prev_t is not None
        and prev_t.norm in _TERM_DETERMINERS
        and next_t is not None
        and _is_word(next_t)
        and next_t.norm not in _NOT_NOUN_AFTER
        and text[close + 1 : next_t.start].strip() == ""
    ):
        sent = ctx.doc.sentence_at(q.open_mark)
        if sent is None:
            return False
        before = ctx.toks(sent.start, q.open_mark)
        return not _find_cue(ctx, before)
    return False


# --------------------------------------------------------------------------- entry point
def _is_boilerplate(text: str, lex: _Lex) -> bool:
    low = text.casefold()
    hits = sum(1 for w in lex.boilerplate if w in low)
    return hits >= 2 or (hits >= 1 and len(low) < 160)


def analyze(
    doc: Document,
    tokens: list[Token],
    mentions: Sequence[RawMention],
    quotes: Sequence[RawQuote],
    registry: Registry,
) -> tuple[Analysis, list[RawQuote]]:
    """Claims of every sentence, speakers and conduits of every quotation."""
    lex = _lex(registry)
    tokens = [t for t in tokens if t.norm != "-"]
    ctx = _Ctx(doc, tokens, mentions, quotes, lex)
    for i, m in enumerate(mentions):
        entry = registry.get(m.target) if m.kind == "outlet" and m.target else None
        if entry is not None:
            ctx.outlet_names[i] = entry.name
    quotes = _mark_terms(ctx, quotes)
    ctx.set_quotes(quotes)
    real = sorted(
        (i for i, q in enumerate(quotes) if not q.term), key=lambda i: quotes[i].open_mark
    )
    real_opens = [quotes[i].open_mark for i in real]
    speakers: dict[int, QuoteInfo] = {}
    claims: list[RawClaim] = []
    boiler = frozenset(
        p.index for p in doc.paragraphs if _is_boilerplate(ctx.text[p.start : p.end], lex)
    )
    frame: _Frame | None = None
    last_para = -1
    para_speaker: SourceRef | None = None
    prev_para_speaker: SourceRef | None = None
    tag_via: dict[int, tuple[int, ...]] = {}
    # source tags at the end of a paragraph: "… .” (Fars News Agency)"
    for i, m in enumerate(mentions):
        if (
            m.kind == "outlet"
            and ctx.text[m.pstart - 1 : m.pstart] == "("
            and ctx.text[m.pend : m.pend + 1] == ")"
        ):
            sent = doc.sentence_at(m.pstart)
            if sent is not None and doc.paragraphs[sent.paragraph].end <= m.pend + 2:
                tag_via[sent.paragraph] = (i,)
    _tag_bullet_groups(ctx, tag_via)
    prev_stoks: list[Token] = []

    def s_quotes_any(sent: Sentence) -> bool:
        a = bisect.bisect_left(real_opens, sent.start)
        return a < len(real_opens) and real_opens[a] < sent.end

    # a lead-in's source over the list items under it, and the indentation they must exceed
    list_frame: tuple[_Frame, int] | None = None
    lead_in: _Frame | None = None  # the source of the paragraph just read, if it leads a list
    for sent in doc.sentences:
        if sent.paragraph != last_para:
            indent = _bullet_indent(ctx, sent.paragraph)
            if lead_in is not None and indent is not None:
                # "KCNA carries comments from Kim:" / "• X said:" and the items under it
                above = _bullet_indent(ctx, last_para) if last_para >= 0 else None
                list_frame = (lead_in, -1 if above is None else above)
            elif list_frame is not None and (indent is None or indent <= list_frame[1]):
                list_frame = None
            frame = list_frame[0] if list_frame is not None else None
            lead_in = None
            if last_para >= 0:
                prev_para_speaker = para_speaker
            para_speaker = None
            last_para = sent.paragraph
        if prev_stoks:
            ctx.note_people(prev_stoks)
        stoks = ctx.toks(sent.start, sent.end)
        prev_stoks = stoks
        ctx.cur_sentence = sent.index
        if not stoks:
            continue
        bp = sent.paragraph in boiler
        if (
            lex.voice.match(stoks, 0)
            and len(stoks) > 1
            and stoks[lex.voice.match(stoks, 0)].text == ":"
        ):
            frame = None
        voice = lex.voice.match(stoks, 0)
        labelled = bool(voice) and voice < len(stoks) and stoks[voice].text == ":"
        # "Comment: …", "Editor's note: …" (labelled) and boilerplate: the author's own voice
        s_cues = [] if bp or labelled else _find_cue(ctx, stoks)
        report_of = (
            _anaphoric_report(ctx, stoks, s_cues)
            if s_cues and sent.index > 0 and not s_quotes_any(sent)
            else None
        )
        if report_of is not None:
            # "This was reported by Tasnim": the sentence before is Tasnim's, this one only
            # says so (the author's)
            prev = ctx.doc.sentences[sent.index - 1]
            qa = bisect.bisect_left(real_opens, prev.start)
            qb = bisect.bisect_left(real_opens, prev.end)
            _credit_before(ctx, claims, speakers, real[qa:qb], prev, *report_of)
            ctx.remember(report_of[0], ctx.toks(report_of[0].pstart, report_of[0].pend))
            claims.append(
                RawClaim(
                    "unattributed", sent.start, sent.end, sent.index, None, (), (), None, False, bp
                )
            )
            frame = None
            continue
        attr = (
            None
            if bp or labelled
            else (_attr_for_sentence(ctx, sent, stoks, s_cues) or _headline_attr(ctx, sent, stoks))
        )
        if attr is not None and attr.content is not None:
            attr = _bounded_content(ctx, stoks, attr)
        if attr is not None and attr.content is not None:
            attr = _trailing_according(ctx, stoks, s_cues, attr)
        if attr is not None and attr.act and frame is not None and not s_quotes_any(sent):
            attr = None  # carried below: the frame's claim, with the act's subject as source
        qa = bisect.bisect_left(real_opens, sent.start)
        qb = bisect.bisect_left(real_opens, sent.end)
        s_quotes = real[qa:qb]
        held: tuple[int, ...] = ()  # quotations that are part of the sentence's attributed claim
        # the speaker of a quotation inside a nested report ("TASS reported that X said the
        # talks were “fairly good”"): the inner speaker, through the claim's conduits
        nested_speakers: dict[int, tuple[SourceRef, tuple[int, ...]]] = {}
        added = False  # whether the sentence has an "adding that …" claim
        if attr is not None:
            source = attr.source
            if attr.content is not None:
                via = attr.via
                src = source
                if src is None and list_frame is not None:
                    # "• Said his country has become …": the lead-in's speaker
                    src, via = list_frame[0].source, via or list_frame[0].via
                content: tuple[int, int] | None = attr.content
                inner = None
                if (source is not None and source.mention is not None) or (attr.frame and via):
                    inner, narrowed = _inner(ctx, attr.content)
                    if inner is not None:
                        src = inner
                    if narrowed is None and src is not None:
                        # "According to IRNA, the general said: “…”": the quotation is the
                        # general's, through the outlet, and no claim of its own
                        a_start, a_end = attr.content
                        nested_speakers.update(
                            (i, (src, via)) for i in s_quotes if a_start <= quotes[i].start < a_end
                        )
                    content = narrowed
                parts = (
                    _split_coordinated(ctx, content, stoks, s_cues) if content is not None else []
                )
                for n, (part, cue, subject) in enumerate(parts):
                    if subject is not None:
                        # "…, while the army spokesman said …": a speaker of its own, and
                        # only the outlets its own words name
                        src = ctx.source_from(subject)
                        via = ctx.head_mentions(subject)
                    inside = tuple(i for i in s_quotes if part[0] <= quotes[i].start < part[1])
                    part_held = tuple(
                        i
                        for i in inside
                        if quotes[i].open_mark > part[0] and quotes[i].end <= part[1] + 1
                    )
                    held += part_held
                    if inner is not None and subject is None and src is inner:
                        nested_speakers.update((i, (inner, via)) for i in part_held)
                    claims.append(
                        RawClaim(
                            "attributed",
                            *part,
                            sent.index,
                            src,
                            via,
                            inside,
                            cue or attr.cue,
                            attr.negated and n == 0,
                            bp,
                        )
                    )
                ctx.remember(src, ctx.toks(src.pstart, src.pend) if src else ())
            adding = _adding_after(ctx, stoks, s_cues, attr, sent)
            if adding is not None and (attr.content is None or attr.content[1] <= adding[1][0]):
                added = True
                # "“…,” he said, adding that …", "CLAIM, X said, adding that …": what he added
                # is a claim of his own, after the frame's content or its quotation
                (a_start, a_end), a_cue = adding
                inside = tuple(i for i in s_quotes if a_start <= quotes[i].start < a_end)
                held += tuple(
                    i for i in inside if quotes[i].open_mark > a_start and quotes[i].end <= a_end + 1
                )
                claims.append(
                    RawClaim(
                        "attributed",
                        a_start,
                        a_end,
                        sent.index,
                        source,
                        attr.via,
                        inside,
                        a_cue,
                        False,
                        bp,
                    )
                )
            if source is not None:
                ctx.remember(source, ctx.toks(source.pstart, source.pend))
                para_speaker = source
            if attr.frame and attr.via:
                frame = _Frame(source, attr.via)
            lead_in = _lead_in(ctx, sent, attr)
        elif frame is not None and (
            _dated_opening(ctx, stoks) or _author_opening(ctx, stoks)
        ):
            frame = None  # "In June, the group attacked …": the author's background
        if (
            attr is None
            and frame is not None
            and not s_quotes
            and not bp
            and not _parenthetical(ctx, sent)
            and not ctx.text[sent.start : sent.end].rstrip(" \"'\u201d\u2019)").endswith("?")
        ):
            # carried frame: the sentence still reports what the outlet said
            content = (stoks[0].start, sent.end)
            e = content[1]
            while e > content[0] and ctx.text[e - 1] in ".!?; ":
                e -= 1
            own = _inner_source(ctx, (content[0], e))
            claims.append(
                RawClaim(
                    "attributed",
                    content[0],
                    e,
                    sent.index,
                    own or frame.source,
                    frame.via,
                    (),
                    None,
                    False,
                    bp,
                )
            )
            if own is not None:
                ctx.remember(own, ctx.toks(own.pstart, own.pend))
            continue
        # speakers of the quotations opened in this sentence
        for qi in s_quotes:
            q = quotes[qi]
            spk: SourceRef | None
            if qi in nested_speakers:
                spk, via = nested_speakers[qi]
            else:
                spk, via = _quote_speaker(
                    ctx, sent, stoks, q, attr, frame, para_speaker, prev_para_speaker
                )
            if not via and q.paragraph in tag_via:
                via = tag_via[q.paragraph]
            speakers[qi] = QuoteInfo(spk, via)
            if spk is not None:
                para_speaker = spk
            if qi in held:
                continue  # a partial quotation inside reported speech: part of that claim
            claims.append(
                RawClaim("quoted", q.start, q.end, sent.index, spk, via, (qi,), None, False, bp)
            )
        inside_quote = not s_quotes and ctx.in_quote(sent.start) and ctx.in_quote(sent.end - 1)
        if (
            not s_quotes
            and not inside_quote
            and not added
            and (attr is None or attr.content is None)
        ):
            claims.append(
                RawClaim(
                    "unattributed", sent.start, sent.end, sent.index, None, (), (), None, False, bp
                )
            )
    # the segments of a multi-paragraph quotation share one speaker, wherever it is named
    chains: dict[int, list[int]] = {}
    for qi in real:
        q = quotes[qi]
        chains.setdefault(q.continues if q.continues is not None else qi, []).append(qi)
    for members in chains.values():
        named = next(
            (speakers[x] for x in members if x in speakers and speakers[x].speaker is not None),
            None,
        )
        for x in members:
            if named is not None and (x not in speakers or speakers[x].speaker is None):
                speakers[x] = named
            speakers.setdefault(x, QuoteInfo(None, ()))
    info = tuple(
        _with_source_outlet(speakers.get(i, QuoteInfo(None, ()))) for i in range(len(quotes))
    )
    claims = [_with_source_outlet(c) for c in claims]
    claims.sort(key=lambda c: (c.pstart, c.pend))
    claims, info = _conduits_through_references(ctx, claims, info, quotes)
    claims = _join_interrupted(ctx, claims)
    return Analysis(tuple(claims), info, boiler), quotes


_BULLETS = frozenset("\u2022\u00b7\u25aa\u25e6\u2013-*")


def _credit_before(
    ctx: _Ctx,
    claims: list[RawClaim],
    speakers: dict[int, QuoteInfo],
    prev_quotes: Sequence[int],
    prev: Sentence,
    source: SourceRef,
    via: tuple[int, ...],
    cue: tuple[int, int],
) -> None:
    """Credit the claims and quotations of the sentence ``prev`` to the source of an
    anaphoric report after it (:func:`_anaphoric_report`): the author's own sentence becomes
    the source's claim; a claim or quotation with a source of its own keeps it, and takes the
    report's outlets as conduits when it has none."""
    for k in range(len(claims) - 1, -1, -1):
        c = claims[k]
        if c.sentence != prev.index:
            if c.sentence < prev.index:
                break
            continue
        if c.kind == "unattributed":
            e = c.pend
            while e > c.pstart and ctx.text[e - 1] in ".!?;\u3002 ":
                e -= 1
            claims[k] = attrs.evolve(c, kind="attributed", pend=e, source=source, via=via, cue=cue)
        else:
            claims[k] = attrs.evolve(c, source=c.source or source, via=c.via or via)
    for qi in prev_quotes:
        info = speakers.get(qi)
        if info is not None:
            speakers[qi] = QuoteInfo(info.speaker or source, info.via or via)


def _parenthetical(ctx: _Ctx, sent: Sentence) -> bool:
    """A sentence that is only a parenthesis, such as a source tag "(Fars News Agency)"."""
    body = ctx.text[sent.start : sent.end].strip().rstrip(".")
    return body.startswith("(") and body.endswith(")") and body.count("(") == 1


def _lead_in(ctx: _Ctx, sent: Sentence, attr: _Attr) -> _Frame | None:
    """The source that the list items under a paragraph report, when the paragraph leads a
    list: its last sentence is an attribution that ends in a colon or with no final stop
    ("X said:", "KCNA carries comments from leader Kim Jong-un today"). "Comments from Y",
    "remarks by Y": Y is the speaker, the subject the conduit."""
    sentences = ctx.doc.sentences
    nxt = sent.index + 1
    if nxt < len(sentences) and sentences[nxt].paragraph == sent.paragraph:
        return None  # not the paragraph's last sentence (checked first: no text is copied)
    para = ctx.doc.paragraphs[sent.paragraph]
    tail = ctx.text[sent.start : para.end].rstrip()
    if not tail or tail[-1] in ".!?\u3002":
        return None
    source, via = attr.source, attr.via
    if attr.content is not None:
        toks = ctx.toks(*attr.content)
        if (
            len(toks) > 2
            and toks[0].norm in _SPEECH_NOUNS
            and toks[1].norm in ("from", "by", "of")
        ):
            speaker = ctx.source_from(toks[2 : _np_end(toks, 2, ctx.lex)])
            if speaker is not None:
                if source is not None and source.mention is not None and not via:
                    via = (source.mention,)
                source = speaker
    if source is None:
        return None
    return _Frame(source, via)


def _bullet_indent(ctx: _Ctx, index: int) -> int | None:
    """The indentation of a paragraph that is a list item ("  • …"), else None."""
    para = ctx.doc.paragraphs[index]
    text = ctx.text
    if para.start >= para.end or text[para.start] not in _BULLETS:
        return None
    line_start = text.rfind("\n", 0, para.start) + 1
    return para.start - line_start


def _tag_bullet_groups(ctx: _Ctx, tag_via: dict[int, tuple[int, ...]]) -> None:
    """A source tag after the last item of a list ("• “…” (Fars News Agency)") is the conduit
    of the items before it at the same indentation, back to the item that opens the group."""
    for index, via in list(tag_via.items()):
        indent = _bullet_indent(ctx, index)
        if indent is None:
            continue
        k = index - 1
        while k >= 0 and k not in tag_via and _bullet_indent(ctx, k) == indent:
            tag_via[k] = via
            k -= 1


def _conduits_through_references(
    ctx: _Ctx,
    claims: list[RawClaim],
    info: tuple[QuoteInfo, ...],
    quotes: Sequence[RawQuote],
) -> tuple[list[RawClaim], tuple[QuoteInfo, ...]]:
    """A source named again by a pronoun or a description ("The source said", "He added")
    keeps the outlets its words came through before ("SANA cited a military source as
    saying …"): a claim or quotation with no conduit of its own takes them."""
    events: list[tuple[int, int, int]] = []  # (position, 0 claim / 1 quote, index)
    events += [(c.pstart, 0, k) for k, c in enumerate(claims)]
    events += [(quotes[k].start, 1, k) for k in range(len(info)) if info[k].speaker is not None]
    events.sort()
    seen: dict[str, tuple[int, ...]] = {}
    out_claims = list(claims)
    out_info = list(info)
    for _pos, what, k in events:
        src = out_claims[k].source if what == 0 else out_info[k].speaker
        via = out_claims[k].via if what == 0 else out_info[k].via
        if src is None:
            continue
        surface = ctx.text[src.pstart : src.pend]
        name = src.name or surface
        if via:
            seen[name] = via
        elif src.name is not None and src.name != surface and name in seen:
            if what == 0:
                out_claims[k] = attrs.evolve(out_claims[k], via=seen[name])
            else:
                out_info[k] = attrs.evolve(out_info[k], via=seen[name])
    return out_claims, tuple(out_info)


def _dated_opening(ctx: _Ctx, stoks: Sequence[Token]) -> bool:
    """Whether a sentence opens with a date of its own (a month or a year in its first five
    tokens): "In June, …", "Last March …", "In 2017, …", "وفي يونيو الماضي …"."""
    table = ctx.lex.background_times
    for k, t in enumerate(stoks[:5]):
        if table.match(stoks, k):
            return True
        if t.norm.isdigit() and len(t.norm) == 4 and t.norm[:2] in ("19", "20"):
            return True
    return False


def _with_source_outlet(item: _T) -> _T:
    """A source that is an outlet, or a pronoun or description resolved to one ("It said",
    "the agency added"), is the first outlet the words came through."""
    src = item.speaker if isinstance(item, QuoteInfo) else item.source
    if src is None or src.mention is None or src.mention in item.via:
        return item
    return attrs.evolve(item, via=(src.mention, *item.via))


_MAX_FRAME_GAP = 300  # characters between two parts of one interrupted quotation


def _join_interrupted(ctx: _Ctx, claims: list[RawClaim]) -> list[RawClaim]:
    """One claim for a quotation that its own frame interrupts: "“A,” X said. “B.”" is one
    statement of X's, as PARC-style annotation has it; its quotes stay separate quotes."""
    out: list[RawClaim] = []
    sentences = ctx.doc.sentences
    for c in claims:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.kind == "quoted"
            and prev.kind == "quoted"
            and c.source is not None
            and prev.source is not None
            and (c.source.name or ctx.text[c.source.pstart : c.source.pend])
            == (prev.source.name or ctx.text[prev.source.pstart : prev.source.pend])
            and sentences[c.sentence].paragraph == sentences[prev.sentence].paragraph
            and 0 <= c.pstart - prev.pend <= _MAX_FRAME_GAP
            and c.boilerplate == prev.boilerplate
        ):
            via = prev.via + tuple(v for v in c.via if v not in prev.via)
            out[-1] = attrs.evolve(prev, pend=c.pend, via=via, quotes=prev.quotes + c.quotes)
            continue
        out.append(c)
    return out


def _quote_speaker(
    ctx: _Ctx,
    sent: Sentence,
    stoks: list[Token],
    q: RawQuote,
    attr: _Attr | None,
    frame: _Frame | None,
    para_speaker: SourceRef | None,
    prev_para_speaker: SourceRef | None,
) -> tuple[SourceRef | None, tuple[int, ...]]:
    via: tuple[int, ...] = ()
    close = q.close_mark if q.close_mark is not None else q.end
    label = _TRANSCRIPT_LABEL.match(ctx.text, q.start, q.end)
    if label:
        # a transcript inside the marks: "PENCE: Well, look, …"
        return SourceRef(label.start(1), label.end(1), label.group(1)), ()
    # (0) a dash credit: "“…” ― Pamela Padilla" (letters, vox pops, epigraphs)
    credit = _dash_credit(ctx, close, q.paragraph)
    if credit is not None:
        return credit, ()
    # (1) a cue right after the closing mark: "…,” Zarif said / said Zarif / X was quoted as saying by Y
    after = [t for t in stoks if t.start > close][:16]
    if not after:
        # "“…?” Vitter demanded.": the frame is a short sentence of its own
        p_end = ctx.doc.paragraphs[q.paragraph].end
        nxt = ctx.doc.sentence_at(sent.end + 1) if sent.end + 1 < p_end else None
        if nxt is not None and nxt.index == sent.index + 1 and nxt.paragraph == sent.paragraph:
            ntoks = ctx.toks(nxt.start, nxt.end)
            if sum(1 for t in ntoks if _is_word(t)) <= 8:
                after = ntoks[:16]
    cues = _find_cue(ctx, after)
    if cues:
        kind, ci, ck = cues[0]
        if ci <= 10 and kind in ("speech", "quoted_as", "act", "denial"):
            subj = [t for t in after[:ci] if t.text not in _COMMAS and t.text not in _DASHES]
            if (
                subj
                and _finite_like(after[0])
                and not ctx.text[close + 1 : after[0].start].strip()
                and ctx.text[close - 1 : close] not in _COMMAS
            ):
                # "“A strike …” targeted the governorate, said Saba" / "…, Saba said": the
                # quotation opens a clause of the claim; the speaker is after its last comma
                lc = max((k for k in range(ci) if after[k].text == ","), default=None)
                if lc is not None:
                    subj = list(after[lc + 1 : ci])
            participle = not subj and (
                (ci + ck < len(after) and after[ci + ck].norm in ctx.lex.that)
                or (kind == "act" and after[ci].norm.endswith("ing"))
            )  # "…,” adding that …", "…”, calling it …": the main clause's speaker, below
            both: SourceRef | None = None
            if not subj or all(t.norm in _AUX for t in subj):
                j = ci + ck
                k = _np_end(after, j, ctx.lex)
                subj = [] if participle else after[j:k]
                second = _second_speaker(after, k) if subj else None
                if second is not None:
                    # "said Professor A of X and Professor B of Y": both
                    both = _both_speakers(ctx, subj, after[second[0] : second[1]])
                    if both is not None:
                        subj = after[j : second[1]]
            if subj and subj[0].norm in ("but", "and", "then", "or"):
                subj = []  # "…,” but stopped short of calling …": not a speaker
            spk = both or (ctx.source_from(subj) if subj else None)
            rest_start = after[ci].start
            via = tuple(i for i in ctx.mentions_in(rest_start, sent.end))
            if spk is not None and spk.mention is not None:
                via = (spk.mention, *[v for v in via if v != spk.mention])
            if spk is not None:
                ctx.remember(spk, subj)
                if not via and frame is not None:
                    via = frame.via
                return spk, via
    before = [t for t in stoks if t.end <= q.open_mark]
    # (1b) the agent of a passive verb of saying: "The claims were dismissed as “fake news” by
    # the ministry's spokeswoman"
    agent = _passive_agent(ctx, before, after)
    if agent is not None:
        spk = ctx.source_from(agent)
        if spk is not None:
            ctx.remember(spk, agent)
            return spk, tuple(ctx.mentions_in(agent[0].start, agent[-1].end))
    # (2) a cue before the opening mark in the same sentence (the sentence's frame, unless a
    # verb of saying nearer the quotation names its own speaker)
    if (
        attr is not None
        and attr.cue[0] < q.open_mark
        and attr.source is not None
        and not _nearer_cue(ctx, before, attr)
    ):
        spk = attr.speaker_for_quotes or attr.source
        via = attr.via or (frame.via if frame else ())
        if spk.mention is not None and spk.mention not in via:
            via = (spk.mention, *via)
        return spk, via
    cues = _find_cue(ctx, before)
    if cues:
        kind, ci, ck = cues[-1]
        if kind == "quoting":
            subj = list(_quoted_in_cue(ctx, before, ci, ck))  # "quoting X as calling …"
        else:
            subj = _subject(ctx, before, ci, 0)
            if not subj and cues[0][1] == 0 and _rtl(before[0]):
                subj = _verb_first_subject(ctx, before, cues[0][2])
            elif not subj and ci == 0:
                # inverted: "Said Ellis: “…”"
                subj = list(before[ck : _np_end(before, ck, ctx.lex)])
            else:
                subj = _participle_subject(ctx, before, ci) or subj
        spk = ctx.source_from(subj)
        if spk is not None:
            via = tuple(ctx.mentions_in(before[0].start, q.open_mark))
            return spk, via or (frame.via if frame else ())
    # (2b) a possessive right before the quotation, or before the claim that holds it:
    # "Trump’s “thousands of shootings” claim", "Trump’s claim that there were “…”"
    owner = _possessor(ctx, sent, q.open_mark)
    if owner is not None:
        return owner, tuple(ctx.mentions_in(owner.pstart, owner.pend))
    # (3) no cue: a headline's subject ("Pence: … Trump Was ‘Mocking’ …", "Retired General
    # Reveals ‘Demoralizing’ …"), or the named subject of the sentence ("Reid has gone after
    # Trump as a “…”")
    if before and _title_case_sentence(ctx, q.open_mark, outside=q):
        head = _headline_subject(ctx, before)
        if head is not None:
            return head, tuple(ctx.mentions_in(head.pstart, head.pend))
    subj_ref = _named_subject(ctx, before)
    if subj_ref is not None:
        return subj_ref, tuple(ctx.mentions_in(subj_ref.pstart, subj_ref.pend))
    # (4) the speaker of the paragraph, or of the previous paragraph
    if para_speaker is not None:
        return para_speaker, (frame.via if frame else ())
    p = ctx.doc.paragraphs[q.paragraph]
    opens_paragraph = ctx.text[p.start : q.open_mark].strip(" \u2022-*\u00b7") == ""
    if opens_paragraph and prev_para_speaker is not None:
        return prev_para_speaker, ()
    if opens_paragraph and q.paragraph > 0:
        prev = ctx.doc.paragraphs[q.paragraph - 1]
        if ctx.text[prev.start : prev.end].rstrip().endswith(":"):
            # "Khamenei addressed a group of activists and said:" then the quotation; "On
            # July 6, Sanders made the following comment:"
            last = ctx.doc.sentence_at(prev.end - 1)
            lead = _named_subject(ctx, ctx.toks(last.start, last.end)) if last else None
            if lead is not None:
                return lead, ()
            if ctx.named:
                _sent, name, ns, ne = ctx.named[-1]
                return SourceRef(ns, ne, name), ()
    if frame is not None:
        return frame.source, frame.via
    return None, ()


_DASHES = frozenset("\u2015\u2014\u2013-")
_NAME_LINKS = frozenset(
    {"de", "da", "del", "der", "van", "von", "al", "el", "bin", "ibn", "la", "le"}
)


def _dash_credit(ctx: _Ctx, close: int, paragraph: int) -> SourceRef | None:
    """The name in "…” ― Name" at the end of a line, if the closing mark is followed by one."""
    text = ctx.text
    end = min(ctx.doc.paragraphs[paragraph].end, close + 120)
    nl = text.find("\n", close + 1, end)
    end = nl if nl >= 0 else end
    k = close + 1
    while k < end and text[k].isspace():
        k += 1
    if k >= end or text[k] not in _DASHES:
        return None
    while k < end and (text[k] in _DASHES or text[k].isspace()):
        k += 1
    toks = ctx.toks(k, end)
    while toks and toks[-1].text in ".,;":
        toks = toks[:-1]
    words = [t for t in toks if _is_word(t)]
    if not words or len(words) > 6 or not _is_cap(words[0]):
        return None
    if any(not (_is_cap(t) or t.norm in _NAME_LINKS or t.text in ".,'\u2019") for t in toks):
        return None
    return ctx.source_from(toks)


def _named_subject(ctx: _Ctx, before: Sequence[Token]) -> SourceRef | None:
    """A proper name (or "he"/"she") that opens the clause before a quotation with no cue."""
    toks = _strip_intro(ctx.text, list(before))
    if len(toks) < 2:
        return None
    if toks[0].norm in ctx.lex.person_pron and toks[0].norm in ("he", "she"):
        return SourceRef(toks[0].start, toks[0].end, ctx.resolve("person"))
    run: list[Token] = []
    lex = ctx.lex

    def cue_at(k: int) -> bool:
        return bool(lex.speech.match(toks, k) or lex.act.match(toks, k))

    for k, t in enumerate(toks):
        if run and cue_at(k):
            break  # a Title Case headline: "Chris Christie Calls Hillary Clinton ‘A Disgrace’"
        if (_is_word(t) and _is_cap(t)) or (
            run and (t.text in (".", "\u2019s", "'s") or t.norm in _NAME_LINKS)
        ):
            run.append(t)
            continue
        break
    while run and not _is_word(run[-1]):
        run.pop()
    if not run or len(run) >= len(toks):
        return None
    if not toks[len(run)].text[:1].islower() and not cue_at(len(run)):
        return None  # no verb after the name: not the subject of a clause
    caps = [t for t in run if _is_word(t) and t.norm not in _NOT_NAME]
    if not caps or any(t.norm in _NOT_PERSON for t in caps[-1:]):
        return None
    if len(caps) == 1:
        # one word: a surname or an outlet known from earlier in the text
        word = caps[0].text
        if word not in ctx.known_names and not ctx.mentions_in(caps[0].start, caps[0].end):
            return None
    return ctx.source_from(run)


def _cyrillic(t: Token) -> bool:
    return "\u0400" <= t.text[:1] <= "\u04ff"


def _goes_on(ctx: _Ctx, toks: Sequence[Token], i: int) -> bool:
    """Whether ``toks[i]`` is a participle with which a speaker goes on after a comma: an
    English "-ing" form ("adding"), or one of the lexicon's ``continuing_participles``."""
    return toks[i].norm.endswith("ing") or bool(ctx.lex.continuing.match(toks, i))


def _han(t: Token) -> bool:
    """A token of Chinese characters or digits (a Chinese dateline: "新华社北京3月5日电")."""
    return t.text[:1].isdigit() or "\u4e00" <= t.text[:1] <= "\u9fff"


def _cjk_comma(t: Token) -> bool:
    """A full-width comma or colon of Chinese or Japanese text (， 、 ：)."""
    return t.text in ("\uff0c", "\u3001", "\uff1a")


def _rtl(t: Token) -> bool:
    """A token in Arabic script (Arabic, Persian, Urdu): verb-first clauses are common."""
    return "\u0600" <= t.text[:1] <= "\u06ff"


def _verb_first_subject(ctx: _Ctx, stoks: Sequence[Token], j: int) -> list[Token]:
    """The subject right after a sentence-initial verb: an outlet or generic mention there,
    else one word ("الصحيفة", the newspaper)."""
    if j >= len(stoks):
        return []
    for i in ctx.mentions_in(stoks[j].start, stoks[j].end):
        m = ctx.mentions[i]
        return [t for t in stoks[j:] if t.end <= m.pend]
    if stoks[j].norm in ctx.lex.that:
        return []  # "وأضاف أن …" (and he added that): the subject is in the verb
    # "ذكرت وكالة الأنباء السورية الرسمية (سانا) أن …": a description, then the outlet's name
    # in parentheses, before the reported clause
    end = j
    while end < min(len(stoks), j + 8) and not (
        stoks[end].norm in ctx.lex.that or stoks[end].text in _LEAD_PUNCT
    ):
        end += 1
    for i in ctx.mentions_in(stoks[j].start, stoks[end - 1].end if end > j else stoks[j].end):
        m = ctx.mentions[i]
        subj = [t for t in stoks[j:end] if t.end <= m.pend]
        k = j + len(subj)
        if k < end and stoks[k].text == ")":
            subj.append(stoks[k])
        return subj
    if j + 1 < end < len(stoks) and stoks[end].norm in ctx.lex.that:
        # "قال وزير الخارجية الإيراني إن …": the whole noun phrase before the clause
        return list(stoks[j:end])
    return [stoks[j]]


_SPEECH_NOUNS = frozenset(
    """claim claims statement statements assertion remark remarks comment comments words tweet
    tweets argument warning promise pledge description charge accusation insistence""".split()
)


def _possessor(ctx: _Ctx, sent: Sentence, open_mark: int) -> SourceRef | None:
    """The name that owns a quotation: "Donald Trump’s “…”", or owns the statement that
    contains it: "Trump’s claim that there have been “…”" (not "the country’s “…”")."""
    text = ctx.text
    k = open_mark
    while k > sent.start and text[k - 1].isspace():
        k -= 1
    if k - 2 < sent.start or text[k - 1] not in "sS" or text[k - 2] not in "'\u2019":
        before = ctx.toks(sent.start, open_mark)
        for j in range(len(before) - 2, 0, -1):
            t = before[j]
            if t.norm in _SPEECH_NOUNS and j + 1 < len(before) and before[j + 1].norm == "that":
                end = before[j - 1].end
                if text[end - 2 : end] in ("'s", "\u2019s") or (
                    before[j - 1].norm in ("s", "\u2019s", "'s")
                ):
                    k = end
                    break
        else:
            return None
        if text[k - 1] not in "sS":
            return None
    toks = ctx.toks(sent.start, k - 2)
    run: list[Token] = []
    for t in reversed(toks):
        if _is_word(t) and _is_cap(t) and t.norm not in _NOT_NAME:
            run.insert(0, t)
            if len(run) == 3:
                break
            continue
        break
    if not run or (len(run) == 1 and run[0].start == sent.start):
        return None  # one capitalized word opening the sentence may be any noun
    return ctx.source_from(run)


def _headline_subject(ctx: _Ctx, before: Sequence[Token]) -> SourceRef | None:
    """The subject of a Title Case headline: what stands before its colon, else its first two
    words when both are capitalized."""
    colon = next((k for k, t in enumerate(before) if t.text == ":"), None)
    if colon is not None and 0 < colon <= 10:
        return ctx.source_from(list(before[:colon]))
    words = [t for t in before if _is_word(t)]
    if len(words) >= 3 and all(_is_cap(t) and t.norm not in _NOT_NAME for t in words[:2]):
        return ctx.source_from(words[:2])
    return None


def _quoted_in_cue(ctx: _Ctx, toks: Sequence[Token], ci: int, ck: int) -> Sequence[Token]:
    """The one quoted inside a "quoting" cue ("quoted the minister as saying": the minister)."""
    a = ci + ctx.lex.quoting.match(toks, ci)
    k_as = next(k for k in range(a, ci + ck) if _as_saying_at(ctx, toks, k))
    return toks[a:k_as]


def _as_saying_at(ctx: _Ctx, toks: Sequence[Token], j: int) -> int:
    """The length of a phrase of the lexicon's ``as_saying`` at ``toks[j]``, or 2 for "as" and
    a participle of a verb of saying ("quoted X as announcing …", "as warning that …")."""
    n = ctx.lex.as_saying.match(toks, j)
    if n or toks[j].norm != "as" or j + 1 >= len(toks):
        return n
        return 0
    nxt = toks[j + 1]
    if not (nxt.kind == "word" and nxt.norm.endswith("ing")):
        return 0
    return 2 if ctx.lex.speech.match(toks, j + 1) or ctx.lex.act.match(toks, j + 1) else 0


def _passive_agent(
    ctx: _Ctx, before: Sequence[Token], after: Sequence[Token]
) -> list[Token] | None:
    """The agent after a quotation that completes a passive verb of saying or calling, the
    verb right before it ("were dismissed as “…” by X", "was described as “…” by X", "was
    called “…” by X"); None otherwise."""
    if len(after) < 2 or after[0].norm != "by" or len(before) < 2:
        return None
    k = len(before) - 1
    if before[k].norm == "as":
        k -= 1
    for a in range(max(0, k - 2), k):
        if before[a].norm in _PASSIVE_AUX and all(
            _ly_adverb(x) for x in before[a + 1 : k]
        ):
            break
    else:
        return None
    if not (ctx.lex.act.match(before, k) or ctx.lex.speech.match(before, k)):
        return None
    end = _np_end(after, 1, ctx.lex)
    return list(after[1:end]) or None


def _nearer_cue(ctx: _Ctx, before: Sequence[Token], attr: _Attr) -> bool:
    """Whether a verb of saying after the sentence's frame and before a quotation names the
    quotation's speaker itself: a participle that hangs on a name ("The ad shows Trump saying
    “…”"), or a verb whose complement the quotation is ("Tasnim reported that the commander
    said: “…”"), not the frame's own verb again ("… but said “…”"). Only the tokens from the
    frame's cue on are searched."""
    k0 = bisect.bisect_left(before, attr.cue[0], key=_START)
    tail = before[k0:]
    cues = [c for c in _find_cue(ctx, tail) if c[1] > 0 and tail[c[1]].start >= attr.cue[1]]
    if not cues:
        return False
    kind, ci, ck = cues[-1]
    if kind == "quoting":
        return True  # "reports quoting X as calling the plan a “…”": X
    t, prev = tail[ci], tail[ci - 1]
    if t.norm.endswith("ing") and _is_word(prev) and _is_cap(prev):
        return prev.norm not in _NOT_PERSON
    if kind == "act" and prev.norm not in ("and", "but") and prev.text != ",":
        # "Tasnim reported that Rouhani had described the regime as “…”": the quotation
        # completes the act ("described X as", "called X a", "condemned the"), whose
        # subject said it
        rest = tail[ci + ck :]
        return 0 < len(rest) <= 8 and all(_is_word(x) and not _finite_like(x) for x in rest)
    return (
        kind == "speech"
        and prev.norm not in ("and", "but")
        and prev.text != ","
        and all(x.text in (":", ",") or x.norm in ctx.lex.that for x in tail[ci + ck :])
    )


def _participle_subject(ctx: _Ctx, toks: Sequence[Token], ci: int) -> list[Token] | None:
    """The speaker of a participle of saying: the name it hangs on ("footage of Trump saying
    …"), or after a comma the subject of the main clause ("several groups granted …, saying
    …"). None when the cue is not such a participle."""
    if ci == 0 or not toks[ci].norm.endswith("ing"):
        return None
    if _is_word(toks[ci - 1]) and _is_cap(toks[ci - 1]):
        k = ci
        while k > 0 and _is_word(toks[k - 1]) and _is_cap(toks[k - 1]):
            k -= 1
        if not any(t.norm in _NOT_PERSON for t in toks[k:ci]):
            return list(toks[k:ci])
        # "Trump unleashed tweets early Friday saying …": a date, not a name
        return _clause_subject(ctx, toks[:k]) or None
    if toks[ci - 1].text == "," or toks[ci - 1].norm in ("while", "after", "before", "when"):
        # "…, saying", "… while chanting": the subject of the main clause
        return _clause_subject(ctx, toks[: ci - 1]) or None
    if toks[ci - 1].norm in ctx.lex.report_nouns:
        # "the agency released a statement claiming …": who released it
        return _clause_subject(ctx, toks[:ci]) or None
    if toks[ci - 1].norm == "as":
        # "reports quoting Rouhani as calling Israel a “…”": the one quoted
        for k in range(ci - 2, max(-1, ci - 14), -1):
            if ctx.lex.quoting.match(toks, k) == 1:
                return list(toks[k + 1 : ci - 1]) or None
            if not _is_word(toks[k]) and toks[k].text not in ("'", "\u2019"):
                break
    return None


def _clause_subject(ctx: _Ctx, toks: Sequence[Token]) -> list[Token]:
    """The subject of a main clause: its words up to the first finite-looking verb ("several
    environmental groups granted …" -> "several environmental groups")."""
    toks = _strip_intro(ctx.text, list(toks))
    for k in range(1, min(len(toks), 12)):
        if _finite_like(toks[k]):
            return list(toks[:k])
    return []


def _finite_like(t: Token) -> bool:
    """A lower-case word that looks like a finite verb: an auxiliary, a common irregular past,
    or a longer word in "-ed"."""
    return (
        t.kind == "word"
        and t.text[:1].islower()
        and (
            t.norm in _FINITE
            or t.norm in _IRREGULAR_PAST
            or (t.norm.endswith("ed") and len(t.norm) > 4)
        )
    )
