"""Helpers shared by the test modules: paths, a fixed as-of date, and span extraction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import provenance
from provenance import Report

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
BRIEFS = FIXTURES / "briefs"
GOLDEN = TESTS / "golden"

# Every test passes an explicit as-of date, so nothing depends on today's date.
AS_OF = date(2024, 5, 14)


def read_text(path: Path) -> str:
    """A fixture's exact text: bytes decoded as UTF-8, line endings untouched (CRLF stays)."""
    return path.read_bytes().decode("utf-8")


def run(text: str, *, fmt: str = "text", as_of: date = AS_OF) -> Report:
    """Check ``text`` with the bundled registry at a fixed date."""
    assert fmt in ("text", "markdown", "html")
    return provenance.check(text, format=fmt, as_of=as_of)  # type: ignore[arg-type]


def found(report: Report, code: str) -> list[tuple[str, str]]:
    """``(rule, text[start:end])`` of the findings of one rule, in report order."""
    return [(f.rule, report.text[f.start : f.end]) for f in report.findings if f.rule == code]


def spans(report: Report) -> Iterator[tuple[str, int, int, str]]:
    """Every reported span that carries its own text: ``(what, start, end, text)``."""
    for m in report.mentions:
        yield f"mention {m.id}", m.start, m.end, m.text
        if m.disclosure is not None:
            yield f"disclosure of {m.id}", m.disclosure.start, m.disclosure.end, m.disclosure.text
    for q in report.quotes:
        yield f"quote {q.id}", q.start, q.end, q.text
        if q.speaker is not None:
            yield f"speaker of {q.id}", q.speaker.start, q.speaker.end, q.speaker.text
    for t in report.quoted_terms:
        yield "quoted term", t.start, t.end, t.text
    for c in report.claims:
        yield f"claim {c.id}", c.start, c.end, c.text
        if c.source is not None:
            yield f"source of {c.id}", c.source.start, c.source.end, c.source.text


def mention_texts(report: Report) -> list[tuple[str, str]]:
    """``(text, kind)`` of every mention, in order."""
    return [(m.text, m.kind) for m in report.mentions]


def quote_texts(report: Report) -> list[str]:
    return [q.text for q in report.quotes]


def finding_texts(report: Report) -> list[tuple[str, str]]:
    """``(rule, text[start:end])`` of every finding, in order."""
    return [(f.rule, report.text[f.start : f.end]) for f in report.findings]


def bug(reason: str) -> pytest.MarkDecorator:
    """Mark a test (or a table row) that states the right behaviour for a known bug. Strict: once
    the bug is fixed the test passes, XPASS fails the run, and the marker must be removed."""
    return pytest.mark.xfail(reason=f"BUG: {reason}", strict=True)
