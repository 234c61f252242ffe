"""``--format html``: the brief itself, with its sources made visible, for a standards editor.

One self-contained page (inline CSS and SVG; no script, no external request: a
Content-Security-Policy forbids both, so the page opens offline and survives being emailed).
For each brief:

- a summary: findings by severity, a sources table (outlet, label, disclosure, claims carried)
  and an inline-SVG bar chart of claims by source type;
- the brief as written, paragraph by paragraph, with inline ``<mark>``/``<span>`` elements
  around the exact text of every mention, quote, claim, disclosure and finding — the text
  between the tags is the brief's, so the page can be read, searched and copied;
- beside each paragraph, its findings as notes: rule, severity, message, what to write instead.

Highlights are placed by the report's offsets, never by searching the text again (style
note 7). Mentions, quotes and claims can overlap: :func:`_nest` turns the spans into a proper
nesting, splitting an element where it would cross another. A mention's card (outlet,
controller, label, disclosure, evidence) sits inside its ``<mark>``, hidden until the mark is
hovered or focused; hidden cards are not part of the page's text for find or copy.

Every piece of text from a brief or a registry goes through :func:`html.escape`; links are
made only of ``http``/``https`` evidence URLs.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

import attrs

from .._report import SEVERITY_RANK, Claim, Finding, Mention, Report
from .._rules import RULES
from ._common import count_words, display_path, plural

__all__ = ["MAX_EVIDENCE", "Span", "format_html", "nest"]

MAX_EVIDENCE = 6
"""At most this many evidence links per card; the rest are counted."""

_RULES = {r.code: r for r in RULES}
_BLANK_LINES = re.compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_SEVERITY_MARK = {"error": "✖", "warning": "▲", "info": "ℹ"}


def _e(text: str) -> str:
    """Text made safe for HTML content and double-quoted attribute values."""
    return html.escape(text, quote=True)


# --------------------------------------------------------------------------- nesting
@attrs.frozen
class Span:
    """An element to wrap around ``text[start:end]``.

    ``rank`` orders spans with the same start and end (lower is outer). ``first`` holds the
    attributes of the piece that opens at ``start``; later pieces (after a split) get
    ``rest``. ``tail`` is HTML placed inside the first piece just before it closes.
    """

    start: int
    end: int
    rank: int
    tag: str
    first: str
    rest: str
    tail: str = ""


def nest(text: str, spans: Sequence[Span], start: int, end: int) -> str:
    """``text[start:end]`` escaped, with ``spans`` as properly nested elements.

    An element that would cross another is closed where the other one closes and reopened
    after it (the later pieces carry ``Span.rest``). Spans are clipped to ``[start, end)``;
    empty ones are left out. The first piece of a span is the one that opens at its start.
    Spans with the same start nest longest outside, then by ``rank``.

    One sweep over the span boundaries: the open elements stay sorted by (start, longest
    first, rank), so a span that ends closes only the elements opened after it.
    """
    opening: dict[int, list[int]] = {}
    closing: dict[int, set[int]] = {}
    for i, s in enumerate(spans):
        a, b = max(s.start, start), min(s.end, end)
        if a < b:
            opening.setdefault(a, []).append(i)
            closing.setdefault(b, set()).add(i)
    points = sorted({start, end, *opening, *closing})
    stack: list[int] = []
    out: list[str] = []
    first_open: set[int] = set()

    def key(i: int) -> tuple[int, int, int, int]:
        s = spans[i]
        return (s.start, -s.end, s.rank, i)

    def close(i: int) -> None:
        if i in first_open:
            out.append(spans[i].tail)
            first_open.discard(i)
        out.append(f"</{spans[i].tag}>")

    for a, b in itertools.pairwise(points):
        ending = closing.get(a, set())
        cut = next((k for k, i in enumerate(stack) if i in ending), len(stack))
        reopen = [i for i in stack[cut:] if i not in ending]
        for i in reversed(stack[cut:]):
            close(i)
        del stack[cut:]
        for i in sorted([*reopen, *opening.get(a, [])], key=key):
            s = spans[i]
            if a == s.start:
                first_open.add(i)
            out.append(f"<{s.tag}{s.first if a == s.start else s.rest}>")
            stack.append(i)
        out.append(_e(text[a:b]))
    for i in reversed(stack):
        close(i)
    return "".join(out)


def _blocks(text: str) -> list[tuple[int, int]]:
    """The brief's paragraphs: runs of text between blank lines, without trailing whitespace
    (whitespace-only runs are dropped)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLANK_LINES.finditer(text), None]:
        a, b = pos, (m.start() if m else len(text))
        b = a + len(text[a:b].rstrip())
        if b > a:
            out.append((a, b))
        if m:
            pos = m.end()
    return out


