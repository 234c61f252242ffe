"""The task one partition is, run wherever Dask puts it: read the partition's documents,
check each one (a document that fails is an error row, never a failed task), flatten the
reports into rows and write the partition's tables atomically.

Every table of a partition is written under ``DIR/_tmp`` and renamed into place, and the
partition's marker (``DIR/_done/<id>.json``) is renamed into place last, so a partition with
a marker is complete. A task run twice (a worker died and Dask ran it again, or two attempts
raced) writes the same files under the same names: each document is in the output once.

The registry is loaded once per worker process (a cache keyed by the overlay paths), never
shipped with a task.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import threading
import time
import traceback
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from .._check import check, read_input
from .._config import Config
from .._document import Format, _front_matter, format_for_suffix
from .._registry import Registry
from .._report import Report
from ._plan import Partition

__all__ = ["SCHEMAS", "TABLES", "Fields", "Job", "registry_loads", "run_partition"]

TABLES = ("documents", "mentions", "claims", "findings", "errors")

_DOC_KEYS = [
    ("doc_id", pa.string()),
    ("date", pa.date32()),
    ("section", pa.string()),
]
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            *_DOC_KEYS,
            ("url", pa.string()),
            ("source", pa.string()),
            ("line", pa.int64()),
            ("partition", pa.string()),
            ("as_of", pa.date32()),
            ("chars", pa.int64()),
            ("mentions", pa.int32()),
            ("claims", pa.int32()),
            ("findings", pa.int32()),
        ]
    ),
    "mentions": pa.schema(
        [
            *_DOC_KEYS,
            ("mention_id", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("kind", pa.string()),
            ("outlet_id", pa.string()),
            ("outlet_name", pa.string()),
            ("outlet_country", pa.string()),
            ("matched_by", pa.string()),
            ("state_affiliated", pa.bool_()),
            ("controlling_state", pa.string()),
            ("label", pa.string()),
            ("disputed", pa.bool_()),
            ("controllers", pa.list_(pa.string())),
            ("disclosed", pa.bool_()),
            ("disclosure", pa.string()),
        ]
    ),
    "claims": pa.schema(
        [
            *_DOC_KEYS,
            ("claim_id", pa.string()),
            ("kind", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("source", pa.string()),
            ("source_name", pa.string()),
            ("via", pa.list_(pa.string())),
            ("via_outlets", pa.list_(pa.string())),
            ("state_affiliated", pa.bool_()),
            ("controlling_state", pa.string()),
            ("negated", pa.bool_()),
            ("boilerplate", pa.bool_()),
        ]
    ),
    "findings": pa.schema(
        [
            *_DOC_KEYS,
            ("rule", pa.string()),
            ("name", pa.string()),
            ("severity", pa.string()),
            ("message", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("line", pa.int64()),
            ("column", pa.int64()),
            ("suppressed", pa.bool_()),
        ]
    ),
    "errors": pa.schema(
        [
            *_DOC_KEYS,
            ("source", pa.string()),
            ("line", pa.int64()),
            ("partition", pa.string()),
            ("error", pa.string()),
            ("message", pa.string()),
            ("traceback", pa.string()),
        ]
    ),
}


@attrs.frozen
class Fields:
    """The names of the fields of an article record (JSONL and Parquet inputs)."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    section: str = "section"
    url: str = "url"


@attrs.frozen
class Job:
    """What every task of one audit shares: small and picklable (the registry is not in it:
    each worker loads it once from ``overlays``)."""

    out: str
    overlays: tuple[str, ...] = ()
    config: Config = attrs.field(factory=Config)
    fields: Fields = attrs.field(factory=Fields)
    input_format: Format | None = None  # None: by suffix for briefs, plain text for records
    as_of: date | None = None
    max_bytes: int = 10 * 1024 * 1024
    cwd: str = ""  # relative input paths are relative to this folder (the driver's)


# --------------------------------------------------------------------------- the registry
_REGISTRIES: dict[tuple[str, ...], Registry] = {}
_LOCK = threading.Lock()
_LOADS = 0


def _registry(overlays: tuple[str, ...]) -> Registry:
    """The registry for ``overlays``, loaded once in this process."""
    global _LOADS
    with _LOCK:
        reg = _REGISTRIES.get(overlays)
        if reg is None:
            reg = Registry.load(*overlays)
            _REGISTRIES[overlays] = reg
            _LOADS += 1
        return reg


def registry_loads() -> int:
    """How many registries this process has loaded (1 in a worker of one audit)."""
    return _LOADS


# --------------------------------------------------------------------------- reading
@attrs.frozen
class _Doc:
    doc_id: str
    text: str | None  # None: unreadable; ``problem`` says why
    date: date | None = None
    section: str | None = None
    url: str | None = None
    source: str = ""
    line: int | None = None
    format: Format = "text"
    path: str | None = None
    problem: tuple[str, str] | None = None  # (error type, message)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """Lone surrogates (JSON allows ``"\\ud800"``) become U+FFFD: one code point for one, so
    offsets are unchanged, and the text can be written to Parquet."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return _clean(value if isinstance(value, str) else str(value))


