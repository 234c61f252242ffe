"""The document model: readers for plain text, Markdown and HTML, and the prose -> original map.

The central promise: every character of the prose view maps back to exact offsets in the
ORIGINAL input — one character for ordinary text, the whole entity (``&amp;``) or escape
(``\\*``) for a decoded character, a zero-length point for a synthetic line break.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest

import provenance
from provenance import InputError
from provenance._document import Document, format_for_suffix, read_document
from tests._support import AS_OF, run

MARKDOWN = """\
---
title: "Drill"
date: 2031-03-02
---

# Heading *one*

Tasnim said the drill \\*ended\\* & R&amp;D [rose](https://www.tasnimnews.com/en/x) today.

> “We will respond,” said Kalbani.
> Second line.

- item one with Reuters
- item two

```
According to Press TV, this is code.
```

See [the report][1].

[1]: https://presstv.ir/Detail/2031
"""

HTML = """\
<html><head><title>Title: Press TV</title><script>var s = "According to RT, x";</script>
<style>p { color: red; }</style></head><body>
<h1>Drill &amp; talks</h1>
<p>Tasnim said the drill &ldquo;ended&rdquo; &#8212; R&amp;D <a href="https://www.rt.com/news/1">rose</a>.</p>
<!-- Fars said this in a comment -->
<p>It&#x27;s the second&nbsp;para.</p></body></html>"""


def _check_char_map(doc: Document) -> None:
    """Every prose character maps onto the original characters it was read from."""
    text = doc.text
    for i, ch in enumerate(doc.prose):
        s, e = doc.to_original(i, i + 1)
        assert 0 <= s <= e <= len(text)
        raw = text[s:e]
        if e == s:
            assert ch == "\n", f"zero-length origin for prose char {ch!r} at {i}"
        elif e - s == 1:
            assert raw == ch, f"prose {ch!r} at {i} maps to {raw!r}"
        else:
            assert raw in ("\\" + ch, "\r\n") or html.unescape(raw) == ch, (
                f"prose {ch!r} at {i} maps to {raw!r}")


def _paragraphs(doc: Document) -> list[tuple[str, str]]:
    """(prose, original) text of every paragraph."""
    out = []
    for p in doc.paragraphs:
        s, e = doc.to_original(p.start, p.end)
        out.append((doc.prose[p.start:p.end], doc.text[s:e]))
    return out


# --------------------------------------------------------------------------- plain text
def test_plain_text_is_its_own_prose() -> None:
    text = "Headline\n\nFirst sentence. Second sentence.\n"
    doc = read_document(text, "text")
    assert doc.prose == text
    assert doc.to_original(10, 25) == (10, 25)
    assert _paragraphs(doc) == [("Headline", "Headline"),
                                ("First sentence. Second sentence.",
                                 "First sentence. Second sentence.")]


def test_plain_text_crlf_paragraphs_exclude_the_line_ends() -> None:
    text = "A.\r\n\r\nB line one.\r\nB line two.\r\n"
    doc = read_document(text, "text")
    spans = [doc.to_original(p.start, p.end) for p in doc.paragraphs]
    assert [text[s:e] for s, e in spans] == ["A.", "B line one.", "B line two."]
    assert spans[0] == (0, 2)


def test_plain_text_bom_is_not_part_of_the_first_paragraph() -> None:
    text = "\ufeffHello there. Second."
    doc = read_document(text, "text")
    (p,) = doc.paragraphs
    assert doc.to_original(p.start, p.end) == (1, len(text))
    assert [doc.prose[s.start:s.end] for s in doc.sentences] == ["Hello there.", "Second."]


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="NUL"):
        read_document("abc\x00def", "text")
    with pytest.raises(InputError):
        provenance.check("abc\x00def")


def test_check_refuses_other_types() -> None:
    with pytest.raises(TypeError, match=r"str or a pathlib\.Path"):
        provenance.check(b"bytes are not a brief")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- Markdown
def test_markdown_every_prose_character_maps_back() -> None:
    _check_char_map(read_document(MARKDOWN, "markdown"))


def test_markdown_paragraphs() -> None:
    doc = read_document(MARKDOWN, "markdown")
    prose = [p for p, _ in _paragraphs(doc)]
    assert prose == [
        "Heading one",
        "Tasnim said the drill *ended* & R&D rose today.",
        "“We will respond,” said Kalbani.\nSecond line.",
        "item one with Reuters",
        "item two",
        "See the report.",
    ]


