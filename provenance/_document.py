"""The document model: readers for plain text, Markdown and HTML, and the offset map.

Every reader produces a *prose view*: the readable text of the brief, with markup removed,
paragraphs separated by blank lines, and an :class:`OffsetMap` that takes every prose index
back to its code-point offsets in the ORIGINAL input. The later stages work on the prose
view and report spans through the map; nothing is ever searched for a second time.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from datetime import date
from html.parser import HTMLParser
from typing import Literal

import attrs

from ._exceptions import InputError
from ._segment import split_paragraphs_plain, split_sentences, trim_span

__all__ = ["Document", "Format", "Link", "OffsetMap", "Paragraph", "Sentence", "read_document"]

Format = Literal["text", "markdown", "html"]

_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def format_for_suffix(suffix: str) -> Format:
    """The input format implied by a file name's suffix (plain text by default)."""
    suffix = suffix.lower()
    if suffix in _MD_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES:
        return "html"
    return "text"


# --------------------------------------------------------------------------- offset map
class OffsetMap:
    """Maps prose indices to spans of the original input.

    The map is a sorted list of runs. An *identity* run maps ``length`` prose characters one to
    one onto consecutive original characters; an *atomic* run maps one prose character onto an
    original stretch of another length (an entity ``&amp;``, an escape ``\\*``, or a zero-length
    synthetic separator).
    """

    __slots__ = ("_atomic_len", "_orig", "_prose", "_size")

    def __init__(self) -> None:
        self._prose: list[int] = []
        self._orig: list[int] = []
        self._atomic_len: list[int] = []  # -1 for identity runs
        self._size = 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        m = cls()
        m.add_identity(0, length)
        return m

    def __len__(self) -> int:
        return self._size

    def add_identity(self, orig_start: int, length: int) -> None:
        if length <= 0:
            return
        if self._atomic_len and self._atomic_len[-1] == -1:
            run_len = self._size - self._prose[-1]
            if self._orig[-1] + run_len == orig_start:
                self._size += length
                return
        self._prose.append(self._size)
        self._orig.append(orig_start)
        self._atomic_len.append(-1)
        self._size += length

    def add_atomic(self, orig_start: int, orig_len: int) -> None:
        if orig_len == 1:
            self.add_identity(orig_start, 1)
            return
        self._prose.append(self._size)
        self._orig.append(orig_start)
        self._atomic_len.append(orig_len)
        self._size += 1

    def _char(self, index: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._prose, index) - 1
        start = self._orig[i]
        n = self._atomic_len[i]
        if n == -1:
            pos = start + index - self._prose[i]
            return pos, pos + 1
        return start, start + n

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the prose span ``[start, end)``."""
        if end <= start:
            pos = self._char(start)[0] if start < self._size else self.end_offset()
            return pos, pos
        return self._char(start)[0], self._char(end - 1)[1]

    def offset(self, index: int) -> int:
        """The original offset of one prose index (the start of its character)."""
        if index >= self._size:
            return self.end_offset()
        return self._char(index)[0]

    def end_offset(self) -> int:
        if not self._prose:
            return 0
        return self._char(self._size - 1)[1]

    @property
    def is_identity(self) -> bool:
        return (
            len(self._prose) <= 1
            and (not self._orig or self._orig[0] == 0)
            and self._atomic_len.count(-1) == len(self._atomic_len)  # all identity runs
        )


# --------------------------------------------------------------------------- values
@attrs.frozen
class Paragraph:
    """A paragraph of the prose view: ``[start, end)`` in prose indices."""

    index: int
    start: int
    end: int


@attrs.frozen
class Sentence:
    """A sentence of the prose view: ``[start, end)`` in prose indices."""

    index: int
    paragraph: int
    start: int
    end: int


@attrs.frozen
class Link:
    """A link target in the input (Markdown link, HTML ``href``, reference definition).

    ``start``/``end`` are ORIGINAL offsets of the URL as written; ``anchor`` is the prose index
    the link belongs to (the end of its text), used to place it in a sentence.
    """

    url: str
    start: int
    end: int
    anchor: int


@attrs.frozen
class Comment:
    """An HTML comment (also in Markdown), with its original span and its inner text."""

    text: str
    start: int
    end: int


@attrs.frozen(eq=False, slots=False)
class Document:
    """A brief, read and segmented. Build one with :func:`read_document`."""

    text: str
    format: Format
    prose: str
    map: OffsetMap
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    links: tuple[Link, ...]
    comments: tuple[Comment, ...]
    date: date | None
    path: str | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the prose span ``[start, end)``."""
        if self.map.is_identity:
            return start, end
        return self.map.span(start, end)

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, index: int) -> Sentence | None:
        """The sentence containing prose index ``index``."""
        i = bisect.bisect_right(self._sentence_starts, index) - 1
        if i >= 0 and self.sentences[i].start <= index < max(self.sentences[i].end, index + 1):
            s = self.sentences[i]
            if index < s.end or (
                i + 1 == len(self.sentences) or self.sentences[i + 1].start > index
            ):
                return s
        return None


