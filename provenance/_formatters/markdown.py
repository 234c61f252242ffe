"""``--format markdown``: a pull-request comment (GitHub-flavoured Markdown).

A title line with the verdict; then, for each brief with findings, a table of its sources
(outlet, label, state-affiliated, disclosed, claims carried) and a table of its findings.
Briefs without findings get one line, so a clean pull request gets a short comment. Every
piece of text that comes from a brief is escaped for a table cell (see ``md_cell``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._report import SEVERITY_RANK, Finding, Mention, Report
from ._common import by_position, count_words, display_path, md_cell, plural

__all__ = ["MAX_ROWS", "format_markdown", "title", "verdict_icon"]

MAX_ROWS = 50
"""At most this many findings are listed per brief (a GitHub comment holds 65,536
characters); the rest are counted."""

_CODE = re.compile(r"[A-Za-z0-9._-]+")


def _unsuppressed(report: Report) -> list[Finding]:
    return [f for f in report.findings if not f.suppressed]


def verdict_icon(findings: Sequence[Finding]) -> str:
    """❌ with an error, ⚠️ with a warning, else ✅ (infos do not fail a default run)."""
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=0)
    return "❌" if worst >= SEVERITY_RANK["error"] else "⚠️" if worst >= 2 else "✅"


def title(reports: Sequence[Report]) -> str:
    """The title line: icon, counts by severity and what was checked."""
    findings = [f for r in reports for f in _unsuppressed(r)]
    what = md_cell(display_path(reports[0])) if len(reports) == 1 else plural(len(reports), "brief")
    return f"### {verdict_icon(findings)} provenance: {count_words(findings)} in {what}"


def _yes_no(value: bool | None) -> str:
    return "yes" if value is True else "no" if value is False else "unknown"


def _source_name(m: Mention) -> str:
    if m.outlet is not None:
        return md_cell(m.outlet.name)
    what = "generic reference" if m.kind == "generic" else "unknown outlet"
    return f"“{md_cell(m.text)}” ({what})"


def _sources_table(report: Report) -> list[str]:
    groups: dict[str, list[Mention]] = {}
    for m in report.mentions:
        key = m.outlet.id if m.outlet else f"{m.kind}:{m.text.casefold()}"
        groups.setdefault(key, []).append(m)
    if not groups:
        return []
    rows = [
        "| Source | Label | State-affiliated | Disclosed | Claims carried |",
        "|---|---|---|---|---:|",
    ]
    for ms in groups.values():
        first = ms[0]
        ids = {m.id for m in ms}
        carried = sum(1 for c in report.claims if not c.boilerplate and ids & set(c.via))
        disclosed = (
            ("yes" if any(m.disclosed for m in ms) else "**no**")
            if first.state_affiliated is True
            else "—"
        )
        rows.append(
            f"| {_source_name(first)} | {md_cell(first.label)}"
            + (" (disputed)" if first.disputed else "")
            + f" | {_yes_no(first.state_affiliated)} | {disclosed} | {carried} |"
        )
    return rows


def _rule_cell(f: Finding) -> str:
    code = f"`{f.rule}`" if _CODE.fullmatch(f.rule) else md_cell(f.rule)
    return f"{code} {md_cell(f.name)}"


def _findings_table(report: Report, findings: list[Finding]) -> list[str]:
    ordered = [f for _, f in sorted(((display_path(report), f) for f in findings), key=by_position)]
    rows = ["| Location | Severity | Rule | Message |", "|---|---|---|---|"]
    for f in ordered[:MAX_ROWS]:
        rows.append(
            f"| {f.line}:{f.column} | {f.severity} | {_rule_cell(f)} | {md_cell(f.message)} |"
        )
    if len(ordered) > MAX_ROWS:
        rows.append("")
        rows.append(
            f"…and {len(ordered) - MAX_ROWS} more; run `provenance check` on the brief to see "
            "them all."
        )
    return rows


def _suppressed_note(report: Report) -> list[str]:
    n = sum(1 for f in report.findings if f.suppressed)
    return [f"{plural(n, 'finding')} suppressed in the brief."] if n else []


def format_markdown(reports: Sequence[Report]) -> str:
    """The pull-request comment for ``reports``."""
    if not reports:
        return "### ✅ provenance: no briefs checked\n"
    out = [title(reports)]
    clean = [r for r in reports if not _unsuppressed(r)]
    dirty = [r for r in reports if _unsuppressed(r)]
    if len(reports) > 1 and clean:
        out.append("")
        for r in clean:
            n = sum(1 for f in r.findings if f.suppressed)
            more = f" ({n} suppressed)" if n else ""
            out.append(f"- ✅ {md_cell(display_path(r))}: no findings{more}")
    elif clean and _suppressed_note(clean[0]):
        out.extend(["", *_suppressed_note(clean[0])])
    for r in dirty:
        findings = _unsuppressed(r)
        if len(reports) > 1:
            out.append("")
            out.append(
                f"#### {verdict_icon(findings)} {md_cell(display_path(r))}: {count_words(findings)}"
            )
        sources = _sources_table(r)
        if sources:
            out.append("")
            out.extend(sources)
        out.append("")
        out.extend(_findings_table(r, findings))
        note = _suppressed_note(r)
        if note:
            out.append("")
            out.extend(note)
    return "\n".join(out) + "\n"
