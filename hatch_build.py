"""Hatchling build hook: compile provenance's core to C with mypyc when building a wheel.

``pip install .`` builds a wheel whose hot modules (``provenance/_native.py`` lists them) are
C extensions compiled by mypyc from the same, type-checked source; the ``.py`` files ship
beside them. No compiled code is checked in.

- An editable install (``pip install -e .``) is never compiled: the source you edit is the
  code that runs.
- ``PROVENANCE_PURE_PYTHON=1`` builds a pure-Python wheel on purpose.
- A failed compilation (no C compiler, no Python headers) builds a pure-Python wheel and says
  so on standard error, unless ``PROVENANCE_REQUIRE_COMPILED=1`` (CI) makes it an error.

CI builds such a wheel and runs the whole test suite on its compiled modules (``.ci/run``).
"""

from __future__ import annotations

import os
import runpy
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compiled_module_names(root: Path) -> tuple[str, ...]:
    names = runpy.run_path(str(root / "provenance" / "_native.py"))["COMPILED_MODULES"]
    return tuple(str(n) for n in names)


def compile_core(root: Path, out: Path) -> list[Path]:
    """Compile the core modules of the tree at ``root`` with mypyc; the extension files are
    written under ``out`` (relative paths as in a wheel). Returns their paths."""
    from mypyc.build import mypycify  # build-time dependency (pyproject's build-system)
    from setuptools import Distribution

    paths = [f"provenance/{name}.py" for name in compiled_module_names(root)]
    here = os.getcwd()
    os.chdir(root)  # mypyc names the modules by their paths from here
    try:
        with tempfile.TemporaryDirectory(prefix="provenance-mypyc-") as tmp:
            extensions = mypycify(paths, opt_level="3", target_dir=os.path.join(tmp, "c"))
            dist = Distribution({"name": "provenance", "ext_modules": extensions})
            build_ext: Any = dist.get_command_obj("build_ext")
            build_ext.build_lib = str(out)
            build_ext.build_temp = os.path.join(tmp, "obj")
            build_ext.ensure_finalized()
            build_ext.run()
    finally:
        os.chdir(here)
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    return sorted(p for p in out.rglob(f"*{suffix}") if p.is_file())


class CompiledCoreHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("PROVENANCE_PURE_PYTHON"):
            return
        out = Path(tempfile.mkdtemp(prefix="provenance-core-"))
        self._out = out
        try:
            built = compile_core(Path(self.root), out)
        except (Exception, SystemExit) as exc:  # mypy exits on a type error: a pure wheel too
            if os.environ.get("PROVENANCE_REQUIRE_COMPILED"):
                raise
            print(
                f"provenance: could not compile the core ({type(exc).__name__}: {exc}); "
                "building a pure-Python wheel (same results, slower)",
                file=sys.stderr,
            )
            return
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(out).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
