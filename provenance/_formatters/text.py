"""``--format text``: a readable report grouped by paragraph, for an editor at a terminal."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .._report import SEVERITY_RANK, Claim, Finding, LineIndex, Mention, Report

__all__ = ["format_text"]

_WIDTH = 72
_TAG = re.compile(r"<[^<>]{0,2000}>")


def _clip(s: str, n: int = _WIDTH) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _preview(r: Report, start: int, end: int) -> str:
    text = r.text[start:end]
    if r.format == "html":
        text = html.unescape(_TAG.sub(" ", text))
    return _clip(text, 60)


def _verdict(m: Mention) -> str:
    if m.state_affiliated is True:
        return "STATE-AFFILIATED"
    if m.state_affiliated is False:
        return "not state-affiliated"
    return "affiliation unknown"


def _source(c: Claim, r: Report) -> str:
    parts = []
    if c.source is not None:
        name = c.source.name if c.source.name and c.source.name != c.source.text else None
        parts.append(f"source: {_clip(c.source.text, 40)}" + (f" (= {name})" if name else ""))
    if c.via:
        names = []
        for v in c.via:
            m = r.mention(v)
            if m is not None:
                names.append(m.outlet.name if m.outlet else m.text)
        parts.append("via: " + " ← ".join(names))
    return "; ".join(parts)


def _summary(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    words = [f"{n} {s}{'' if n == 1 else 's'}" for s, n in counts.items() if n]
    return ", ".join(words) if words else "no findings"


def _one(r: Report) -> list[str]:
    lines = LineIndex.of(r.text)
    out: list[str] = []
    name = r.path or "<text>"
    overlays = r.registry_meta.get("overlays") or []
    out.append(
        f"{name}: {_n(len(r.paragraphs), 'paragraph')}, {_n(len(r.mentions), 'source mention')}, "
        f"{_n(len(r.quotes), 'quote')}, {_n(len(r.claims), 'claim')} (as of {r.as_of.isoformat()}, "
        f"registry {r.registry_meta.get('name')} {r.registry_meta.get('version')}"
        + (f" + {', '.join(overlays)}" if overlays else "")
        + ")"
    )
    shown_evidence: set[str] = set()
    paragraphs = r.paragraphs or ((0, len(r.text)),)
    for pi, (ps, pe) in enumerate(paragraphs):
        nxt = paragraphs[pi + 1][0] if pi + 1 < len(paragraphs) else len(r.text) + 1

        def inside(s: int, ps: int = ps, nxt: int = nxt) -> bool:
            return ps <= s < nxt

        ms = [m for m in r.mentions if inside(m.start)]
        cs = [
            c
            for c in r.claims
            if inside(c.start) and not (c.kind == "unattributed" and c.boilerplate)
        ]
        fs = [f for f in r.findings if inside(f.start)]
        if not (ms or cs or fs):
            continue
        line, _ = lines.position(ps)
        out.append("")
        out.append(f"¶{pi + 1} (line {line}): {_preview(r, ps, pe)}")
        if ms:
            out.append("  sources")
            for m in ms:
                ln, col = lines.position(m.start)
                what = m.outlet.name if m.outlet else "generic reference"
                disc = ""
                if m.state_affiliated:
                    disc = (
                        f"; disclosed: “{_clip(m.disclosure.text, 50)}”"
                        if m.disclosure
                        else "; disclosed elsewhere"
                        if m.disclosed
                        else "; NOT disclosed"
                    )
                disputed = " (disputed)" if m.disputed else ""
                out.append(
                    f"    {ln}:{col}  “{m.text}” — {what}: {m.label}{disputed} [{_verdict(m)}]{disc}"
                )
                key = m.outlet.id if m.outlet else ""
                if key and key not in shown_evidence and m.evidence:
                    shown_evidence.add(key)
                    for ev in m.evidence[:2]:
                        out.append(
                            f"          evidence: {ev.publisher}, {ev.date.isoformat()} <{ev.url}>"
                        )
                    if len(m.evidence) > 2:
                        out.append(
                            f"          (+{len(m.evidence) - 2} more: provenance registry show {key})"
                        )
        if cs:
            out.append("  claims")
            for c in cs:
                src = _source(c, r)
                out.append(
                    f"    {c.kind:<12} “{_clip(c.text, 60)}”" + (f"  — {src}" if src else "")
                )
        if fs:
            out.append("  findings")
            for f in fs:
                out.append(
                    f"    {f.line}:{f.column}  {f.severity:<7} {f.rule} {f.name}: {f.message}"
                )
    out.append("")
    out.append(f"{name}: {_summary(r.findings)}")
    return out


def format_text(reports: Sequence[Report]) -> str:
    blocks = []
    for r in reports:
        blocks.append("\n".join(_one(r)))
    if len(reports) > 1:
        allf = [f for r in reports for f in r.findings]
        blocks.append(f"{len(reports)} briefs: {_summary(allf)}")
    return "\n\n".join(blocks) + "\n"


def worst(findings: Sequence[Finding]) -> int:
    return max((SEVERITY_RANK[f.severity] for f in findings), default=0)
