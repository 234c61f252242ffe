"""Cold start of the command-line tool, as a ratio to ``python -c pass`` measured in the same
run (target for ``provenance --version``: at most 10x).

    python benchmarks/cold_start.py [--repeat 15]

Bytecode is compiled once beforehand (into a temporary ``PYTHONPYCACHEPREFIX``), as for an
installed package. Each command runs ``--repeat`` times in a fresh interpreter, interleaved with the baseline;
the best run of each is reported (the machine is shared: the minimum is the least noisy).
``check`` runs twice: with the registry cache of a previous run (what users feel from the
second run on), and with an empty cache directory every time (the first run after an
install or a registry change).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVENANCE = [sys.executable, "-c", "from provenance._cli import main; raise SystemExit(main())"]


def run(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    brief = str(ROOT / "examples" / "brief.txt")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PROVENANCE_CACHE_DIR": tmp}
        # as installed packages run: with compiled bytecode (pip writes it at install), kept
        # out of the source tree; without, every run would compile every module first
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
        # the console script is a two-line wrapper around _cli.main; calling it through -c
        # measures the same imports without depending on where the script was installed
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import provenance": [sys.executable, "-c", "import provenance"],
            "provenance --version": [*PROVENANCE, "--version"],
            "provenance --help": [*PROVENANCE, "--help"],
            "provenance check examples/brief.txt": [*PROVENANCE, "check", brief],
        }
        check = cases["provenance check examples/brief.txt"]
        for cmd in cases.values():  # writes the bytecode and fills the registry cache
            subprocess.run(cmd, env=env, capture_output=True)
        cold = os.path.join(tmp, "cold")
        cold_env = {**env, "PROVENANCE_CACHE_DIR": cold}
        results: dict[str, float] = {}
        for i in range(args.repeat):  # interleaved, so that load changes hit every command
            for name, cmd in cases.items():
                results[name] = min(results.get(name, float("inf")), run(cmd, env))
            if i % 3 == 0:
                shutil.rmtree(cold, ignore_errors=True)
                key = "  ... with an empty registry cache"
                results[key] = min(results.get(key, float("inf")), run(check, cold_env))
    base = results["python -c pass"]
    print(f"{'command':<40} {'best s':>8} {'x python':>9}")
    for name, secs in results.items():
        print(f"{name:<40} {secs:>8.3f} {secs / base:>9.1f}")


if __name__ == "__main__":
    main()