# --------------------------------------------------------------------------- builder
class _ProseBuilder:
    """Accumulates prose text with its offset map, and block boundaries."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.blocks: list[tuple[int, int]] = []
        self._block_start: int | None = None
        self._block_has_text = False
        self.links: list[Link] = []

    @property
    def size(self) -> int:
        return len(self.map)

    def start_block(self) -> None:
        if self._block_start is None:
            self._block_start = self.size
            self._block_has_text = False

    def end_block(self, orig_pos: int) -> None:
        if self._block_start is None:
            return
        if self.size > self._block_start and self._block_has_text:
            self.blocks.append((self._block_start, self.size))
            # two synthetic newlines (zero-length in the original) keep blocks apart
            self.parts.append("\n\n")
            self.map.add_atomic(orig_pos, 0)
            self.map.add_atomic(orig_pos, 0)
        self._block_start = None

    def add_text(self, text: str, orig_start: int) -> None:
        if text:
            self.start_block()
            self.parts.append(text)
            self.map.add_identity(orig_start, len(text))
            if not self._block_has_text and not text.isspace():
                self._block_has_text = True

    def add_char(self, ch: str, orig_start: int, orig_end: int) -> None:
        self.start_block()
        self.parts.append(ch)
        self.map.add_atomic(orig_start, orig_end - orig_start)
        if not ch.isspace():
            self._block_has_text = True

    def result(self) -> tuple[str, OffsetMap, list[tuple[int, int]]]:
        prose = "".join(self.parts)
        blocks = [trim_span(prose, s, e) for s, e in self.blocks]
        return prose, self.map, [(s, e) for s, e in blocks if e > s]


# --------------------------------------------------------------------------- front matter
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.{0,20000}?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FM_DATE = re.compile(r"^date[ \t]*[:=][ \t]*[\"']?(\d{4}-\d{2}-\d{2})", re.M)


def _front_matter(text: str) -> tuple[int, date | None]:
    """Length of a leading YAML front matter block (0 if none) and its ``date``, if any."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0, None
    found = _FM_DATE.search(m.group(1))
    when: date | None = None
    if found:
        try:
            when = date.fromisoformat(found.group(1))
        except ValueError:
            when = None
    return m.end(), when


# --------------------------------------------------------------------------- plain text
_HTML_COMMENT = re.compile(r"<!--(.{0,2000}?)-->", re.S)


def _read_plain(
    text: str,
) -> tuple[str, OffsetMap, list[tuple[int, int]], list[Link], list[Comment]]:
    fm_end, _ = _front_matter(text)
    # the front matter is metadata, not prose: paragraphs start after it
    if fm_end:
        paragraphs = [(s + fm_end, e + fm_end) for s, e in split_paragraphs_plain(text[fm_end:])]
    else:
        paragraphs = split_paragraphs_plain(text)
    comments = [Comment(m.group(1), m.start(), m.end()) for m in _HTML_COMMENT.finditer(text)]
    if comments:
        # a paragraph that is only a comment (a suppression) is not prose. The comments are
        # matches of one search, in order and apart, so only the last one that starts at or
        # before a paragraph can hold it (one bisection, not a look at every comment).
        starts = [c.start for c in comments]

        def in_comment(s: int, e: int) -> bool:
            k = bisect.bisect_right(starts, s) - 1
            return k >= 0 and e <= comments[k].end

        paragraphs = [(s, e) for s, e in paragraphs if not in_comment(s, e)]
    return text, OffsetMap.identity(len(text)), paragraphs, [], comments