def test_markdown_front_matter_sets_the_date_and_is_not_prose() -> None:
    doc = read_document(MARKDOWN, "markdown")
    assert doc.date == date(2031, 3, 2)
    assert "title" not in doc.prose
    report = provenance.check(MARKDOWN, format="markdown")
    assert report.as_of == date(2031, 3, 2)
    assert provenance.check(MARKDOWN, format="markdown", as_of=AS_OF).as_of == AS_OF


@pytest.mark.parametrize(("front", "expected"), [
    ("date: 2019-03-02", date(2019, 3, 2)),
    ('date: "2019-03-02"', date(2019, 3, 2)),
    ("date: 2019-03-02T10:00:00Z", date(2019, 3, 2)),
    ("date: 2019-02-30", None),
    ("title: no date here", None),
])
def test_markdown_front_matter_dates(front: str, expected: date | None) -> None:
    doc = read_document(f"---\n{front}\n---\n\nBody text.\n", "markdown")
    assert doc.date == expected
    assert [p for p, _ in _paragraphs(doc)] == ["Body text."]


def test_markdown_fenced_code_is_skipped() -> None:
    doc = read_document(MARKDOWN, "markdown")
    assert "Press TV" not in doc.prose
    report = run(MARKDOWN, fmt="markdown")
    assert "Press TV" not in [m.text for m in report.mentions]
    assert all("this is code" not in c.text for c in report.claims)


def test_markdown_escapes_and_entities_map_to_their_source() -> None:
    doc = read_document(MARKDOWN, "markdown")
    star = doc.prose.index("*ended*")
    assert doc.text[slice(*doc.to_original(star, star + 1))] == "\\*"
    amp = doc.prose.index("&D")
    assert doc.text[slice(*doc.to_original(amp, amp + 1))] == "&amp;"
    word = doc.prose.index("ended")
    assert doc.text[slice(*doc.to_original(word, word + 5))] == "ended"


def test_markdown_blockquote_and_list_prefixes_are_skipped() -> None:
    doc = read_document(MARKDOWN, "markdown")
    second = doc.prose.index("Second line.")
    s, e = doc.to_original(second, second + len("Second line."))
    assert doc.text[s:e] == "Second line."
    assert doc.text[s - 2:s] == "> "
    item = doc.prose.index("item one")
    s, _ = doc.to_original(item, item + 1)
    assert doc.text[s - 2:s] == "- "


def test_markdown_links_and_reference_definitions_are_citations() -> None:
    doc = read_document(MARKDOWN, "markdown")
    assert [lk.url for lk in doc.links] == ["https://www.tasnimnews.com/en/x",
                                            "https://presstv.ir/Detail/2031"]
    for lk in doc.links:
        assert doc.text[lk.start:lk.end] == lk.url
    report = run(MARKDOWN, fmt="markdown")
    by_domain = [(m.text, m.outlet.id if m.outlet else None) for m in report.mentions
                 if m.matched_by == "domain"]
    assert by_domain == [("https://www.tasnimnews.com/en/x", "ir.tasnim"),
                         ("https://presstv.ir/Detail/2031", "ir.presstv")]


def test_markdown_quote_spans_point_into_the_original() -> None:
    report = run(MARKDOWN, fmt="markdown")
    (q,) = report.quotes
    assert q.text == "We will respond,"
    assert MARKDOWN[q.start:q.end] == q.text
    assert q.speaker is not None
    assert q.speaker.text == "Kalbani"


def test_markdown_with_crlf_and_bom() -> None:
    text = "\ufeff" + MARKDOWN.replace("\n", "\r\n")
    doc = read_document(text, "markdown")
    assert doc.date == date(2031, 3, 2)
    _check_char_map(doc)
    assert [p for p, _ in _paragraphs(doc)][:2] == [
        "Heading one", "Tasnim said the drill *ended* & R&D rose today."]
    report = run(text, fmt="markdown")
    plain = run(MARKDOWN, fmt="markdown")
    assert [m.text for m in report.mentions] == [m.text for m in plain.mentions]
    assert [q.text for q in report.quotes] == [q.text for q in plain.quotes]


def test_markdown_inline_code_html_and_tables_do_not_break_the_map() -> None:
    text = ("Heading\n=======\n\nText with `inline code` and <b>bold</b> html.  \nHard break.\n\n"
            "| outlet | claim |\n|---|---|\n| Reuters | calm |\n\n1. one\n2. two\n")
    doc = read_document(text, "markdown")
    _check_char_map(doc)
    assert "Heading" in doc.prose
    assert "Hard break." in doc.prose


# --------------------------------------------------------------------------- HTML
def test_html_every_prose_character_maps_back() -> None:
    _check_char_map(read_document(HTML, "html"))


