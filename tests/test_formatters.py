"""The output formatters: the readable text report and the JSON array for several briefs."""

from __future__ import annotations

import json
from datetime import date

import provenance
from provenance._formatters import FORMATTERS, format_json, format_text

DAY = date(2024, 5, 14)


def test_formatters_are_registered() -> None:
    assert FORMATTERS["text"] is format_text
    assert FORMATTERS["json"] is format_json


def test_text_report_shows_the_evidence_once_per_outlet() -> None:
    text = "Tasnim reported that the talks had failed. Tasnim later said a new round was planned."
    report = provenance.check(text, as_of=DAY)
    out = format_text([report])
    registry = provenance.default_registry()
    evidence = [ev for c in registry.affiliation("ir.tasnim", DAY).claims for ev in c.evidence]
    assert evidence
    for ev in evidence[:2]:
        assert out.count(f"evidence: {ev.publisher}, {ev.date.isoformat()} <{ev.url}>") == 1
    more = len(evidence) - 2
    if more > 0:
        assert f"(+{more} more: provenance registry show ir.tasnim)" in out
    assert out.count("“Tasnim” — Tasnim News Agency") == 2


def test_text_report_says_whether_an_affiliation_is_disclosed() -> None:
    undisclosed = format_text([provenance.check("RT said the envoy left.", as_of=DAY)])
    assert "[STATE-AFFILIATED]; NOT disclosed" in undisclosed
    disclosed = format_text([provenance.check(
        "The semi-official Fars news agency said the drill ended.", as_of=DAY)])
    assert "disclosed: “semi-official”" in disclosed
    independent = format_text([provenance.check("Reuters said the envoy left.", as_of=DAY)])
    assert "[not state-affiliated]" in independent
    assert "disclosed" not in independent


def test_text_report_header_positions_and_summary() -> None:
    text = "Headline\n\nThe talks had failed, RT said."
    report = provenance.check(text, as_of=DAY, path="brief.txt")
    out = format_text([report])
    lines = out.splitlines()
    assert lines[0].startswith("brief.txt: 2 paragraphs, 1 source mention")
    assert "(as of 2024-05-14, registry " in lines[0]
    assert "¶2 (line 3): The talks had failed, RT said." in lines
    assert any(line.startswith("    3:23  error   PRV102 undisclosed-affiliation: ") for line in lines)
    assert lines[-1] == "brief.txt: 1 error, 1 warning, 1 info"


def test_text_report_for_an_unnamed_brief_and_no_findings() -> None:
    out = format_text([provenance.check("The talks had failed.", as_of=DAY)])
    assert out.startswith("<text>: 1 paragraph")
    assert out.endswith("<text>: no findings\n")


def test_text_report_for_several_briefs_sums_up() -> None:
    a = provenance.check("RT said the envoy left.", as_of=DAY, path="a.txt")
    b = provenance.check("Lebanese media reported it.", as_of=DAY, path="b.txt")
    out = format_text([a, b])
    assert out.rstrip().splitlines()[-1] == "2 briefs: 1 error, 2 warnings, 1 info"


def test_text_report_clips_long_claims() -> None:
    long_claim = "The talks failed because " + "of many reasons " * 20 + "."
    out = format_text([provenance.check(long_claim, as_of=DAY)])
    (line,) = [ln for ln in out.splitlines() if ln.lstrip().startswith("unattributed")]
    assert "…" in line
    assert len(line) < 100


def test_json_formatter() -> None:
    a = provenance.check("RT said the envoy left.", as_of=DAY, path="a.txt")
    b = provenance.check("Reuters said the envoy left.", as_of=DAY, path="b.txt")
    assert json.loads(format_json([a])) == a.to_dict()
    assert json.loads(format_json([a, b])) == [a.to_dict(), b.to_dict()]
    assert format_json([a]).endswith("}\n")
    assert "\\u" not in format_json([provenance.check("«Мы ответим», — заявил министр.")])
