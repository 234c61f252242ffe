"""The compiled core: which modules a wheel build compiles to C with mypyc, and whether the
running copy of provenance has them compiled.

A wheel built by ``pip install .`` (``hatch_build.py``) compiles the modules below, the
pipeline's inner loops, with mypyc: the same source, about 1.5 times faster on a megabyte of
news. An editable install (``pip install -e .``), or a build with ``PROVENANCE_PURE_PYTHON=1``
or without a C compiler, runs them as plain Python. The results are the same either way: CI
runs the whole test suite on both.

This file is read by the build hook on its own (no imports of the package), so it imports
nothing but the standard library.
"""

from __future__ import annotations

import importlib.util

__all__ = ["COMPILED_MODULES", "build", "compiled_modules"]

# The modules a wheel compiles, by name inside the package. Not ``_document`` (its attrs
# classes make the compiled pipeline slower) nor the modules that build reports with attrs
# fields (mypyc does not support ``attrs.field`` defaults); the rest is not on the hot path.
COMPILED_MODULES = ("_text", "_matching", "_segment", "_disclosure", "_quotes", "_attribution")


def compiled_modules() -> tuple[str, ...]:
    """The modules of :data:`COMPILED_MODULES` that this copy of provenance loads compiled
    (found without importing them: ``provenance --version`` stays fast)."""
    out = []
    for name in COMPILED_MODULES:
        spec = importlib.util.find_spec(f"provenance.{name}")
        origin = spec.origin if spec is not None else None
        if origin is not None and not origin.endswith(".py"):
            out.append(name)
    return tuple(out)


def build() -> str:
    """How this copy runs its core, in words (``provenance --version``, the benchmarks):
    "compiled core" (a wheel), "pure Python" (an editable install, or a build without a C
    compiler), or how many of the modules are compiled."""
    n = len(compiled_modules())
    if n == len(COMPILED_MODULES):
        return "compiled core"
    return "pure Python" if n == 0 else f"{n} of {len(COMPILED_MODULES)} core modules compiled"