def _record(rec: Any, job: Job, source: str, line: int | None, fallback_id: str) -> _Doc:
    f = job.fields
    fmt: Format = job.input_format or "text"
    if not isinstance(rec, dict):
        return _Doc(
            fallback_id,
            None,
            source=source,
            line=line,
            problem=("InputError", "the record is not a JSON object"),
        )
    raw_id = rec.get(f.id)
    doc_id = fallback_id if raw_id is None or raw_id == "" else _clean(str(raw_id))
    when = _date(rec.get(f.date))
    section, url = _opt_str(rec.get(f.section)), _opt_str(rec.get(f.url))
    text = rec.get(f.text)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        problem = ("InputError", f"the field {f.text!r} is {what}")
        return _Doc(doc_id, None, when, section, url, source, line, fmt, problem=problem)
    return _Doc(doc_id, _clean(text), when, section, url, source, line, fmt)


def _read_jsonl(part: Partition, job: Job) -> Iterator[_Doc]:
    name = part.source
    with open(Path(job.cwd, part.source), "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.stop - part.start)
    for n, raw in enumerate(data.splitlines(), part.first_line):
        if not raw.strip():
            continue
        fallback = f"{name}:{n}"
        try:
            rec = json.loads(raw)
        except ValueError as exc:  # also UnicodeDecodeError
            yield _Doc(
                fallback,
                None,
                source=name,
                line=n,
                problem=("InputError", f"not a JSON record: {exc}"),
            )
            continue
        yield _record(rec, job, name, n, fallback)


def _read_parquet(part: Partition, job: Job) -> Iterator[_Doc]:
    pf = pq.ParquetFile(Path(job.cwd, part.source))
    names = set(pf.schema_arrow.names)
    f = job.fields
    columns = [c for c in (f.id, f.text, f.date, f.section, f.url) if c in names]
    meta = pf.metadata
    first = 0
    for g in range(meta.num_row_groups):
        rows = meta.row_group(g).num_rows
        lo, hi = max(part.start, first), min(part.stop, first + rows)
        if lo < hi:
            table = pf.read_row_group(g, columns=columns).slice(lo - first, hi - lo)
            for i, rec in enumerate(table.to_pylist(), lo):
                yield _record(rec, job, part.source, i + 1, f"{part.source}#{i + 1}")
        first += rows


def _read_briefs(part: Partition, job: Job) -> Iterator[_Doc]:
    for path in part.paths:
        fmt = job.input_format or format_for_suffix(Path(path).suffix)
        try:
            text = read_input(Path(job.cwd, path), max_bytes=job.max_bytes)
        except Exception as exc:
            yield _Doc(path, None, source=path, path=path, problem=(type(exc).__name__, str(exc)))
            continue
        when = None if fmt == "html" else _front_matter(text)[1]
        yield _Doc(path, text, date=when, source=path, format=fmt, path=path)


_READERS = {"jsonl": _read_jsonl, "parquet": _read_parquet, "briefs": _read_briefs}


# --------------------------------------------------------------------------- flattening
def _rows(doc: _Doc, report: Report, reg: Registry, part: str) -> dict[str, list[dict[str, Any]]]:
    key = {"doc_id": doc.doc_id, "date": doc.date, "section": doc.section}
    states: dict[str, str | None] = {}
    affiliated: dict[str, bool] = {}
    outlets: dict[str, str | None] = {}
    mentions = []
    for m in report.mentions:
        state = None
        if m.state_affiliated:
            state = reg.affiliation(m.outlet.id, report.as_of).state if m.outlet else m.country
        states[m.id] = state
        affiliated[m.id] = m.state_affiliated is True
        outlets[m.id] = m.outlet.id if m.outlet else None
        mentions.append(
            {
                **key,
                "mention_id": m.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
                "outlet_id": m.outlet.id if m.outlet else None,
                "outlet_name": m.outlet.name if m.outlet else None,
                "outlet_country": m.outlet.country if m.outlet else m.country,
                "matched_by": m.matched_by,
                "state_affiliated": m.state_affiliated,
                "controlling_state": state,
                "label": m.label,
                "disputed": m.disputed,
                "controllers": [c.id for c in m.controllers],
                "disclosed": m.disclosed,
                "disclosure": m.disclosure.text if m.disclosure else None,
            }
        )
    claims = []
    for c in report.claims:
        state_via = [v for v in c.via if affiliated.get(v)]
        claims.append(
            {
                **key,
                "claim_id": c.id,
                "kind": c.kind,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "source": c.source.text if c.source else None,
                "source_name": c.source.name if c.source else None,
                "via": list(c.via),
                "via_outlets": [o for o in (outlets.get(v) for v in c.via) if o],
                "state_affiliated": bool(state_via),
                "controlling_state": states[state_via[0]] if state_via else None,
                "negated": c.negated,
                "boilerplate": c.boilerplate,
            }
        )
    findings = [
        {
            **key,
            "rule": f.rule,
            "name": f.name,
            "severity": f.severity,
            "message": f.message,
            "start": f.start,
            "end": f.end,
            "line": f.line,
            "column": f.column,
            "suppressed": f.suppressed,
        }
        for f in report.findings
    ]
    document = {
        **key,
        "url": doc.url,
        "source": doc.source,
        "line": doc.line,
        "partition": part,
        "as_of": report.as_of,
        "chars": len(report.text),
        "mentions": len(mentions),
        "claims": len(claims),
        "findings": len(findings),
    }
    return {"documents": [document], "mentions": mentions, "claims": claims, "findings": findings}


def _error(doc: _Doc, part: str, kind: str, message: str, tb: str | None) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "date": doc.date,
        "section": doc.section,
        "source": doc.source,
        "line": doc.line,
        "partition": part,
        "error": kind,
        "message": _clean(message)[:2000],
        "traceback": _clean(tb)[-4000:] if tb else None,
    }