# --------------------------------------------------------------------------- pieces
def _attrs(**values: str | None) -> str:
    return "".join(
        f' {k.rstrip("_").replace("_", "-")}="{_e(v)}"' for k, v in values.items() if v is not None
    )


def _verdict(m: Mention) -> tuple[str, str, str]:
    """(css class, badge word, sentence) for a mention's affiliation."""
    if m.state_affiliated is True:
        return "aff-state", "state", "yes"
    if m.state_affiliated is False:
        return "aff-independent", "independent", "no"
    return "aff-unknown", "unknown", "unknown"


def _source_name(m: Mention) -> str:
    if m.outlet is not None:
        return m.outlet.name
    return f"“{m.text}”"


def _safe_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _card(m: Mention, card_id: str) -> str:
    _, _, verdict = _verdict(m)
    if m.outlet is not None:
        kind = f"outlet · {m.outlet.country}"
    elif m.kind == "generic":
        kind = "generic reference" + (f" · {m.country}" if m.country else "")
    else:
        kind = "outlet not in the registry"
    rows = [
        f'<span class="card-title"><strong>{_e(_source_name(m))}</strong> '
        f'<span class="card-kind">{_e(kind)}</span></span>',
        _row("Label", _e(m.label) + (" <strong>(disputed)</strong>" if m.disputed else "")),
        _row("State-affiliated", _e(verdict)),
    ]
    if m.controllers:
        rows.append(
            _row(
                "Controller" if len(m.controllers) == 1 else "Controllers",
                "; ".join(
                    f"{_e(c.name)} <span class=\"muted\">({_e(c.type.replace('_', ' '))})</span>"
                    for c in m.controllers
                ),
            )
        )
    if m.disclosed and m.disclosure is not None:
        disclosure = f"✓ disclosed in the brief: “{_e(m.disclosure.text)}”"
    elif m.disclosed:
        disclosure = "✓ disclosed in the brief"
    elif m.state_affiliated is True:
        disclosure = "✗ <strong>not disclosed</strong> anywhere in the brief"
    else:
        disclosure = "✗ not disclosed (no state affiliation to disclose)" if (
            m.state_affiliated is False
        ) else "✗ not disclosed (affiliation unknown)"
    rows.append(_row("Disclosure", disclosure))
    rows.append(_row("Matched by", _e(m.matched_by)))
    if m.evidence:
        links = []
        for ev in m.evidence[:MAX_EVIDENCE]:
            words = f"{ev.publisher}, {ev.date.isoformat()} ({ev.type})"
            if _safe_url(ev.url):
                about = ev.summary or ev.quote
                links.append(
                    f'<span class="ev"><a href="{_e(ev.url)}" rel="noopener noreferrer"'
                    f"{_attrs(title=about)}>{_e(words)}</a></span>"
                )
            else:
                links.append(f'<span class="ev">{_e(words)}: {_e(ev.url)}</span>')
        more = len(m.evidence) - MAX_EVIDENCE
        if more > 0 and m.outlet is not None:
            links.append(
                f'<span class="ev muted">+{more} more: '
                f"<code>provenance registry show {_e(m.outlet.id)}</code></span>"
            )
        rows.append(_row("Evidence", "".join(links)))
    return f'<span class="card" id="{_e(card_id)}">{"".join(rows)}</span>'


def _row(key: str, value: str) -> str:
    return f'<span class="card-row"><span class="k">{_e(key)}</span> <span class="v">{value}</span></span>'


