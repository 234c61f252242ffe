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
from provenance._cli import main
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
def test_seed_brief_page(
    browser: Browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``provenance check ../shared/examples/seed-brief.txt --format html > seed.html``: the
    whole brief is in the page with its mentions, quotes and claims marked; screenshots of
    the page and of an open card are saved under ``tmp_path``."""
    code = main(["check", str(SEED), "--format", "html"])
    page_html, err = capsys.readouterr()
    assert code in (0, 1)
    assert err == ""
    report = provenance.check(SEED)
    page, watch = _open(browser, page_html, tmp_path, "seed")
    try:
        text = "\n\n".join(_visible_text(page, "section.brief p.para"))
        assert text.split() == report.text.split()  # the whole brief is in the page
        marks = page.locator("section.brief mark.mention")
        assert marks.count() == len(report.mentions)
        assert all(marks.nth(i).is_visible() for i in range(marks.count()))
        assert page.locator("section.brief .quote.first").count() == len(report.quotes)
        for kind in ("quoted", "attributed", "unattributed"):
            n = sum(1 for c in report.claims if c.kind == kind)
            assert page.locator(f"section.brief .claim-{kind}.first").count() == n
            if n:
                assert page.locator(f"section.brief .claim-{kind}").first.is_visible()
        notes = page.locator("ol.notes > li.note")
        assert notes.count() == len([f for f in report.findings if not f.suppressed])
        full = tmp_path / "seed.png"
        page.screenshot(path=str(full), full_page=True)
        assert full.stat().st_size > 50_000

        tasnim = next(m for m in report.mentions if m.outlet and m.outlet.id == "ir.tasnim")
        page.focus(f"#r1-{tasnim.id}")
        card = page.locator(f"#r1-card-{tasnim.id}")
        assert card.is_visible()
        assert "Islamic Revolutionary Guard Corps" in card.inner_text()
        assert "disclosed in the brief" in card.inner_text()
        assert card.locator("a[href^='https://']").count() >= 1
        shot = tmp_path / "seed-card.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        assert watch.external() == []
    finally:
        page.close()


# The WCAG contrast ratio of every visible piece of text (badges drawn by CSS included)
# against the background it is drawn on; returns the pieces under 4.5:1.
CONTRAST = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = (c) => { const f = (v) => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const bgOf = (el, own) => { if (own && own[3] > 0) return own;
    for (let e = el; e; e = e.parentElement) {
      const b = parse(getComputedStyle(e).backgroundColor); if (b && b[3] > 0) return b; }
    return [255, 255, 255, 1]; };
  const low = []; let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg')) continue;
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || !el.getClientRects().length) continue;
    if ([...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) {
      checked++;
      const r = ratio(parse(st.color), bgOf(el, null));
      if (r < 4.5) low.push(el.tagName + '.' + el.className + ' ' + r.toFixed(2)); }
    for (const ps of ['::before', '::after']) {
      const p = getComputedStyle(el, ps);
      if (!p.content || p.content === 'none' || p.content === 'normal') continue;
      checked++;
      const r = ratio(parse(p.color), bgOf(el, parse(p.backgroundColor)));
      if (r < 4.5) low.push(el.tagName + '.' + el.className + ps + ' ' + r.toFixed(2)); }
  }
  return {checked, low};
}"""


def test_text_contrast_and_keyboard_order(browser: Browser, tmp_path: Path) -> None:
    """Every text on the page, an open card's included, has a contrast of at least 4.5:1;
    the Tab key reaches the skip link first, then every outlet in reading order."""
    report = zedland_report()
    page, _ = _open(browser, format_html([report]), tmp_path, "contrast")
    try:
        page.focus("#r1-m1")
        result = page.evaluate(CONTRAST)
        assert result["checked"] > 50
        assert result["low"] == []
        page.reload()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        order: list[str] = []
        for _ in range(80):
            page.keyboard.press("Tab")
            active = page.evaluate("[document.activeElement.tagName, document.activeElement.id,"
                                   " document.activeElement.className]")
            if active[0] == "MARK":
                order.append(active[1])
            if active[0] == "BODY":
                break
        expected = [f"r1-{m.id}" for m in report.mentions]
        assert [i for i in order if i in expected] == expected
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
