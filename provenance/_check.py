"""The checker: input -> Document -> mentions -> quotes -> claims -> disclosure -> rules -> Report."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import attrs

from ._attribution import SourceRef, analyze
from ._config import Config
from ._disclosure import find_disclosures
from ._document import Document, Format, format_for_suffix, read_document
from ._exceptions import InputError
from ._gcpause import paused
from ._matching import RawMention, find_mentions
from ._model import Controller
from ._quotes import find_quotes
from ._registry import Registry
from ._report import (
    SEVERITY_RANK,
    Claim,
    Disclosure,
    Finding,
    LineIndex,
    Mention,
    OutletRef,
    Quote,
    QuotedTerm,
    Report,
    Severity,
    SourceSpan,
)
from ._rules import Rule, RuleContext
from ._suppress import apply_suppressions
from ._version import __version__

__all__ = ["check", "default_registry", "read_input"]


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The bundled registry, loaded once on first use (a cache, not a mutable singleton)."""
    return Registry.load()


def read_input(path: Path, *, max_bytes: int | None = None) -> str:
    """Read a brief from disk as UTF-8 text, refusing binary and undecodable files."""
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a brief")
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"{path}: {size} bytes is over the limit of {max_bytes} bytes (--max-bytes)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a brief") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file (NUL bytes); not a text brief")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte {exc.start}); save the brief as UTF-8"
        ) from None


def check(
    source: str | Path,
    *,
    registry: Registry | None = None,
    format: Format | None = None,
    as_of: date | None = None,
    rules: Iterable[Rule] | None = None,
    path: str | None = None,
    config: Config | None = None,
) -> Report:
    """Check one brief and return its :class:`Report`.

    ``source`` is the brief's text (``str``) or a file (``pathlib.Path``). ``format`` is
    ``"text"``, ``"markdown"`` or ``"html"`` (by default from the file suffix, else plain text).
    ``as_of`` chooses which affiliation claims apply (default: the brief's front-matter date,
    then the configuration's ``as-of``, else today). ``registry`` defaults to the bundled
    registry. ``config`` selects rules, overrides severities and sets the report level (see
    :class:`Config`); ``rules`` runs exactly these rules at their default severities instead.
    """
    if isinstance(source, Path):
        text = read_input(source)
        path = path or str(source)
        fmt: Format = format or format_for_suffix(source.suffix)
    elif isinstance(source, str):
        text = source
        fmt = format or (format_for_suffix(Path(path).suffix) if path else "text")
    else:
        raise TypeError(f"check() takes a str or a pathlib.Path, not {type(source).__name__}")
    reg = registry if registry is not None else default_registry()
    cfg = config or Config()
    # The checker makes a few objects per character and no reference cycles: the cyclic
    # collector would only walk them, and every object of a large registry, again and again
    # (15-20% of the time on a megabyte). It is paused for the call and restored as it was.
    with paused():
        doc = read_document(text, fmt, path=path)
        day = as_of or doc.date or cfg.as_of or date.today()
        plan: tuple[tuple[Rule, Severity], ...] = (
            tuple((r, r.severity) for r in rules) if rules is not None else cfg.rules_for(path)
        )
        # an undated brief is read as of today, but what it says of an outlet can place it
        # in the past (see _mention)
        dated = bool(as_of or doc.date or cfg.as_of)
        report = _build(doc, reg, day, plan, cfg, dated)
        # The document (a value per sentence and paragraph) is freed now, not at the return:
        # the collector runs as soon as it is restored, and would walk it all once more.
        del doc
    return report


