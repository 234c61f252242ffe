"""``--format html`` without a browser: nesting, the page's text, escaping and a golden page.

The browser tests (highlights, cards and findings visible; the hostile brief runs no script;
no request leaves the page) are in ``test_html_browser.py``. To rewrite the golden page after
an intended change, run ``PROVENANCE_UPDATE_GOLDEN=1 python -m pytest tests/test_html.py``
and look at the page (and the diff) before committing it.
"""

from __future__ import annotations

import html
import os
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import provenance
from provenance._cli import main
from provenance._formatters import FORMATTERS, format_html
from provenance._formatters.html import Span, nest
from tests._support import GOLDEN, read_text

HERE = Path(__file__).resolve().parent / "fixtures" / "html"
DAY = date(2031, 6, 1)
UPDATE = os.environ.get("PROVENANCE_UPDATE_GOLDEN") == "1"

HOSTILE = (
    '<script>window.__pwned = 1; alert("script")</script> Tasnim said "we <b>won</b>".\n'
    '"><img src=x onerror="window.__pwned = 2; alert(\'img\')"> according to RT, '
    "' onmouseover='alert(3)' x=' and [Press TV](javascript:alert(4)) reported it.\n"
    '<a href="javascript:alert(5)">Fars</a> <iframe src="https://evil.example/"></iframe>\n'
    "<style>body{display:none}</style></p></mark></span><svg onload=alert(6)> &lt;script&gt;\n\n"
    '<img src="https://evil.example/pixel.png"> “</textarea><script>alert(7)</script>,” he said.\n'
)


def zedland_registry() -> provenance.Registry:
    return provenance.Registry.from_files(HERE / "registry.toml")


def zedland_report() -> provenance.Report:
    text = read_text(HERE / "zedland.txt")
    return provenance.check(text, registry=zedland_registry(), as_of=DAY, path="zedland.txt")


