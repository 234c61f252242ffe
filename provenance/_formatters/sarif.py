"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run for all briefs. ``tool.driver.rules`` is the rule catalogue (with help text); each
finding is a result with a rule id, a level, a relative artifact URI and a region in 1-based
line and column numbers counted in Unicode code points (``columnKind`` says so). Results
carry a ``partialFingerprints`` entry of our own, ``provenance/v1``, a hash of the rule, the
path, the flagged words and their occurrence index, so an alert survives edits that move
it. Suppressed findings are kept, with an ``inSource`` suppression and its reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from .._report import Finding, Report
from .._rules import RULES, Rule
from .._version import __version__
from ._common import by_position, display_path, is_real_path, one_line, relative_path

__all__ = ["INFORMATION_URI", "SARIF_SCHEMA", "format_sarif", "sarif_log", "to_uri"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# A placeholder until the project has a public home; update it (and docs/ci.md) then.
INFORMATION_URI = "https://github.com/provenance-dev/provenance"
FINGERPRINT_KEY = "provenance/v1"
# The base that relative artifact URIs are resolved against: the directory the check ran
# in (the repository root in CI). GitHub's upload action understands this name.
SRCROOT = "%SRCROOT%"

_SEMVER = re.compile(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?")
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_MIME_TYPES = {"markdown": "text/markdown", "html": "text/html", "text": "text/plain"}


def to_uri(path: str) -> str:
    """A brief's path as a relative URI reference: relative to the current directory when
    possible, forward slashes, percent-encoded (spaces, ``%``, ``#``, ``:``, non-ASCII, …).

    Paths that cannot be made relative (another drive on Windows) become ``file:`` URIs.
    """
    rel = relative_path(path)
    if rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return "file://" + ("" if rel.startswith("/") else "/") + quote(rel, safe="/:")
    return quote(rel, safe="/")


def _fenced(text: str) -> str:
    """``text`` as a fenced code block, with a fence longer than any backtick run in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _descriptor(rule: Rule) -> dict[str, Any]:
    markdown = (
        f"**{rule.summary}**\n\n{rule.why}\n\n"
        f"Example that triggers it:\n\n{_fenced(rule.example)}\n\n"
        f"What to write instead: {rule.instead}"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule.help, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }


def _adhoc_descriptor(f: Finding) -> dict[str, Any]:
    """A descriptor for a finding whose code is not in the catalogue (defensive)."""
    return {
        "id": f.rule,
        "name": f.name,
        "shortDescription": {"text": f.name},
        "help": {"text": f.help or f.name},
        "defaultConfiguration": {"level": _LEVELS[f.severity]},
    }


def _fingerprint(rule: str, uri: str, words: str, occurrence: int) -> str:
    key = "\x1f".join((rule, uri, words, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _region(report: Report, f: Finding) -> dict[str, Any]:
    start_line = max(1, f.line)
    start_column = max(1, f.column)
    end_line = max(start_line, f.end_line)
    end_column = f.end_column if end_line > start_line else max(start_column, f.end_column)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }
    if 0 <= f.start <= f.end <= len(report.text):
        region["charOffset"] = f.start
        region["charLength"] = f.end - f.start
        if f.end > f.start:
            region["snippet"] = {"text": report.text[f.start : f.end]}
    return region


def sarif_log(reports: Sequence[Report]) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict (one run covering every report)."""
    rules: list[dict[str, Any]] = [_descriptor(r) for r in RULES]
    rule_index: dict[str, int] = {r.code: i for i, r in enumerate(RULES)}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    results: list[dict[str, Any]] = []

    for report in reports:
        path = display_path(report)
        uri = to_uri(path) if is_real_path(report.path) else quote(path, safe="")
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifact: dict[str, Any] = {
                "location": {"uri": uri, "uriBaseId": SRCROOT},
                "roles": ["analysisTarget"],
            }
            if report.format in _MIME_TYPES:
                artifact["mimeType"] = _MIME_TYPES[report.format]
            artifacts.append(artifact)
        seen: dict[tuple[str, str], int] = {}
        for _, f in sorted(((path, f) for f in report.findings), key=by_position):
            if f.rule not in rule_index:
                rule_index[f.rule] = len(rules)
                rules.append(_adhoc_descriptor(f))
            words = one_line(report.text[f.start : f.end])
            occurrence = seen.get((f.rule, words), 0)
            seen[(f.rule, words)] = occurrence + 1
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": uri,
                                "uriBaseId": SRCROOT,
                                "index": artifact_index[uri],
                            },
                            "region": _region(report, f),
                        }
                    }
                ],
                "partialFingerprints": {
                    FINGERPRINT_KEY: _fingerprint(f.rule, uri, words, occurrence)
                },
                "properties": {"name": f.name, "severity": f.severity},
            }
            if f.suppressed:
                suppression: dict[str, Any] = {"kind": "inSource"}
                if f.suppression:
                    suppression["justification"] = f.suppression
                result["suppressions"] = [suppression]
            results.append(result)

    driver: dict[str, Any] = {
        "name": "provenance",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    if _SEMVER.fullmatch(__version__):
        driver["semanticVersion"] = __version__
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    if reports:
        run["properties"] = {
            "registry": reports[0].registry_meta,
            "asOf": sorted({r.as_of.isoformat() for r in reports}),
        }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def format_sarif(reports: Sequence[Report]) -> str:
    """The SARIF log, indented JSON."""
    return json.dumps(sarif_log(reports), ensure_ascii=False, indent=2) + "\n"
