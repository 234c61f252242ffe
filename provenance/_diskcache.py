"""The user cache directory, and a cache of built registries in it.

Parsing and validating the registry's TOML files and building the name matcher take most of
a ``provenance check`` run (about a second for the bundled registry); a registry built once is
pickled under ``<cache dir>/registry-cache/`` and loaded from there in a few tens of
milliseconds by later runs.

- One file per set of registry files (the bundled registry and the overlays, by path and
  order), so a registry that changes replaces its file rather than adding one.
- The file starts with its key: every registry file's path, size and modification time, the
  package version, the Python version and the size and modification time of the package's
  own modules (an edited checkout invalidates the cache like a new release). A file whose key
  differs is stale and is rebuilt.
- Written atomically (a temporary file, then :func:`os.replace`): readers see a whole file
  or none. A file that cannot be read or unpickled is ignored and rewritten; a cache
  directory that cannot be written only costs the time to build. The cache never fails a run.
- ``PROVENANCE_CACHE_DIR`` moves the cache (with the downloaded overlays);
  ``PROVENANCE_NO_CACHE=1`` turns the registry cache off.

The cache holds pickles: like the configuration and overlay files, it is trusted as the
user's own files are (it lives in the user's cache directory).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.machinery
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ._gcpause import paused
from ._version import __version__

__all__ = ["cached", "default_cache_dir"]

T = TypeVar("T")

_FOLDER = "registry-cache"
_FORMAT = 1  # bump when the layout of the cache file changes
_KEEP = 16  # files kept in the folder; the least recently used go first
_MODULE_SUFFIXES = (".py", *importlib.machinery.EXTENSION_SUFFIXES)


def default_cache_dir() -> Path:
    """Where downloads are cached: ``$PROVENANCE_CACHE_DIR``, else the platform's user cache
    directory (``$XDG_CACHE_HOME/provenance``, ``~/.cache/provenance``,
    ``~/Library/Caches/provenance`` on macOS, ``%LOCALAPPDATA%\\provenance\\Cache`` on
    Windows)."""
    own = os.environ.get("PROVENANCE_CACHE_DIR")
    if own:
        return Path(own).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():  # relative values are invalid (XDG base directory spec)
        return Path(xdg) / "provenance"
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "provenance" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "provenance"
    return home / ".cache" / "provenance"


def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of the package's modules, compiled ones included: the
    pickled classes' code."""
    here = Path(__file__).parent
    out = []
    for entry in sorted(os.scandir(here), key=lambda e: e.name):
        if entry.name.endswith(_MODULE_SUFFIXES):
            st = entry.stat()
            out.append((entry.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def cached(
    kind: str,
    name: tuple[object, ...],
    stamp: tuple[object, ...],
    build: Callable[[], T],
    expect: type[T],
) -> T:
    """``build()``'s value, from the cache when a file for ``(kind, name)`` was written with
    the same ``stamp`` (and the same package code), else built now and written for next time.
    A cached value that is not an ``expect`` is ignored.

    ``name`` says which thing this is (it chooses the file); ``stamp`` says which version of
    it (a file with another stamp is stale). Never raises for the cache's sake."""
    if os.environ.get("PROVENANCE_NO_CACHE"):
        return build()
    try:
        folder = default_cache_dir() / _FOLDER
        which = (kind, name, sys.version_info[:2])  # two Pythons do not overwrite each other
        digest = hashlib.sha256(repr(which).encode("utf-8")).hexdigest()[:32]
        path = folder / f"{kind}-{digest}.pickle"
        key = (_FORMAT, __version__, sys.version_info[:2], kind, name, stamp, _code_stamp())
    except (OSError, RuntimeError, ValueError):  # no home directory, an unreadable package
        return build()
    hit = _read(path, key)
    if hit is not None and isinstance(hit[0], expect):
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return hit[0]
    value = build()
    if _write(path, key, value):
        _prune(path.parent)
    return value


def _prune(folder: Path) -> None:
    """Keep the ``_KEEP`` most recently used files: overlays given by temporary paths (a CI
    job's checkout, a test's folder) would otherwise add a file per run."""
    try:
        files = sorted(
            (e.stat().st_mtime_ns, e.path)
            for e in os.scandir(folder)
            if e.name.endswith(".pickle") and e.is_file()
        )
        for _, stale in files[:-_KEEP]:
            os.unlink(stale)
    except OSError:
        pass


def _read(path: Path, key: tuple[object, ...]) -> tuple[Any] | None:
    try:
        with path.open("rb") as fh:
            if pickle.load(fh) != key:
                return None  # stale: rebuilt and replaced by the caller
            with paused():  # tens of thousands of new objects: no collection passes meanwhile
                return (pickle.load(fh),)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file, or classes that changed: rebuild it
        return None


def _write(path: Path, key: tuple[object, ...], value: object) -> bool:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(key, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        return True
    except Exception:  # a read-only or full disk, an unpicklable value: no cache this time
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
