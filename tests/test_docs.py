"""The generated documentation is in step with the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_rules_doc_is_up_to_date() -> None:
    """docs/rules.md is what scripts/gen_rules_doc.py renders from provenance.RULES."""
    spec = importlib.util.spec_from_file_location(
        "gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py"
    )
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    expected: str = generator.render()
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/rules.md is out of date: run `python scripts/gen_rules_doc.py` and commit the result"
    )