# --------------------------------------------------------------------------- markdown
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MD_PREFIX = re.compile(r"(?:[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]{1,999}\]:[ \t]*<?([^\s>]{1,2000})>?")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
    return starts


def _align_inline(content: str, lines: list[str], line_offsets: list[int]) -> list[int]:
    """Original offset of every character of an inline token's raw ``content``.

    ``lines`` are the source lines of the block (without line ends) and ``line_offsets``
    their original offsets. markdown-it strips container prefixes (``>``, list markers,
    indentation) from each line; each content line is located in its source line after the
    prefix. A newline in the content maps to the end of its source line.
    """
    out: list[int] = []
    content_lines = content.split("\n")
    li = 0
    for k, cline in enumerate(content_lines):
        while li < len(lines):
            src = lines[li]
            prefix_end = _MD_PREFIX.match(src)
            p_max = prefix_end.end() if prefix_end else 0
            pos = -1
            for p in range(min(p_max, len(src)), -1, -1):
                if src.startswith(cline, p):
                    pos = p
                    break
            if pos < 0:
                pos = src.find(cline)
            if pos >= 0:
                base = line_offsets[li] + pos
                out.extend(range(base, base + len(cline)))
                if k + 1 < len(content_lines):
                    out.append(line_offsets[li] + len(src))
                li += 1
                break
            li += 1
        else:
            raise _AlignmentError(cline)
    return out


class _AlignmentError(Exception):
    pass


def _align_decoded(decoded: str, raw: str, cursor: int) -> tuple[list[tuple[int, int]], int]:
    """Align decoded inline text with the raw content from ``cursor``: raw span of each char.

    Markup between and around text runs (``*``, ``[``, ``](url)``) is skipped; backslash
    escapes and entities map one decoded character onto several raw ones.
    """
    spans: list[tuple[int, int]] = []
    n = len(raw)
    for ch in decoded:
        while cursor < n:
            r = raw[cursor]
            if r == "\\" and cursor + 1 < n and raw[cursor + 1] == ch and ch in _ASCII_PUNCT:
                spans.append((cursor, cursor + 2))
                cursor += 2
                break
            if r == "&" and ch != "&":
                m = _ENTITY.match(raw, cursor)
                if m and html.unescape(m.group())[:1] == ch:
                    spans.append((cursor, m.end()))
                    cursor = m.end()
                    break
            elif r == "&":
                m = _ENTITY.match(raw, cursor)
                if m and m.group() in ("&amp;", "&#38;", "&#x26;"):
                    spans.append((cursor, m.end()))
                    cursor = m.end()
                    break
            if r == ch:
                spans.append((cursor, cursor + 1))
                cursor += 1
                break
            cursor += 1
        else:
            raise _AlignmentError(decoded)
    return spans, cursor


def _link_destination(raw: str, cursor: int) -> tuple[int, int] | None:
    """Raw span of an inline link destination right after the link text (``](dest …)``)."""
    if not raw.startswith("](", cursor):
        return None
    i = cursor + 2
    n = len(raw)
    while i < n and raw[i] in " \t\n":
        i += 1
    if i < n and raw[i] == "<":
        j = raw.find(">", i + 1)
        return (i + 1, j) if j > i else None
    j, depth = i, 0
    while j < n and j - i < 4000:
        c = raw[j]
        if c in " \t\n":
            break
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        j += 1
    return (i, j) if j > i else None