def _claim_title(c: Claim, by_id: Mapping[str, Mention]) -> str:
    parts = [f"{c.kind} claim"]
    if c.source is not None:
        name = c.source.name if c.source.name and c.source.name != c.source.text else None
        parts.append(f"source: {c.source.text}" + (f" (= {name})" if name else ""))
    names = []
    for v in c.via:
        m = by_id.get(v)
        if m is not None:
            names.append(_source_name(m))
    if names:
        parts.append("via " + " ← ".join(names))
    if c.negated:
        parts.append("negated")
    if c.boilerplate:
        parts.append("publisher boilerplate")
    return "; ".join(parts)


def _numbered(r: Report) -> list[Finding]:
    """The report's unsuppressed findings, in reading order (most severe first on a tie)."""
    return sorted(
        (f for f in r.findings if not f.suppressed),
        key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.end, f.rule),
    )


def _spans(
    r: Report, p: str, findings: Sequence[Finding], by_id: Mapping[str, Mention]
) -> list[Span]:
    """Every element to place in the brief ``r`` (ids prefixed with ``p``)."""
    spans: list[Span] = []
    for c in r.claims:
        cls = f"claim claim-{c.kind}" + (" boilerplate" if c.boilerplate else "")
        title = _claim_title(c, by_id)
        spans.append(
            Span(
                c.start,
                c.end,
                0,
                "span",
                _attrs(class_=cls + " first", id=f"{p}-{c.id}", title=title, data_kind=c.kind),
                _attrs(class_=cls, title=title),
            )
        )
    for q in r.quotes:
        who = q.speaker.name or q.speaker.text if q.speaker else "no speaker"
        title = f"quotation; speaker: {who}"
        spans.append(
            Span(
                q.start,
                q.end,
                1,
                "span",
                _attrs(class_="quote first", id=f"{p}-{q.id}", title=title),
                _attrs(class_="quote", title=title),
            )
        )
    seen: set[tuple[int, int]] = set()
    for src in [*(c.source for c in r.claims), *(q.speaker for q in r.quotes)]:
        if src is None or (src.start, src.end) in seen:
            continue
        seen.add((src.start, src.end))
        title = "source" + (f": {src.name}" if src.name and src.name != src.text else "")
        spans.append(Span(src.start, src.end, 2, "span", _attrs(class_="source", title=title),
                          _attrs(class_="source", title=title)))
    seen = set()
    for m in r.mentions:
        d = m.disclosure
        if d is None or (d.start, d.end) in seen:
            continue
        seen.add((d.start, d.end))
        title = "disclosure of an affiliation"
        spans.append(Span(d.start, d.end, 3, "span", _attrs(class_="disclosure first", title=title),
                          _attrs(class_="disclosure", title=title)))
    for n, f in enumerate(findings, 1):
        cls = f"finding sev-{f.severity}"
        title = f"{n}: {f.rule} {f.name} ({f.severity}): {f.message}"
        spans.append(
            Span(
                f.start,
                f.end,
                4,
                "span",
                _attrs(class_=cls + " first", id=f"{p}-f{n}", data_n=str(n), title=title),
                _attrs(class_=cls, title=title),
            )
        )
    for m in r.mentions:
        aff, badge, _ = _verdict(m)
        cls = f"mention {aff}" + (" undisclosed" if m.state_affiliated and not m.disclosed else "")
        card_id = f"{p}-card-{m.id}"
        spans.append(
            Span(
                m.start,
                m.end,
                5,
                "mark",
                _attrs(
                    class_=cls + " first",
                    id=f"{p}-{m.id}",
                    tabindex="0",
                    data_badge=badge,
                    aria_describedby=card_id,
                ),
                _attrs(class_=cls),
                _card(m, card_id),
            )
        )
    if r.format == "html":
        for t in _TAG.finditer(r.text):
            spans.append(Span(t.start(), t.end(), 6, "span", ' class="markup"', ' class="markup"'))
    return spans


