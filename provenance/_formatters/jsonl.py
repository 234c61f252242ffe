"""``--format jsonl``: JSON Lines, one compact report object per brief, in input order.

Each line is ``Report.to_dict()`` (the report contract, DESIGN §6) on one line, so a run over
many files can be streamed and read line by line (``jq -c``, ``pandas.read_json(lines=True)``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .._report import Report

__all__ = ["format_jsonl"]

# Characters that JSON allows raw inside strings but that some line splitters (Python's
# str.splitlines among them) treat as line breaks. Escaping them keeps one report per line.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one(report: Report) -> str:
    line = json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _LINE_BREAKS.items():
        line = line.replace(raw, escaped)
    return line


def format_jsonl(reports: Sequence[Report]) -> str:
    """One line of compact JSON per report."""
    return "".join(_one(r) + "\n" for r in reports)
