"""Throughput of check() on about a megabyte of news text, with the bundled registry, as a
ratio to a plain regex tokenization (``\\w+|[^\\w\\s]``) of the same text in the same run; and a
per-stage profile (wall time per pipeline stage; --profile adds cProfile's costliest functions).

    python benchmarks/throughput.py [--size BYTES] [--repeat N] [--profile]

It measures the provenance that ``import provenance`` finds, and says which: an editable
install runs the core as pure Python; a wheel (``pip install .``) has it compiled by mypyc.
To measure the compiled core, install the checkout into a fresh environment:

    python3 -m venv /tmp/pv && /tmp/pv/bin/pip install . && /tmp/pv/bin/python benchmarks/throughput.py
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time
from collections.abc import Callable
from typing import Any

from hostile import news_text  # type: ignore[import-not-found]

import provenance
from provenance import _check, _native

_TOKEN = re.compile(r"\w+|[^\w\s]")


STAGES = ("read_document", "find_mentions", "find_disclosures", "find_quotes", "analyze")


def stage_times(text: str, registry: provenance.Registry) -> dict[str, float]:
    """Seconds per pipeline stage of one check(): each stage function is wrapped in a timer;
    "report and rules" is what is left (building the report, running the rules)."""
    times: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    originals = {name: getattr(_check, name) for name in STAGES}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                times[name] += time.perf_counter() - t0

        return run

    for name, fn in originals.items():
        setattr(_check, name, timed(name, fn))
    try:
        t0 = time.perf_counter()
        provenance.check(text, registry=registry)
        total = time.perf_counter() - t0
    finally:
        for name, fn in originals.items():
            setattr(_check, name, fn)
    times["report and rules"] = total - sum(times.values())
    times["total"] = total
    return times


def best(fn: Callable[[], object], repeat: int) -> float:
    out = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best is shown")
    ap.add_argument("--profile", action="store_true", help="print the 15 costliest functions")
    args = ap.parse_args()
    text = news_text(args.size)
    t0 = time.perf_counter()
    registry = provenance.Registry.load()
    load = time.perf_counter() - t0
    provenance.check(
        "According to Tasnim, the talks failed.", registry=registry
    )  # builds the matcher
    n_tokens = len(_TOKEN.findall(text))
    report = provenance.check(text, registry=registry)
    # interleaved, best of --repeat: the machine is shared and the load changes
    tok = secs = float("inf")
    for _ in range(args.repeat):
        tok = min(tok, best(lambda: _TOKEN.findall(text), 3))
        secs = min(secs, best(lambda: provenance.check(text, registry=registry), 1))
    print(f"provenance {provenance.__version__} ({_native.build()})")
    print(f"registry load: {load:.2f} s ({len(registry.outlets)} outlets)")
    print(
        f"text: {len(text):,} chars, {n_tokens:,} tokens; {len(report.mentions):,} mentions, "
        f"{len(report.claims):,} claims"
    )
    print(f"check(): {secs:.2f} s = {len(text) / secs / 1e6:.2f} M chars/s")
    print(f"tokenization: {tok:.3f} s; check() costs {secs / tok:.0f}x the tokenization")
    stages: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, secs in stage_times(text, registry).items():
            stages[name] = min(stages.get(name, float("inf")), secs)
    print("stages (best of runs; seconds, x tokenization):")
    for name, secs in stages.items():
        print(f"  {name:<18} {secs:>6.3f} {secs / tok:>6.1f}x")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(provenance.check, text, registry=registry)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