# --------------------------------------------------------------------------- the summary
_CHART = (
    ("state", "via state-affiliated media"),
    ("independent", "via independent media"),
    ("unknown", "via media of unknown affiliation"),
    ("named", "named source, no outlet"),
    ("unattributed", "unattributed (author's voice)"),
)


def _claim_source_type(c: Claim, by_id: Mapping[str, Mention]) -> str:
    ms = [by_id[v] for v in c.via if v in by_id]
    if any(m.state_affiliated is True for m in ms):
        return "state"
    if any(m.state_affiliated is False for m in ms):
        return "independent"
    if ms:
        return "unknown"
    return "unattributed" if c.kind == "unattributed" else "named"


def _chart(r: Report, p: str, by_id: Mapping[str, Mention]) -> str:
    claims = [c for c in r.claims if not c.boilerplate]
    counts = dict.fromkeys((k for k, _ in _CHART), 0)
    for c in claims:
        counts[_claim_source_type(c, by_id)] += 1
    top = max(counts.values(), default=0) or 1
    label_w, bar_w, row_h = 230, 260, 26
    height = row_h * len(_CHART) + 8
    rows = []
    for i, (key, words) in enumerate(_CHART):
        y = 4 + i * row_h
        n = counts[key]
        w = round(bar_w * n / top)
        rows.append(
            f'<g class="bar bar-{key}"><text x="{label_w - 8}" y="{y + 17}" text-anchor="end">'
            f"{_e(words)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1)}" height="{row_h - 8}" rx="2"/>'
            f'<text class="count" x="{label_w + max(w, 1) + 6}" y="{y + 17}">{n}</text></g>'
        )
    desc = "; ".join(f"{words}: {counts[key]}" for key, words in _CHART)
    return (
        f'<figure class="chart"><svg role="img" aria-labelledby="{p}-chart-t {p}-chart-d" '
        f'viewBox="0 0 {label_w + bar_w + 40} {height}" width="{label_w + bar_w + 40}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{p}-chart-t">Claims by source type</title>'
        f'<desc id="{p}-chart-d">{_e(desc)}</desc>{"".join(rows)}</svg>'
        f"<figcaption>Claims by source type ({plural(len(claims), 'claim')}; publisher "
        "boilerplate not counted)</figcaption></figure>"
    )


def _source_key(m: Mention) -> str:
    return m.outlet.id if m.outlet else f"{m.kind}:{m.text.casefold()}"


def _sources_table(r: Report, p: str, by_id: Mapping[str, Mention]) -> str:
    groups: dict[str, list[Mention]] = {}
    for m in r.mentions:
        groups.setdefault(_source_key(m), []).append(m)
    if not groups:
        return '<p class="muted">The brief cites no outlet.</p>'
    carried: Counter[str] = Counter()
    for c in r.claims:
        if not c.boilerplate:
            carried.update({_source_key(by_id[v]) for v in c.via if v in by_id})
    rows = []
    for key, ms in groups.items():
        first = ms[0]
        aff, badge, _ = _verdict(first)
        controllers = "; ".join(_e(c.name) for c in first.controllers) or (
            '<span class="muted">—</span>'
        )
        if first.state_affiliated is True:
            disclosed = (
                "✓ yes" if any(m.disclosed for m in ms) else '<strong class="bad">✗ no</strong>'
            )
        else:
            disclosed = '<span class="muted">—</span>'
        kind = "" if first.outlet else (
            " <span class=\"muted\">(generic reference)</span>" if first.kind == "generic"
            else " <span class=\"muted\">(not in the registry)</span>"
        )
        rows.append(
            f'<tr><th scope="row"><a href="#{_e(p)}-{_e(first.id)}">{_e(_source_name(first))}</a>'
            f"{kind}</th>"
            f"<td>{_e(first.label)}{' (disputed)' if first.disputed else ''}</td>"
            f"<td>{controllers}</td>"
            f'<td><span class="pill {aff}">{_e(badge)}</span></td>'
            f"<td>{disclosed}</td><td class=\"num\">{len(ms)}</td>"
            f'<td class="num">{carried[key]}</td></tr>'
        )
    return (
        '<table class="sources"><caption>Sources cited</caption><thead><tr>'
        '<th scope="col">Source</th><th scope="col">Label</th><th scope="col">Controlled by</th>'
        '<th scope="col">State-affiliated</th><th scope="col">Disclosed</th>'
        '<th scope="col" class="num">Mentions</th><th scope="col" class="num">Claims carried</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _counts(r: Report, findings: Sequence[Finding]) -> str:
    kinds = {k: sum(1 for c in r.claims if c.kind == k and not c.boilerplate)
             for k in ("quoted", "attributed", "unattributed")}
    suppressed = sum(1 for f in r.findings if f.suppressed)
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=0)
    verdict = "error" if worst >= 3 else "warning" if worst == 2 else "clean"
    icon = {"error": "✖", "warning": "▲", "clean": "✓"}[verdict]
    items = [
        f'<li class="verdict verdict-{verdict}"><span aria-hidden="true">{icon}</span> '
        f"{_e(count_words(findings))}"
        + (f" ({plural(suppressed, 'finding')} suppressed in the brief)" if suppressed else "")
        + "</li>",
        f"<li>{plural(len(r.mentions), 'source mention')}, "
        f"{plural(sum(kinds.values()), 'claim')}: {kinds['quoted']} quoted, "
        f"{kinds['attributed']} attributed, {kinds['unattributed']} unattributed</li>",
        f"<li>Affiliations as of {_e(r.as_of.isoformat())}, registry "
        f"{_e(str(r.registry_meta.get('version', '?')))}</li>",
    ]
    return f'<ul class="counts">{"".join(items)}</ul>'


