"""The compiled core: which modules run compiled, and what ``--version`` says about it.

CI runs the whole suite twice: on the editable install (pure Python) and on the modules of a
wheel that mypyc compiled (``PROVENANCE_EXPECT_COMPILED=1``, see ``.ci/run``); the second run
fails here if any core module was not compiled after all.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest

import provenance
from provenance import _native
from provenance._cli import main


def test_compiled_modules_are_what_is_loaded() -> None:
    compiled = _native.compiled_modules()
    assert set(compiled) <= set(_native.COMPILED_MODULES)
    for name in _native.COMPILED_MODULES:
        origin = importlib.import_module(f"provenance.{name}").__file__ or ""
        assert (name in compiled) == (not origin.endswith(".py")), origin


@pytest.mark.skipif(
    not os.environ.get("PROVENANCE_EXPECT_COMPILED"), reason="only on the compiled run of CI"
)
def test_every_core_module_is_compiled() -> None:
    assert _native.compiled_modules() == _native.COMPILED_MODULES


def test_version_says_how_the_core_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out
    n = len(_native.compiled_modules())
    expected = {0: "pure Python", len(_native.COMPILED_MODULES): "compiled core"}.get(
        n, f"{n} of {len(_native.COMPILED_MODULES)} core modules compiled"
    )
    assert out == f"provenance {provenance.__version__} ({expected})\n"


def test_finding_the_build_imports_no_core_module() -> None:
    code = (
        "import sys; from provenance import _native; _native.compiled_modules(); "
        "print(sorted(m for m in sys.modules if m.startswith('provenance.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['provenance._native', 'provenance._version']"


def test_core_classes_built_from_python_pickle_whole() -> None:
    # The registry cache pickles the matcher and its phrase tables. Compiled by mypyc, a
    # class pickles only if its __init__ takes no argument, and an instance built from
    # interpreted code must be as whole as one built inside the compiled core.
    import pickle

    from provenance._matching import Matcher, matcher_for
    from provenance._text import PhraseTable

    table = PhraseTable([("state media", 1), ("иранск*", 2)])
    back = pickle.loads(pickle.dumps(table))
    assert (back.by_first, back.stems) == (table.by_first, table.stems)
    assert back.by_first == {"state": [(("state", "media"), 1)]}

    registry = provenance.Registry.load()
    built = Matcher(registry)
    assert built.index.keys() == matcher_for(registry).index.keys()
    again = pickle.loads(pickle.dumps(built))
    assert again.index == built.index
    assert again.registry.sha256 == registry.sha256


def test_a_used_registry_pickles_whole() -> None:
    # A registry that has checked a text holds the compiled core's lexicon tables too
    # (analysis and disclosure phrases); it still pickles, and checks the same after.
    import pickle


    registry = provenance.Registry.load()
    text = "Press TV, Iran's state broadcaster, said the talks failed, according to Tasnim."
    before = provenance.check(text, registry=registry).to_dict()
    assert {"lex", "disclosure", "matcher"} <= registry._cache.keys()
    again = pickle.loads(pickle.dumps(registry))
    assert provenance.check(text, registry=again).to_dict() == before
