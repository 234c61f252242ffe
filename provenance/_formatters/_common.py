"""Helpers shared by the formatters: ordering, counting, paths and Markdown escaping."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from .._report import SEVERITY_RANK, Finding, Report

__all__ = [
    "SEVERITIES",
    "by_position",
    "count_words",
    "display_path",
    "flat_findings",
    "is_real_path",
    "md_cell",
    "most_severe_first",
    "one_line",
    "plural",
    "printable_path",
    "relative_path",
]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""The severities, most severe first."""

_WS = re.compile(r"\s+")


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def count_words(findings: Iterable[Finding], *, info_word: str = "info") -> str:
    """Findings counted by severity (``1 error, 2 warnings``), or ``no findings``."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    words = [plural(n, info_word if s == "info" else s) for s, n in counts.items() if n]
    return ", ".join(words) if words else "no findings"


def display_path(report: Report) -> str:
    """The brief's path as given on the command line, or ``<text>`` for a string."""
    return report.path or "<text>"


def printable_path(path: str) -> str:
    """A path for one line of plain output: CR and LF shown as ``\\r`` and ``\\n``."""
    return path.replace("\r", "\\r").replace("\n", "\\n")


def is_real_path(path: str | None) -> bool:
    """False for briefs that did not come from a file (a string, or standard input)."""
    return bool(path) and path not in ("-", "<stdin>", "<text>")


def relative_path(path: str) -> str:
    """``path`` relative to the current directory when possible, with forward slashes.

    A relative path is only normalised (``./briefs/../a.md`` → ``a.md``). An absolute path
    inside the current directory is made relative to it; one outside it gets ``../`` steps,
    and stays absolute only when no relative form exists (another drive on Windows).
    """
    p = Path(path)
    if p.is_absolute():
        cwd = Path.cwd()
        try:
            p = p.relative_to(cwd)
        except ValueError:
            try:
                p = Path(os.path.relpath(p, cwd))
            except ValueError:
                return p.as_posix()
    normal = os.path.normpath(p)
    return PurePath(normal).as_posix()


def by_position(item: tuple[str, Finding]) -> tuple[str, int, int, int, str]:
    """Sort key for ``(path, finding)``: path, line, column, most severe first, rule."""
    path, f = item
    return (path, f.line, f.column, -SEVERITY_RANK[f.severity], f.rule)


def most_severe_first(item: tuple[str, Finding]) -> tuple[int, str, int, int, str]:
    """Sort key for ``(path, finding)``: most severe first, then by path and position."""
    path, f = item
    return (-SEVERITY_RANK[f.severity], path, f.line, f.column, f.rule)


def one_line(text: str) -> str:
    """Runs of whitespace, line breaks included, become one space."""
    return _WS.sub(" ", text).strip()


_MD_ESCAPES = {
    "\\": "\\\\",
    "|": "\\|",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    # A zero-width space after "@" keeps GitHub from notifying a user or team whose name
    # happens to follow it (an outlet's handle such as "@PressTV").
    "@": "@&#8203;",
}
_MD_SPECIAL = re.compile("|".join(re.escape(k) for k in _MD_ESCAPES))


def md_cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table (or a line of Markdown).

    Line breaks become spaces; ``|``, backticks, emphasis and link characters are
    backslash-escaped; ``&``, ``<`` and ``>`` become HTML entities, so nothing in a brief can
    open an HTML tag, a code span or a new table cell.
    """
    return _MD_SPECIAL.sub(lambda m: _MD_ESCAPES[m.group(0)], one_line(text))


def flat_findings(
    reports: Sequence[Report], *, suppressed: bool = False
) -> list[tuple[str, Finding]]:
    """``(display path, finding)`` for every finding; suppressed ones only if asked for."""
    return [
        (display_path(r), f) for r in reports for f in r.findings if suppressed or not f.suppressed
    ]
