"""The cache of built registries: used when fresh, rebuilt when stale or damaged, and never a
reason for a run to fail (see provenance/_diskcache.py)."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import provenance
from provenance import _diskcache, _registry
from provenance._matching import matcher_for

OVERLAY = """
[[outlet]]
id = "zz.cache-test"
name = "Cachetest Daily"
country = "ZZ"
medium = "newspaper"
"""
BRIEF = "According to Cachetest Daily, the talks failed."


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(folder))
    monkeypatch.delenv("PROVENANCE_NO_CACHE", raising=False)
    _registry._LOADED.clear()  # a fresh process, as far as the registry is concerned
    return folder


def _files(cache: Path) -> list[Path]:
    return sorted((cache / "registry-cache").glob("*.pickle"))


def _load(overlay: Path) -> provenance.Registry:
    _registry._LOADED.clear()
    return provenance.Registry.load(overlay, bundled=False)  # small: fast to build


def _outlets(reg: provenance.Registry) -> list[str | None]:
    return [
        m.outlet.name if m.outlet else None for m in provenance.check(BRIEF, registry=reg).mentions
    ]


def test_a_built_registry_is_stored_and_reused(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    first = _load(overlay)
    assert len(_files(cache)) == 1
    assert "matcher" in first._cache  # stored with its name matcher built

    def rebuilt(files: object) -> provenance.Registry:
        raise AssertionError("built again, not read back from the cache")

    # read back, matcher and all (the compiled core's classes too), never built again
    monkeypatch.setattr(provenance.Registry, "_build_for_cache", rebuilt)
    second = _load(overlay)
    assert second is not first  # read back from the disk, not this process's copy
    assert "matcher" in second._cache
    assert second.sha256 == first.sha256
    assert second.overlays == first.overlays
    assert second.warnings == first.warnings
    assert _outlets(second) == _outlets(first) == ["Cachetest Daily"]


def test_the_cached_registry_checks_like_a_fresh_one(cache: Path) -> None:
    fresh = provenance.Registry._build(
        [
            (p, False)
            for p in _registry._toml_files(_registry.bundled_registry_path(), required=True)
        ]
    )
    matcher_for(fresh)
    provenance.Registry.load()  # builds and stores
    cached = _load_bundled()
    text = (Path(__file__).parents[1] / "examples" / "brief.txt").read_text(encoding="utf-8")
    a = provenance.check(text, registry=fresh)
    b = provenance.check(text, registry=cached)
    assert a.to_dict() == b.to_dict()


def _load_bundled() -> provenance.Registry:
    _registry._LOADED.clear()
    return provenance.Registry.load()


def test_a_changed_file_makes_the_cache_stale(cache: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    _load(overlay)
    overlay.write_text(OVERLAY.replace("Cachetest Daily", "Cachetest Weekly"), encoding="utf-8")
    os.utime(overlay, ns=(1, 1))  # a different modification time, whatever the clock says
    reg = _load(overlay)
    assert reg.outlets["zz.cache-test"].name == "Cachetest Weekly"
    assert len(_files(cache)) == 1  # replaced, not added
    assert _load(overlay).outlets["zz.cache-test"].name == "Cachetest Weekly"


def test_another_overlay_set_gets_its_own_file(cache: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(OVERLAY, encoding="utf-8")
    b.write_text(OVERLAY.replace("Cachetest Daily", "Other Daily"), encoding="utf-8")
    assert _load(a).outlets["zz.cache-test"].name == "Cachetest Daily"
    assert _load(b).outlets["zz.cache-test"].name == "Other Daily"
    assert _load(a).outlets["zz.cache-test"].name == "Cachetest Daily"
    assert len(_files(cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", b"\x80\x05garbage", "truncate", "foreign-object"],
)
def test_a_damaged_cache_file_is_rebuilt_silently(
    cache: Path, tmp_path: Path, damage: bytes | str
) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    _load(overlay)
    [path] = _files(cache)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "foreign-object":
        with path.open("rb") as fh:
            key = pickle.load(fh)
        path.write_bytes(pickle.dumps(key) + pickle.dumps({"not": "a registry"}))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    reg = _load(overlay)
    assert _outlets(reg) == ["Cachetest Daily"]
    assert _load(overlay).outlets["zz.cache-test"].name == "Cachetest Daily"  # rewritten


def test_a_cache_that_cannot_be_written_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(blocker / "cache"))
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    assert _outlets(_load(overlay)) == ["Cachetest Daily"]
    assert _outlets(_load(overlay)) == ["Cachetest Daily"]


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions do not stop root",
)
def test_a_read_only_cache_directory(cache: Path, tmp_path: Path) -> None:
    folder = cache / "registry-cache"
    folder.mkdir(parents=True)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        overlay = tmp_path / "overlay.toml"
        overlay.write_text(OVERLAY, encoding="utf-8")
        assert _outlets(_load(overlay)) == ["Cachetest Daily"]
        assert _files(cache) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_cache_file_in_the_way_of_the_directory(cache: Path, tmp_path: Path) -> None:
    cache.mkdir()
    (cache / "registry-cache").write_text("a file where the folder goes", encoding="utf-8")
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    assert _outlets(_load(overlay)) == ["Cachetest Daily"]


def test_no_cache_when_turned_off(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROVENANCE_NO_CACHE", "1")
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    assert _outlets(_load(overlay)) == ["Cachetest Daily"]
    assert not cache.exists()


def test_a_stale_package_version_is_not_used(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    _load(overlay)
    [path] = _files(cache)
    before = path.stat().st_mtime_ns
    monkeypatch.setattr(_diskcache, "__version__", "0.0.0-other")
    os.utime(path, ns=(before - 10**9, before - 10**9))
    _load(overlay)
    assert path.stat().st_mtime_ns != before - 10**9  # rewritten for this version


def test_invalid_overlays_are_not_cached(cache: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "bad.toml"
    overlay.write_text("[[outlet]]\nid = 'zz.bad'\n", encoding="utf-8")
    with pytest.raises(provenance.RegistryError):
        _load(overlay)
    assert _files(cache) == []


def test_the_cli_uses_the_cache_and_survives_a_damaged_one(cache: Path, tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    env = {**os.environ, "PROVENANCE_CACHE_DIR": str(cache)}
    cmd = [
        sys.executable,
        "-m",
        "provenance",
        "check",
        "--format",
        "json",
        "--registry",
        str(overlay),
        str(brief),
    ]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    [path] = _files(cache)
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    path.write_bytes(b"\x00" * 100)
    third = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert first.stdout == second.stdout == third.stdout
    assert "Cachetest Daily" in first.stdout
    assert first.stderr == second.stderr == third.stderr == ""


def test_a_cache_write_that_fails_costs_only_time(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    assert _outlets(_load(overlay)) == ["Cachetest Daily"]
    assert _files(cache) == []
    assert not list((cache / "registry-cache").glob(".*.part"))


def test_check_restores_the_collector_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from provenance import _check

    assert gc.isenabled()
    provenance.check(BRIEF)
    assert gc.isenabled()
    gc.disable()
    try:
        provenance.check(BRIEF)
        assert not gc.isenabled()
    finally:
        gc.enable()

    def boom(*args: object) -> None:
        raise RuntimeError("inside the checker")

    monkeypatch.setattr(_check, "_build", boom)
    with pytest.raises(RuntimeError):
        provenance.check(BRIEF)
    assert gc.isenabled()


def test_the_cache_keeps_a_bounded_number_of_files(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_diskcache, "_KEEP", 3)
    overlays = []
    for i in range(5):
        overlay = tmp_path / f"overlay-{i}.toml"
        overlay.write_text(OVERLAY, encoding="utf-8")
        overlays.append(overlay)
        _load(overlay)
        path = _files(cache)
        for n, p in enumerate(sorted(path, key=lambda p: p.stat().st_mtime_ns)):
            os.utime(p, ns=(n * 10**9, n * 10**9))  # distinct times, in order of use
    assert len(_files(cache)) == 3
    assert _outlets(_load(overlays[0])) == ["Cachetest Daily"]  # pruned: simply rebuilt
