"""Output formats. Each formatter turns reports into a string."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._report import Report
from .json import format_json
from .text import format_text

__all__ = ["FORMATTERS", "format_json", "format_text"]

FORMATTERS: dict[str, Callable[[Sequence[Report]], str]] = {
    "text": format_text,
    "json": format_json,
}
