"""Inline suppressions in HTML comments (in Markdown, HTML and plain-text briefs)::

    <!-- provenance-disable-next-line PRV102 -- the affiliation is explained in the sidebar -->
    <!-- provenance-disable PRV105 vague-state-source -->  …  <!-- provenance-enable PRV105 -->
    <!-- provenance-disable-file PRV101 -->

Codes or names, separated by spaces or commas; none means every rule. Text after ``--`` is the
reason, kept with each suppressed finding. Suppressed findings stay in the report, marked
``suppressed``; a suppression that suppresses nothing is itself reported (PRV100).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._document import Comment
from ._report import Finding, LineIndex
from ._rules import RULES, rule_by_key

__all__ = ["Directive", "apply_suppressions", "parse_directives"]

_DIRECTIVE = re.compile(
    r"^\s*provenance-(disable-next-line|disable-file|disable|enable)\b(.{0,500}?)(?:\s--\s*(.{0,500}))?\s*$",
    re.S,
)


@attrs.frozen
class Directive:
    kind: str  # "next-line" | "range" | "file" | "enable"
    codes: tuple[str, ...]  # rule codes; empty: every rule
    reason: str | None
    start: int  # original span of the comment
    end: int
    unknown: tuple[str, ...] = ()


def parse_directives(comments: Sequence[Comment]) -> list[Directive]:
    out: list[Directive] = []
    for c in comments:
        m = _DIRECTIVE.match(c.text)
        if not m:
            continue
        kind = {
            "disable-next-line": "next-line",
            "disable-file": "file",
            "disable": "range",
            "enable": "enable",
        }[m.group(1)]
        codes: list[str] = []
        unknown: list[str] = []
        for word in re.split(r"[\s,]+", m.group(2).strip()):
            if not word:
                continue
            rule = rule_by_key(word)
            if rule is None:
                unknown.append(word)
            elif rule.code not in codes:
                codes.append(rule.code)
        reason = (m.group(3) or "").strip() or None
        out.append(Directive(kind, tuple(codes), reason, c.start, c.end, tuple(unknown)))
    return out


def _next_text_line(text: str, lines: LineIndex, offset: int) -> int:
    """The 1-based number of the first line after ``offset``'s line that has text."""
    line, _ = lines.position(offset)
    starts = lines.starts
    n = line  # index of the next line in `starts` (0-based)
    while n < len(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        if text[starts[n] : end].strip():
            return n + 1
        n += 1
    return line + 1


def apply_suppressions(
    text: str, comments: Sequence[Comment], findings: Sequence[Finding], lines: LineIndex
) -> list[Finding]:
    """Mark suppressed findings and add PRV100 for suppressions that suppressed nothing."""
    directives = parse_directives(comments)
    if not directives:
        return list(findings)
    # suppression scopes: (directive index, start offset, end offset or line filter)
    scopes: list[tuple[int, int, int, int | None]] = []
    for i, d in enumerate(directives):
        if d.kind == "file":
            scopes.append((i, 0, len(text), None))
        elif d.kind == "next-line":
            scopes.append((i, 0, len(text), _next_text_line(text, lines, d.end)))
        elif d.kind == "range":
            stop = len(text)
            for e in directives[i + 1 :]:
                if (
                    e.kind == "enable"
                    and e.start >= d.end
                    and (not e.codes or not d.codes or set(d.codes) & set(e.codes))
                ):
                    stop = e.start
                    break
            scopes.append((i, d.end, stop, None))
    used: dict[int, set[str]] = {i: set() for i in range(len(directives))}
    out: list[Finding] = []
    for f in findings:
        hit: tuple[int, str | None] | None = None
        for i, start, stop, line in scopes:
            d = directives[i]
            if d.codes and f.rule not in d.codes:
                continue
            if line is not None:
                if f.line != line:
                    continue
            elif not (start <= f.start < stop):
                continue
            hit = (i, d.reason)
            used[i].add(f.rule)
            break
        out.append(attrs.evolve(f, suppressed=True, suppression=hit[1] or "") if hit else f)
    rule = next(r for r in RULES if r.code == "PRV100")
    for i, d in enumerate(directives):
        if d.kind == "enable":
            continue
        problems: list[str] = [f"no rule is called {u!r}" for u in d.unknown]
        if d.codes:
            problems.extend(f"{c} suppressed nothing" for c in d.codes if c not in used[i])
        elif not used[i]:
            problems.append("it suppressed nothing")
        if problems:
            message = "Unused suppression: " + "; ".join(problems) + "."
            out.append(
                Finding.at(
                    rule.code, rule.name, rule.severity, message, d.start, d.end, lines, rule.help
                )
            )
    return out
