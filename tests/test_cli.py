"""The command-line tool: exit codes, one-line errors, formats, and the registry commands."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

import pytest

import provenance
from provenance import RULES, __version__
from provenance._cli import ExitStatus, main

if TYPE_CHECKING:
    from pathlib import Path

DATE = "2024-05-14"
CLEAN = "According to Reuters, the talks had failed.\n"
ERROR = "The talks had failed, RT said.\n"  # PRV102 error (and PRV101/PRV103)
WARNING = "Lebanese media reported that the border was calm.\n"  # PRV105 warning only


def _brief(tmp_path: Path, content: str | bytes, name: str = "brief.txt") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, f"expected exactly one line on stderr, got {err!r}"
    assert lines[0].startswith("provenance:")
    assert "Traceback" not in err
    return lines[0]


# --------------------------------------------------------------------------- exit codes
def test_exit_status_values() -> None:
    assert {s.name: int(s) for s in ExitStatus} == {"CLEAN": 0, "FINDINGS": 1, "ERROR": 2}


def test_clean_brief_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "check", str(_brief(tmp_path, CLEAN)), "--date", DATE)
    assert code == 0
    assert err == ""
    assert out.rstrip().endswith("no findings")


def test_error_finding_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", str(_brief(tmp_path, ERROR)), "--date", DATE)
    assert code == 1
    assert "PRV102" in out


@pytest.mark.parametrize(("fail_on", "content", "expected"), [
    ("error", WARNING, 0),
    ("warning", WARNING, 1),
    ("info", WARNING, 1),
    ("warning", CLEAN, 0),
    ("info", CLEAN, 0),
    ("error", ERROR, 1),
])
def test_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], fail_on: str, content: str,
                 expected: int) -> None:
    code, _, _ = _run(capsys, "check", str(_brief(tmp_path, content)), "--date", DATE,
                      "--fail-on", fail_on)
    assert code == expected


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_empty_brief_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              content: str) -> None:
    code, out, err = _run(capsys, "check", str(_brief(tmp_path, content)), "--date", DATE,
                          "--fail-on", "info")
    assert code == 0
    assert err == ""
    assert "no findings" in out


def test_several_briefs_fail_if_any_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _brief(tmp_path, CLEAN, "a.txt")
    b = _brief(tmp_path, ERROR, "b.txt")
    code, out, _ = _run(capsys, "check", str(a), str(b), "--date", DATE)
    assert code == 1
    assert "2 briefs:" in out


# --------------------------------------------------------------------------- bad input: exit 2
@pytest.mark.parametrize(("name", "content", "words"), [
    ("binary.txt", b"GIF89a\x00\x01\x02 binary", "binary"),
    ("latin1.txt", "Caf\u00e9 said the talks failed.".encode("latin-1"), "UTF-8"),
    ("bad.md", b"\xff\xfe\xfa not utf-8", "UTF-8"),
])
def test_undecodable_input_is_one_line_and_exit_2(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  name: str, content: bytes, words: str) -> None:
    path = _brief(tmp_path, content, name)
    code, out, err = _run(capsys, "check", str(path), "--date", DATE)
    assert code == 2
    assert out == ""
    line = _one_error_line(err)
    assert str(path) in line
    assert words in line


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "check", str(tmp_path / "nope.txt"))
    assert code == 2
    assert out == ""
    assert "no such file" in _one_error_line(err)


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "check", str(tmp_path))
    assert code == 2
    assert out == ""
    assert "directory" in _one_error_line(err)


def test_directories_are_searched_and_jobs_keep_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.md").write_text("RT reported that the envoy left.\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Tasnim reported that the talks failed.\n", encoding="utf-8")
    (tmp_path / "notes.py").write_text("print('not a brief')\n", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("Press TV said so.\n", encoding="utf-8")
    code, serial, _ = _run(capsys, "check", str(tmp_path), "--format", "concise")
    assert code == 1
    code, parallel, _ = _run(capsys, "check", str(tmp_path), "--format", "concise", "--jobs", "2")
    assert code == 1
    assert parallel == serial
    files = [line.split(":")[0] for line in serial.splitlines()]
    assert files[0].endswith("1.txt")
    assert files[-1].endswith("2.md")
    assert not any("notes.py" in f or "hidden" in f for f in files)


def test_over_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _brief(tmp_path, CLEAN * 10)
    code, _, err = _run(capsys, "check", str(path), "--max-bytes", "20")
    assert code == 2
    assert "--max-bytes" in _one_error_line(err)


@pytest.mark.parametrize(("name", "content", "words"), [
    ("invalid.toml", '[[outlet]]\nid = "zz.x\n', "invalid TOML"),
    ("latin1.toml", '[[outlet]]\nname = "Caf\u00e9"\n'.encode("latin-1"), "UTF-8"),
    ("schema.toml", '[[outlet]]\nid = "zz.x"\nname = "X"\ncountry = "ZZ"\nmedium = "blog"\n',
     "medium"),
])
def test_malformed_registry_is_one_line_and_exit_2(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   name: str, content: str | bytes,
                                                   words: str) -> None:
    reg = _brief(tmp_path, content, name)
    code, out, err = _run(capsys, "check", str(_brief(tmp_path, CLEAN)), "--registry", str(reg))
    assert code == 2
    assert out == ""
    line = _one_error_line(err)
    assert str(reg) in line
    assert words in line


def test_missing_registry_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", str(_brief(tmp_path, CLEAN)), "--registry",
                        str(tmp_path / "nope.toml"))
    assert code == 2
    assert "nope.toml" in _one_error_line(err)


@pytest.mark.parametrize("argv", [
    ["check"],
    ["check", "x.txt", "--date", "2024-13-40"],
    ["check", "x.txt", "--format", "yaml"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    assert err.strip()


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([])
    assert code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "usage:" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


# --------------------------------------------------------------------------- formats
def test_json_output_equals_report_to_dict(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Tasnim reported that the talks had failed.\n\n“We will not retreat,” the commander "
            "said.\n")
    path = _brief(tmp_path, text)
    code, out, _ = _run(capsys, "check", str(path), "--format", "json", "--date", DATE)
    assert code == 1
    report = provenance.check(path, as_of=date(2024, 5, 14))
    assert json.loads(out) == json.loads(json.dumps(report.to_dict()))
    assert json.loads(out)["meta"]["path"] == str(path)


def test_json_output_for_several_briefs_is_an_array(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    a = _brief(tmp_path, CLEAN, "a.txt")
    b = _brief(tmp_path, ERROR, "b.txt")
    _, out, _ = _run(capsys, "check", str(a), str(b), "--format", "json", "--date", DATE)
    data = json.loads(out)
    assert [d["meta"]["path"] for d in data] == [str(a), str(b)]


def test_input_format_is_chosen_by_suffix_or_option(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    html_brief = "<p>R&amp;D fell, <b>Reuters</b> reported.</p>\n"
    path = _brief(tmp_path, html_brief, "brief.html")
    _, out, _ = _run(capsys, "check", str(path), "--format", "json", "--date", DATE)
    assert json.loads(out)["meta"]["format"] == "html"
    path = _brief(tmp_path, html_brief, "brief.txt")
    _, out, _ = _run(capsys, "check", str(path), "--format", "json", "--date", DATE,
                     "--input-format", "html")
    assert json.loads(out)["meta"]["format"] == "html"


def test_date_option_sets_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _brief(tmp_path, CLEAN)
    _, out, _ = _run(capsys, "check", str(path), "--format", "json", "--date", "1987-06-01")
    assert json.loads(out)["meta"]["as_of"] == "1987-06-01"
    _, out, _ = _run(capsys, "check", str(path), "--date", "1987-06-01")
    assert "as of 1987-06-01" in out


def test_registry_overlay_reaches_the_report(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    reg = _brief(tmp_path, 'retract = ["zz.none"]\n', "overlay.toml")
    code, out, err = _run(capsys, "check", str(_brief(tmp_path, CLEAN)), "--registry", str(reg),
                          "--format", "json", "--date", DATE)
    assert code == 0
    assert json.loads(out)["meta"]["registry"]["overlays"] == [str(reg)]
    assert err.startswith("provenance: warning:")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ERROR.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = _run(capsys, "check", "-", "--format", "json", "--date", DATE)
    assert code == 1
    data = json.loads(out)
    assert data["meta"]["path"] == "<stdin>"
    assert [m["text"] for m in data["mentions"]] == ["RT"]


def test_stdin_binary_is_refused(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"\x00\x01binary"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = _run(capsys, "check", "-")
    assert code == 2
    assert out == ""
    _one_error_line(err)


# --------------------------------------------------------------------------- registry commands
def test_registry_show_tasnim(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "registry", "show", "Tasnim", "--date", DATE)
    assert code == 0
    assert err == ""
    assert out.startswith("Tasnim News Agency  [ir.tasnim]")
    assert f"as of {DATE}" in out
    assert "IRGC" in out
    assert "state-affiliated" in out
    assert "https://" in out  # the evidence behind the label


def test_registry_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "registry", "show", "tasnimnews.com", "--json", "--date", DATE)
    assert code == 0
    (entry,) = json.loads(out)
    assert entry["id"] == "ir.tasnim"
    assert entry["state_affiliated"] is True
    assert "org.irgc" in [c["id"] for c in entry["controllers"]]
    assert all(claim["evidence"] for claim in entry["claims"])


def test_registry_show_inherited(capsys: pytest.CaptureFixture[str]) -> None:
    registry = provenance.default_registry()
    inheriting = [o for o in registry.outlets.values()
                  if registry.affiliation(o.id, date(2024, 5, 14)).inherited_from]
    assert inheriting
    outlet = inheriting[0]
    code, out, _ = _run(capsys, "registry", "show", outlet.id, "--date", DATE)
    assert code == 0
    assert "inherited from" in out


def test_registry_show_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "registry", "show", "No Such Outlet")
    assert code == 2
    assert out == ""
    assert "No Such Outlet" in _one_error_line(err)


def test_registry_validate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "registry", "validate")
    assert code == 0
    assert err == ""
    registry = provenance.default_registry()
    assert out.startswith(f"ok: {len(registry.outlets)} outlets")


def test_registry_validate_broken_overlay(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = _brief(tmp_path, '[[outlet]]\nid = "zz.x"\nname = "X"\ncountry = "ZZ"\n'
                            'medium = "newspaper"\nsecret = 1\n', "overlay.toml")
    code, out, err = _run(capsys, "registry", "validate", str(path))
    assert code == 2
    assert out == ""
    line = _one_error_line(err)
    assert str(path) in line
    assert "zz.x" in line
    assert "secret" in line


# --------------------------------------------------------------------------- rules
def test_rules_command_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES, strict=True):
        assert line.split()[:3] == [rule.code, rule.name, rule.severity]


def test_python_dash_m_entry_point() -> None:
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "provenance", "rules"], capture_output=True,
                          text=True, check=False, timeout=60)
    assert proc.returncode == 0
    assert "PRV102" in proc.stdout
