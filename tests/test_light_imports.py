"""The core stays light: ``import provenance``, ``provenance check`` and the command-line
parser (``provenance audit --help`` included) import neither Dask nor pyarrow, which only
``provenance audit`` needs (the ``audit`` extra)."""

from __future__ import annotations

import subprocess
import sys


def test_check_and_the_cli_do_not_import_dask_or_pyarrow() -> None:
    code = (
        "import contextlib, io, sys, provenance, provenance._cli\n"
        "provenance.check('According to Tasnim, the talks failed.')\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    provenance._cli.main(['rules'])\n"
        "    try:\n"
        "        provenance._cli.main(['audit', '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('dask', 'distributed', 'pyarrow', 'pandas', 'numpy')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
