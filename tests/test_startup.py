"""Start-up stays light: ``import provenance``, ``provenance --version`` and ``--help`` load
neither the pipeline nor httpx (benchmarks/cold_start.py measures the time); checking never
loads httpx, and nothing but ``provenance audit`` loads Dask or pyarrow (the ``audit``
extra)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = (
    "httpx",
    "regex",
    "attrs",
    "attr",
    "markdown_it",
    "publicsuffixlist",
    "tomllib",
    "concurrent.futures",
    "provenance._check",
    "provenance._registry",
    "provenance._matching",
    "provenance._attribution",
    "provenance._sync",
    "provenance._formatters",
)


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _cli(*argv: str) -> str:
    args = ", ".join(repr(a) for a in argv)
    return (
        "import contextlib, io\n"
        "from provenance._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main([{args}])"
    )


@pytest.mark.parametrize(
    "code",
    [
        "import provenance",
        "import provenance; provenance.__version__",
        _cli("--version"),
        _cli("--help"),
        _cli("check", "--help"),
        _cli("registry", "pull", "--help"),
        _cli("audit", "--help"),
    ],
)
def test_start_up_imports_nothing_heavy(code: str) -> None:
    loaded = _loaded_after(code)
    assert not [m for m in HEAVY if m in loaded]


def test_check_imports_the_pipeline_but_not_httpx() -> None:
    loaded = _loaded_after(
        "import provenance\nprovenance.check('According to Tasnim, the talks failed.')"
    )
    assert "provenance._attribution" in loaded
    assert "httpx" not in loaded


def test_check_and_the_cli_do_not_import_dask_or_pyarrow() -> None:
    loaded = _loaded_after(
        "import provenance\n"
        "provenance.check('According to Tasnim, the talks failed.')\n" + _cli("rules")
    )
    heavy = ("dask", "distributed", "pyarrow", "pandas", "numpy")
    assert sorted(m for m in loaded if m.split(".")[0] in heavy) == []


def test_format_names_match_the_formatters() -> None:
    from provenance._defaults import FORMAT_NAMES
    from provenance._formatters import FORMATTERS

    assert tuple(FORMATTERS) == FORMAT_NAMES