# --------------------------------------------------------------------------- a small HTML reader
class _Page(HTMLParser):
    """Elements, attributes and text of a page; ``paras`` holds each paragraph's visible text
    (what a reader sees, finds and copies: hidden cards left out, entities decoded)."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "rect", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, opens a hidden card)
        self.paras: dict[str, str] = {}
        self._para: str | None = None
        self._hidden = 0
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        hidden = "card" in (a.get("class") or "").split()
        self._hidden += hidden
        self.stack.append((tag, hidden))
        if tag == "p" and "para" in (a.get("class") or "").split():
            self._para = a.get("id") or ""
            self.paras[self._para] = ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.balanced = False
            return
        _, hidden = self.stack.pop()
        self._hidden -= hidden
        if tag == "p":
            self._para = None

    def handle_data(self, data: str) -> None:
        if self._para is not None and not self._hidden:
            self.paras[self._para] += data


def read_page(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def assert_inert(page: str) -> None:
    """Nothing in ``page`` can run a script or fetch anything."""
    p = read_page(page)
    assert p.balanced
    names = {t for t, _ in p.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    assert [t for t, _ in p.tags].count("style") == 1
    for tag, attrs in p.tags:
        for k, v in attrs.items():
            assert not k.startswith("on"), (tag, k, v)
            if k in ("href", "src", "action", "formaction", "xlink:href"):
                assert v is not None
                assert v.startswith(("#", "https://", "http://")), (tag, k, v)
    assert "Content-Security-Policy" in page
    assert "default-src 'none'" in page


# --------------------------------------------------------------------------- nesting
@st.composite
def _texts_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40))
    n = len(text)
    spans = []
    for i in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        spans.append(Span(a, b, draw(st.integers(0, 3)), "span", f' data-s="{i}" data-first',
                          f' data-s="{i}"', f'<i data-tail="{i}"></i>'))
    return text, spans


class _Coverage(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.pos = 0
        self.text = ""
        self.cover: dict[int, set[int]] = {}
        self.firsts: dict[int, int] = {}
        self.tails: dict[int, int] = {}
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "i":
            k = int(a["data-tail"] or "")
            self.tails[k] = self.tails.get(k, 0) + 1
            self.open.append("i")
            return
        self.open.append(a["data-s"] or "")
        if "data-first" in a:
            k = int(a["data-s"] or "")
            self.firsts[k] = self.firsts.get(k, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            self.balanced = False
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for j in range(len(data)):
            for s in self.open:
                if s != "i":
                    self.cover.setdefault(int(s), set()).add(self.pos + j)
        self.pos += len(data)
        self.text += data


@given(_texts_and_spans())
def test_nesting_keeps_the_text_and_covers_each_span_exactly(
    case: tuple[str, list[Span]],
) -> None:
    text, spans = case
    out = nest(text, spans, 0, len(text))
    parser = _Coverage()
    parser.feed(out)
    parser.close()
    assert parser.balanced
    assert not parser.open
    assert parser.text == text  # the page is the brief: nothing added, nothing lost
    for i, s in enumerate(spans):
        assert parser.cover.get(i, set()) == set(range(s.start, s.end))
        # one first piece (with its tail) for every non-empty span, none for an empty one
        assert parser.firsts.get(i, 0) == (1 if s.end > s.start else 0)
        assert parser.tails.get(i, 0) == (1 if s.end > s.start else 0)


def test_crossing_spans_are_split_and_equal_spans_nest_by_rank() -> None:
    a = Span(0, 6, 0, "b", "", ' class="cont"')
    b = Span(3, 9, 0, "i", "", "")
    assert nest("abcdefghi", [a, b], 0, 9) == "<b>abc<i>def</i></b><i>ghi</i>"
    outer = Span(0, 3, 0, "b", "", "")
    inner = Span(0, 3, 1, "i", "", "")
    assert nest("abc", [inner, outer], 0, 3) == "<b><i>abc</i></b>"
    # clipped to a block: the later piece carries the ``rest`` attributes
    assert nest("abcdef", [a], 4, 6) == '<b class="cont">ef</b>'
    assert nest("a<b", [], 0, 3) == "a&lt;b"


# --------------------------------------------------------------------------- the page
def test_html_is_registered_and_the_cli_writes_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert FORMATTERS["html"] is format_html
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brief.txt").write_text("Tasnim reported that the talks had failed.\n",
                                        encoding="utf-8")
    code = main(["check", "brief.txt", "--date", "2024-05-14", "--format", "html"])
    out, err = capsys.readouterr()
    assert code == 1  # undisclosed Tasnim: an error, as in every format
    assert err == ""
    assert out.startswith("<!DOCTYPE html>")
    assert out.rstrip().endswith("</html>")
    assert '<mark class="mention aff-state undisclosed first"' in out
    assert_inert(out)


def test_every_paragraph_of_the_brief_is_on_the_page_as_written() -> None:
    report = zedland_report()
    page = read_page(format_html([report]))
    paras = list(page.paras.values())
    expected = [p for p in report.text.split("\n\n") if p.strip()]
    assert paras == [p.rstrip() for p in expected]


def test_every_mention_quote_claim_and_finding_is_marked_at_its_span() -> None:
    report = zedland_report()
    out = format_html([report])
    page = read_page(out)
    ids = {a.get("id") for _, a in page.tags}
    for m in report.mentions:
        assert f"r1-{m.id}" in ids
        assert f"r1-card-{m.id}" in ids
    for q in report.quotes:
        assert f"r1-{q.id}" in ids
    for c in report.claims:
        assert f"r1-{c.id}" in ids
    findings = [f for f in report.findings if not f.suppressed]
    for n in range(1, len(findings) + 1):
        assert f"r1-f{n}" in ids
        assert f"r1-note{n}" in ids
    marks = [a for t, a in page.tags if t == "mark" and "sample" not in (a.get("class") or "")]
    assert len(marks) == len(report.mentions)
    # the card says what the registry says, with the evidence link escaped in the attribute
    assert "Ministry of Information of Zedland" in out
    assert 'href="https://example.org/zedland-media-report?a=1&amp;b=&lt;2&gt;"' in out
    assert "✓ disclosed in the brief: “which is state-run”" in out
    assert "not disclosed</strong> anywhere in the brief" in out
    # what to write instead, from the rule object
    assert provenance.RULES[2].instead.split("“")[0].strip() in html.unescape(out)


def test_summary_counts_sources_and_charts_claims_by_source_type() -> None:
    out = format_html([zedland_report()])
    assert '<table class="sources">' in out
    assert "<svg role=\"img\"" in out
    assert "via state-affiliated media: 4" in out  # c1, c2 (Herald), c3 (citing it), c4 (radio)
    assert "unattributed (author&#x27;s voice): 2" in out


def test_golden_page() -> None:
    """The whole page for an invented brief and registry (see tests/fixtures/html/)."""
    out = format_html([zedland_report()])
    golden = GOLDEN / "zedland.html"
    if UPDATE:
        golden.write_text(out, encoding="utf-8", newline="")
    assert out == read_text(golden), (
        "the HTML page changed: PROVENANCE_UPDATE_GOLDEN=1 python -m pytest tests/test_html.py"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_hostile_brief_is_escaped(fmt: Literal["text", "markdown", "html"]) -> None:
    report = provenance.check(HOSTILE, format=fmt, as_of=date(2024, 5, 14), path='"><script>x.md')
    out = format_html([report])
    assert_inert(out)
    assert "&lt;script&gt;" in out
    assert '<title>provenance: &quot;&gt;&lt;script&gt;x.md</title>' in out
    page = read_page(out)
    text = "\n\n".join(page.paras.values())
    assert "<script>window.__pwned = 1" in text  # shown to the reader, as text


def test_hostile_registry_text_is_escaped(tmp_path: Path) -> None:
    reg_text = read_text(HERE / "registry.toml")
    reg_text = reg_text.replace('name = "Ministry of Information of Zedland"',
                                'name = "Ministry <script>alert(1)</script>"')
    reg_text = reg_text.replace('publisher = "Example Media Monitor"',
                                'publisher = "\\"><img src=x onerror=alert(2)>"')
    path = tmp_path / "registry.toml"
    path.write_text(reg_text, encoding="utf-8")
    registry = provenance.Registry.from_files(path)
    report = provenance.check(read_text(HERE / "zedland.txt"), registry=registry, as_of=DAY)
    out = format_html([report])
    assert_inert(out)
    assert "Ministry &lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in out


def test_several_briefs_one_page_and_edge_cases() -> None:
    a = zedland_report()
    b = provenance.check("", as_of=DAY, path="empty.txt")
    out = format_html([a, b])
    assert out.count("<article") == 2
    assert '<a href="#r2">empty.txt</a>: no findings' in out
    assert "The brief is empty." in out
    assert_inert(out)
    assert "No briefs checked." in format_html([])
    crlf = provenance.check("Tasnim said the talks failed.\r\n\r\n  RT said so.\r\n", as_of=DAY)
    assert list(read_page(format_html([crlf])).paras.values()) == [
        "Tasnim said the talks failed.",
        "  RT said so.",
    ]


def test_suppressed_findings_are_listed_with_their_reason_not_as_notes() -> None:
    brief = (
        "<!-- provenance-disable-next-line PRV102 -- explained in the <b>sidebar</b> -->\n"
        "Tasnim reported that the talks had failed.\n"
    )
    report = provenance.check(brief, format="markdown", as_of=date(2024, 5, 14))
    assert any(f.suppressed and f.rule == "PRV102" for f in report.findings)
    out = format_html([report])
    assert_inert(out)
    assert "finding suppressed in the brief</summary>" in out
    assert "explained in the &lt;b&gt;sidebar&lt;/b&gt;" in out
    assert "undisclosed-affiliation</span>" not in out  # no note for it
    assert "suppressed in the brief)" in out