def _build(
    doc: Document,
    reg: Registry,
    day: date,
    plan: tuple[tuple[Rule, Severity], ...],
    cfg: Config,
    dated: bool = True,
) -> Report:
    text = doc.text
    # the prose view's offset map does not change from here on: asked once whether it is the
    # identity, not for each of the thousands of spans
    to_original: Callable[[int, int], tuple[int, int]] = (
        _same_span if doc.map.is_identity else doc.to_original
    )
    raw_mentions, tokens = find_mentions(doc, reg, day)
    disclosures = find_disclosures(doc, tokens, raw_mentions, reg)
    raw_quotes = find_quotes(doc)
    analysis, raw_quotes = analyze(doc, tokens, raw_mentions, raw_quotes, reg)

    # ---- mentions (organizations are context only, never reported)
    mention_ids: dict[int, str] = {}
    mentions: list[Mention] = []
    for idx, rm in enumerate(raw_mentions):
        if rm.kind == "org":
            continue
        mid = f"m{len(mentions) + 1}"
        mention_ids[idx] = mid
        mentions.append(_mention(mid, rm, idx, doc, reg, day, disclosures, dated))

    def via_ids(via: Iterable[int], origin: SourceRef | None = None) -> tuple[str, ...]:
        """Mention ids of a conduit chain, one per outlet (a name and its link are one),
        ordered from the outlet the brief took the words from to the one they started with:
        when the source itself is an outlet, it comes last ("Reuters, citing Tasnim":
        Reuters, then Tasnim)."""
        if not via:
            return ()  # (most claims)
        chain = list(via)
        if origin is not None and origin.mention is not None and origin.mention in chain:
            chain.remove(origin.mention)
            chain.append(origin.mention)
        order: list[str] = []
        chosen: dict[str, int] = {}
        for v in chain:
            if v not in mention_ids:
                continue
            rm = raw_mentions[v]
            key = rm.target or f"#{v}"
            if key not in chosen:
                order.append(key)
                chosen[key] = v
            elif raw_mentions[chosen[key]].via_link and not rm.via_link:
                chosen[key] = v  # the name in the text, rather than its link target
        return tuple(mention_ids[chosen[k]] for k in order)

    def span(ref: SourceRef | None) -> SourceSpan | None:
        if ref is None:
            return None
        s, e = to_original(ref.pstart, ref.pend)
        return SourceSpan(s, e, text[s:e], ref.name)

    # ---- quotes and quoted terms
    quote_ids: dict[int, str] = {}
    quotes: list[Quote] = []
    terms: list[QuotedTerm] = []
    for qi, rq in enumerate(raw_quotes):
        s, e = to_original(rq.start, rq.end)
        if rq.term:
            terms.append(QuotedTerm(s, e, text[s:e]))
            continue
        qid = f"q{len(quotes) + 1}"
        quote_ids[qi] = qid
        info = analysis.quote_info[qi]
        quotes.append(
            Quote(
                qid,
                s,
                e,
                text[s:e],
                span(info.speaker),
                via_ids(info.via, info.speaker),
                quote_ids.get(rq.continues) if rq.continues is not None else None,
            )
        )

    # ---- claims (thousands a megabyte: the helpers are called only for what they change;
    # without a source, conduits or quotes they give None, () and ())
    claims: list[Claim] = []
    identity = doc.map.is_identity
    for rc in analysis.claims:
        s, e = (rc.pstart, rc.pend) if identity else to_original(rc.pstart, rc.pend)
        if e <= s:
            continue
        claims.append(
            Claim(
                f"c{len(claims) + 1}",
                rc.kind,
                s,
                e,
                text[s:e],
                None if rc.source is None else span(rc.source),
                via_ids(rc.via, rc.source) if rc.via else (),
                tuple(quote_ids[q] for q in rc.quotes if q in quote_ids) if rc.quotes else (),
                rc.negated,
                rc.boilerplate,
            )
        )

    boiler = (
        tuple(
            to_original(p.start, p.end)
            for p in doc.paragraphs
            if p.index in analysis.boilerplate_paragraphs
        )
        if analysis.boilerplate_paragraphs
        else ()
    )
    ctx = RuleContext(
        text,
        tuple(mentions),
        tuple(quotes),
        tuple(claims),
        boiler,
        country_names={c.code: c.name for c in reg.countries.values()},
    )
    lines = LineIndex.of(text)
    findings: list[Finding] = []
    for rule, severity in plan:
        rule_ctx = attrs.evolve(ctx, options={**rule.options, **cfg.options(rule)})
        for d in rule.check(rule_ctx):
            findings.append(
                Finding.at(
                    rule.code, rule.name, severity, d.message, d.start, d.end, lines, rule.help
                )
            )
    findings = apply_suppressions(text, doc.comments, findings, lines)
    enabled = {r.code: sev for r, sev in plan}
    floor = SEVERITY_RANK[cfg.report_level]
    # (a finding that already has its configured severity is kept: evolving it would give
    # an equal copy)
    findings = [
        f if f.severity == enabled[f.rule] else attrs.evolve(f, severity=enabled[f.rule])
        for f in findings
        if f.rule in enabled and SEVERITY_RANK[enabled[f.rule]] >= floor
    ]
    findings.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.rule))
    return Report(
        text=text,
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        claims=tuple(claims),
        findings=tuple(findings),
        quoted_terms=tuple(terms),
        as_of=day,
        registry_meta={
            "name": reg.name,
            "version": reg.version,
            "sha256": reg.sha256,
            "overlays": list(reg.overlays),
        },
        version=__version__,
        path=doc.path,
        format=doc.format,
        paragraphs=(
            tuple(map(_SPAN, doc.paragraphs))  # (start, end) as they are, at C speed
            if identity
            else tuple(to_original(p.start, p.end) for p in doc.paragraphs)
        ),
    )


