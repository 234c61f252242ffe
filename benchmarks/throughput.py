"""Throughput of check() on about a megabyte of news text, with the bundled registry, as a
ratio to a plain regex tokenization (``\\w+|[^\\w\\s]``) of the same text in the same run; and a
per-stage profile.

    python benchmarks/throughput.py [--size BYTES] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time

from hostile import news_text  # type: ignore[import-not-found]

import provenance

_TOKEN = re.compile(r"\w+|[^\w\s]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--profile", action="store_true", help="print the 15 costliest functions")
    args = ap.parse_args()
    text = news_text(args.size)
    t0 = time.perf_counter()
    registry = provenance.Registry.load()
    load = time.perf_counter() - t0
    provenance.check(
        "According to Tasnim, the talks failed.", registry=registry
    )  # builds the matcher
    t0 = time.perf_counter()
    n_tokens = len(_TOKEN.findall(text))
    tok = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = provenance.check(text, registry=registry)
    secs = time.perf_counter() - t0
    print(f"registry load: {load:.2f} s ({len(registry.outlets)} outlets)")
    print(
        f"text: {len(text):,} chars, {n_tokens:,} tokens; {len(report.mentions):,} mentions, "
        f"{len(report.claims):,} claims"
    )
    print(f"check(): {secs:.2f} s = {len(text) / secs / 1e6:.2f} M chars/s")
    print(f"tokenization: {tok:.3f} s; check() costs {secs / tok:.0f}x the tokenization")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(provenance.check, text, registry=registry)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
