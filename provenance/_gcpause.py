"""Garbage collection paused while a registry or a matcher is built.

Building allocates hundreds of thousands of objects that all survive (no reference cycles to
collect); every collection pass meanwhile traverses all of them, so a 100k-name registry spent
more time in the collector than in its own code. The collector is paused for the build and
restored as it was; the library never freezes or turns it off for good."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
