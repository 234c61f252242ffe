"""``--format github``: GitHub Actions workflow commands, shown as annotations on the lines of
a pull request.

``::error file=briefs/a.md,line=3,col=5,endLine=3,endColumn=13,title=PRV102
undisclosed-affiliation::message`` (one line). Severities map to the annotation types
``error``, ``warning`` and ``notice``. GitHub shows only 10 annotations of each type per
step, so the most severe findings come first and at most 10 of each type are written; a
plain last line counts all findings and says how many were not annotated. Suppressed
findings are not annotated.

Values are escaped as GitHub's runner expects (the rules of ``@actions/core``): in the
message, ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``; in property values also ``:`` →
``%3A`` and ``,`` → ``%2C``. A brief therefore cannot end an annotation early or start a
workflow command of its own.

:func:`step_summary` gives the Markdown for ``$GITHUB_STEP_SUMMARY``, where every finding
is listed, annotated or not.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._report import Finding, Report
from ._common import (
    SEVERITIES,
    count_words,
    display_path,
    flat_findings,
    is_real_path,
    most_severe_first,
    plural,
    printable_path,
    relative_path,
)
from .markdown import format_markdown

__all__ = [
    "ANNOTATION_TYPES",
    "MAX_PER_TYPE",
    "annotation",
    "escape_data",
    "escape_property",
    "format_github",
    "step_summary",
]

MAX_PER_TYPE = 10
"""GitHub keeps at most this many annotations of each type (error, warning, notice) per step."""

ANNOTATION_TYPES: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str | None, f: Finding) -> str:
    """One workflow command for a finding in the brief at ``path`` (None: not from a file).

    ``col`` and ``endColumn`` are given only for a finding on one line: GitHub accepts
    columns for single-line annotations only.
    """
    props: list[tuple[str, str]] = []
    if is_real_path(path):
        assert path is not None
        props.append(("file", relative_path(path)))
        props.append(("line", str(f.line)))
        if f.end_line == f.line:
            props.append(("col", str(f.column)))
            props.append(("endLine", str(f.end_line)))
            props.append(("endColumn", str(f.end_column)))
        elif f.end_line > f.line:
            props.append(("endLine", str(f.end_line)))
    props.append(("title", f"{f.rule} {f.name}"))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{ANNOTATION_TYPES[f.severity]} {joined}::{escape_data(f.message)}"


def _select(reports: Sequence[Report]) -> tuple[list[tuple[str | None, Finding]], int]:
    """The findings to annotate, most severe first, at most ``MAX_PER_TYPE`` per type; and
    how many unsuppressed findings are left over."""
    items = [(r.path, f) for r in reports for f in r.findings if not f.suppressed]
    items.sort(key=lambda item: most_severe_first((item[0] or "", item[1])))
    taken: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    chosen: list[tuple[str | None, Finding]] = []
    for path, f in items:
        if taken[f.severity] < MAX_PER_TYPE:
            taken[f.severity] += 1
            chosen.append((path, f))
    return chosen, len(items) - len(chosen)


def _summary_line(reports: Sequence[Report], not_annotated: int) -> str:
    findings = [f for _, f in flat_findings(reports)]
    suppressed = sum(1 for r in reports for f in r.findings if f.suppressed)
    what = (
        printable_path(display_path(reports[0]))
        if len(reports) == 1
        else plural(len(reports), "brief")
    )
    line = f"provenance: {count_words(findings)} in {what}"
    if not_annotated:
        line += (
            f"; {not_annotated} not annotated (GitHub shows at most {MAX_PER_TYPE} annotations"
            " of each type per step; the job summary lists them all)"
        )
    if suppressed:
        line += f"; {suppressed} suppressed"
    return line


def format_github(reports: Sequence[Report]) -> str:
    """Annotations, most severe first and at most 10 per type, then a summary line."""
    chosen, left_over = _select(reports)
    lines = [annotation(path, f) for path, f in chosen]
    if reports:
        lines.append(_summary_line(reports, left_over))
    return "".join(line + "\n" for line in lines)


def step_summary(reports: Sequence[Report]) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the pull-request comment of ``--format
    markdown`` (the findings in tables), with a note when some were not annotated."""
    text = format_markdown(reports)
    _, left_over = _select(reports)
    if left_over:
        text += (
            f"\n{plural(left_over, 'finding')} listed here had no annotation: GitHub shows at "
            f"most {MAX_PER_TYPE} annotations of each type per step.\n"
        )
    return text
