"""Configuration files, inline suppressions and the CLI options that go with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import provenance
from provenance._cli import main
from provenance._config import Config, find_config, load_config, parse_config
from provenance._exceptions import ConfigError

UNDISCLOSED = "# Talks\n\nAccording to Tasnim News Agency, the ministry said the talks had failed.\n"
SCHEMA = Path(provenance.__file__).parent / "config.schema.json"


def _codes(report: provenance.Report, *, suppressed: bool = False) -> list[str]:
    return [f.rule for f in report.findings if f.suppressed == suppressed]


def test_default_config_runs_every_rule_at_its_default_severity() -> None:
    plan = Config().rules_for()
    assert [r.code for r, _ in plan] == [r.code for r in provenance.RULES]
    assert all(sev == r.severity for r, sev in plan)


def test_select_ignore_and_severity_by_code_prefix_or_name() -> None:
    cfg = parse_config(
        {"select": ["PRV10"], "ignore": ["vague-state-source"],
         "severity": {"undisclosed-affiliation": "warning", "PRV101": "error"}},
        None,
    )
    plan = {r.code: sev for r, sev in cfg.rules_for()}
    assert "PRV105" not in plan
    assert plan["PRV102"] == "warning"
    assert plan["PRV101"] == "error"
    assert set(plan) == {f"PRV10{i}" for i in (0, 1, 2, 3, 4, 6, 7, 8, 9)}


def test_per_path_overrides_match_globs_relative_to_the_config(tmp_path: Path) -> None:
    conf = tmp_path / "provenance.toml"
    conf.write_text('[per-path."archive/*"]\nignore = ["PRV102"]\n', encoding="utf-8")
    cfg = load_config(conf)
    assert "PRV102" not in {r.code for r, _ in cfg.rules_for(str(tmp_path / "archive" / "a.md"))}
    assert "PRV102" in {r.code for r, _ in cfg.rules_for(str(tmp_path / "news" / "a.md"))}


def test_unknown_keys_warn_and_bad_values_fail(tmp_path: Path) -> None:
    cfg = parse_config({"selekt": ["PRV102"], "ignore": ["no-such-rule"]}, None)
    assert any("selekt" in w for w in cfg.warnings)
    assert any("no-such-rule" in w for w in cfg.warnings)
    with pytest.raises(ConfigError, match="fail-on"):
        parse_config({"fail-on": "fatal"}, None)
    with pytest.raises(ConfigError, match="https is required"):
        parse_config({"registries": [{"url": "http://example.org/r.toml"}]}, None)
    bad = tmp_path / "provenance.toml"
    bad.write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad)


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.provenance]\nfail-on = "warning"\n', "utf-8")
    inner = tmp_path / "desk"
    inner.mkdir()
    (inner / "provenance.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert find_config(inner / "brief.md") == inner / "provenance.toml"
    assert find_config(tmp_path / "brief.md") == tmp_path / "pyproject.toml"
    (tmp_path / "other").mkdir()
    plain = tmp_path / "other" / "pyproject.toml"
    plain.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path / "other" / "b.md") == tmp_path / "pyproject.toml"


def test_the_shipped_json_schema_describes_every_key() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    from provenance import _config

    assert set(schema["properties"]) == _config._KEYS


# ---------------------------------------------------------------------------- suppressions
def test_disable_next_line_suppresses_and_keeps_the_finding_with_its_reason() -> None:
    text = ("# Talks\n\n<!-- provenance-disable-next-line PRV102 -- explained in the sidebar -->\n"
            "According to Tasnim News Agency, the ministry said the talks had failed.\n")
    report = provenance.check(text, format="markdown")
    (f,) = [f for f in report.findings if f.rule == "PRV102"]
    assert f.suppressed
    assert f.suppression == "explained in the sidebar"
    assert not report.failing()
    assert "PRV100" not in _codes(report)


def test_disable_enable_range_and_file_and_names() -> None:
    text = ("<!-- provenance-disable undisclosed-affiliation -->\n\n"
            "Tasnim reported that the talks failed.\n\n"
            "<!-- provenance-enable undisclosed-affiliation -->\n\n"
            "RT reported that the envoy left.\n")
    report = provenance.check(text, format="markdown")
    prv102 = [(report.text[f.start:f.end], f.suppressed) for f in report.findings if f.rule == "PRV102"]
    assert prv102 == [("Tasnim", True), ("RT", False)]
    whole = provenance.check("<!-- provenance-disable-file PRV101 PRV102 PRV103 -->\n\n"
                             "Tasnim reported that the talks failed.\n", format="markdown")
    assert not _codes(whole)
    assert set(_codes(whole, suppressed=True)) == {"PRV101", "PRV102", "PRV103"}


def test_unused_and_unknown_suppressions_are_reported() -> None:
    report = provenance.check("<!-- provenance-disable-next-line PRV102 nonsense-rule -->\n"
                              "The talks failed.\n")
    (f,) = report.findings
    assert f.rule == "PRV100"
    assert "nonsense-rule" in f.message
    assert "PRV102 suppressed nothing" in f.message
    assert report.text[f.start:f.end].startswith("<!--")


def test_suppression_comment_is_not_prose_in_plain_text() -> None:
    report = provenance.check("<!-- provenance-disable-file PRV107 -->\n\nThe talks failed.\n")
    assert [c.text for c in report.claims] == ["The talks failed."]


# ---------------------------------------------------------------------------- CLI
def test_cli_scenario_from_the_issue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(UNDISCLOSED, encoding="utf-8")
    assert main(["check", "a.md"]) == 1
    assert main(["check", "a.md", "--exit-zero"]) == 0
    assert main(["check", "a.md", "--ignore", "PRV102"]) == 0
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.md").write_text(UNDISCLOSED, encoding="utf-8")
    (sub / "pyproject.toml").write_text(
        '[tool.provenance.severity]\nundisclosed-affiliation = "warning"\n', encoding="utf-8")
    assert main(["check", "sub/a.md"]) == 0
    assert main(["check", "sub/a.md", "--isolated"]) == 1
    assert main(["check", "a.md", "--config", "sub/pyproject.toml"]) == 0
    assert main(["check", "a.md", "--config", "missing.toml"]) == 2
    capsys.readouterr()


def test_explain_prints_a_rules_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "undisclosed-affiliation"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PRV102 undisclosed-affiliation (default severity: error)")
    assert "Write instead:" in out
    assert main(["explain", "PRV999"]) == 2
    assert "no rule is called" in capsys.readouterr().err