# --------------------------------------------------------------------------- notes
def _note(f: Finding, n: int, p: str, target: str) -> str:
    rule = _RULES.get(f.rule)
    if rule is not None:
        instead = rule.instead
    else:
        instead = f.help.split(" Instead: ", 1)[1] if " Instead: " in f.help else ""
    parts = [
        f'<li class="note sev-{_e(f.severity)}" id="{_e(p)}-note{n}" value="{n}">',
        f'<span class="note-head"><span class="n">{n}.</span> <span class="sev" aria-hidden="true">'
        f"{_SEVERITY_MARK.get(f.severity, '')}</span> "
        f'<span class="sev-word">{_e(f.severity)}</span> '
        f"<code>{_e(f.rule)}</code> {_e(f.name)}</span>",
        f'<span class="note-msg">{_e(f.message)}</span>',
    ]
    if instead:
        parts.append(f'<span class="note-instead"><strong>Instead:</strong> {_e(instead)}</span>')
    parts.append(
        f'<a class="note-where" href="#{_e(target)}">line {f.line}, column {f.column}</a></li>'
    )
    return "".join(parts)


def _suppressed(r: Report) -> str:
    """Findings silenced by a suppression comment in the brief, with the reasons given."""
    items = [
        f"<li><code>{_e(f.rule)}</code> {_e(f.name)}, line {f.line}: {_e(f.message)} "
        f'<span class="muted">— {_e(f.suppression or "no reason given")}</span></li>'
        for f in r.findings
        if f.suppressed
    ]
    if not items:
        return ""
    return (
        f'<details class="suppressed"><summary>{plural(len(items), "finding")} suppressed in '
        f'the brief</summary><ul>{"".join(items)}</ul></details>'
    )


