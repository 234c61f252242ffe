"""Accuracy on the development sets against the claims issue's targets, as one table.

    python benchmarks/accuracy.py                  # ../shared/eval next to the checkout
    python benchmarks/accuracy.py --eval DIR       # another copy of the eval folder

It runs the project's scorer (``DIR/score.py --json``) on each development file with the
installed ``provenance`` and prints every figure the issue names beside its target. The
development data is not part of this repository; without it the script says so and exits 2.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

# (file, label, path into the scorer's JSON, target, higher is better)
ROWS: list[tuple[str, str, tuple[str, ...], float, bool]] = [
    ("polnear_quotes_dev.jsonl", "quote F1, exact span", ("quotes", "exact", "f1"), 0.98, True),
    ("polnear_quotes_dev.jsonl", "scare-quote false positives",
     ("quotes", "scare_quote_false_positives"), 20, False),
    ("polnear_quotes_dev.jsonl", "named-speaker accuracy",
     ("quotes", "speaker_named", "accuracy"), 0.90, True),
    ("polnear_dev.jsonl", "attribution F1 (half overlap)",
     ("attributions", "overlap", "f1"), 0.70, True),
    ("polnear_dev.jsonl", "source accuracy", ("attributions", "source", "accuracy"), 0.88, True),
    ("briefs_dev.jsonl", "quote F1, exact span", ("quotes", "exact", "f1"), 0.93, True),
    ("briefs_dev.jsonl", "attribution F1", ("attributions", "overlap", "f1"), 0.65, True),
]


def _get(data: object, path: tuple[str, ...]) -> float | None:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data if isinstance(data, int | float) else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
    ap.add_argument("--eval", type=Path, default=default, help="the eval folder (score.py, dev/)")
    args = ap.parse_args()
    scorer = args.eval / "score.py"
    if not scorer.is_file():
        print(f"no scorer at {scorer}: pass --eval DIR", file=sys.stderr)
        return 2
    results: dict[str, dict[str, object]] = {}
    crashes = 0
    for name in sorted({r[0] for r in ROWS}):
        out = subprocess.run(
            [sys.executable, str(scorer), str(args.eval / "dev" / name), "--json"],
            capture_output=True, text=True, check=True,
        ).stdout
        results[name] = json.loads(out)
        crashes += int(_get(results[name], ("crashes",)) or 0)
    print(f"| {'development file':<26} | {'figure':<30} | {'value':>7} | {'target':>7} | met |")
    print(f"|{'-' * 28}|{'-' * 32}|{'-' * 9}|{'-' * 9}|-----|")
    last = ""
    for name, label, path, target, higher in ROWS:
        value = _get(results[name], path)
        met = value is not None and (value >= target if higher else value <= target)
        shown = "n/a" if value is None else (f"{value:.4f}" if isinstance(value, float) else str(value))
        tgt = f"{target:.2f}" if isinstance(target, float) else f"<= {target}"
        print(f"| {name if name != last else '':<26} | {label:<30} | {shown:>7} | {tgt:>7} | "
              f"{'yes' if met else 'NO':<3} |")
        last = name
    print(f"| {'all':<26} | {'crashes':<30} | {crashes:>7} | {'0':>7} | "
          f"{'yes' if crashes == 0 else 'NO':<3} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
