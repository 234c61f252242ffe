"""Output formats. Each formatter turns reports into a string.

``FORMATTERS`` maps a ``--format`` name to its formatter; the CLI offers every key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._report import Report
from .concise import format_concise
from .github import format_github, step_summary
from .html import format_html
from .json import format_json
from .jsonl import format_jsonl
from .markdown import format_markdown
from .sarif import format_sarif
from .text import format_text

__all__ = [
    "FORMATTERS",
    "format_concise",
    "format_github",
    "format_html",
    "format_json",
    "format_jsonl",
    "format_markdown",
    "format_sarif",
    "format_text",
    "step_summary",
]

FORMATTERS: dict[str, Callable[[Sequence[Report]], str]] = {
    "text": format_text,
    "concise": format_concise,
    "json": format_json,
    "jsonl": format_jsonl,
    "sarif": format_sarif,
    "github": format_github,
    "markdown": format_markdown,
    "html": format_html,
}
