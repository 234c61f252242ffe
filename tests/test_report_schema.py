"""The published JSON Schema of the report (``docs/report.schema.json``) fits real reports.

Reports of every fixture brief, of a hostile brief and (when present beside the repository)
of the seed brief are validated, one by one and as the CLI's array for several briefs; and
the schema is strict enough to reject a broken report.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import provenance
from provenance._cli import main
from tests._support import BRIEFS, FIXTURES, read_text
from tests.test_html import HOSTILE

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "docs" / "report.schema.json"
SEED = ROOT.parent / "shared" / "examples" / "seed-brief.txt"
DAY = date(2031, 6, 1)

BRIEF_FILES = sorted([*BRIEFS.iterdir(), *(FIXTURES / "seed_like").iterdir(),
                      FIXTURES / "html" / "zedland.txt"])


def _validator() -> Any:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _report(path: Path) -> dict[str, Any]:
    return provenance.check(path, as_of=DAY).to_dict()


@pytest.mark.parametrize("path", BRIEF_FILES, ids=lambda p: p.name)
def test_fixture_reports_fit_the_schema(path: Path) -> None:
    _validator().validate(_report(path))


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_hostile_and_empty_reports_fit_the_schema(fmt: str) -> None:
    v = _validator()
    v.validate(provenance.check(HOSTILE, format=fmt, as_of=DAY).to_dict())  # type: ignore[arg-type]
    v.validate(provenance.check("", format=fmt, as_of=DAY).to_dict())  # type: ignore[arg-type]


@pytest.mark.skipif(not SEED.is_file(), reason=f"no seed brief at {SEED}")
def test_seed_report_fits_the_schema() -> None:
    _validator().validate(provenance.check(SEED, as_of=date(2017, 4, 16)).to_dict())


def test_cli_array_for_several_briefs_fits_the_schema(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BRIEFS)
    main(["check", *sorted(p.name for p in BRIEFS.iterdir()), "--format", "json",
          "--date", DAY.isoformat()])
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    assert len(data) == len(list(BRIEFS.iterdir()))
    _validator().validate(data)


def test_schema_rejects_broken_reports() -> None:
    v = _validator()
    good = provenance.check(read_text(FIXTURES / "html" / "zedland.txt"), as_of=DAY).to_dict()
    assert good["mentions"]
    assert good["claims"]
    assert good["findings"]
    v.validate(good)

    def broken(change: Any) -> dict[str, Any]:
        data = copy.deepcopy(good)
        change(data)
        return data

    bad = [
        broken(lambda d: d.update(schema="provenance.report/2")),
        broken(lambda d: d.pop("claims")),
        broken(lambda d: d["mentions"][0].update(kind="outlet-ish")),
        broken(lambda d: d["mentions"][0].pop("disclosed")),
        broken(lambda d: d["mentions"][0].update(start=-1)),
        broken(lambda d: d["claims"][0].update(kind="reported")),
        broken(lambda d: d["findings"][0].update(severity="fatal")),
        broken(lambda d: d["findings"][0].update(line=0)),
        broken(lambda d: d["meta"].update(as_of="yesterday")),
    ]
    for data in bad:
        assert not v.is_valid(data)
