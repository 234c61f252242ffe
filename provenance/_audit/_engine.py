"""Where an audit runs and how it shows progress.

One code path for every scheduler: the partitions still to write are mapped over
:func:`._worker.run_partition`; ``inline`` calls it in this process, one partition after
another; ``processes`` starts a :class:`distributed.LocalCluster` of worker processes on
127.0.0.1; any other value is the address of a running Dask scheduler. A partition whose
marker exists is skipped, so a run that stopped halfway finishes later without redoing or
duplicating work.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from .._exceptions import ConfigError, InputError, ProvenanceError
from .._registry import Registry
from ._plan import Partition, plan
from ._summary import write_summary
from ._worker import Job, run_partition

__all__ = ["AuditResult", "Progress", "run_audit"]

MANIFEST = "audit.json"
MANIFEST_SCHEMA = "provenance.audit/1"


@attrs.frozen
class AuditResult:
    out: Path
    partitions: int
    skipped: int
    documents: int
    errors: int
    failed: tuple[str, ...]
    seconds: float
    summary: dict[str, Any]


class Progress:
    """Documents done, rate and ETA: a redrawn bar on a terminal, a plain line at most every
    ``interval`` seconds (and at the end) in CI logs and files."""

    def __init__(
        self,
        total: int,
        stream: IO[str] | None = None,
        *,
        tty: bool | None = None,
        interval: float = 10.0,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if tty is None:
            tty = bool(getattr(self.stream, "isatty", lambda: False)()) and not os.environ.get("CI")
        self.tty = tty
        self.total = total
        self.interval = interval
        self.done = 0
        self.errors = 0
        self.base = 0
        self.t0 = time.monotonic()
        self.last = float("-inf")

    def start(self, already: int) -> None:
        """``already`` documents were written by an earlier run."""
        self.done = self.base = already
        self.t0 = time.monotonic()
        self.last = float("-inf")
        if not self.tty:
            self._line(f"{self.total:,} documents, {already:,} already done")

    def _line(self, text: str) -> None:
        self.stream.write(f"audit: {text}\n")
        self.stream.flush()

    def update(self, documents: int, errors: int = 0) -> None:
        self.done += documents
        self.errors += errors
        now = time.monotonic()
        if self.tty or now - self.last >= self.interval or self.done >= self.total:
            self.last = now
            self._show(now)

    def _show(self, now: float) -> None:
        secs = max(now - self.t0, 1e-9)
        rate = (self.done - self.base) / secs
        left = self.total - self.done
        eta = _duration(left / rate) if rate > 0 else "?"
        share = self.done / self.total if self.total else 1.0
        stats = (
            f"{self.done:,}/{self.total:,} documents ({share:.0%}), {rate:,.1f} docs/s, "
            f"ETA {eta}, {self.errors:,} errors"
        )
        if self.tty:
            width = 30
            bar = "#" * int(share * width)
            self.stream.write(f"\r\x1b[2K[{bar:<{width}}] {stats}")
        else:
            self._line(stats)
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self._show(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _manifest(parts: Sequence[Partition], size: int, job: Job) -> dict[str, Any]:
    return {
        "schema": MANIFEST_SCHEMA,
        "partition_size": size,
        "settings": {
            "overlays": list(job.overlays),
            "fields": attrs.asdict(job.fields),
            "input_format": job.input_format,
            "as_of": job.as_of.isoformat() if job.as_of else None,
            "max_bytes": job.max_bytes,
            "config": repr(job.config),
        },
        "partitions": [p.to_dict() for p in parts],
    }


def _prepare(out: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest, or check that the one there describes the same audit."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / MANIFEST
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            old = None
        if old != manifest:
            raise InputError(
                f"{out}: holds an audit of other inputs or settings ({MANIFEST} differs); "
                "resume with the same inputs and options, or choose another --out"
            )
    else:
        tmp = out / f".{MANIFEST}.{uuid.uuid4().hex}"
        tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    shutil.rmtree(out / "_tmp", ignore_errors=True)  # what a killed run left half-written


def _done(out: Path) -> set[str]:
    return {p.stem for p in (out / "_done").glob("*.json")}


def run_audit(
    inputs: Sequence[str],
    job: Job,
    *,
    scheduler: str = "processes",
    workers: int | None = None,
    partition_size: int = 500,
    progress: Progress | Callable[[int], Progress] | None = None,
    on_partition: Callable[[dict[str, Any]], None] | None = None,
    client: Any = None,
) -> AuditResult:
    """Audit ``inputs`` into ``job.out``: the partitions not yet written, then the summary.

    ``client`` (a :class:`distributed.Client`) overrides ``scheduler``. ``progress`` is a
    :class:`Progress`, or a factory given the total number of documents. ``on_partition``
    is called with each partition's marker as it completes.
    """
    t0 = time.monotonic()
    out = Path(job.out)
    parts = plan(inputs, partition_size)
    _prepare(out, _manifest(parts, partition_size, job))
    done = _done(out)
    todo = [p for p in parts if p.id not in done]
    total = sum(p.documents for p in parts)
    bar = progress(total) if callable(progress) else progress
    if bar is not None:
        bar.start(sum(p.documents for p in parts if p.id in done))
    failed: list[str] = []
    documents = errors = 0

    def finished(part: Partition, marker: dict[str, Any] | None) -> None:
        nonlocal documents, errors
        if marker is None:
            failed.append(part.id)
        else:
            documents += int(marker["documents"])
            errors += int(marker["errors"])
            if on_partition is not None:
                on_partition(marker)
        if bar is not None:
            bar.update(
                part.documents,
                int(marker["errors"]) if marker is not None else part.documents,
            )

    if todo:
        if scheduler == "inline" and client is None:
            for part in todo:
                try:
                    marker: dict[str, Any] | None = run_partition(part, job)
                except Exception as exc:
                    logging.getLogger(__name__).error("partition %s failed: %s", part.id, exc)
                    marker = None
                finished(part, marker)
        else:
            _distributed(todo, job, scheduler, workers, client, finished)
    if bar is not None:
        bar.finish()
    with contextlib.suppress(OSError):
        (out / "_tmp").rmdir()  # empty unless a task is still writing somewhere
    summary = write_summary(out, _state_names(job))
    return AuditResult(
        out=out,
        partitions=len(parts),
        skipped=len(parts) - len(todo),
        documents=documents,
        errors=errors,
        failed=tuple(failed),
        seconds=time.monotonic() - t0,
        summary=summary,
    )


def _state_names(job: Job) -> dict[str, str]:
    """Country names for the charts, from the audit's registry (codes alone if it fails)."""
    try:
        registry = Registry.load(*job.overlays)
    except ProvenanceError:
        return {}
    return {c.code: c.name for c in registry.countries.values()}


def _distributed(
    todo: Sequence[Partition],
    job: Job,
    scheduler: str,
    workers: int | None,
    client: Any,
    finished: Callable[[Partition, dict[str, Any] | None], None],
) -> None:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    own = client is None
    if own:
        if scheduler == "processes":
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=":0",  # never the shared :8787; no dashboard without bokeh
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            try:
                client = Client(scheduler, timeout="30s")
            except (OSError, ValueError) as exc:  # TimeoutError is an OSError
                raise ConfigError(
                    f"--scheduler {scheduler}: not inline, processes or the address of a "
                    f"Dask scheduler that answers ({exc})"
                ) from None
    try:
        run = uuid.uuid4().hex[:12]
        by_key = {f"provenance-audit-{run}-{p.id}": p for p in todo}
        futures = client.map(
            run_partition, list(todo), job=job, key=list(by_key), pure=False, retries=1
        )
        for fut in as_completed(futures):
            part = by_key[fut.key]
            try:
                marker: dict[str, Any] | None = fut.result()
            except Exception as exc:  # the task died on every worker it was given to
                logging.getLogger(__name__).error("partition %s failed: %s", part.id, exc)
                marker = None
            fut.release()
            finished(part, marker)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