# --------------------------------------------------------------------------- the page
def _article(r: Report, index: int) -> str:
    p = f"r{index}"
    findings = _numbered(r)
    by_id = {m.id: m for m in r.mentions}
    spans = _spans(r, p, findings, by_id)
    blocks = _blocks(r.text)
    ends = [e for _, e in blocks]
    notes: dict[int, list[str]] = {}
    for n, f in enumerate(findings, 1):
        # the paragraph the finding starts in (or the next one, or the last)
        b = min(bisect.bisect_right(ends, f.start), max(len(blocks) - 1, 0))
        s, e = blocks[b] if blocks else (0, 0)
        target = f"{p}-f{n}" if max(f.start, s) < min(f.end, e) else f"{p}-p{b + 1}"
        notes.setdefault(b, []).append(_note(f, n, p, target))
    rows = []
    for i, (s, e) in enumerate(blocks):
        body = nest(r.text, spans, s, e)
        aside = (
            f'<ol class="notes" aria-label="Findings in paragraph {i + 1}">{"".join(notes[i])}</ol>'
            if i in notes
            else '<div class="notes empty"></div>'
        )
        rows.append(f'<div class="row"><p class="para" id="{p}-p{i + 1}">{body}</p>{aside}</div>')
    if not blocks:
        rows.append('<p class="muted">The brief is empty.</p>')
    path = display_path(r)
    return (
        f'<article class="report" id="{p}" aria-labelledby="{p}-h">'
        f'<h2 id="{p}-h"><span class="muted">Brief:</span> {_e(path)}</h2>'
        f'<section class="summary" aria-label="Summary of {_e(path)}">'
        f"\n{_counts(r, findings)}\n"
        f'<div class="summary-grid">{_sources_table(r, p, by_id)}\n{_chart(r, p, by_id)}</div>'
        f"{_suppressed(r)}</section>\n"
        f'<section class="brief" aria-label="The brief, annotated" id="{p}-brief">'
        "\n" + "\n".join(rows) + "\n</section></article>"
    )


