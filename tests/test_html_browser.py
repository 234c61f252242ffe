"""``--format html`` in a real browser: headless Chromium driven by Playwright.

The page must show its highlights, cards and findings; a hostile brief must run no script;
and no request may leave the page (it is one self-contained file). The tests use the system
Chromium (Debian package ``chromium``; ``.ci/run`` installs it) through Playwright's
``executable_path``; Playwright's own browser downloads are never used. Without Chromium or the
``playwright`` package (``pip install -e '.[browser]'``), the tests are skipped.

Screenshots are written under each test's temporary folder (``tmp_path``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

import pytest

import provenance
from provenance._formatters import format_html
from tests.test_html import HERE, HOSTILE, zedland_report

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = os.environ.get("PROVENANCE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-brief.txt"


REQUIRED = os.environ.get("PROVENANCE_REQUIRE_BROWSER") == "1"  # set by .ci/run


def _missing(reason: str) -> NoReturn:
    if REQUIRED:
        pytest.fail(f"{reason}; PROVENANCE_REQUIRE_BROWSER=1 requires the browser tests to run")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        from playwright import sync_api
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[browser]')")
    if not Path(CHROMIUM).is_file():
        _missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Watch:
    """What a page did: dialogs opened, console messages, requests made and requests refused."""

    def __init__(self, page: Page) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.requests: list[str] = []
        self.refused: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda msg: self.console.append(msg.text))
        page.on("request", lambda req: self.requests.append(req.url))
        page.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(str(dialog.message))
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = str(route.request.url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()

    def external(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:"))] + self.refused


def _open(browser: Browser, page_html: str, tmp_path: Path, name: str) -> tuple[Page, Watch]:
    path = tmp_path / f"{name}.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = Watch(page)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, watch


def _visible_text(page: Page, selector: str) -> list[str]:
    return [str(t) for t in page.locator(selector).all_inner_texts()]


def test_zedland_page_shows_highlights_cards_and_findings(browser: Browser, tmp_path: Path) -> None:
    report = zedland_report()
    page, watch = _open(browser, format_html([report]), tmp_path, "zedland")
    try:
        marks = page.locator("section.brief mark.mention")
        assert marks.count() == len(report.mentions)
        for i in range(marks.count()):
            assert marks.nth(i).is_visible()
        assert page.locator("section.brief .claim").first.is_visible()
        assert page.locator("section.brief .quote").first.is_visible()
        notes = page.locator("ol.notes > li.note")
        assert notes.count() == len([f for f in report.findings if not f.suppressed])
        assert notes.first.is_visible()
        assert "PRV102" in notes.first.inner_text()
        assert page.locator("table.sources").is_visible()
        assert page.locator("figure.chart svg").is_visible()

        # The paragraphs read exactly as the brief: badges and hidden cards are not text.
        paras = _visible_text(page, "section.brief p.para")
        assert paras == [p.rstrip() for p in report.text.split("\n\n") if p.strip()]

        # Cards: hidden, shown on hover, and on keyboard focus (Tab).
        card = page.locator("#r1-card-m1")
        assert not card.is_visible()
        page.hover("#r1-m1")
        assert card.is_visible()
        assert "Ministry of Information of Zedland" in card.inner_text()
        assert "not disclosed" in card.inner_text()
        page.mouse.move(0, 0)
        assert not card.is_visible()
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "r1-m1":
                break
        else:
            pytest.fail("the first mention cannot be reached with the Tab key")
        assert card.is_visible()
        page.keyboard.press("Tab")  # into the card: its evidence link
        assert page.evaluate("document.activeElement.tagName") == "A"
        assert card.is_visible()
        shot = tmp_path / "zedland-card.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000

        # A note's link leads to the finding in the text.
        page.locator("#r1-note1 a.note-where").click()
        assert page.evaluate("location.hash") == "#r1-f1"

        full = tmp_path / "zedland.png"
        page.screenshot(path=str(full), full_page=True)
        assert full.stat().st_size > 20_000

        # Print: no cards, highlights and notes kept.
        page.emulate_media(media="print")
        page.hover("#r1-m1")
        assert not card.is_visible()
        assert marks.first.is_visible()
        assert notes.first.is_visible()
        assert watch.external() == []
        assert watch.dialogs == []
    finally:
        page.close()


@pytest.mark.skipif(not SEED.is_file(), reason=f"no seed brief at {SEED}")
def test_seed_brief_page(browser: Browser, tmp_path: Path) -> None:
    """``provenance check seed-brief.txt --format html``: the whole brief, marked."""
    report = provenance.check(SEED, as_of=date(2017, 4, 16))
    page, watch = _open(browser, format_html([report]), tmp_path, "seed")
    try:
        text = "\n\n".join(_visible_text(page, "section.brief p.para"))
        words = report.text.split()
        assert text.split() == words  # the whole brief is in the page
        assert page.locator("section.brief mark.mention").count() == len(report.mentions)
        assert page.locator("section.brief .quote.first").count() == len(report.quotes) or (
            page.locator("section.brief .quote").count() >= len(report.quotes)
        )
        for kind in ("quoted", "attributed", "unattributed"):
            if any(c.kind == kind for c in report.claims):
                assert page.locator(f"section.brief .claim-{kind}").first.is_visible()
        tasnim = next(m for m in report.mentions if m.outlet and m.outlet.id == "ir.tasnim")
        page.focus(f"#r1-{tasnim.id}")
        card = page.locator(f"#r1-card-{tasnim.id}")
        assert card.is_visible()
        assert "Islamic Revolutionary Guard Corps" in card.inner_text()
        assert "disclosed in the brief" in card.inner_text()
        assert card.locator("a[href^='https://']").count() >= 1
        shot = tmp_path / "seed.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 50_000
        assert watch.external() == []
    finally:
        page.close()


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_hostile_brief_runs_no_script(
    browser: Browser, tmp_path: Path, fmt: Literal["text", "markdown", "html"], csp: bool
) -> None:
    """Script tags, broken-out attributes, event handlers and ``javascript:`` links in a brief
    (and in a registry overlay) stay text. Without the page's Content-Security-Policy too:
    escaping alone must be enough."""
    reg_text = (HERE / "registry.toml").read_text(encoding="utf-8").replace(
        'name = "Ministry of Information of Zedland"',
        'name = "Ministry <img src=x onerror=\\"alert(8)\\"><script>alert(9)</script>"',
    )
    reg_path = tmp_path / "registry.toml"
    reg_path.write_text(reg_text, encoding="utf-8")
    hostile = provenance.check(HOSTILE, format=fmt, as_of=date(2024, 5, 14), path="<b>x</b>")
    zed = provenance.check(
        "Zedland Herald said so.",
        registry=provenance.Registry.from_files(reg_path),
        as_of=date(2031, 6, 1),
    )
    page_html = format_html([hostile, zed])
    if not csp:
        start = page_html.index('<meta http-equiv="Content-Security-Policy"')
        page_html = page_html[:start] + page_html[page_html.index(">", start) + 1 :]
        assert "Content-Security-Policy" not in page_html
    page, watch = _open(browser, page_html, tmp_path, f"hostile-{fmt}")
    try:
        # Wake every handler an injection could have planted: hover and focus everything.
        for mark in page.locator("mark").all():
            mark.hover()
        for _ in range(30):
            page.keyboard.press("Tab")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert watch.dialogs == []
        assert page.locator("script, img, iframe, object, embed").count() == 0
        assert page.locator("[onerror], [onload], [onmouseover]").count() == 0
        assert page.locator("a[href^='javascript:' i]").count() == 0
        hostile_text = "\n\n".join(_visible_text(page, "#r1 p.para"))
        assert "<script>window.__pwned = 1" in hostile_text  # shown as text
        assert page.locator("#r1 p.para").first.is_visible()
        page.screenshot(path=str(tmp_path / f"hostile-{fmt}.png"), full_page=True)
        assert watch.external() == []
        assert not [c for c in watch.console if "pwned" in c]
    finally:
        page.close()
