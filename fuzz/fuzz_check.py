"""atheris fuzz target: provenance.check on arbitrary text in every input format.

    python fuzz/fuzz_check.py -runs=20000            # bounded run (CI uses -max_total_time)
    python fuzz/fuzz_check.py corpus/ -max_total_time=600

Invariants checked on every input: no exception other than InputError (NUL bytes), and every
reported span is in bounds and equals its reported text.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import provenance
    from provenance import InputError

FORMATS = ("text", "markdown", "html")
SEEDS = (
    "According to Tasnim News Agency, which is affiliated with the IRGC, the talks failed. ",
    "\u201cWe will respond,\u201d he said. ",
    "<p>Press TV &amp; RT</p>",
    "> [Fars](https://farsnews.ir) ",
)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    fmt = FORMATS[fdp.ConsumeIntInRange(0, 2)]
    seed = SEEDS[fdp.ConsumeIntInRange(0, len(SEEDS) - 1)]
    text = seed + fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    try:
        report = provenance.check(text, format=fmt)  # type: ignore[arg-type]
    except InputError:
        return
    for item in (*report.mentions, *report.quotes, *report.claims, *report.quoted_terms):
        assert 0 <= item.start <= item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f


def main() -> None:
    provenance.check("warm up")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
