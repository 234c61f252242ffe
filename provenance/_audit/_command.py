"""``provenance audit``: its arguments and the call into the engine. Free of Dask and
pyarrow at import, so the rest of the command-line tool stays light."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._exceptions import ConfigError

__all__ = ["add_parser", "run"]

DEFAULT_PARTITION_SIZE = 500
EXTRA_HINT = "provenance audit needs Dask and pyarrow: pip install 'provenance[audit]'"


def add_parser(
    sub: Any, positive_int: Callable[[str], int], as_date: Callable[[str], Any]
) -> argparse.ArgumentParser:
    a: argparse.ArgumentParser = sub.add_parser(
        "audit",
        help="audit an archive (folders or globs of briefs, JSONL or Parquet articles) on Dask",
        description="Check every article of an archive in partitions on Dask; write per-"
        "document tables (Parquet), an errors table, summary.json and summary.html to --out. "
        "Re-running with the same --out resumes: partitions already written are skipped.",
    )
    a.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a folder, a glob ('archive/**/*.md'), a JSONL or a Parquet file of articles",
    )
    a.add_argument("--out", required=True, metavar="DIR", help="where the results go")
    a.add_argument(
        "--scheduler",
        default="processes",
        metavar="inline|processes|ADDRESS",
        help="inline (this process), processes (local worker processes; the default) or the "
        "address of a Dask scheduler (tcp://host:8786)",
    )
    a.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes for --scheduler processes (default: all cores)",
    )
    a.add_argument(
        "--partition-size",
        type=positive_int,
        default=DEFAULT_PARTITION_SIZE,
        metavar="N",
        help=f"documents per partition (default: {DEFAULT_PARTITION_SIZE})",
    )
    for name in ("id", "text", "date", "section", "url"):
        a.add_argument(
            f"--{name}-field",
            default=name,
            metavar="NAME",
            help=f"the record field holding the article's {name} (default: {name})",
        )
    a.add_argument(
        "--input-format",
        choices=("auto", "text", "markdown", "html"),
        default="auto",
        help="how to read the texts (default: briefs by extension, records as plain text)",
    )
    a.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="a registry file or directory layered over the bundled one (repeatable; every "
        "worker must see the same path)",
    )
    a.add_argument(
        "--date",
        type=as_date,
        metavar="YYYY-MM-DD",
        help="as-of date for affiliation claims (default: each article's date, else today)",
    )
    a.add_argument("--config", metavar="FILE", help="use this configuration file, not the nearest")
    a.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    a.add_argument("--select", action="append", metavar="RULE", help="run only these rules")
    a.add_argument("--ignore", action="append", metavar="RULE", help="skip these rules")
    a.add_argument(
        "--max-bytes",
        type=positive_int,
        default=10 * 1024 * 1024,
        metavar="N",
        help="an article larger than N bytes is an error row (default: 10 MB)",
    )
    a.add_argument(
        "--quiet", "-q", action="store_true", help="no progress display, only the result"
    )
    a.set_defaults(fail_on=None)  # the failing level does not apply: an audit reports
    return a


def run(args: argparse.Namespace, overlays: tuple[str, ...], config: Any) -> int:
    """Run the audit the arguments describe; the exit status (0 done, 1 partitions failed)."""
    try:
        from ._engine import Progress, run_audit
        from ._worker import Fields, Job
    except ImportError as exc:
        raise ConfigError(f"{EXTRA_HINT} ({exc})") from None
    if args.scheduler == "inline" and args.workers:
        raise ConfigError("--workers applies to --scheduler processes, not inline")
    job = Job(
        out=os.path.abspath(args.out),
        overlays=tuple(os.path.abspath(o) for o in overlays),
        config=config,
        fields=Fields(
            args.id_field, args.text_field, args.date_field, args.section_field, args.url_field
        ),
        input_format=None if args.input_format == "auto" else args.input_format,
        as_of=args.date,
        max_bytes=args.max_bytes,
        cwd=os.getcwd(),
    )
    result = run_audit(
        args.inputs,
        job,
        scheduler=args.scheduler,
        workers=args.workers,
        partition_size=args.partition_size,
        progress=None if args.quiet else (lambda total: Progress(total)),
    )
    s = result.summary
    out = Path(args.out)
    sys.stdout.write(
        f"{s['documents']:,} documents checked, {s['errors']:,} errors; "
        f"{result.partitions - result.skipped} partitions written, {result.skipped} "
        f"already done, in {result.seconds:.1f} s\n"
        f"  {out / 'summary.html'}\n  {out / 'summary.json'}\n"
    )
    if result.failed:
        sys.stderr.write(
            f"provenance: {len(result.failed)} partitions failed ({', '.join(result.failed[:5])}"
            f"{', …' if len(result.failed) > 5 else ''}); run the same command again to retry\n"
        )
        return 1
    return 0