def _read_markdown(
    text: str,
) -> tuple[str, OffsetMap, list[tuple[int, int]], list[Link], list[Comment]]:
    from markdown_it import MarkdownIt

    fm_end, _ = _front_matter(text)
    line_starts = _line_starts(text)
    raw_lines = [
        text[s : (line_starts[i + 1] if i + 1 < len(line_starts) else len(text))].rstrip("\r\n")
        for i, s in enumerate(line_starts)
    ]
    source = text
    if fm_end:
        # blank the front matter, keeping its line count so that token maps stay valid
        fm_lines = _LINE_BREAK.split(text[:fm_end])
        source = "\n" * (len(fm_lines) - 1) + text[fm_end:]
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(source.lstrip("\ufeff"))  # a BOM is not text (columns are found per line)
    b = _ProseBuilder()
    comments: list[Comment] = []
    skip_depth = 0
    for tok in tokens:
        if tok.type in ("fence", "code_block"):
            continue
        if tok.type == "html_block" and tok.map:
            start = line_starts[tok.map[0]]
            end = line_starts[tok.map[1]] if tok.map[1] < len(line_starts) else len(text)
            sub = _HtmlReader(text, start, end)
            sub.run()
            if sub.builder.blocks or sub.builder.parts:
                _merge_builder(b, sub.builder)
            comments.extend(sub.comments)
            continue
        if tok.type != "inline" or not tok.map or skip_depth:
            continue
        l0, l1 = tok.map
        lines = raw_lines[l0:l1]
        offsets = line_starts[l0:l1]
        try:
            raw_offsets = _align_inline(tok.content, lines, offsets)
        except _AlignmentError:
            continue
        raw = tok.content
        cursor = 0
        b.start_block()
        pending_links: list[int] = []
        for child in tok.children or []:
            ctype = child.type
            if ctype in ("text", "code_inline"):
                try:
                    spans, cursor = _align_decoded(child.content, raw, cursor)
                except _AlignmentError:
                    continue
                for ch, (rs, re_) in zip(child.content, spans, strict=True):
                    o_start = raw_offsets[rs]
                    o_end = raw_offsets[re_ - 1] + 1
                    b.add_char(ch, o_start, o_end)
            elif ctype in ("softbreak", "hardbreak"):
                nl = raw.find("\n", cursor)
                if nl >= 0:
                    b.add_char("\n", raw_offsets[nl], raw_offsets[nl])
                    cursor = nl + 1
            elif ctype == "link_open":
                pending_links.append(b.size)
            elif ctype == "link_close":
                pending_links.pop() if pending_links else None
                dest = _link_destination(raw, cursor)
                if dest is not None and dest[1] > dest[0]:
                    o_start = raw_offsets[dest[0]]
                    o_end = raw_offsets[dest[1] - 1] + 1
                    b.links.append(Link(text[o_start:o_end], o_start, o_end, max(b.size - 1, 0)))
                    close = raw.find(")", dest[1])
                    cursor = close + 1 if close >= 0 else dest[1]
            elif ctype == "html_inline":
                c = child.content
                if c.startswith("<!--"):
                    pos = raw.find(c, cursor)
                    if pos >= 0:
                        o_start = raw_offsets[pos]
                        o_end = raw_offsets[pos + len(c) - 1] + 1
                        comments.append(
                            Comment(c[4:-3] if c.endswith("-->") else c[4:], o_start, o_end)
                        )
                        cursor = pos + len(c)
        end_line = l1 if l1 < len(line_starts) else len(line_starts) - 1
        b.end_block(line_starts[end_line] if l1 < len(line_starts) else len(text))
    # reference definitions are citations too
    for i, line in enumerate(raw_lines):
        if line_starts[i] < fm_end:
            continue
        m = _REF_DEF.match(line)
        if m:
            o_start = line_starts[i] + m.start(1)
            b.links.append(
                # outside the prose: anchored at its end, so it joins the last paragraph
                Link(m.group(1), o_start, o_start + len(m.group(1)), max(b.size - 1, 0))
            )
    prose, omap, blocks = b.result()
    return prose, omap, blocks, b.links, comments


def _merge_builder(dst: _ProseBuilder, src: _ProseBuilder) -> None:
    base = dst.size
    prose, omap, blocks = src.result()
    for i, ch in enumerate(prose):
        s, e = omap.span(i, i + 1)
        if ch == "\n" and s == e:
            dst.parts.append(ch)
            dst.map.add_atomic(s, 0)
        else:
            dst.parts.append(ch)
            dst.map.add_atomic(s, e - s)
    dst.blocks.extend((s + base, e + base) for s, e in blocks)
    dst.links.extend(Link(lk.url, lk.start, lk.end, lk.anchor + base) for lk in src.links)


