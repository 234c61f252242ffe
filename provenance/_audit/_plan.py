"""The inputs of an audit cut into partitions with stable ids.

Briefs (files of text, Markdown or HTML; folders and globs expanded, sorted) go
``size`` files to a partition; a JSONL file goes ``size`` records to a partition, as a range
of bytes found in one pass over the file; a Parquet file goes ``size`` rows to a partition.
The same inputs and size always give the same partitions, so a partition id names the same
documents in every run, and a resumed run can skip the ones already written.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from .._exceptions import InputError
from .._many import BRIEF_SUFFIXES, expand_paths

__all__ = ["JSONL_SUFFIXES", "PARQUET_SUFFIXES", "Partition", "plan"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")

Kind = Literal["briefs", "jsonl", "parquet"]


@attrs.frozen
class Partition:
    """A slice of the input: ``paths`` (briefs), or ``[start, stop)`` of ``source`` in bytes
    (JSONL; ``first_line`` is the 1-based line number at ``start``) or in rows (Parquet)."""

    id: str
    kind: Kind
    documents: int
    source: str = ""
    paths: tuple[str, ...] = ()
    start: int = 0
    stop: int = 0
    first_line: int = 1

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "documents": self.documents}
        if self.kind == "briefs":
            out["paths"] = list(self.paths)
        else:
            out.update(source=self.source, start=self.start, stop=self.stop)
            if self.kind == "jsonl":
                out["first_line"] = self.first_line
        return out


def _kind_of(path: str) -> Kind | None:
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(BRIEF_SUFFIXES):
        return "briefs"
    return None


def _files(inputs: Iterable[str]) -> list[str]:
    """Every input file: folders searched for briefs, JSONL and Parquet files (sorted), globs
    expanded (sorted); a named file is kept whatever its suffix is."""
    out: list[str] = []
    for raw in inputs:
        if any(c in raw for c in "*?[") and not Path(raw).exists():
            found = sorted(p for p in glob.glob(raw, recursive=True) if Path(p).is_file())
            if not found:
                raise InputError(f"{raw}: no file matches this pattern")
            out.extend(p for p in found if _kind_of(p) is not None)
        elif Path(raw).is_dir():
            data = sorted(
                str(p)
                for p in Path(raw).rglob("*")
                if p.is_file()
                and _kind_of(str(p)) in ("jsonl", "parquet")
                and not any(part.startswith(".") for part in p.relative_to(raw).parts)
            )
            out.extend(expand_paths([raw]))
            out.extend(data)
        elif Path(raw).is_file():
            out.append(raw)
        else:
            raise InputError(f"{raw}: no such file or folder")
    seen: set[str] = set()
    unique = []
    for p in out:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def _jsonl_ranges(path: str, size: int) -> list[tuple[int, int, int, int]]:
    """``(start, stop, first_line, records)`` of every run of ``size`` non-blank lines."""
    out: list[tuple[int, int, int, int]] = []
    pos = start = 0
    first = 1
    n = 0
    try:
        with open(path, "rb") as fh:
            for line_no, line in enumerate(fh, 1):
                if n == 0:
                    start, first = pos, line_no
                pos += len(line)
                if line.strip():
                    n += 1
                    if n == size:
                        out.append((start, pos, first, n))
                        n = 0
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if n:
        out.append((start, pos, first, n))
    return out


def _parquet_rows(path: str) -> int:
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{path}: not a readable Parquet file: {exc}") from None


def plan(inputs: Sequence[str], size: int) -> list[Partition]:
    """The partitions of ``inputs``, ``size`` documents each (the last of a file may be
    smaller), in a stable order with ids ``p000000``, ``p000001``, …"""
    if size < 1:
        raise InputError("the partition size must be at least 1")
    files = _files(inputs)
    briefs: list[str] = []
    slices: list[tuple[Kind, str, tuple[str, ...], int, int, int, int]] = []

    def flush_briefs() -> None:
        for i in range(0, len(briefs), size):
            chunk = tuple(briefs[i : i + size])
            slices.append(("briefs", "", chunk, 0, 0, 1, len(chunk)))
        briefs.clear()

    for f in files:
        kind = _kind_of(f) or "briefs"
        if kind == "briefs":
            briefs.append(f)
            continue
        flush_briefs()
        if kind == "jsonl":
            for start, stop, first, n in _jsonl_ranges(f, size):
                slices.append(("jsonl", f, (), start, stop, first, n))
        else:
            rows = _parquet_rows(f)
            for start in range(0, rows, size):
                stop = min(rows, start + size)
                slices.append(("parquet", f, (), start, stop, 1, stop - start))
    flush_briefs()
    width = max(6, len(str(len(slices))))
    return [
        Partition(
            id=f"p{i:0{width}d}",
            kind=kind,
            documents=n,
            source=os.fspath(source),
            paths=paths,
            start=start,
            stop=stop,
            first_line=first,
        )
        for i, (kind, source, paths, start, stop, first, n) in enumerate(slices)
    ]
