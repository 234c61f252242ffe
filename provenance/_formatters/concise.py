"""``--format concise``: one line per finding, like ruff or flake8.

``path:line:col: PRV102 [error] message``, sorted by path and position. Suppressed findings
are left out, and nothing else is printed: no header, no summary (an empty output means no
findings), so the lines can be grepped, counted or read by an editor's problem matcher.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._report import Report
from ._common import by_position, flat_findings, one_line, printable_path

__all__ = ["format_concise"]


def format_concise(reports: Sequence[Report]) -> str:
    """One ``path:line:col: CODE [severity] message`` line per unsuppressed finding."""
    lines = [
        f"{printable_path(path)}:{f.line}:{f.column}: {f.rule} [{f.severity}] {one_line(f.message)}"
        for path, f in sorted(flat_findings(reports), key=by_position)
    ]
    return "".join(line + "\n" for line in lines)