def check_document(doc: _Doc, reg: Registry, job: Job) -> Report:
    """The report on one document (a module attribute, so tests can make it fail)."""
    assert doc.text is not None
    return check(
        doc.text,
        registry=reg,
        format=doc.format,
        as_of=job.as_of or doc.date,
        path=doc.path,
        config=job.config,
    )


# --------------------------------------------------------------------------- the task
def _done_path(out: Path, part_id: str) -> Path:
    return out / "_done" / f"{part_id}.json"


def run_partition(part: Partition, job: Job) -> dict[str, Any]:
    """Check the documents of ``part`` and write its tables; return its marker (counts).

    A partition already written (its marker exists) is not checked again."""
    out = Path(job.out)
    done = _done_path(out, part.id)
    if done.is_file():
        return dict(json.loads(done.read_text(encoding="utf-8")), skipped=True)
    t0, cpu0 = time.perf_counter(), time.process_time()
    reg = _registry(job.overlays)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    fail: _Doc | None = None
    try:
        for doc in _READERS[part.kind](part, job):
            fail = doc
            if doc.text is None:
                kind, message = doc.problem or ("InputError", "unreadable")
                rows["errors"].append(_error(doc, part.id, kind, message, None))
                continue
            if len(doc.text) * 4 > job.max_bytes and len(doc.text.encode("utf-8")) > job.max_bytes:
                rows["errors"].append(
                    _error(
                        doc,
                        part.id,
                        "InputError",
                        f"over the limit of {job.max_bytes} bytes (--max-bytes)",
                        None,
                    )
                )
                continue
            try:
                report = check_document(doc, reg, job)
                got = _rows(doc, report, reg, part.id)
            except Exception as exc:
                rows["errors"].append(
                    _error(doc, part.id, type(exc).__name__, str(exc), traceback.format_exc())
                )
                continue
            for table, new in got.items():
                rows[table].extend(new)
    except Exception as exc:  # the partition itself cannot be read (any further)
        whole = _Doc(f"{part.source or part.id}#partition", None, source=part.source)
        rows["errors"].append(
            _error(
                whole,
                part.id,
                type(exc).__name__,
                f"reading stopped after {fail.doc_id if fail else 'no document'}: {exc}",
                traceback.format_exc(),
            )
        )
    marker = {
        "partition": part.id,
        **{t: len(rows[t]) for t in TABLES},
        "seconds": round(time.perf_counter() - t0, 3),
        "cpu_seconds": round(time.process_time() - cpu0, 3),
        "worker_pid": os.getpid(),
        "registry_loads": registry_loads(),
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    _write(out, part.id, rows, marker)
    return dict(marker, skipped=False)


def _write(
    out: Path, part_id: str, rows: dict[str, list[dict[str, Any]]], marker: dict[str, Any]
) -> None:
    tmp = out / "_tmp" / f"{part_id}.{uuid.uuid4().hex}"
    tmp.mkdir(parents=True)
    try:
        for table in TABLES:
            pq.write_table(
                pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]),
                tmp / f"{table}.parquet",
                compression="zstd",
            )
        (tmp / "marker.json").write_text(json.dumps(marker, sort_keys=True), encoding="utf-8")
        for table in TABLES:
            (out / table).mkdir(exist_ok=True)
            os.replace(tmp / f"{table}.parquet", out / table / f"part-{part_id}.parquet")
        (out / "_done").mkdir(exist_ok=True)
        os.replace(tmp / "marker.json", _done_path(out, part_id))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
