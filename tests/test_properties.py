"""Property tests (Hypothesis): invariants of every report, and invariance under re-encoding.

Briefs are built from pieces — sentences with reporting verbs, quotations in “…”, "…" and «…»,
outlet names and aliases taken from the bundled registry, URLs and handles, generic references
such as "state-run Iranian media", punctuation and non-Latin words — so that the checker's
paths are exercised together, not only on hand-picked examples.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import provenance
from tests._support import finding_texts, mention_texts, quote_texts, run, spans

if TYPE_CHECKING:
    from provenance import Report

_REGISTRY = provenance.default_registry()
# Characters that Markdown would read as markup; the pieces avoid them so that a brief means the
# same in plain text, Markdown and HTML.
_MARKUP = set("*_[]<>`#&|~\\")


def _safe(s: str) -> bool:
    return not (set(s) & _MARKUP) and s.strip() == s and "\n" not in s


OUTLET_NAMES = sorted(
    {o.name for o in _REGISTRY.outlets.values()}
    | {a.text for o in _REGISTRY.outlets.values() for a in o.aliases}
)
OUTLET_NAMES = [n for n in OUTLET_NAMES if _safe(n)]
GENERIC = [
    "state-run Iranian media", "the Iranian media", "Russian state TV", "Chinese state media",
    "state media", "semi-official media outlets", "local media", "North Korean media",
    "Kremlin-backed outlets", "IRGC-affiliated media", "the official news agency", "Syrian TV",
    "иранских СМИ", "俄媒", "الإعلام الإيراني",
]
URLS = [
    "https://www.tasnimnews.com/en/news/2031/1", "presstv.ir/Detail/2", "https://www.rt.com/news/3",
    "https://example.org/a", "http://192.0.2.1/tasnimnews", "nottasnimnews.com", "sana.sy",
    "https://en.irna.ir/news/4?x=1",
]
HANDLES = ["@PressTV", "@Tasnimnews_EN", "@someone", "@RT_com"]
SUBJECTS = ["The minister", "Ilse Maranova", "Officials", "He", "She", "They", "The agency",
            "Mr. Kalbani", "the U.S. envoy", "Gen. Osei", "The I.R.G.C.", "A spokesman"]
VERBS = ["said", "reported", "told reporters", "added", "warned", "claimed", "stated", "noted",
         "denied", "was quoted as saying"]
CLAUSES = ["the talks had failed", "the envoy left Kessel", "the port was closed",
           "troops withdrew from the pass", "prices rose 3.5 percent", "nothing had changed",
           "the drill ended on Sept. 4", "Москва согласилась", "会谈结束"]
QUOTES = ["We will respond", "This is not over", "The results speak for themselves",
          "nothing new", "Мы ответим", "We came in good faith. We leave with nothing",
          "The plan is ‘dead’"]
WORDS = ["Kessel", "Тасним", "وكالة", "新华社", "Москва", "東京", "Fars province", "Sputnik V",
         "3.5", "2031", "U.S.", "etc.", "—", "…", ";", "(", ")", "!", "?", ":", ",", "'", '"', "“",
         "”", "«", "»", "‘", "’"]

source = st.one_of(st.sampled_from(OUTLET_NAMES), st.sampled_from(GENERIC),
                   st.sampled_from(SUBJECTS), st.sampled_from(HANDLES))
clause = st.sampled_from(CLAUSES)
quote = st.sampled_from(QUOTES)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """One brief-like sentence."""
    s, v, c, q = draw(source), draw(st.sampled_from(VERBS)), draw(clause), draw(quote)
    form = draw(st.integers(0, 14))
    out = [
        f"{s} {v} that {c}.",
        f"According to {s}, {c}.",
        f"{c.capitalize()}, {s} {v}.",
        f"“{q},” {s} said.",
        f'"{q}," said {s}.',
        f"«{q}», — {s}.",
        f"{s} {v}: “{q}.”",
        f"“{q}.”",
        f"{s}, citing {draw(source)}, {v} that {c}.",
        f"{c.capitalize()}, according to {s}.",
        f"Footage is at {draw(st.sampled_from(URLS))} and was shared by {draw(st.sampled_from(HANDLES))}.",
        f"The so-called “{q}” plan was dropped.",
        f"{s} called it “{q}.”",
        f"{c.capitalize()}.",
        f"{s} {v} {c}, {draw(source)} reported.",
    ][form]
    # decorate with stray words, punctuation and non-Latin text
    extra = draw(st.lists(st.sampled_from(WORDS), max_size=3))
    if extra:
        pos = draw(st.integers(0, len(out)))
        out = out[:pos] + " " + " ".join(extra) + " " + out[pos:]
    return out.strip()


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


@st.composite
def brief_paragraphs(draw: st.DrawFn) -> list[str]:
    """Paragraphs of a brief (no newline inside a paragraph); sometimes a quotation that runs on
    into the next paragraph."""
    paras = draw(st.lists(paragraph(), min_size=1, max_size=5))
    if draw(st.booleans()):
        i = draw(st.integers(0, len(paras)))
        q1, q2, s = draw(quote), draw(quote), draw(source)
        paras[i:i] = [f"“{q1}.", f"“{q2},” {s} said."]
    return paras


def _brief(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


def _markdown(paras: list[str]) -> str:
    return ("---\ntitle: A brief\ndate: 2031-01-02\n---\n\n# A brief\n\n"
            + "\n\n".join(paras) + "\n")


def _html(paras: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"<!DOCTYPE html><html><head><title>A brief</title></head><body>{body}</body></html>"


def _assert_spans(report: Report) -> None:
    text = report.text
    for what, start, end, value in spans(report):
        assert 0 <= start <= end <= len(text), f"{what}: [{start}, {end}) outside the text"
        assert text[start:end] == value, f"{what}: text[{start}:{end}] != {value!r}"
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f"finding {f.rule} outside the text"
        assert f.line >= 1
        assert f.column >= 1
    ids = {m.id for m in report.mentions}
    qids = {q.id for q in report.quotes}
    for q in report.quotes:
        assert set(q.via) <= ids
        assert q.continues is None or q.continues in qids
    for c in report.claims:
        assert set(c.via) <= ids
        assert set(c.quotes) <= qids
    for s, e in report.paragraphs:
        assert 0 <= s <= e <= len(text)


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --------------------------------------------------------------------------- invariants
@SETTINGS
@given(brief_paragraphs())
def test_every_span_points_at_its_text(paras: list[str]) -> None:
    for text, fmt in ((_brief(paras), "text"), (_markdown(paras), "markdown"),
                      (_html(paras), "html")):
        _assert_spans(run(text, fmt=fmt))


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
               max_size=300),
       st.sampled_from(["text", "markdown", "html"]))
def test_arbitrary_text_never_raises(text: str, fmt: str) -> None:
    _assert_spans(run(text, fmt=fmt))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(sentence(), st.sampled_from(WORDS), st.sampled_from(URLS),
                          st.text(alphabet="“”\"'«»‘’.,;:!?()— \n\r\t\u00a0\ufeffabcXYZ", max_size=12)),
                max_size=12),
       st.sampled_from(["text", "markdown", "html"]))
def test_messy_pieces_never_raise(pieces: list[str], fmt: str) -> None:
    _assert_spans(run(" ".join(pieces), fmt=fmt))


# --------------------------------------------------------------------------- invariance
@SETTINGS
@given(brief_paragraphs())
def test_crlf_line_endings_change_nothing(paras: list[str]) -> None:
    text = _brief(paras)
    lf = run(text)
    crlf = run(text.replace("\n", "\r\n"))
    _assert_spans(crlf)

    def norm(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(a, b.replace("\r\n", "\n")) for a, b in items]

    assert norm(finding_texts(crlf)) == finding_texts(lf)
    assert norm(mention_texts(crlf)) == mention_texts(lf)
    assert [q.replace("\r\n", "\n") for q in quote_texts(crlf)] == quote_texts(lf)
    assert [c.kind for c in crlf.claims] == [c.kind for c in lf.claims]


@SETTINGS
@given(brief_paragraphs())
def test_a_leading_bom_shifts_every_offset_by_one(paras: list[str]) -> None:
    text = _brief(paras)
    plain = run(text)
    bom = run("\ufeff" + text)
    _assert_spans(bom)
    assert [(m.start - 1, m.end - 1, m.text, m.kind) for m in bom.mentions] == [
        (m.start, m.end, m.text, m.kind) for m in plain.mentions]
    assert [(q.start - 1, q.end - 1, q.text) for q in bom.quotes] == [
        (q.start, q.end, q.text) for q in plain.quotes]
    assert [(f.rule, f.start - 1, f.end - 1) for f in bom.findings] == [
        (f.rule, f.start, f.end) for f in plain.findings]
    assert [(c.kind, c.start - 1, c.end - 1) for c in bom.claims] == [
        (c.kind, c.start, c.end) for c in plain.claims]


@SETTINGS
@given(brief_paragraphs())
def test_markdown_wrapping_changes_nothing(paras: list[str]) -> None:
    plain = run(_brief(paras))
    md = run(_markdown(paras), fmt="markdown")
    assert mention_texts(md) == mention_texts(plain)
    assert quote_texts(md) == quote_texts(plain)
    assert [(f.rule, md.text[f.start:f.end]) for f in md.findings] == finding_texts(plain)


@SETTINGS
@given(brief_paragraphs())
def test_html_wrapping_changes_nothing(paras: list[str]) -> None:
    plain = run(_brief(paras))
    doc = run(_html(paras), fmt="html")
    assert [(html.unescape(t), k) for t, k in mention_texts(doc)] == mention_texts(plain)
    assert [html.unescape(q) for q in quote_texts(doc)] == quote_texts(plain)
    assert [(r, html.unescape(t)) for r, t in finding_texts(doc)] == finding_texts(plain)
