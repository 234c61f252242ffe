"""The CI output formats (concise, jsonl, sarif, github, markdown) and the integration files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import provenance
from provenance import RULES, Finding, Report, __version__
from provenance._cli import main
from provenance._formatters import (
    FORMATTERS,
    format_concise,
    format_github,
    format_jsonl,
    format_markdown,
    format_sarif,
    step_summary,
)
from provenance._formatters._common import md_cell
from provenance._formatters.github import MAX_PER_TYPE, escape_data, escape_property
from provenance._formatters.sarif import INFORMATION_URI, sarif_log, to_uri
from provenance._report import Severity

ROOT = Path(__file__).resolve().parents[1]
BRIEFS = ROOT / "tests" / "fixtures" / "briefs"
SARIF_SCHEMA = (
    Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)
DAY = date(2024, 5, 14)

# One error (PRV102 on RT), plus whatever the other rules say about it.
ERROR_BRIEF = "Headline\n\nThe talks had failed, RT said."
CLEAN_BRIEF = "According to Reuters, the talks had failed."


def _check(text: str, path: str | None = "brief.txt") -> Report:
    return provenance.check(text, as_of=DAY, path=path)


def _rule(code: str) -> provenance.Rule:
    return next(r for r in RULES if r.code == code)


def _finding(
    rule: str = "PRV102",
    severity: Severity = "error",
    message: str = "RT is state-controlled (Russia), and the brief never tells the reader.",
    line: int = 3,
    column: int = 23,
    end_line: int | None = None,
    end_column: int | None = None,
    **extra: Any,
) -> Finding:
    """A hand-built finding (its offsets are not used by the formatters under test)."""
    base = _check(ERROR_BRIEF).findings[0]
    return attrs.evolve(
        base,
        rule=rule,
        name=_rule(rule).name if any(r.code == rule for r in RULES) else "made-up-rule",
        severity=severity,
        message=message,
        line=line,
        column=column,
        end_line=line if end_line is None else end_line,
        end_column=column + 2 if end_column is None else end_column,
        **extra,
    )


def _with(report: Report, *findings: Finding, path: str | None = None) -> Report:
    return attrs.evolve(report, findings=tuple(findings), path=path or report.path)


def _prv102(report: Report) -> Finding:
    return next(f for f in report.findings if f.rule == "PRV102")


# --------------------------------------------------------------------------- registry
def test_every_format_is_registered_and_offered_by_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("text", "concise", "json", "jsonl", "sarif", "github", "markdown", "html"):
        assert name in FORMATTERS
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    usage = capsys.readouterr().out
    for name in FORMATTERS:
        assert name in usage


@pytest.mark.parametrize("name", ["concise", "jsonl", "sarif", "github", "markdown"])
def test_cli_runs_each_new_format(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "brief.txt").write_text(ERROR_BRIEF + "\n", encoding="utf-8")
    code = main(["check", "brief.txt", "--date", DAY.isoformat(), "--format", name])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    assert "PRV102" in out


# --------------------------------------------------------------------------- concise
def test_concise_is_one_line_per_finding_and_nothing_else() -> None:
    report = _check(ERROR_BRIEF)
    out = format_concise([report])
    lines = out.splitlines()
    assert out.endswith("\n")
    assert len(lines) == len(report.findings)
    assert (
        "brief.txt:3:23: PRV102 [error] RT is state-controlled (Russia), and the brief never "
        "tells the reader."
    ) in lines
    pattern = re.compile(r"^brief\.txt:\d+:\d+: PRV\d{3} \[(error|warning|info)\] \S.*$")
    assert all(pattern.match(line) for line in lines)


def test_concise_sorts_by_path_then_position_and_leaves_out_suppressed() -> None:
    b = _with(
        _check(ERROR_BRIEF, "b.txt"),
        _finding(line=5, column=1),
        _finding(rule="PRV105", severity="warning", line=2, column=9, message="vague"),
        _finding(line=1, column=1, suppressed=True, suppression="checked with the desk"),
    )
    a = _with(
        _check(ERROR_BRIEF, "a.txt"),
        _finding(rule="PRV101", severity="info", line=4, column=2, message="state\nsource"),
    )
    assert format_concise([b, a]).splitlines() == [
        "a.txt:4:2: PRV101 [info] state source",
        "b.txt:2:9: PRV105 [warning] vague",
        "b.txt:5:1: PRV102 [error] RT is state-controlled (Russia), and the brief never tells "
        "the reader.",
    ]


def test_concise_prints_nothing_for_a_clean_brief_and_names_unnamed_text() -> None:
    assert format_concise([_check(CLEAN_BRIEF)]) == ""
    out = format_concise([_check(ERROR_BRIEF, path=None)])
    assert all(line.startswith("<text>:") for line in out.splitlines())


# --------------------------------------------------------------------------- jsonl
def test_jsonl_is_one_compact_report_per_line() -> None:
    reports = [_check(ERROR_BRIEF, "a.txt"), _check("«Мы ответим», — заявил министр.", "b.txt")]
    out = format_jsonl(reports)
    lines = out.split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == [r.to_dict() for r in reports]
    assert "\\u04" not in out  # ensure_ascii=False: Cyrillic stays readable
    assert ", " not in lines[0].split('"text"')[0]  # compact separators


def test_jsonl_keeps_unicode_line_separators_escaped() -> None:
    report = _check("The talks\u2028had failed, RT said.\u2029 Next\x85line.", "a.txt")
    out = format_jsonl([report])
    assert len(out.splitlines()) == 1
    assert json.loads(out) == report.to_dict()


# --------------------------------------------------------------------------- sarif
def _results(log: dict[str, Any]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = log["runs"][0]["results"]
    return results


def test_sarif_run_declares_tool_rules_and_column_kind() -> None:
    log = json.loads(format_sarif([_check(ERROR_BRIEF)]))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "provenance"
    assert driver["version"] == __version__
    assert driver["informationUri"] == INFORMATION_URI
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor, rule in zip(driver["rules"], RULES, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.why
        assert rule.instead in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]


def test_sarif_result_for_an_undisclosed_affiliation() -> None:
    report = _check(ERROR_BRIEF)
    log = json.loads(format_sarif([report]))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    (result,) = [r for r in _results(log) if r["ruleId"] == "PRV102"]
    assert rules[result["ruleIndex"]]["id"] == "PRV102"
    assert result["level"] == "error"
    assert result["message"]["text"] == _prv102(report).message
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "brief.txt"
    region = physical["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 23)
    assert (region["endLine"], region["endColumn"]) == (3, 25)
    assert region["snippet"]["text"] == "RT"
    assert set(result["partialFingerprints"]) == {"provenance/v1"}
    assert "suppressions" not in result
    # info findings are notes
    assert {r["level"] for r in _results(log) if r["ruleId"] == "PRV101"} == {"note"}


def test_sarif_columns_count_code_points() -> None:
    report = _check("«Сказали» 😀 — RT said the talks had failed.")
    result = next(r for r in _results(sarif_log([report])) if r["ruleId"] == "PRV102")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == report.text.index("RT") + 1
    assert region["endColumn"] == region["startColumn"] + 2


def test_sarif_fingerprints_are_stable_and_distinct() -> None:
    text = "RT said the talks had failed. RT later said a new round was planned."
    before = sarif_log([_check(text)])
    after = sarif_log([_check("A new first paragraph.\n\n" + text)])

    def prints(log: dict[str, Any]) -> list[tuple[str, str]]:
        return [(r["ruleId"], r["partialFingerprints"]["provenance/v1"]) for r in _results(log)]

    assert prints(before) == prints(after)  # moving the finding does not change it
    info = [fp for rule, fp in prints(before) if rule == "PRV101"]
    assert len(info) == 2
    assert len(set(info)) == 2  # the second "RT" is another occurrence
    assert all("primaryLocationLineHash" not in r["partialFingerprints"] for r in _results(before))
    other_path = sarif_log([_check(text, "other.txt")])
    assert prints(other_path) != prints(before)


def test_sarif_keeps_suppressed_findings_with_their_reason() -> None:
    report = _check(ERROR_BRIEF)
    suppressed = attrs.evolve(
        _prv102(report), suppressed=True, suppression="disclosed in the headline"
    )
    bare = attrs.evolve(_prv102(report), suppressed=True, suppression=None, line=1, column=1)
    results = _results(sarif_log([_with(report, suppressed, bare)]))
    assert results[1]["suppressions"] == [
        {"kind": "inSource", "justification": "disclosed in the headline"}
    ]
    assert results[0]["suppressions"] == [{"kind": "inSource"}]


def test_sarif_uris_are_relative_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert to_uri(str(tmp_path / "briefs" / "a.md")) == "briefs/a.md"
    assert to_uri("./briefs/../briefs/a.md") == "briefs/a.md"
    assert to_uri("briefs/Q3 report #2 (50%).md") == "briefs/Q3%20report%20%232%20%2850%25%29.md"
    assert to_uri("briefs/téhéran:1.md") == "briefs/t%C3%A9h%C3%A9ran%3A1.md"
    outside = to_uri(str(tmp_path.parent / "elsewhere.md"))
    assert outside == "../elsewhere.md"


def _sarif_validator() -> Any:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _several_reports() -> Iterator[Report]:
    for path in sorted(BRIEFS.iterdir()):
        yield provenance.check(path, as_of=DAY, path=str(path))
    yield provenance.check(ROOT / "examples" / "brief.txt", as_of=DAY, path="examples/brief.txt")
    report = _check(ERROR_BRIEF, "briefs/with space, and 100%.txt")
    yield _with(report, attrs.evolve(_prv102(report), suppressed=True, suppression="house style"))
    yield _check(ERROR_BRIEF, path=None)
    yield _check(CLEAN_BRIEF, "clean.txt")


def test_sarif_for_several_files_validates_against_the_official_schema(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    validator = _sarif_validator()
    monkeypatch.chdir(ROOT)
    reports = list(_several_reports())
    log = json.loads(format_sarif(reports))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    results = _results(log)
    assert len(results) == sum(len(r.findings) for r in reports)
    artifacts = log["runs"][0]["artifacts"]
    for result in results:
        assert re.fullmatch(r"PRV\d{3}", result["ruleId"])
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith(("/", "file:")), uri
        assert "\\" not in uri
        assert " " not in uri
        assert artifacts[location["artifactLocation"]["index"]]["location"]["uri"] == uri
        assert location["region"]["startLine"] >= 1
        assert location["region"]["startColumn"] >= 1
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "tests/fixtures/briefs/strait-drill.md" in uris
    assert "briefs/with%20space%2C%20and%20100%25.txt" in uris


def test_sarif_for_no_reports_is_still_valid() -> None:
    validator = _sarif_validator()
    log = json.loads(format_sarif([]))
    assert not list(validator.iter_errors(log))
    assert _results(log) == []


# --------------------------------------------------------------------------- github
def test_github_annotation_line() -> None:
    out = format_github([_check(ERROR_BRIEF, "briefs/talks.txt")])
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=briefs/talks.txt,line=3,col=23,endLine=3,endColumn=25,"
        "title=PRV102 undisclosed-affiliation::RT is state-controlled (Russia), and the brief "
        "never tells the reader."
    )
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
    assert lines[-1].startswith("provenance: 1 error")
    assert lines[-1].endswith(" in briefs/talks.txt")


def test_github_escaping_of_path_and_message() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    path = "briefs/50% off, ::weird::\nname.md"
    message = "Rates rose 5%, then: ::set-output name=x:: and\r\n::error::injected"
    report = _with(_check(ERROR_BRIEF), _finding(message=message), path=path)
    out = format_github([report])
    lines = out.splitlines()
    assert len(lines) == 2  # one annotation and the summary: no line break got through
    assert lines[0] == (
        "::error file=briefs/50%25 off%2C %3A%3Aweird%3A%3A%0Aname.md,line=3,col=23,endLine=3,"
        "endColumn=25,title=PRV102 undisclosed-affiliation"
        "::Rates rose 5%25, then: ::set-output name=x:: and%0D%0A::error::injected"
    )
    # The properties hold no ':' or unescaped ',' of the brief's, so the first '::' after
    # the command ends them and the message follows.
    command, _, data = lines[0][2:].partition("::")
    assert command.startswith("error file=")
    assert data.startswith("Rates rose 5%25")
    props = dict(p.split("=", 1) for p in command.removeprefix("error ").split(","))
    assert set(props) == {"file", "line", "col", "endLine", "endColumn", "title"}


_ERROR_REPORT = _check(ERROR_BRIEF)


@given(path=st.text(min_size=1, max_size=40), message=st.text(max_size=80))
def test_github_output_cannot_be_broken_by_any_path_or_message(path: str, message: str) -> None:
    report = _with(_ERROR_REPORT, _finding(message=message), path=path)
    lines = format_github([report]).split("\n")
    assert lines[-1] == ""
    assert len(lines) == 3  # the annotation, the summary, and the final newline
    annotation, summary = lines[0], lines[1]
    assert annotation.startswith("::error ")
    assert not summary.startswith("::")
    assert "\r" not in annotation
    command, _, data = annotation[2:].partition("::")
    assert data == escape_data(message)
    props = dict(p.split("=", 1) for p in command.removeprefix("error ").split(","))
    assert props["title"] == "PRV102 undisclosed-affiliation"


@given(st.text(max_size=80))
def test_markdown_cells_cannot_be_broken_by_any_text(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell
    assert "\r" not in cell
    assert "<" not in cell
    assert ">" not in cell
    assert re.search(r"(?<!\\)(\\\\)*[|`]", cell) is None  # every | and ` is escaped


def test_github_annotates_at_most_ten_per_type_most_severe_first() -> None:
    base = _check(ERROR_BRIEF, "a.txt")
    findings = (
        [_finding(rule="PRV101", severity="info", line=i, column=1) for i in range(1, 4)]
        + [_finding(rule="PRV105", severity="warning", line=i, column=1) for i in range(1, 16)]
        + [_finding(line=i, column=1) for i in range(1, 26)]
        + [_finding(line=99, column=1, suppressed=True, suppression="ok")]
    )
    out = format_github([_with(base, *reversed(findings))])
    lines = out.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines[:-1]]
    assert kinds == ["::error"] * MAX_PER_TYPE + ["::warning"] * MAX_PER_TYPE + ["::notice"] * 3
    # within a type, in position order
    assert [re.findall(r",line=(\d+),", ln) for ln in lines[:10]] == [
        [str(n)] for n in range(1, 11)
    ]
    assert "line=99," not in out  # the suppressed finding is not annotated
    assert lines[-1] == (
        "provenance: 25 errors, 15 warnings, 3 infos in a.txt; 20 not annotated (GitHub shows "
        "at most 10 annotations of each type per step; the job summary lists them all); "
        "1 suppressed"
    )


def test_github_multiline_findings_and_text_without_a_file() -> None:
    report = _with(_check(ERROR_BRIEF), _finding(line=2, column=5, end_line=4, end_column=3))
    (annotation, _) = format_github([report]).splitlines()
    assert annotation.startswith("::error file=brief.txt,line=2,endLine=4,title=")
    assert ",col=" not in annotation
    unnamed = format_github([_check(ERROR_BRIEF, path=None)]).splitlines()
    assert unnamed[0].startswith("::error title=PRV102 undisclosed-affiliation::")
    assert unnamed[-1].endswith(" in <text>")


def test_github_clean_run_is_one_summary_line() -> None:
    reports = [_check(CLEAN_BRIEF, "a.txt"), _check(CLEAN_BRIEF, "b.txt")]
    assert format_github(reports) == "provenance: no findings in 2 briefs\n"


def test_step_summary_lists_everything_and_notes_the_annotation_cap() -> None:
    base = _check(ERROR_BRIEF, "a.txt")
    many = _with(base, *[_finding(line=i, column=1) for i in range(1, 13)])
    summary = step_summary([many])
    assert summary.startswith("### ❌ provenance: 12 errors in a.txt")
    assert summary.count("| error | `PRV102` undisclosed-affiliation |") == 12
    assert "2 findings listed here had no annotation" in summary
    assert "had no annotation" not in step_summary([base])


# --------------------------------------------------------------------------- markdown
def test_markdown_comment_for_a_brief_with_findings() -> None:
    report = provenance.check(ROOT / "examples" / "brief.txt", as_of=DAY, path="examples/brief.txt")
    out = format_markdown([report])
    lines = out.splitlines()
    assert lines[0].startswith("### ❌ provenance: 1 error, ")
    assert lines[0].endswith(" in examples/brief.txt")
    assert "| Source | Label | State-affiliated | Disclosed | Claims carried |" in lines
    assert "| Press TV | state-controlled (Iran) | yes | **no** | 2 |" in lines
    assert (
        "| Fars News Agency | state-controlled (Iran), IRGC-affiliated | yes | yes | 2 |" in lines
    )
    assert "| Reuters | independent | no | — | 0 |" in lines
    assert "| Location | Severity | Rule | Message |" in lines
    assert (
        "| 3:105 | error | `PRV102` undisclosed-affiliation | Press TV is state-controlled "
        "(Iran), and the brief never tells the reader (2 mentions). |"
    ) in lines


def test_markdown_is_short_for_clean_briefs() -> None:
    assert format_markdown([_check(CLEAN_BRIEF, "a.txt")]) == (
        "### ✅ provenance: no findings in a.txt\n"
    )
    out = format_markdown([_check(CLEAN_BRIEF, "a.txt"), _check(ERROR_BRIEF, "b.txt")])
    assert "- ✅ a.txt: no findings" in out.splitlines()
    assert "#### ❌ b.txt: 1 error" in out


def test_markdown_escapes_table_cells() -> None:
    message = "a | b `code` <script>alert(1)</script> @PressTV *x* [l](u) & \\|\nend"
    report = _with(_check(ERROR_BRIEF, "brief_<1>.txt"), _finding(message=message))
    out = format_markdown([report])
    row = next(line for line in out.splitlines() if line.startswith("| 3:23 "))
    assert row.count(" | ") == 3  # four cells: no '|' of the message opened a new one
    assert "<" not in row
    assert ">" not in row
    assert "&lt;script&gt;" in row
    assert "\\`code\\`" in row
    assert "@&#8203;PressTV" in row  # nobody gets notified
    assert "&amp;" in row
    assert "\\\\\\|" in row  # a backslash in the text cannot escape our escape
    assert "end |" in row  # the line break became a space
    assert "brief\\_&lt;1&gt;.txt" in out.splitlines()[0]


def test_markdown_mentions_suppressed_findings() -> None:
    report = _check(ERROR_BRIEF, "a.txt")
    quiet = _with(report, attrs.evolve(_prv102(report), suppressed=True, suppression="ok"))
    out = format_markdown([quiet])
    assert out.startswith("### ✅ provenance: no findings in a.txt\n")
    assert "1 finding suppressed in the brief." in out


# --------------------------------------------------------------------------- integration files
def test_pre_commit_hook_manifest() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: provenance$", text, re.M)
    assert re.search(r"^  entry: provenance check$", text, re.M)
    assert re.search(r"^  language: python$", text, re.M)
    assert re.search(r"^  types_or: \[markdown, html, plain-text\]$", text, re.M)


def test_github_action_manifest() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert re.search(r"^runs:\n  using: composite$", text, re.M)
    for name in ("paths", "fail-on", "registry"):
        assert re.search(rf"^  {name}:$", text, re.M)
    assert '"$GITHUB_ACTION_PATH"' in text
    assert "--format sarif" in text
    assert "--format github" in text
    assert "uses: github/codeql-action/upload-sarif@v3" in text
    assert "sarif_file: ${{ steps.check.outputs.sarif-file }}" in text
    # inputs reach the shell through the environment, not pasted into the script
    run_blocks = re.findall(r"run: \|\n((?:        .*\n|\n)+)", text)
    assert run_blocks
    assert all("${{" not in block for block in run_blocks)


def test_output_formats_doc_has_a_section_per_format() -> None:
    doc = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for name in FORMATTERS:
        assert re.search(rf"^## .*`{name}`", doc, re.M), name