_LEGEND = (
    '<details class="legend" open><summary>How to read the page</summary><ul>'
    '<li><mark class="mention aff-state sample" data-badge="state">Outlet</mark> a '
    "state-affiliated outlet; <mark class=\"mention aff-state undisclosed sample\" "
    'data-badge="state">Outlet</mark> one the brief does not disclose; '
    '<mark class="mention aff-independent sample" data-badge="independent">Outlet</mark> '
    'not state-affiliated; <mark class="mention aff-unknown sample" data-badge="unknown">'
    "media</mark> affiliation unknown. Hover over an outlet, or move to it with the Tab key, "
    "for its card: controller, label, disclosure and evidence.</li>"
    '<li><span class="claim claim-quoted first sample" data-kind="quoted">words</span> a quoted '
    'claim (<span class="quote sample">the words inside the marks</span>); '
    '<span class="claim claim-attributed first sample" data-kind="attributed">content</span> '
    'an attributed claim, its <span class="source sample">source</span> in bold; '
    '<span class="claim claim-unattributed first sample" data-kind="unattributed">text</span> '
    "the author's own, unattributed claim.</li>"
    '<li><span class="disclosure first sample">which is state-run</span> words that disclose an '
    'affiliation; <span class="finding sev-error first sample" data-n="1">a finding</span> '
    "numbered as in the notes beside the paragraph (✖ error, ▲ warning, ℹ info).</li>"
    "</ul></details>"
)

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_CSS = """
:root{--ink:#1b1b1b;--muted:#555;--line:#c8c8c8;--bg:#fff;
--state:#fde2e1;--state-b:#a4161a;--indep:#e1f2e3;--indep-b:#1e6b2b;--unk:#fff1c2;--unk-b:#7a5200;
--quoted:#e7effd;--quoted-b:#1f4fa3;--attr:#f1e9fb;--attr-b:#5b2a86;--unattr-b:#666;
--error:#a4161a;--warning:#8a4b00;--info:#1f4fa3}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:#0b4fa8}a:focus-visible,[tabindex]:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1em;top:1em;background:#fff;padding:.3em .6em;z-index:9}
header.top{padding:1em 2rem;border-bottom:1px solid var(--line)}
header.top h1{margin:0;font-size:1.4em}header.top p{margin:.2em 0 0;color:var(--muted)}
main{padding:0 2rem 3em;max-width:80rem}
h2{font-size:1.25em;margin:1.5em 0 .5em}.muted{color:var(--muted)}
.counts{list-style:none;padding:0;margin:.4em 0 1em}.counts li{margin:.1em 0}
.verdict{font-weight:600}.verdict-error{color:var(--error)}.verdict-warning{color:var(--warning)}
.summary-grid{display:flex;flex-wrap:wrap;gap:1.5em 2.5em;align-items:flex-start}
table.sources{border-collapse:collapse;font-size:.92em}
table.sources caption{text-align:left;font-weight:600;padding-bottom:.3em}
table.sources th,table.sources td{border-bottom:1px solid var(--line);padding:.3em .6em;text-align:left;vertical-align:top}
table.sources thead th{border-bottom:2px solid var(--ink)}.num{text-align:right!important}
.bad{color:var(--error)}
.pill{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.85em;border:1px solid}
.pill.aff-state{background:var(--state);border-color:var(--state-b)}
.pill.aff-independent{background:var(--indep);border-color:var(--indep-b)}
.pill.aff-unknown{background:var(--unk);border-color:var(--unk-b)}
figure.chart{margin:0}figure.chart figcaption{font-size:.85em;color:var(--muted)}
figure.chart svg{max-width:100%;height:auto;font:13px system-ui,sans-serif}
figure.chart text{fill:#1b1b1b}figure.chart rect{stroke:#1b1b1b;stroke-width:.5}
.bar-state rect{fill:#d9534f}.bar-independent rect{fill:#3c9a4e}.bar-unknown rect{fill:#e0b000}
.bar-named rect{fill:#6b8fd6}.bar-unattributed rect{fill:#9a9a9a}
.legend{margin:1em 0;font-size:.92em;border:1px solid var(--line);border-radius:4px;padding:.4em .9em}
.legend summary,.suppressed summary{font-weight:600;cursor:pointer}
.suppressed{margin:1em 0;font-size:.92em}.legend ul{margin:.4em 0;padding-left:1.2em}
.brief{margin-top:1em}
.row{display:grid;grid-template-columns:minmax(0,44rem) minmax(14rem,1fr);gap:2rem;align-items:start}
.para{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 1.1em;line-height:2.05}
.notes{list-style:none;margin:0 0 1.1em;padding:0;font-size:.88em;line-height:1.45}
.note{border-left:4px solid;padding:.35em .6em;margin:0 0 .6em;background:#f7f7f7}
.note-head,.note-msg,.note-instead,.note-where{display:block}
.note-head .n{font-weight:700}
.note.sev-error{border-color:var(--error)}.note.sev-warning{border-color:var(--warning)}.note.sev-info{border-color:var(--info)}
.note .sev-word{font-weight:700;text-transform:uppercase;font-size:.85em;letter-spacing:.04em}
.note.sev-error .sev,.note.sev-error .sev-word{color:var(--error)}
.note.sev-warning .sev,.note.sev-warning .sev-word{color:var(--warning)}
.note.sev-info .sev,.note.sev-info .sev-word{color:var(--info)}
.note-instead{margin-top:.2em}.note-where{font-size:.9em;margin-top:.2em}
.claim{padding:.12em 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.claim-quoted{background:var(--quoted);border-bottom:2px solid var(--quoted-b)}
.claim-attributed{background:var(--attr);border-bottom:2px dotted var(--attr-b)}
.claim-unattributed{border-bottom:1px dashed var(--unattr-b)}
.claim.boilerplate{background:none;border-bottom:none;color:var(--muted)}
.claim.first::before,.mention.first::before,.finding.first::before,.disclosure.first::before{
font:600 .62em/1 system-ui,sans-serif;vertical-align:.45em;margin-right:.2em;padding:.1em .3em;border-radius:3px;
white-space:nowrap;font-style:normal;letter-spacing:.02em}
.claim.first::before{content:attr(data-kind);text-transform:uppercase;border:1px solid;background:#fff}
.claim-quoted.first::before{color:var(--quoted-b)}.claim-attributed.first::before{color:var(--attr-b)}
.claim-unattributed.first::before{color:#444}.claim.boilerplate.first::before{content:"boilerplate";color:var(--muted)}
.quote{font-style:italic}
.source{font-weight:700}
.disclosure{text-decoration:underline wavy var(--indep-b);text-underline-offset:.25em}
.disclosure.first::before{content:"✓ disclosure";color:var(--indep-b);border:1px solid;background:#fff}
.finding{box-shadow:inset 0 -3px 0 var(--sevc)}
.finding.sev-error{--sevc:var(--error)}.finding.sev-warning{--sevc:var(--warning)}.finding.sev-info{--sevc:var(--info)}
.finding.first::before{content:attr(data-n) " ▲";color:#fff;background:var(--sevc)}
.finding.sev-error.first::before{content:attr(data-n) " ✖"}
.finding.sev-info.first::before{content:attr(data-n) " ℹ"}
.finding:target{outline:3px solid var(--sevc);outline-offset:2px}
mark.mention{position:relative;color:inherit;padding:.1em .15em;border-radius:3px;border:2px solid;cursor:help}
mark.aff-state{background:var(--state);border-color:var(--state-b)}
mark.aff-state.undisclosed{border-style:double;border-width:4px}
mark.aff-independent{background:var(--indep);border-color:var(--indep-b);border-style:dotted}
mark.aff-unknown{background:var(--unk);border-color:var(--unk-b);border-style:dashed}
mark.mention.first::before{content:attr(data-badge);border:1px solid;background:#fff}
mark.aff-state.first::before{content:"▲ state";color:var(--state-b)}
mark.aff-state.undisclosed.first::before{content:"▲ state, undisclosed"}
mark.aff-independent.first::before{content:"● independent";color:var(--indep-b)}
mark.aff-unknown.first::before{content:"? unknown";color:var(--unk-b)}
mark.mention:target{outline:3px solid #1a1a1a}
.card{display:none;position:absolute;left:0;top:100%;z-index:10;margin-top:.35em;width:min(26rem,80vw);
background:#fff;color:var(--ink);border:1px solid #333;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25);
padding:.55em .75em;font:normal 400 .85rem/1.45 system-ui,sans-serif;white-space:normal;text-align:left;cursor:auto}
mark.mention:hover>.card,mark.mention:focus>.card,mark.mention:focus-within>.card{display:block}
.card-title,.card-row,.ev{display:block}.card-title{font-size:1.05em;margin-bottom:.25em}
.card-kind{color:var(--muted);font-size:.9em}.card-row .k{font-weight:600}.ev{margin-left:.8em}
.ev::before{content:"↗ ";color:var(--muted)}
.markup{color:var(--muted);font-size:.85em;font-family:ui-monospace,monospace}
.sample::before{font-size:.55em!important}
@media (max-width:60rem){.row{grid-template-columns:1fr;gap:0}.notes.empty{display:none}}
@media print{
body{font-size:11pt}main,header.top{padding:0}.skip,.legend{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.card{display:none!important}a{color:inherit}
.row{grid-template-columns:minmax(0,1fr) 16rem;gap:1.2rem}
.note,.row,tr,figure{break-inside:avoid}article.report+article.report{break-before:page}
}
"""