_SPAN = operator.attrgetter("start", "end")


def _same_span(start: int, end: int) -> tuple[int, int]:
    return start, end


def _mention(
    mid: str,
    rm: RawMention,
    idx: int,
    doc: Document,
    reg: Registry,
    day: date,
    disclosures: dict[str, tuple[int, int]],
    dated: bool = True,
) -> Mention:
    text = doc.text
    surface = text[rm.start : rm.end]
    if rm.kind == "generic" and rm.generic is not None:
        g = rm.generic
        ctl = []
        for cid in g.controllers:
            org = reg.organizations.get(cid)
            if org is not None:
                ctl.append(Controller(org.id, org.name, org.type))
        disc = disclosures.get(f"#{idx}")
        return Mention(
            mid,
            rm.start,
            rm.end,
            surface,
            "generic",
            None,
            "generic",
            g.state_affiliated,
            g.label,
            False,
            tuple(ctl),
            disc is not None,
            _disclosure(doc, disc),
            g.country,
        )
    if rm.kind == "unknown" or rm.target is None:
        return Mention(
            mid,
            rm.start,
            rm.end,
            surface,
            "unknown",
            None,
            rm.matched_by,
            None,
            "not in the registry",
            False,
            (),
            False,
            None,
            None,
        )
    outlet = reg.outlets[rm.target]
    aff = reg.affiliation(outlet.id, day)
    if not dated and not aff.state_affiliated and outlet.id in disclosures:
        # an undated brief that calls the outlet state-run or official ("the official news
        # agency Tanjug") was written when it was: the latest period the registry says so
        aff = reg.last_state_affiliation(outlet.id, day) or aff
    disc = disclosures.get(outlet.id) if aff.state_affiliated else None
    evidence = tuple(ev for c in aff.claims for ev in c.evidence)
    return Mention(
        mid,
        rm.start,
        rm.end,
        surface,
        "outlet",
        OutletRef(outlet.id, outlet.name, outlet.country),
        rm.matched_by,
        aff.state_affiliated,
        aff.label,
        aff.disputed,
        aff.controllers,
        disc is not None,
        _disclosure(doc, disc),
        outlet.country,
        evidence,
    )


def _disclosure(doc: Document, span: tuple[int, int] | None) -> Disclosure | None:
    if span is None:
        return None
    s, e = doc.to_original(*span)
    return Disclosure(s, e, doc.text[s:e])
