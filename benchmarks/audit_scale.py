"""``provenance audit`` at scale: documents per second with 1 and 2 local worker processes
(and the scaling ratio), and the memory of the workers on a large JSONL input.

    python benchmarks/audit_scale.py scaling [--docs 4000] [--workers 1 2]
    python benchmarks/audit_scale.py memory [--gigabytes 1] [--seconds 240]

Articles are news text (the evaluation data in ../shared when it is there, else the
repository's examples) cut at paragraph breaks into articles of about 3,000 characters, with
dates over ten years and five sections. ``scaling`` times whole runs (cluster start-up
included) and the steady rate (from the first partition written to the last). ``memory``
writes a JSONL file of the given size to /tmp, runs ``provenance audit`` on it for at most
``--seconds``, samples the resident memory of every process of the run each second, and
stops the run (a later run with the same --out would resume it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from hostile import news_text  # type: ignore[import-not-found]

SECTIONS = ("world", "middle-east", "europe", "business", "opinion")


def articles(size_chars: int = 3000) -> Iterator[dict[str, str]]:
    """An endless stream of articles, the same every time."""
    paragraphs = [p for p in news_text(2_000_000).split("\n\n") if p.strip()]
    i = 0
    while True:
        for start in range(0, len(paragraphs), 12):
            body = "\n\n".join(paragraphs[start : start + 12])[:size_chars]
            year, month = 2015 + i % 10, 1 + i // 10 % 12
            yield {
                "id": f"a{i:08d}",
                "text": body,
                "date": f"{year}-{month:02d}-{1 + i % 28:02d}",
                "section": SECTIONS[i % len(SECTIONS)],
            }
            i += 1


def write_jsonl(path: Path, *, docs: int | None = None, size: int | None = None) -> int:
    n = written = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in articles():
            if (docs is not None and n >= docs) or (size is not None and written >= size):
                break
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def scaling(args: argparse.Namespace) -> None:
    from provenance._audit._engine import run_audit
    from provenance._audit._worker import Job

    tmp = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    try:
        src = tmp / "articles.jsonl"
        n = write_jsonl(src, docs=args.docs)
        print(f"{n:,} articles, {src.stat().st_size / 1e6:.1f} MB; partitions of "
              f"{args.partition_size}; {os.cpu_count()} cores")  # fmt: skip
        rates: dict[int, float] = {}
        for workers in args.workers:
            out = tmp / f"out-{workers}"
            stamps: list[tuple[float, int]] = []
            t0 = time.perf_counter()
            result = run_audit(
                [str(src)],
                Job(out=str(out)),
                scheduler="processes",
                workers=workers,
                partition_size=args.partition_size,
                on_partition=lambda m, stamps=stamps: stamps.append(
                    (time.perf_counter(), m["documents"])
                ),
            )
            wall = time.perf_counter() - t0
            steady = (stamps[-1][0] - stamps[0][0]) if len(stamps) > 1 else wall
            steady_docs = sum(d for _, d in stamps[1:])
            rates[workers] = steady_docs / steady
            markers = [json.loads(p.read_text()) for p in (out / "_done").glob("*.json")]
            cpu = sum(m["cpu_seconds"] for m in markers)
            print(
                f"{workers} worker(s): {result.documents:,} documents in {wall:.1f} s = "
                f"{result.documents / wall:.1f} docs/s overall; steady {rates[workers]:.1f} docs/s;"
                f" {result.documents / cpu:.1f} docs per worker CPU-second; load average "
                f"{os.getloadavg()[0]:.1f}"
            )
        if 1 in rates and len(rates) > 1:
            most = max(rates)
            print(f"scaling {most} vs 1 worker(s): {rates[most] / rates[1]:.2f}x (steady rates)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def memory(args: argparse.Namespace) -> None:
    import psutil

    src = Path(args.input or f"/tmp/audit-bench-{args.gigabytes:g}GB.jsonl")
    size = int(args.gigabytes * 1e9)
    if not src.is_file() or src.stat().st_size < size * 0.99:
        t0 = time.perf_counter()
        n = write_jsonl(src, size=size)
        print(f"wrote {src}: {n:,} articles, {src.stat().st_size / 1e9:.2f} GB "
              f"in {time.perf_counter() - t0:.0f} s")  # fmt: skip
    out = Path(args.out or tempfile.mkdtemp(prefix="audit-bench-mem-"))
    cmd = [sys.executable, "-m", "provenance", "audit", str(src), "--out", str(out),
           "--workers", str(args.workers), "--isolated"]  # fmt: skip
    print("$", " ".join(cmd))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = psutil.Process(proc.pid)
    peak: dict[int, int] = {}
    samples: list[tuple[float, int]] = []  # (seconds, largest worker RSS)
    planned = None
    try:
        while proc.poll() is None and time.perf_counter() - t0 < args.seconds:
            time.sleep(1)
            try:
                kids = driver.children(recursive=True)
                rss = {p.pid: p.memory_info().rss for p in [driver, *kids]}
            except psutil.Error:
                continue
            for pid, r in rss.items():
                peak[pid] = max(peak.get(pid, 0), r)
            workers = [r for pid, r in rss.items() if pid != proc.pid]
            if workers:
                samples.append((time.perf_counter() - t0, max(workers)))
            if planned is None and (out / "audit.json").is_file():
                planned = time.perf_counter() - t0
    finally:
        if proc.poll() is None:
            proc.terminate()  # the run we started; a later run resumes it
        proc.wait(timeout=60)
    done = [json.loads(p.read_text()) for p in (out / "_done").glob("*.json")]
    docs = sum(m["documents"] for m in done)
    total = sum(p["documents"] for p in json.loads((out / "audit.json").read_text())["partitions"])
    worker_peaks = sorted((r for pid, r in peak.items() if pid != proc.pid), reverse=True)
    print(f"planned {total:,} documents in {planned or 0:.0f} s (one pass over the input)")
    print(
        f"checked {docs:,} documents ({docs / total:.1%} of the input) in "
        f"{time.perf_counter() - t0:.0f} s; stopped: {'no' if proc.returncode == 0 else 'yes'}"
    )
    print(f"driver peak RSS: {peak.get(proc.pid, 0) / 2**20:.0f} MiB")
    print("largest process peaks below the driver (workers first): "
          + ", ".join(f"{r / 2**20:.0f} MiB" for r in worker_peaks[:4]))  # fmt: skip
    if done:
        print(f"worker ru_maxrss reported in partition markers: max "
              f"{max(m['max_rss_kb'] for m in done) / 1024:.0f} MiB")  # fmt: skip
    if samples:
        quarter = [samples[int(k * (len(samples) - 1) / 4)] for k in range(5)]
        print("largest worker RSS over time: " + ", ".join(
            f"{t:.0f} s {r / 2**20:.0f} MiB" for t, r in quarter))  # fmt: skip
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("scaling")
    s.add_argument("--docs", type=int, default=4000)
    s.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    s.add_argument("--partition-size", type=int, default=100)
    m = sub.add_parser("memory")
    m.add_argument("--gigabytes", type=float, default=1.0)
    m.add_argument("--input", help="an existing JSONL file instead of a generated one")
    m.add_argument("--out", help="keep the output here (default: a temporary folder)")
    m.add_argument("--keep", action="store_true", help="do not delete the output")
    m.add_argument("--workers", type=int, default=2)
    m.add_argument("--seconds", type=float, default=240)
    args = ap.parse_args()
    scaling(args) if args.what == "scaling" else memory(args)


if __name__ == "__main__":
    main()
