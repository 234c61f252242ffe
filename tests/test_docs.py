"""The generated documentation is in step with the code."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

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


REQUIRED_PAGES = ("index.md", "quickstart.md", "ci.md", "configuration.md", "rules.md",
                  "registry.md", "formats.md", "api.md", "glossary.md")


def _nav_pages(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [p for v in node.values() for p in _nav_pages(v)]
    if isinstance(node, list):
        return [p for v in node for p in _nav_pages(v)]
    return []


def test_mkdocs_nav_lists_every_page_and_every_page_exists() -> None:
    """mkdocs.yml's navigation (by reader) names each page of docs/ once."""
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with the docs extra")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = _nav_pages(config["nav"])
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert sorted(nav) == pages
    assert len(nav) == len(set(nav))
    for page in REQUIRED_PAGES:
        assert page in pages
    assert (ROOT / "docs" / "report.schema.json").is_file()


def test_docs_links_point_at_pages_that_exist() -> None:
    """Relative links between the pages (and from the README) name files that exist."""
    link = re.compile(r"\]\(([^)#\s]+\.(?:md|json))(?:#[^)\s]*)?\)")
    for page in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        for target in link.findall(page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (page.parent / target).is_file(), f"{page.name}: broken link to {target}"


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    """``mkdocs build --strict`` passes (with the docs extra installed; CI runs it too)."""
    if shutil.which("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        ["mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env=env, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "site" / "formats" / "index.html").is_file()
    assert (tmp_path / "site" / "report.schema.json").is_file()