def test_html_text_entities_and_skipped_elements() -> None:
    doc = read_document(HTML, "html")
    texts = [p.strip() for p, _ in _paragraphs(doc) if p.strip()]
    assert texts == ["Drill & talks", "Tasnim said the drill “ended” — R&D rose.",
                     "It's the second\u00a0para."]
    for hidden in ("Title", "According to RT", "color", "Fars said"):
        assert hidden not in doc.prose
    assert doc.date is None


def test_html_entity_spans() -> None:
    doc = read_document(HTML, "html")
    for decoded, raw in (("“", "&ldquo;"), ("—", "&#8212;"), ("'", "&#x27;"), ("\u00a0", "&nbsp;")):
        i = doc.prose.index(decoded)
        assert doc.text[slice(*doc.to_original(i, i + 1))] == raw


def test_html_hrefs_are_citations() -> None:
    doc = read_document(HTML, "html")
    assert [(lk.url, doc.text[lk.start:lk.end]) for lk in doc.links] == [
        ("https://www.rt.com/news/1", "https://www.rt.com/news/1")]
    report = run(HTML, fmt="html")
    assert [(m.text, m.matched_by) for m in report.mentions] == [
        ("Tasnim", "alias"), ("https://www.rt.com/news/1", "domain")]


@pytest.mark.parametrize(("tag", "url", "raw"), [
    ('<a href="https://sana.sy/en/?p=1&amp;x=2">SANA</a>', "https://sana.sy/en/?p=1&x=2",
     "https://sana.sy/en/?p=1&amp;x=2"),
    ("<a href='https://www.rt.com/a'>x</a>", "https://www.rt.com/a", "https://www.rt.com/a"),
    ("<a href=https://www.rt.com/b>x</a>", "https://www.rt.com/b", "https://www.rt.com/b"),
])
def test_html_href_quoting_styles(tag: str, url: str, raw: str) -> None:
    text = f"<p>See {tag} today.</p>"
    doc = read_document(text, "html")
    (lk,) = doc.links
    assert lk.url == url
    assert text[lk.start:lk.end] == raw


def test_html_bom_and_crlf() -> None:
    text = "\ufeff" + HTML.replace("\n", "\r\n")
    report = run(text, fmt="html")
    plain = run(HTML, fmt="html")
    assert [m.text for m in report.mentions] == [m.text for m in plain.mentions]
    for m in report.mentions:
        assert text[m.start:m.end] == m.text


def test_html_has_no_whitespace_only_paragraphs() -> None:
    text = "<html><body>\n<h1>Title</h1>\n<p>One.</p>\n<p>Two.</p>\n</body></html>"
    report = run(text, fmt="html")
    assert [text[s:e] for s, e in report.paragraphs] == ["Title", "One.", "Two."]


def test_html_multi_paragraph_quotation_across_lines() -> None:
    text = ("<p>“The trucks were ready on Saturday.</p>\n"
            "<p>“We were given no reason,” Ekwueme said.</p>")
    report = run(text, fmt="html")
    assert [q.text for q in report.quotes] == ["The trucks were ready on Saturday.",
                                               "We were given no reason,"]
    assert report.quotes[1].continues == report.quotes[0].id


def test_html_multi_paragraph_quotation_without_whitespace() -> None:
    text = ("<p>“The trucks were ready on Saturday.</p>"
            "<p>“We were given no reason,” Ekwueme said.</p>")
    report = run(text, fmt="html")
    assert [q.text for q in report.quotes] == ["The trucks were ready on Saturday.",
                                               "We were given no reason,"]
    assert report.quotes[1].continues == report.quotes[0].id


# --------------------------------------------------------------------------- formats and files
@pytest.mark.parametrize(("suffix", "fmt"), [
    (".md", "markdown"), (".MARKDOWN", "markdown"), (".html", "html"), (".htm", "html"),
    (".txt", "text"), ("", "text"), (".rst", "text"),
])
def test_format_for_suffix(suffix: str, fmt: str) -> None:
    assert format_for_suffix(suffix) == fmt


def test_check_reads_a_path_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text("<p>R&amp;D rose, Reuters reported.</p>", encoding="utf-8")
    report = provenance.check(path, as_of=AS_OF)
    assert report.format == "html"
    assert report.path == str(path)
    assert [m.text for m in report.mentions] == ["Reuters"]


def test_check_keeps_crlf_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"Headline\r\n\r\nThe talks failed, RT said.\r\n")
    report = provenance.check(path, as_of=AS_OF)
    assert report.text == "Headline\r\n\r\nThe talks failed, RT said.\r\n"
    (m,) = report.mentions
    assert report.text[m.start:m.end] == "RT"
