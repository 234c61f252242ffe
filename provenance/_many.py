"""Many briefs in one run: folders expanded to the briefs inside, several worker processes,
results in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

import attrs

from ._check import check, read_input
from ._config import Config
from ._document import Format, format_for_suffix
from ._registry import Registry
from ._report import Report

__all__ = ["BRIEF_SUFFIXES", "check_many", "expand_paths"]

BRIEF_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx", ".html", ".htm", ".xhtml", ".txt")
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Paths as given, with every folder replaced by the briefs below it (sorted; hidden and
    tool folders skipped). ``-`` (standard input) is kept."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                found.extend(
                    os.path.join(root, f)
                    for f in files
                    if not f.startswith(".") and Path(f).suffix.lower() in BRIEF_SUFFIXES
                )
            out.extend(sorted(found))
        else:
            out.append(str(p))
    return out


@attrs.frozen
class Task:
    """One brief to check in a worker: everything it needs, picklable."""

    path: str
    config: Config
    overlays: tuple[str, ...] = ()
    format: Format | None = None
    as_of: date | None = None
    max_bytes: int | None = None


def run_task(task: Task) -> Report:
    """Check one brief (in a worker process; registries are loaded once per worker and
    reused for every later task with the same overlays)."""
    registry = Registry.load(*task.overlays)
    text = read_input(Path(task.path), max_bytes=task.max_bytes)
    fmt = task.format or format_for_suffix(Path(task.path).suffix)
    return check(
        text, registry=registry, format=fmt, as_of=task.as_of, path=task.path, config=task.config
    )


def run_tasks(
    tasks: Sequence[Task], jobs: int, progress: Callable[[int, int, str], None] | None = None
) -> list[Report]:
    """Reports for ``tasks`` in their order, using up to ``jobs`` processes."""
    if jobs <= 1 or len(tasks) <= 1:
        out = []
        for i, t in enumerate(tasks, 1):
            out.append(run_task(t))
            if progress:
                progress(i, len(tasks), t.path)
        return out
    from concurrent.futures import ProcessPoolExecutor  # ~15 ms to import: only when used

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        futures = [pool.submit(run_task, t) for t in tasks]
        out = []
        for i, (t, fut) in enumerate(zip(tasks, futures, strict=True), 1):
            out.append(fut.result())
            if progress:
                progress(i, len(tasks), t.path)
        return out


def check_many(
    paths: Iterable[str | Path],
    *,
    overlays: Sequence[str | Path] = (),
    config: Config | None = None,
    as_of: date | None = None,
    jobs: int = 1,
    max_bytes: int | None = None,
) -> list[Report]:
    """Check many briefs (folders are searched for briefs) with ``jobs`` worker processes.

    Every brief is read from disk; the reports come back in input order. Each worker loads
    the registry (bundled + ``overlays``) once.
    """
    cfg = config or Config()
    tasks = [
        Task(p, cfg, tuple(str(o) for o in overlays), None, as_of, max_bytes)
        for p in expand_paths(paths)
    ]
    return run_tasks(tasks, jobs)
