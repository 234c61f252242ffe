"""Golden files: the whole output of ``provenance check`` for whole briefs, per output format.

The briefs live in ``tests/fixtures/briefs/``; their expected outputs in
``tests/golden/<name>.<format>``. To rewrite the golden files after an intended change, run

    PROVENANCE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and READ the diff before committing it. The outputs are made independent of the machine and of
today's date: every brief is checked at a fixed ``--date`` (the Markdown brief at its
front-matter date), from inside the fixture directory (so ``meta.path`` is the bare file name),
and the version strings and the registry hash, which change with every release or registry edit,
are replaced by placeholders; the text format's evidence lines (registry data that curators
extend all the time) are left out.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from typing import TYPE_CHECKING

import pytest

import provenance
from provenance._cli import main
from tests._support import BRIEFS, GOLDEN, read_text

if TYPE_CHECKING:
    from pathlib import Path

UPDATE = os.environ.get("PROVENANCE_UPDATE_GOLDEN") == "1"
_EVIDENCE_LINE = re.compile(r" {10}(?:evidence: .*|\(\+\d+ more: provenance registry show \S+\))\r?\n?$")

# brief file -> the --date to pass (None: the brief's own front-matter date decides)
BRIEF_DATES: dict[str, str | None] = {
    "harbour-talks.txt": "2031-06-01",
    "strait-drill.md": None,
    "border-talks.html": "2031-06-01",
    "aid-convoy-crlf.txt": "2031-06-01",
}
FORMATS = ("text", "json")
CASES = [(name, fmt) for name in BRIEF_DATES for fmt in FORMATS]


def _golden_path(name: str, fmt: str) -> Path:
    stem = name.rsplit(".", 1)[0]
    return GOLDEN / f"{stem}.{fmt}"


def _normalise(output: str, fmt: str) -> str:
    reg = provenance.default_registry()
    if fmt == "json":
        data = json.loads(output)
        data["meta"]["version"] = "<version>"
        data["meta"]["registry"]["version"] = "<registry-version>"
        data["meta"]["registry"]["sha256"] = "<sha256>"
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    output = output.replace(f"registry {reg.name} {reg.version})",
                            f"registry {reg.name} <registry-version>)")
    # Evidence lines list the registry's evidence items, which curators add to all the time;
    # their rendering is tested in test_formatters.py, not here.
    return "".join(line for line in output.splitlines(keepends=True)
                   if not _EVIDENCE_LINE.match(line))


def _run_cli(name: str, fmt: str, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(BRIEFS)
    argv = ["check", name, "--format", fmt]
    when = BRIEF_DATES[name]
    if when is not None:
        argv += ["--date", when]
    code = main(argv)
    out, err = capsys.readouterr()
    assert err == "", f"unexpected stderr: {err!r}"
    return code, _normalise(out, fmt)


def test_every_brief_has_its_golden_files() -> None:
    briefs = sorted(p.name for p in BRIEFS.iterdir() if p.is_file())
    assert briefs == sorted(BRIEF_DATES), "add new briefs to BRIEF_DATES (and generate their goldens)"
    if not UPDATE:
        missing = [str(_golden_path(n, f)) for n, f in CASES if not _golden_path(n, f).is_file()]
        assert not missing, f"missing golden files (run with PROVENANCE_UPDATE_GOLDEN=1): {missing}"


def test_crlf_fixture_really_has_crlf_line_endings() -> None:
    raw = (BRIEFS / "aid-convoy-crlf.txt").read_bytes()
    assert b"\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n"), "a bare LF: the fixture was converted"


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_golden(name: str, fmt: str, capsys: pytest.CaptureFixture[str],
                monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = _run_cli(name, fmt, capsys, monkeypatch)
    assert code in (0, 1)
    golden = _golden_path(name, fmt)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        with golden.open("w", encoding="utf-8", newline="") as fh:
            fh.write(output)
        return
    assert golden.is_file(), f"{golden} is missing: run with PROVENANCE_UPDATE_GOLDEN=1"
    expected = read_text(golden)
    assert output == expected


@pytest.mark.parametrize("name", list(BRIEF_DATES))
def test_json_golden_agrees_with_exit_code_and_dates(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON golden's meta is machine independent, and the exit code follows its findings."""
    code, output = _run_cli(name, "json", capsys, monkeypatch)
    data = json.loads(output)
    assert data["meta"]["path"] == name
    expected_date = BRIEF_DATES[name] or "2031-03-02"  # the Markdown brief's front-matter date
    assert data["meta"]["as_of"] == expected_date
    has_error = any(f["severity"] == "error" for f in data["findings"])
    assert code == (1 if has_error else 0)


def test_markdown_front_matter_date_is_the_as_of_date() -> None:
    report = provenance.check(BRIEFS / "strait-drill.md")
    assert report.as_of.isoformat() == "2031-03-02"
    assert report.format == "markdown"


def test_golden_briefs_key_facts() -> None:
    """What the golden files must say, stated independently of their exact text (so that a
    regenerated golden cannot silently bake in a wrong speaker, outlet or affiliation)."""
    day = date(2031, 6, 1)
    harbour = provenance.check(read_text(BRIEFS / "harbour-talks.txt"), as_of=day)
    by_text = {m.text: m for m in harbour.mentions}
    assert set(by_text) == {"Reuters", "TASS", "RT", "KCNA"}
    assert by_text["Reuters"].state_affiliated is False
    assert by_text["TASS"].state_affiliated is True
    assert by_text["TASS"].disclosed is True
    assert by_text["RT"].state_affiliated is True
    assert by_text["RT"].disclosed is False
    assert by_text["KCNA"].disclosed is True
    speakers = {q.text: q.speaker.name if q.speaker else None for q in harbour.quotes}
    assert speakers["We are not going to trade our coastline for promises,"] == "Ilse Maranova"
    assert speakers["nothing new"] == "Ilse Maranova"
    assert [(f.rule, harbour.text[f.start:f.end]) for f in harbour.findings
            if f.severity == "error"] == [("PRV102", "RT")]

    drill = provenance.check(BRIEFS / "strait-drill.md")
    assert "code block" not in " ".join(c.text for c in drill.claims)
    assert {m.outlet.id for m in drill.mentions if m.outlet} == {
        "ir.tasnim", "gb.reuters", "ir.presstv"}
    assert [m.matched_by for m in drill.mentions if m.outlet and m.outlet.id == "ir.presstv"] == [
        "name", "domain"]
    assert all(m.disclosed for m in drill.mentions if m.outlet and m.outlet.id == "ir.tasnim")

    html = provenance.check(BRIEFS / "border-talks.html", as_of=day)
    assert "Press TV" not in [m.text for m in html.mentions]  # only inside <script>
    assert [m.matched_by for m in html.mentions] == ["domain", "alias", "alias", "alias"]
    assert [q.text for q in html.quotes] == ["We came here in good faith,", "not excluded."]
    assert all(q.speaker is not None and q.speaker.name == "Parvaneh Delkhah" for q in html.quotes)

    convoy = provenance.check(read_text(BRIEFS / "aid-convoy-crlf.txt"), as_of=day)
    assert [m.text for m in convoy.mentions] == ["SANA", "BBC", "Al-Manar television"]
    assert [m.disclosed for m in convoy.mentions] == [True, False, True]
    q2, q3 = convoy.quotes[1], convoy.quotes[2]
    assert q3.continues == q2.id
    assert q3.speaker is not None
    assert q3.speaker.name == "Tomas Ekwueme"
    assert not [f for f in convoy.findings if f.severity != "info"]
