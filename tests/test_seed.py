"""The acceptance example: what a standards editor expects from the seed brief.

The seed brief and its analysis live outside this repository
(``../shared/examples/seed-brief.txt`` and ``seed-analysis.md``); when they are absent the seed
cases are skipped. The same assertions run on a brief of the same structure written for this
test-suite (``tests/fixtures/seed_like/``: another outlet with its disclosure, another minister,
another publisher's boilerplate), and on the CRLF variants of both.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

import provenance
from provenance import Mention, Report
from tests._support import FIXTURES, read_text

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-brief.txt"


@attrs.frozen
class Expect:
    """The facts of a brief with the seed's structure."""

    path: Path
    as_of: date
    outlet: str  # the disclosed, state-affiliated outlet
    outlet_id: str
    controller: str
    vague: str  # the generic reference without a state signal
    state_generic: str  # the generic reference with a state signal
    speaker: str
    outlet_claim: str  # how the claim carried by the outlet begins
    speaker_claim: str  # the minister's attributed claim


CASES = {
    "seed": Expect(SEED, date(2017, 4, 15), "Tasnim News Agency", "ir.tasnim", "org.irgc",
                   "Iranian media", "state-run Iranian media", "Zarif",
                   "the alliance discussed ways to coordinate policies",
                   "Iran has been a victim of chemical attacks in the past"),
    "own": Expect(FIXTURES / "seed_like" / "amber-pass-brief.txt", date(2031, 6, 1),
                  "Syrian Arab News Agency", "sy.sana", "org.sy.government",
                  "Syrian media", "state-run Syrian media", "Qandalaft",
                  "the three ministers agreed on steps to reopen",
                  "Syria has suffered from such provocations before"),
}


@pytest.fixture(params=[(name, crlf) for name in CASES for crlf in (False, True)],
                ids=lambda p: f"{p[0]}{'-crlf' if p[1] else ''}")
def case(request: pytest.FixtureRequest) -> tuple[Expect, Report]:
    name, crlf = request.param
    exp = CASES[name]
    if not exp.path.is_file():
        pytest.skip(f"{exp.path} is not available")
    text = read_text(exp.path)
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        assert "\r\n" in text
    return exp, provenance.check(text, as_of=exp.as_of)


def _generic(report: Report, words: str) -> Mention:
    hits = [m for m in report.mentions
            if m.kind == "generic" and m.text.removeprefix("the ").removeprefix("The ") == words]
    assert len(hits) == 1, f"expected one generic mention {words!r}: {report.mentions}"
    return hits[0]


def _paragraph(report: Report, start: str) -> tuple[int, int]:
    hits = [(s, e) for s, e in report.paragraphs if report.text[s:e].startswith(start)]
    assert len(hits) == 1, f"expected one paragraph starting {start!r}"
    return hits[0]


def test_the_outlet_is_state_affiliated_and_disclosed(case: tuple[Expect, Report]) -> None:
    exp, report = case
    hits = [m for m in report.mentions if m.outlet is not None and m.outlet.id == exp.outlet_id]
    assert [m.text for m in hits] == [exp.outlet]
    m = hits[0]
    assert m.kind == "outlet"
    assert m.state_affiliated is True
    assert exp.controller in [c.id for c in m.controllers]
    assert m.disclosed is True
    assert m.disclosure is not None
    assert m.disclosure.text.startswith("which is affiliated with")
    assert report.text[m.disclosure.start:m.disclosure.end] == m.disclosure.text


def test_the_vague_reference_has_no_verdict(case: tuple[Expect, Report]) -> None:
    exp, report = case
    m = _generic(report, exp.vague)
    assert m.state_affiliated is None
    assert m.outlet is None


def test_the_state_run_reference_is_state_affiliated_and_disclosed(
    case: tuple[Expect, Report],
) -> None:
    exp, report = case
    m = _generic(report, exp.state_generic)
    assert m.state_affiliated is True
    assert m.disclosed is True


def test_two_quotes_both_from_the_minister(case: tuple[Expect, Report]) -> None:
    exp, report = case
    assert len(report.quotes) == 2
    for q in report.quotes:
        assert q.speaker is not None, f"no speaker for {q.text!r}"
        assert exp.speaker in q.speaker.text or exp.speaker in (q.speaker.name or "")
    state_run = _generic(report, exp.state_generic)
    assert state_run.id in report.quotes[1].via


def test_the_outlets_claim_is_attributed_via_the_outlet(case: tuple[Expect, Report]) -> None:
    exp, report = case
    hits = [c for c in report.claims if c.text.startswith(exp.outlet_claim)]
    assert len(hits) == 1
    claim = hits[0]
    assert claim.kind == "attributed"
    outlet_ids = [m.id for m in report.mentions if m.text == exp.outlet]
    assert set(claim.via) & set(outlet_ids)


def test_the_ministers_claim_is_attributed_to_him(case: tuple[Expect, Report]) -> None:
    exp, report = case
    hits = [c for c in report.claims if c.text == exp.speaker_claim]
    assert len(hits) == 1
    claim = hits[0]
    assert claim.kind == "attributed"
    assert claim.source is not None
    assert exp.speaker in claim.source.text or exp.speaker in (claim.source.name or "")


@pytest.mark.parametrize("start", ["Comment:", "But even if"])
def test_the_authors_comment_is_unattributed(case: tuple[Expect, Report], start: str) -> None:
    _, report = case
    s, e = _paragraph(report, start)
    inside = [c for c in report.claims if s <= c.start < e]
    assert inside, "the comment paragraph has claims"
    assert {c.kind for c in inside} == {"unattributed"}


def test_no_undisclosed_affiliation(case: tuple[Expect, Report]) -> None:
    _, report = case
    assert [f for f in report.findings if f.rule == "PRV102"] == []
    assert report.failing("error") == ()


def test_no_finding_in_the_publishers_boilerplate(case: tuple[Expect, Report]) -> None:
    _, report = case
    s, e = report.paragraphs[-1]
    assert "donors" in report.text[s:e]
    assert [f for f in report.findings if s <= f.start < e] == []


def test_the_vague_reference_is_flagged(case: tuple[Expect, Report]) -> None:
    exp, report = case
    m = _generic(report, exp.vague)
    assert ("PRV105", m.start, m.end) in [(f.rule, f.start, f.end) for f in report.findings]


def test_own_brief_does_not_copy_the_seed() -> None:
    """The repository's seed-like brief shares the seed's structure, not its words."""
    own = read_text(CASES["own"].path)
    for phrase in ("Tasnim", "Zarif", "Middle East Institute", "Khan Sheikhoun", "Tillerson"):
        assert phrase not in own
