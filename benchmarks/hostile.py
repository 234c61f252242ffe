"""Cost per character of hostile inputs, as a ratio to news text (target: at most 10x).

    python benchmarks/hostile.py            # full sizes from the robustness issue
    python benchmarks/hostile.py --small    # a quick look
    python benchmarks/hostile.py --repeat 5 # runs of each (default 3); the best is shown

News text is the repository's example briefs repeated to about the size of each input
(or the evaluation data in ../shared when it is there).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import provenance

ROOT = Path(__file__).resolve().parents[1]


def news_text(size: int) -> str:
    shared = ROOT.parent / "shared" / "eval" / "dev" / "polnear_dev.jsonl"
    if shared.is_file():
        with shared.open(encoding="utf-8") as fh:
            base = "\n\n".join(json.loads(line)["text"] for line in fh if line.strip())
    else:
        base = "\n\n".join(
            p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))
        )
    return (base * (size // len(base) + 1))[:size]


def cases(scale: float) -> dict[str, str]:
    n = lambda k: max(1, int(k * scale))  # noqa: E731
    return {
        '200k " marks': '"' * n(200_000),
        "100k alternating “‘": "\u201c\u2018" * n(50_000),
        "half a MB of one letter": "a" * n(500_000),
        '"According to " x 20k': "According to " * n(20_000),
        "20k URLs": " ".join(f"https://tasnimnews.com/{i}" for i in range(n(20_000))),
        "100k unclosed quotes": "\u201cword " * n(100_000),
        "100k doubled apostrophes": "'' " * n(100_000),
        "bidi controls": "\u202eTasnim said \u202c" * n(10_000),
        "a long single line (1 MB)": ("Tasnim said the talks failed, " * n(35_000)),
    }


def seconds(text: str, repeat: int = 1) -> float:
    """The best wall time of ``repeat`` runs of check() on ``text`` (a shared machine's load
    only ever adds time)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        provenance.check(text)
        best = min(best, time.perf_counter() - t0)
    return best


def per_char(text: str, repeat: int = 1) -> float:
    return seconds(text, repeat) / max(1, len(text))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="a tenth of the sizes")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best is shown")
    args = ap.parse_args()
    provenance.check("warm up: According to Tasnim, the talks failed.")
    scale = 0.1 if args.small else 1.0
    print(f"{'input':<28} {'chars':>10} {'seconds':>8} {'us/char':>8} {'x news':>7}")
    for name, text in cases(scale).items():
        news = per_char(news_text(min(len(text), 300_000)), args.repeat)
        secs = seconds(text, args.repeat)
        cost = secs / len(text)
        print(f"{name:<28} {len(text):>10} {secs:>8.2f} {cost * 1e6:>8.2f} {cost / news:>7.1f}")


if __name__ == "__main__":
    main()
