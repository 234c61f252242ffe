"""Configuration: ``[tool.provenance]`` in ``pyproject.toml`` or ``provenance.toml``.

The nearest configuration file above a brief wins (``provenance.toml`` before ``pyproject.toml``
in the same folder); ``--config FILE`` overrides the search and ``--isolated`` ignores every
file. Keys (``provenance.toml`` has them at the top level or under ``[tool.provenance]``)::

    select = ["PRV1"]                 # codes, code prefixes or names; default: every rule
    ignore = ["unknown-outlet"]
    fail-on = "error"                 # lowest severity that fails the run
    report-level = "info"             # findings below this are not reported
    as-of = 2024-05-14                # affiliation claims as of this date
    registries = [                    # overlays, layered in this order
        "house/outlets.toml",         # a file or folder, relative to the config file
        {url = "https://intranet.example/overlay.toml", sha256 = "…"},   # pinned, cached
    ]

    [tool.provenance.severity]        # overrides by code or name
    undisclosed-affiliation = "warning"

    [tool.provenance.per-path."archive/**"]   # glob, relative to the config file
    ignore = ["PRV105"]

    [tool.provenance.rules.sourcing-balance]  # rule options
    max-share = 0.6

Unknown keys are reported as warnings, never silently ignored.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from ._exceptions import ConfigError, SyncError
from ._report import SEVERITY_RANK, Severity
from ._rules import RULES, Rule

__all__ = ["Config", "PathOverride", "RemoteRegistry", "find_config", "load_config"]

_KEYS = {
    "select",
    "ignore",
    "fail-on",
    "report-level",
    "as-of",
    "registries",
    "severity",
    "per-path",
    "rules",
}
_PATH_KEYS = {"select", "ignore", "severity"}


@attrs.frozen
class PathOverride:
    """Settings that apply to briefs whose path matches ``pattern``."""

    pattern: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)


@attrs.frozen
class RemoteRegistry:
    """A registry overlay published at a URL (``{url = …, sha256 = …}`` in ``registries``).

    ``position`` is its index in the configuration's ``registries`` list, so that it is layered
    between the local overlays exactly where it was listed. The overlay is downloaded into the
    user's cache (see ``provenance registry pull``); parsing a configuration never touches the
    network.
    """

    url: str
    sha256: str | None = None
    position: int = 0


@attrs.frozen
class Config:
    """The effective settings for a run. ``Config()`` is the default: every rule, default
    severities, failing on errors."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity = "error"
    report_level: Severity = "info"
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    per_path: tuple[PathOverride, ...] = ()
    registries: tuple[str, ...] = ()
    as_of: date | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    source: Path | None = None
    warnings: tuple[str, ...] = ()
    remote_registries: tuple[RemoteRegistry, ...] = ()

    def registry_sources(self) -> tuple[str | RemoteRegistry, ...]:
        """Every overlay in the order it is layered: local paths (``registries``) and remote
        overlays (``remote_registries``) interleaved as the configuration lists them."""
        out: list[str | RemoteRegistry] = list(self.registries)
        for remote in sorted(self.remote_registries, key=lambda r: r.position):
            out.insert(min(remote.position, len(out)), remote)
        return tuple(out)

    @property
    def root(self) -> Path:
        """The folder paths in the configuration are relative to."""
        return self.source.parent if self.source else Path.cwd()

    def rules_for(self, path: str | None = None) -> tuple[tuple[Rule, Severity], ...]:
        """The rules that run on the brief at ``path``, each with its effective severity."""
        select: Sequence[str] | None = self.select
        ignore: list[str] = list(self.ignore)
        severity: dict[str, Severity] = dict(self.severity)
        if path is not None:
            rel = _relative(Path(path), self.root)
            for o in self.per_path:
                if fnmatch.fnmatch(rel, o.pattern) or fnmatch.fnmatch(Path(path).name, o.pattern):
                    if o.select is not None:
                        select = o.select
                    ignore.extend(o.ignore)
                    severity.update(o.severity)
        out = []
        for rule in RULES:
            if select is not None and not any(_matches(rule, key) for key in select):
                continue
            if any(_matches(rule, key) for key in ignore):
                continue
            sev = next(
                (v for k, v in severity.items() if _matches(rule, k, exact=True)), rule.severity
            )
            out.append((rule, sev))
        return tuple(out)

    def options(self, rule: Rule) -> Mapping[str, Any]:
        return self.rule_options.get(rule.name) or self.rule_options.get(rule.code) or {}


def _matches(rule: Rule, key: str, *, exact: bool = False) -> bool:
    k = key.strip()
    if k.lower() == rule.name or k.upper() == rule.code:
        return True
    return not exact and k.upper().startswith("PRV") and rule.code.startswith(k.upper())


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _known_key(key: str) -> bool:
    k = key.strip()
    return any(_matches(r, k) for r in RULES)


def _severity(value: Any, where: str) -> Severity:
    if value not in SEVERITY_RANK:
        raise ConfigError(f"{where}: severity must be one of info, warning, error; got {value!r}")
    return value  # type: ignore[no-any-return]