# --------------------------------------------------------------------------- HTML
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
    ]
)
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "pre",
        "code",
        "template",
        "noscript",
        "head",
        "svg",
        "math",
        "textarea",
        "select",
    ]
)
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_HREF = re.compile(
    r"""\bhref\s*=\s*(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s"'>]{1,4000}))""", re.I
)


class _HtmlReader(HTMLParser):
    """Reads HTML into a prose view with an exact offset map (a real parser, never regexes)."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.base = start
        self.stop = len(text) if end is None else end
        self.builder = _ProseBuilder()
        self.comments: list[Comment] = []
        self._skip: list[str] = []
        self._starts = _line_starts_lf(text[start : self.stop])

    def run(self) -> None:
        self.feed(self.text[self.base : self.stop])
        self.close()
        self.builder.end_block(self.stop)

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.base + self._starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self._skip.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self.builder.end_block(self._pos())
        if tag == "a" and not self._skip:
            raw = self.get_starttag_text() or ""
            m = _HREF.search(raw)
            if m:
                g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
                o_start = self._pos() + m.start(g)
                url = html.unescape(m.group(g)).strip()
                if url:
                    self.builder.links.append(
                        Link(url, o_start, o_start + len(m.group(g)), max(self.builder.size - 1, 0))
                    )

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag.lower() in _BLOCK_TAGS:
            self.builder.end_block(self._pos())

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK_TAGS:
            self.builder.end_block(self._pos())

    def handle_data(self, data: str) -> None:
        if self._skip or not data:
            return
        self.builder.add_text(data, self._pos())

    def _add_ref(self, raw_len: int, decoded: str) -> None:
        if self._skip or not decoded:
            return
        pos = self._pos()
        end = pos + raw_len
        if end < self.stop and self.text[end] == ";":
            end += 1
        self.builder.add_char(decoded[0], pos, end)

    def handle_entityref(self, name: str) -> None:
        decoded = html.unescape(f"&{name};")
        if decoded == f"&{name};":
            self.handle_data(decoded[: len(name) + 1])
            return
        self._add_ref(len(name) + 1, decoded)

    def handle_charref(self, name: str) -> None:
        self._add_ref(len(name) + 2, html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        pos = self._pos()
        self.comments.append(Comment(data, pos, min(pos + len(data) + 7, self.stop)))


def _line_starts_lf(text: str) -> list[int]:
    """Line starts as html.parser counts them (only ``\\n`` ends a line)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _read_html(
    text: str,
) -> tuple[str, OffsetMap, list[tuple[int, int]], list[Link], list[Comment]]:
    reader = _HtmlReader(text)
    reader.run()
    prose, omap, blocks = reader.builder.result()
    return prose, omap, blocks, reader.builder.links, reader.comments


# --------------------------------------------------------------------------- entry point
def read_document(text: str, fmt: Format = "text", *, path: str | None = None) -> Document:
    """Read ``text`` (already decoded) as ``fmt`` and segment it."""
    if "\x00" in text:
        raise InputError(f"{path or 'input'}: contains NUL bytes; not a text brief")
    comments: list[Comment] = []
    _, fm_date = _front_matter(text) if fmt != "html" else (0, None)
    if fmt == "markdown":
        prose, omap, blocks, links, comments = _read_markdown(text)
    elif fmt == "html":
        prose, omap, blocks, links, comments = _read_html(text)
    else:
        prose, omap, blocks, links, comments = _read_plain(text)
    paragraphs = tuple(Paragraph(i, s, e) for i, (s, e) in enumerate(blocks))
    sentences: list[Sentence] = []
    for p in paragraphs:
        for s, e in split_sentences(prose, p.start, p.end):
            sentences.append(Sentence(len(sentences), p.index, s, e))
    return Document(
        text=text,
        format=fmt,
        prose=prose,
        map=omap,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        links=tuple(sorted(links, key=lambda lk: lk.start)),
        comments=tuple(comments),
        date=fm_date,
        path=path,
    )