def _page(body: Iterable[str], title: str, nav: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>\n<body>"
        '<a class="skip" href="#r1-brief">Skip to the brief</a>'
        f'<header class="top"><h1>{_e(title)}</h1>'
        "<p>Where the brief's claims come from: who says so, through which outlet, "
        "and who controls that outlet.</p></header>\n"
        f"<main>{_LEGEND}{nav}" + "\n".join(body) + "</main>\n</body></html>\n"
    )


def format_html(reports: Sequence[Report]) -> str:
    """One self-contained HTML page for ``reports``."""
    if not reports:
        return _page(['<p class="muted">No briefs checked.</p>'], "provenance: no briefs checked")
    title = (
        f"provenance: {display_path(reports[0])}"
        if len(reports) == 1
        else f"provenance: {plural(len(reports), 'brief')}"
    )
    nav = ""
    if len(reports) > 1:
        items = "".join(
            f'<li><a href="#r{i}">{_e(display_path(r))}</a>: '
            f"{_e(count_words([f for f in r.findings if not f.suppressed]))}</li>"
            for i, r in enumerate(reports, 1)
        )
        nav = f'<nav aria-label="Briefs"><ul>{items}</ul></nav>'
    return _page((_article(r, i) for i, r in enumerate(reports, 1)), title, nav)
