"""Registry scale: synthetic registries of 1k, 10k and 100k aliases — load, matcher build,
memory, and scan speed on news text, relative to the 1k registry.

    python benchmarks/registry_scale.py [--sizes 1000 10000 100000]

``load`` parses and validates the TOML; ``build`` is the name matcher's construction (best of
``--repeat``, timed without tracemalloc); ``cached`` is both read back from the user cache
(what every run after the first does); ``MB`` is the matcher's peak allocation; ``1st scan``
is the first check() after loading (it includes a one-time garbage-collection pass over the
registry's objects), ``scan MB/s`` the next one's rate.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from hostile import news_text  # type: ignore[import-not-found]

import provenance
from provenance import _registry
from provenance._matching import Matcher, matcher_for

SYLLABLES = "ka ri to na mo sel var den lo qui ast ber ul mar zen pa".split()


def synthetic_overlay(n: int, path: Path) -> None:
    rnd = random.Random(n)
    lines = []
    for i in range(n):
        name = " ".join(
            "".join(rnd.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(2)
        )
        lines.append(
            f'[[outlet]]\nid = "zz.synthetic-{i}"\nname = "{name} News {i}"\ncountry = "ZZ"\n'
            f'medium = "website"\n'
        )
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--text", type=int, default=200_000, help="characters of news text to scan")
    ap.add_argument("--repeat", type=int, default=3, help="builds per size (the best is shown)")
    args = ap.parse_args()
    text = news_text(args.text)
    base_rate = None
    print(
        f"{'aliases':>8} {'load s':>7} {'build s':>8} {'cached s':>9} {'MB':>6} "
        f"{'1st scan s':>10} {'scan MB/s':>10} {'x 1k':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PROVENANCE_CACHE_DIR"] = str(Path(tmp) / "cache")
        for n in args.sizes:
            path = Path(tmp) / f"synthetic-{n}.toml"
            synthetic_overlay(n, path)
            t0 = time.perf_counter()
            registry = provenance.Registry.from_files(path)
            load = time.perf_counter() - t0
            # the build's time without tracemalloc (which slows every allocation several
            # times over), then its peak memory in a separate, traced build
            build = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                Matcher(registry)
                build = min(build, time.perf_counter() - t0)
            tracemalloc.start()
            Matcher(registry)
            mem = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            # registry and matcher read back from the user cache, as a second run does
            provenance.Registry.load(path, bundled=False)  # builds and stores
            _registry._LOADED.clear()
            t0 = time.perf_counter()
            matcher_for(provenance.Registry.load(path, bundled=False))
            cached = time.perf_counter() - t0
            matcher_for(registry)
            # the first check after loading pays the collector's deferred pass over the new
            # objects (builds run with collection paused); the scan rate is the next run's
            t0 = time.perf_counter()
            provenance.check(text, registry=registry)
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            provenance.check(text, registry=registry)
            secs = time.perf_counter() - t0
            rate = len(text) / secs / 1e6
            base_rate = base_rate or rate
            print(
                f"{n:>8} {load:>7.2f} {build:>8.2f} {cached:>9.2f} {mem:>6.1f} {first:>10.2f} "
                f"{rate:>10.3f} {base_rate / rate:>6.2f}"
            )


if __name__ == "__main__":
    main()
