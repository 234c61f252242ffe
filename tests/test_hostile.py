"""Hostile inputs: each finishes without a crash and every span still points at its text.

Sizes here are kept small enough for the unit suite; `benchmarks/hostile.py` runs the full
sizes and prints the cost per character against news text.
"""

from __future__ import annotations

import pytest

import provenance
from provenance import InputError
from provenance._document import Format

CASES = {
    "straight-quotes": '"' * 20_000,
    "alternating-curly": "\u201c\u2018" * 10_000,
    "one-letter": "a" * 100_000,
    "according-to": "According to " * 4_000,
    "urls": " ".join(f"https://tasnimnews.com/{i}" for i in range(4_000)),
    "unclosed-quotes": "\u201cword " * 20_000,
    "doubled-apostrophes": "'' " * 20_000 + "''a b " * 10_000 + "'" * 20_000,
    "bidi-controls": "\u202eTasnim said \u202c" * 2_000,
    "one-long-line": "Tasnim said the talks failed, " * 8_000,
    "lone-surrogates": "Tasnim \ud800 said \udfff the talks failed.",
    "deep-markdown": "> " * 2_000 + "Tasnim said the talks failed.",
    "deep-lists": "".join("  " * i + "- item\n" for i in range(300)),
    "deep-html": "<div>" * 5_000 + "Tasnim said the talks failed." + "</div>" * 5_000,
}
FORMATS: dict[str, Format] = {
    "deep-markdown": "markdown",
    "deep-lists": "markdown",
    "deep-html": "html",
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_is_handled(name: str) -> None:
    text = CASES[name]
    report = provenance.check(text, format=FORMATS.get(name, "text"))
    spans = [(m.start, m.end, m.text) for m in report.mentions]
    spans += [(q.start, q.end, q.text) for q in report.quotes]
    spans += [(c.start, c.end, c.text) for c in report.claims]
    for start, end, reported in spans:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == reported


def test_nul_bytes_get_one_clear_error() -> None:
    with pytest.raises(InputError, match="NUL"):
        provenance.check("Tasnim said\x00 the talks failed.")
