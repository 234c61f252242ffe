"""The report contract (DESIGN §6): every documented key, with its type, on real briefs."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

import provenance
from provenance import SCHEMA, Report
from provenance._report import LineIndex
from tests._support import BRIEFS, read_text

EXAMPLE = ("According to Tasnim News Agency, which is affiliated with the IRGC, the minister said "
           "the talks had failed. “We will not accept this,” he said.")


def _reports() -> list[Report]:
    day = date(2031, 6, 1)
    out = [provenance.check(EXAMPLE, as_of=day), provenance.check("", as_of=day)]
    for path in sorted(BRIEFS.iterdir()):
        out.append(provenance.check(path, as_of=day))
    return out


MENTION_KEYS = {"id", "start", "end", "text", "kind", "outlet", "matched_by", "state_affiliated",
                "label", "disputed", "controllers", "disclosed", "disclosure"}
QUOTE_KEYS = {"id", "start", "end", "text", "speaker", "via", "continues"}
CLAIM_KEYS = {"id", "kind", "start", "end", "text", "source", "via", "quotes"}
FINDING_KEYS = {"rule", "name", "severity", "message", "start", "end", "line", "column"}


def _is_span(value: Any, text: str, *, named: bool = False, extra: bool = False) -> None:
    """A ``{"start", "end", "text"}`` object (``name`` too for speakers and sources); with
    ``extra``, an item that has these keys among others."""
    assert isinstance(value, dict)
    keys = {"start", "end", "text"} | ({"name"} if named else set())
    assert {"start", "end", "text"} <= set(value)
    if not extra:
        assert set(value) <= keys
    assert isinstance(value["start"], int)
    assert isinstance(value["end"], int)
    assert 0 <= value["start"] <= value["end"] <= len(text)
    assert text[value["start"]:value["end"]] == value["text"]
    if "name" in value:
        assert isinstance(value["name"], str)


@pytest.mark.parametrize("report", _reports(), ids=lambda r: r.path or r.text[:20] or "empty")
def test_report_contract(report: Report) -> None:
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data, "to_dict() is plain JSON"
    text = report.text
    assert data["schema"] == SCHEMA == "provenance.report/1"

    meta = data["meta"]
    assert isinstance(meta["version"], str)
    assert meta["version"] == provenance.__version__
    assert isinstance(meta["registry"]["version"], str)
    assert re.fullmatch(r"[0-9a-f]{64}", meta["registry"]["sha256"])
    assert meta["registry"]["overlays"] == []
    assert date.fromisoformat(meta["as_of"]) == report.as_of

    mention_ids = [m["id"] for m in data["mentions"]]
    quote_ids = [q["id"] for q in data["quotes"]]
    assert mention_ids == [f"m{i + 1}" for i in range(len(mention_ids))]
    assert quote_ids == [f"q{i + 1}" for i in range(len(quote_ids))]

    assert {"schema", "meta", "mentions", "quotes", "claims", "findings"} <= set(data)
    assert {"version", "registry", "as_of"} <= set(meta)
    assert {"version", "sha256", "overlays"} <= set(meta["registry"])
    for m in data["mentions"]:
        assert set(m) >= MENTION_KEYS
        _is_span(m, text, extra=True)
        assert m["kind"] in ("outlet", "generic", "unknown")
        assert m["matched_by"] in ("name", "alias", "domain", "handle", "credit", "generic")
        if m["kind"] == "outlet":
            assert set(m["outlet"]) == {"id", "name", "country"}
            assert all(isinstance(v, str) for v in m["outlet"].values())
        else:
            assert m["outlet"] is None
            assert m["matched_by"] == "generic"
        assert m["state_affiliated"] in (True, False, None)
        assert isinstance(m["label"], str)
        assert m["label"]
        assert isinstance(m["disputed"], bool)
        assert isinstance(m["controllers"], list)
        for c in m["controllers"]:
            assert set(c) == {"id", "name", "type"}
        if m["state_affiliated"] is not True:
            assert m["disclosed"] is False
        assert isinstance(m["disclosed"], bool)
        if m["disclosure"] is None:
            assert m["disclosed"] is False or m["kind"] == "outlet"
        else:
            assert m["disclosed"] is True
            _is_span(m["disclosure"], text)

    for q in data["quotes"]:
        assert set(q) >= QUOTE_KEYS
        _is_span(q, text, extra=True)
        if q["speaker"] is not None:
            _is_span(q["speaker"], text, named=True)
        assert isinstance(q["via"], list)
        assert set(q["via"]) <= set(mention_ids)
        assert q["continues"] is None or q["continues"] in quote_ids
        assert q["continues"] != q["id"]

    for t in data["quoted_terms"]:
        _is_span(t, text)

    claim_ids = [c["id"] for c in data["claims"]]
    assert claim_ids == [f"c{i + 1}" for i in range(len(claim_ids))]
    for c in data["claims"]:
        assert set(c) >= CLAIM_KEYS
        _is_span(c, text, extra=True)
        assert c["kind"] in ("quoted", "attributed", "unattributed")
        if c["source"] is not None:
            _is_span(c["source"], text, named=True)
        assert set(c["via"]) <= set(mention_ids)
        assert set(c["quotes"]) <= set(quote_ids)
        if c["kind"] == "unattributed":
            assert c["source"] is None
            assert c["via"] == []
        if c["kind"] == "quoted":
            assert c["quotes"]

    lines = LineIndex.of(text)
    codes = {r.code: r for r in provenance.RULES}
    for f in data["findings"]:
        assert set(f) >= FINDING_KEYS
        assert f["rule"] in codes
        assert f["name"] == codes[f["rule"]].name
        assert f["severity"] in ("info", "warning", "error")
        assert isinstance(f["message"], str)
        assert f["message"]
        assert 0 <= f["start"] <= f["end"] <= len(text)
        assert (f["line"], f["column"]) == lines.position(f["start"])
        assert (f["end_line"], f["end_column"]) == lines.position(f["end"])
        assert f["line"] >= 1
        assert f["column"] >= 1


def test_the_design_example_exactly() -> None:
    """The abridged example of DESIGN §6, offset by offset."""
    data = provenance.check(EXAMPLE, as_of=date(2024, 1, 1)).to_dict()
    (m,) = data["mentions"]
    assert (m["id"], m["start"], m["end"], m["text"], m["kind"], m["matched_by"]) == (
        "m1", 13, 31, "Tasnim News Agency", "outlet", "name")
    assert m["outlet"] == {"id": "ir.tasnim", "name": "Tasnim News Agency", "country": "IR"}
    assert m["state_affiliated"] is True
    assert m["label"] == "state-controlled (Iran), IRGC-affiliated"
    assert m["controllers"][0] == {"id": "org.irgc", "name": "Islamic Revolutionary Guard Corps",
                                   "type": "revolutionary_guard"}
    assert m["disclosed"] is True
    assert m["disclosure"] == {"start": 33, "end": 66, "text": "which is affiliated with the IRGC"}
    (q,) = data["quotes"]
    assert (q["id"], q["start"], q["end"], q["text"]) == ("q1", 109, 133, "We will not accept this,")
    assert q["speaker"] == {"start": 135, "end": 137, "text": "he", "name": "the minister"}
    assert q["via"] == ["m1"]
    c1, c2 = data["claims"]
    assert (c1["kind"], c1["start"], c1["end"], c1["text"]) == ("attributed", 86, 106,
                                                               "the talks had failed")
    assert c1["source"] == {"start": 68, "end": 80, "text": "the minister"}
    assert c1["via"] == ["m1"]
    assert c1["quotes"] == []
    assert (c2["kind"], c2["start"], c2["end"]) == ("quoted", 109, 133)
    assert c2["source"] == q["speaker"]
    assert c2["via"] == ["m1"]
    assert c2["quotes"] == ["q1"]
    assert ("PRV101", 13, 31) in [(f["rule"], f["start"], f["end"]) for f in data["findings"]]
    assert "PRV102" not in [f["rule"] for f in data["findings"]]


def test_to_dict_round_trips_through_the_json_formatter() -> None:
    from provenance._formatters import format_json

    report = provenance.check(read_text(BRIEFS / "harbour-talks.txt"), as_of=date(2031, 6, 1))
    assert json.loads(format_json([report])) == report.to_dict()


def test_report_helpers() -> None:
    report = provenance.check("Tasnim reported that the talks had failed.", as_of=date(2024, 1, 1))
    assert report.mention("m1") is report.mentions[0]
    assert report.mention("m9") is None
    assert [f.rule for f in report.failing("error")] == ["PRV102"]
    assert {f.rule for f in report.failing("info")} == {"PRV101", "PRV102", "PRV103"}
