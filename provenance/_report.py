"""The report: immutable values and their documented JSON form (``provenance.report/1``)."""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Any, Literal

import attrs

from ._model import Controller, Evidence

__all__ = [
    "SCHEMA",
    "Claim",
    "Disclosure",
    "Finding",
    "Mention",
    "OutletRef",
    "Quote",
    "QuotedTerm",
    "Report",
    "Severity",
    "SourceSpan",
]

SCHEMA = "provenance.report/1"
Severity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


@attrs.frozen
class OutletRef:
    id: str
    name: str
    country: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country}


@attrs.frozen
class Disclosure:
    """Where the brief tells the reader about an outlet's affiliation."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class Mention:
    """A place in the brief where an outlet (or a generic reference to media) is cited."""

    id: str
    start: int
    end: int
    text: str
    kind: str  # "outlet" | "generic" | "unknown"
    outlet: OutletRef | None
    matched_by: str
    state_affiliated: bool | None
    label: str
    disputed: bool
    controllers: tuple[Controller, ...]
    disclosed: bool
    disclosure: Disclosure | None
    country: str | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), eq=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "outlet": self.outlet.to_dict() if self.outlet else None,
            "matched_by": self.matched_by,
            "state_affiliated": self.state_affiliated,
            "label": self.label,
            "disputed": self.disputed,
            "controllers": [c.to_dict() for c in self.controllers],
            "disclosed": self.disclosed,
            "disclosure": self.disclosure.to_dict() if self.disclosure else None,
            "country": self.country,
        }


@attrs.frozen
class SourceSpan:
    """A speaker or source: its span and, for a pronoun or description, the resolved name."""

    start: int
    end: int
    text: str
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.name is not None and self.name != self.text:
            out["name"] = self.name
        return out


@attrs.frozen
class Quote:
    """A direct quotation: the words inside the marks."""

    id: str
    start: int
    end: int
    text: str
    speaker: SourceSpan | None
    via: tuple[str, ...]
    continues: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "via": list(self.via),
            "continues": self.continues,
        }


@attrs.frozen
class QuotedTerm:
    """Words in quotation marks that quote no one: titles, names, scare quotes."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class Claim:
    """A unit of content: quoted, attributed or unattributed, with its source and conduits."""

    id: str
    kind: str  # "quoted" | "attributed" | "unattributed"
    start: int
    end: int
    text: str
    source: SourceSpan | None
    via: tuple[str, ...]
    quotes: tuple[str, ...]
    negated: bool = False
    boilerplate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source": self.source.to_dict() if self.source else None,
            "via": list(self.via),
            "quotes": list(self.quotes),
            "negated": self.negated,
            "boilerplate": self.boilerplate,
        }


@attrs.frozen
class Finding:
    """A rule's verdict on a span."""

    rule: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    help: str = ""
    suppressed: bool = False
    suppression: str | None = None  # the reason given in the suppression comment

    @classmethod
    def at(
        cls,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        lines: LineIndex,
        help: str = "",
    ) -> Finding:
        """A finding on ``[start, end)``, with its lines and columns from ``lines``."""
        line, col = lines.position(start)
        end_line, end_col = lines.position(end)
        return cls(code, name, severity, message, start, end, line, col, end_line, end_col, help)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "help": self.help,
            "suppressed": self.suppressed,
            "suppression": self.suppression,
        }


_LINE_END = re.compile(r"\r\n|\r|\n")
_LF = re.compile("\n")


@attrs.frozen(eq=False)
class LineIndex:
    """Maps code-point offsets to 1-based line and column (``\\r\\n`` is one line end)."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        if "\r" not in text or text.count("\r") == text.count("\r\n"):
            # no "\r", or each is the first half of a "\r\n" (asked only when there is one:
            # two counts take 1.5 ms a megabyte): each line then ends just after a "\n",
            # which ``re`` finds as a literal (2 ms a megabyte, where the alternation is
            # tried at every position: 7 ms)
            return cls((0, *map(re.Match.end, _LF.finditer(text))))
        return cls((0, *map(re.Match.end, _LINE_END.finditer(text))))

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


@attrs.frozen(eq=False)
class Report:
    """The analysis of one brief. ``to_dict()`` gives the documented JSON (DESIGN §6)."""

    text: str
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    quoted_terms: tuple[QuotedTerm, ...]
    as_of: date
    registry_meta: dict[str, Any]
    version: str
    path: str | None = None
    format: str = "text"
    paragraphs: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "meta": {
                "version": self.version,
                "registry": self.registry_meta,
                "as_of": self.as_of.isoformat(),
                "path": self.path,
                "format": self.format,
            },
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "quoted_terms": [t.to_dict() for t in self.quoted_terms],
            "claims": [c.to_dict() for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
        }

    def mention(self, mention_id: str) -> Mention | None:
        return next((m for m in self.mentions if m.id == mention_id), None)

    def failing(self, fail_on: Severity = "error") -> tuple[Finding, ...]:
        """Findings at or above ``fail_on`` that are not suppressed."""
        floor = SEVERITY_RANK[fail_on]
        return tuple(
            f for f in self.findings if SEVERITY_RANK[f.severity] >= floor and not f.suppressed
        )