def _codes(value: Any, where: str, warnings: list[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: must be a list of rule codes or names")
    for v in value:
        if not _known_key(v):
            warnings.append(f"{where}: no rule matches {v!r}")
    return tuple(value)


def _severities(value: Any, where: str, warnings: list[str]) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: must be a table of rule = severity")
    out: dict[str, Severity] = {}
    for k, v in value.items():
        if not _known_key(k):
            warnings.append(f"{where}: no rule matches {k!r}")
        out[k] = _severity(v, f"{where}.{k}")
    return out


def parse_config(data: Mapping[str, Any], source: Path | None) -> Config:
    """Validate a ``[tool.provenance]`` table."""
    where = str(source) if source else "config"
    warnings: list[str] = []
    for key in data:
        if key not in _KEYS:
            warnings.append(f"{where}: unknown key {key!r} (ignored)")
    fail_on = _severity(data.get("fail-on", "error"), f"{where}: fail-on")
    report_level = _severity(data.get("report-level", "info"), f"{where}: report-level")
    select = _codes(data["select"], f"{where}: select", warnings) if "select" in data else None
    ignore = _codes(data.get("ignore", []), f"{where}: ignore", warnings)
    severity = _severities(data.get("severity", {}), f"{where}: severity", warnings)
    as_of = data.get("as-of")
    if isinstance(as_of, str):
        try:
            as_of = date.fromisoformat(as_of)
        except ValueError:
            raise ConfigError(
                f"{where}: as-of must be a date (YYYY-MM-DD); got {as_of!r}"
            ) from None
    if as_of is not None and not isinstance(as_of, date):
        raise ConfigError(f"{where}: as-of must be a date (YYYY-MM-DD)")
    root = source.parent if source else Path.cwd()
    registries, remotes = _registries(data.get("registries", []), root, where)
    per_path: list[PathOverride] = []
    raw_pp = data.get("per-path", {})
    if not isinstance(raw_pp, Mapping):
        raise ConfigError(f"{where}: per-path must be a table of glob = settings")
    for pattern, table in raw_pp.items():
        pw = f"{where}: per-path.{pattern!r}"
        if not isinstance(table, Mapping):
            raise ConfigError(f"{pw}: must be a table")
        for key in table:
            if key not in _PATH_KEYS:
                warnings.append(f"{pw}: unknown key {key!r} (ignored)")
        per_path.append(
            PathOverride(
                pattern,
                _codes(table["select"], f"{pw}.select", warnings) if "select" in table else None,
                _codes(table.get("ignore", []), f"{pw}.ignore", warnings),
                _severities(table.get("severity", {}), f"{pw}.severity", warnings),
            )
        )
    options = data.get("rules", {})
    if not isinstance(options, Mapping) or not all(
        isinstance(v, Mapping) for v in options.values()
    ):
        raise ConfigError(f"{where}: rules must be a table of rule-name tables")
    return Config(
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        report_level=report_level,
        severity=severity,
        per_path=tuple(per_path),
        registries=registries,
        as_of=as_of,
        rule_options={k: dict(v) for k, v in options.items()},
        source=source,
        warnings=tuple(warnings),
        remote_registries=remotes,
    )


_REMOTE_KEYS = ("url", "sha256")


def _registries(
    raw: Any, root: Path, where: str
) -> tuple[tuple[str, ...], tuple[RemoteRegistry, ...]]:
    """The ``registries`` list: local paths (relative to ``root``) and pinned URLs."""
    from ._sync import check_url, normalize_sha256  # no network, no httpx: plain validation

    if not isinstance(raw, list):
        raise ConfigError(f"{where}: registries must be a list")
    paths: list[str] = []
    remotes: list[RemoteRegistry] = []
    for i, item in enumerate(raw):
        if isinstance(item, str):
            paths.append(str(root / item) if not Path(item).is_absolute() else item)
        elif isinstance(item, Mapping):
            here = f"{where}: registries[{i}]"
            unknown = sorted(set(item) - set(_REMOTE_KEYS))
            if unknown:
                raise ConfigError(
                    f"{here}: unknown key {unknown[0]!r} (allowed: {', '.join(_REMOTE_KEYS)})"
                )
            url, pin = item.get("url"), item.get("sha256")
            if not isinstance(url, str) or not url.strip():
                raise ConfigError(f"{here}: url must be a non-empty string")
            if pin is not None and not isinstance(pin, str):
                raise ConfigError(f"{here}: sha256 must be a string of 64 hex digits")
            try:
                remotes.append(RemoteRegistry(check_url(url.strip()), normalize_sha256(pin), i))
            except SyncError as exc:
                raise ConfigError(f"{here}: {exc}") from None
        else:
            raise ConfigError(
                f"{where}: registries: entries are paths (strings) or "
                '{url = "https://…", sha256 = "…"} tables'
            )
    return tuple(paths), tuple(remotes)


def load_config(path: Path) -> Config:
    """Read a configuration file (``provenance.toml`` or a ``pyproject.toml``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = _table(data, path)
    if table is None:
        if path.name == "pyproject.toml":
            return Config(source=path)
        table = {}
    return parse_config(table, path)


def _table(data: Mapping[str, Any], path: Path) -> Mapping[str, Any] | None:
    tool = data.get("tool", {})
    section = tool.get("provenance") if isinstance(tool, Mapping) else None
    if section is not None:
        if not isinstance(section, Mapping):
            raise ConfigError(f"{path}: [tool.provenance] must be a table")
        return section
    if path.name != "pyproject.toml":
        return {k: v for k, v in data.items() if k != "tool"}
    return None


def find_config(start: Path) -> Path | None:
    """The nearest ``provenance.toml``, or ``pyproject.toml`` with ``[tool.provenance]``, in
    ``start`` or a parent folder."""
    folder = start if start.is_dir() else start.parent
    for d in (folder.resolve(), *folder.resolve().parents):
        own = d / "provenance.toml"
        if own.is_file():
            return own
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            tool = data.get("tool")
            if isinstance(tool, Mapping) and "provenance" in tool:
                return py
    return None


def merge_cli(
    config: Config,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    fail_on: Severity | None = None,
) -> Config:
    """Command-line options layered over a configuration."""
    return attrs.evolve(
        config,
        select=tuple(select) if select else config.select,
        ignore=(*config.ignore, *ignore),
        fail_on=fail_on or config.fail_on,
    )
