"""The command-line tool: a thin shell over the library.

Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage/config/input error.
"""

from __future__ import annotations

import argparse
import enum
import os
import sys
from collections.abc import Callable, Sequence

from ._audit import _command as _audit_command
from ._defaults import (
    DEFAULT_CONCURRENCY,
    DEFAULT_TIMEOUT,
    FORMAT_NAMES,
    LINK_TIMEOUT,
)
from ._defaults import DEFAULT_MAX_BYTES as PULL_MAX_BYTES
from ._exceptions import ConfigError, InputError, ProvenanceError
from ._version import __version__

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs 4 ms at start-up
# The pipeline, the registry and the network code are imported by the commands that use
# them: `provenance --version` and `--help` load none of them (see tests/test_startup.py).
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from ._config import Config
    from ._registry import Registry
    from ._report import Report

__all__ = ["ExitStatus", "main"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class ExitStatus(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"provenance: error: {message}", file=sys.stderr)
        raise SystemExit(ExitStatus.ERROR)


def _date(value: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return n


def _seconds(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = 0.0
    if not x > 0 or x == float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return x


class _Version(argparse.Action):
    """``--version``: the version and how the core runs, looked up only when asked for (not
    on every start)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from ._native import build

        print(f"provenance {__version__} ({build()})")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="provenance", description="Check news briefs for where their claims come from."
    )
    p.add_argument("--version", action=_Version)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check briefs (plain text, Markdown or HTML)")
    c.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="brief files or folders of briefs ('-' reads standard input)",
    )
    c.add_argument(
        "--format", choices=sorted(FORMAT_NAMES), default="text", help="output format (default: text)"
    )
    c.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="a registry file or directory layered over the bundled one (repeatable)",
    )
    c.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="as-of date for affiliation claims (default: the brief's date, else today)",
    )
    c.add_argument(
        "--input-format",
        choices=("auto", "text", "markdown", "html"),
        default="auto",
        help="how to read the briefs (default: by file extension)",
    )
    c.add_argument(
        "--fail-on",
        choices=("info", "warning", "error"),
        default=None,
        help="lowest severity that makes the run fail with exit code 1 (default: the "
        "configuration's fail-on, else error)",
    )
    c.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail the run"
    )
    c.add_argument("--config", metavar="FILE", help="use this configuration file, not the nearest")
    c.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    c.add_argument(
        "--select",
        action="append",
        metavar="RULE",
        help="run only these rules (codes, prefixes or names; repeatable)",
    )
    c.add_argument(
        "--ignore",
        action="append",
        metavar="RULE",
        help="skip these rules (codes, prefixes or names; repeatable)",
    )
    c.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse briefs larger than N bytes (default: {DEFAULT_MAX_BYTES})",
    )
    c.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=1,
        metavar="N",
        help="check briefs in N worker processes (results stay in input order)",
    )
    c.add_argument(
        "--resolve-urls",
        action="store_true",
        help="follow links through known shorteners (t.co, bit.ly, …) to where they lead, "
        "without downloading pages (network; results cached)",
    )

    r = sub.add_parser("registry", help="inspect and validate the registry")
    rsub = r.add_subparsers(dest="registry_command", metavar="SUBCOMMAND", parser_class=_Parser)
    show = rsub.add_parser("show", help="an outlet with its affiliation claims and evidence")
    show.add_argument("name", help="id, name, alias, domain or @handle")
    show.add_argument("--registry", action="append", default=[], metavar="PATH")
    show.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    show.add_argument("--json", action="store_true", help="print JSON")
    val = rsub.add_parser(
        "validate", help="validate the bundled registry and the given overlay files"
    )
    val.add_argument("paths", nargs="*", metavar="PATH")
    val.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when the audit finds shared names or domains or unlabelled outlets",
    )
    st = rsub.add_parser("stats", help="counts of outlets by country, verdict, controller type")
    st.add_argument("--registry", action="append", default=[], metavar="PATH")
    st.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    st.add_argument("--json", action="store_true", help="print JSON")
    se = rsub.add_parser("search", help="outlets whose id, name, alias or domain contains TEXT")
    se.add_argument("text")
    se.add_argument("--registry", action="append", default=[], metavar="PATH")
    pu = rsub.add_parser(
        "pull", help="download a registry overlay from a URL into the cache (https, pinned)"
    )
    pu.add_argument("url", metavar="URL", help="https URL of a registry overlay (TOML)")
    pu.add_argument("--sha256", metavar="HEX", help="refuse the file unless its sha256 is HEX")
    pu.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="local overlays the downloaded one is layered over when it is validated",
    )
    pu.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"connect and read timeout (default: {DEFAULT_TIMEOUT:g})",
    )
    pu.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=PULL_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes (default: {PULL_MAX_BYTES})",
    )
    sta = rsub.add_parser(
        "status", help="the remote overlays: cached file, when fetched, sha256, validity"
    )
    sta.add_argument(
        "--config", metavar="FILE", help="use this configuration file, not the nearest"
    )
    sta.add_argument("--json", action="store_true", help="print JSON")
    cl = rsub.add_parser(
        "check-links", help="check that the registry's evidence URLs still answer (network)"
    )
    cl.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="check only the evidence in these overlay files (default: the whole registry)",
    )
    cl.add_argument(
        "--concurrency",
        type=_positive_int,
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"requests at a time (default: {DEFAULT_CONCURRENCY})",
    )
    cl.add_argument(
        "--timeout",
        type=_seconds,
        default=LINK_TIMEOUT,
        metavar="SECONDS",
        help=f"connect and read timeout per request (default: {LINK_TIMEOUT:g})",
    )
    cl.add_argument("--json", action="store_true", help="print JSON")

    _audit_command.add_parser(sub, _positive_int, _date)

    sub.add_parser("rules", help="list the rules")
    ex = sub.add_parser("explain", help="print a rule's documentation")
    ex.add_argument("rule", help="a rule code (PRV102) or name (undisclosed-affiliation)")
    return p


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _err(message: str) -> None:
    print(f"provenance: {message}", file=sys.stderr)


def _read_stdin(max_bytes: int) -> str:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"<stdin>: over the limit of {max_bytes} bytes (--max-bytes)")
    if b"\x00" in data:
        raise InputError("<stdin>: looks like binary data (NUL bytes); not a text brief")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"<stdin>: not valid UTF-8 (byte {exc.start})") from None


class _Settings:
    """Configuration per brief (the nearest config file wins) and registries per overlay set."""

    def __init__(self, args: argparse.Namespace) -> None:
        from pathlib import Path

        from ._config import Config, load_config

        self.args = args
        self.fixed: Config | None = None
        if args.isolated:
            self.fixed = Config()
        elif args.config:
            self.fixed = load_config(Path(args.config))
        self.configs: dict[Path | None, Config] = {}
        self.registries: dict[tuple[str, ...], Registry] = {}
        self.remote: dict[tuple[str, str | None, tuple[str, ...]], str] = {}
        self.warned: set[str] = set()

    def config_for(self, path: Path | None) -> Config:
        from pathlib import Path

        from ._config import Config, find_config, load_config, merge_cli

        if self.fixed is not None:
            cfg = self.fixed
        else:
            found = find_config(path if path is not None else Path.cwd())
            if found not in self.configs:
                self.configs[found] = load_config(found) if found else Config()
            cfg = self.configs[found]
        for w in cfg.warnings:
            if w not in self.warned:
                self.warned.add(w)
                _err(f"warning: {w}")
        return merge_cli(
            cfg, select=self.args.select, ignore=self.args.ignore or (), fail_on=self.args.fail_on
        )

    def warn(self, message: str) -> None:
        """A warning on standard error, once per run."""
        if message not in self.warned:
            self.warned.add(message)
            _err(f"warning: {message}")

    def overlays_for(self, cfg: Config) -> tuple[str, ...]:
        """The configuration's overlays as local files, in order: a remote one is its cached
        copy, pulled when missing (or not the pinned version, or unpinned: a conditional
        request), the cached copy with a warning when the server cannot be reached."""
        from ._config import RemoteRegistry

        local: list[str] = []
        for source in cfg.registry_sources():
            if isinstance(source, RemoteRegistry):
                key = (source.url, source.sha256, tuple(local))
                if key not in self.remote:
                    from . import _sync

                    path = _sync.ensure(
                        source.url, source.sha256, base=tuple(local), on_warning=self.warn
                    )
                    self.remote[key] = str(path)
                local.append(self.remote[key])
            else:
                local.append(source)
        return tuple(local)

    def registry_for(self, cfg: Config) -> Registry:
        overlays = (*self.overlays_for(cfg), *self.args.registry)
        if overlays not in self.registries:
            from ._registry import Registry

            reg = Registry.load(*overlays)
            for w in reg.warnings:
                _err(f"warning: {w}")
            self.registries[overlays] = reg
        return self.registries[overlays]


def _progress_printer() -> Callable[[int, int, str], None] | None:
    """A progress line on a terminal; nothing in CI logs or when stderr is a file."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int, path: str) -> None:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r\x1b[2K[{done}/{total}] {path[-60:]}{end}")
        sys.stderr.flush()

    return show


def _cmd_check(args: argparse.Namespace) -> ExitStatus:
    from pathlib import Path

    from ._check import check, read_input
    from ._document import Format, format_for_suffix
    from ._many import BRIEF_SUFFIXES, Task, expand_paths, run_tasks

    settings = _Settings(args)
    reports: list[Report] = []
    failing = False
    paths = expand_paths(args.paths)
    if not paths:
        raise InputError(
            "no briefs found: the directory holds no " + ", ".join(BRIEF_SUFFIXES) + " files"
        )
    if args.jobs > 1 and len(paths) > 1 and "-" not in paths and not args.resolve_urls:
        tasks: list[Task] = []
        for raw_path in paths:
            cfg = settings.config_for(Path(raw_path))
            settings.registry_for(cfg)  # validates the overlays once, here
            chosen: Format | None = None if args.input_format == "auto" else args.input_format
            overlays = tuple(str(o) for o in (*settings.overlays_for(cfg), *args.registry))
            tasks.append(Task(raw_path, cfg, overlays, chosen, args.date, args.max_bytes))
        reports = run_tasks(tasks, args.jobs, _progress_printer())
        failing = any(r.failing(t.config.fail_on) for r, t in zip(reports, tasks, strict=True))
        return _finish(args, reports, failing)
    progress = _progress_printer() if len(paths) > 1 else None
    for n, raw_path in enumerate(paths, 1):
        path = None if raw_path == "-" else Path(raw_path)
        cfg = settings.config_for(path)
        registry = settings.registry_for(cfg)
        if path is None:
            text = _read_stdin(args.max_bytes)
            fmt: Format = "text" if args.input_format == "auto" else args.input_format
            shown = "<stdin>"
        else:
            text = read_input(path, max_bytes=args.max_bytes)
            fmt = (
                format_for_suffix(path.suffix) if args.input_format == "auto" else args.input_format
            )
            shown = raw_path
        if args.resolve_urls:
            registry = _resolve_links(text, registry, settings)
        report = check(text, registry=registry, format=fmt, as_of=args.date, path=shown, config=cfg)
        reports.append(report)
        failing = failing or bool(report.failing(cfg.fail_on))
        if progress:
            progress(n, len(paths), shown)
    return _finish(args, reports, failing)


def _finish(args: argparse.Namespace, reports: list[Report], failing: bool) -> ExitStatus:
    from ._formatters import FORMATTERS, step_summary

    _out(FORMATTERS[args.format](reports))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and args.format == "github":
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(step_summary(reports))
        except OSError as exc:
            _err(f"warning: cannot write the step summary to {summary}: {exc.strerror or exc}")
    if failing and not args.exit_zero:
        return ExitStatus.FINDINGS
    return ExitStatus.CLEAN


def _resolve_links(text: str, registry: Registry, settings: _Settings) -> Registry:
    """``registry``, with the brief's short links (through the registry's ``url_shorteners``)
    resolved to where they lead; a link that cannot be resolved is a warning."""
    from . import _sync

    hosts = registry.lexicon.get("url_shorteners", ())
    links = _sync.shortened_urls(text, hosts)
    if not links:
        return registry
    resolved, problems = _sync.resolve_urls(links, hosts)
    for problem in problems:
        settings.warn(problem)
    return registry.with_resolved_urls(resolved)


def _cmd_pull(args: argparse.Namespace) -> ExitStatus:
    from . import _sync

    result = _sync.pull(
        args.url,
        args.sha256,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        base=args.registry,
    )
    for w in result.warnings:
        _err(f"warning: {w}")
    what = "pulled" if result.changed else "up to date (304 Not Modified):"
    _out(
        f"{what} {result.url}\n  file:    {result.path}\n  sha256:  {result.sha256}\n"
        f"  size:    {result.size} bytes\n  fetched: {result.fetched_at}\n"
    )
    return ExitStatus.CLEAN


def _cmd_status(args: argparse.Namespace) -> ExitStatus:
    import json
    from pathlib import Path

    from . import _sync
    from ._config import find_config, load_config

    if args.config:
        cfg: Config | None = load_config(Path(args.config))
    else:
        found = find_config(Path.cwd())
        cfg = load_config(found) if found else None
    sources = [(r.url, r.sha256) for r in cfg.remote_registries] if cfg else []
    rows = _sync.status(sources)
    if args.json:
        _out(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
    elif not rows:
        _out("no remote registry overlays (none configured, none cached)\n")
    else:
        blocks = []
        for r in rows:
            lines = [r.url]
            lines.append(f"  file:    {r.path or '-'}")
            if r.fetched_at:
                lines.append(f"  fetched: {r.fetched_at} (last checked {r.checked_at or '?'})")
            if r.sha256:
                pin = ""
                if r.pinned:
                    pin = " (pinned)" if r.pinned == r.sha256 else f" (pinned: {r.pinned})"
                lines.append(f"  sha256:  {r.sha256}{pin}")
            if r.size is not None:
                lines.append(f"  size:    {r.size} bytes")
            lines.append("  valid:   yes" if r.valid else f"  valid:   no: {r.problem}")
            blocks.append("\n".join(lines))
        _out("\n\n".join(blocks) + "\n")
    return ExitStatus.CLEAN if all(r.valid for r in rows) else ExitStatus.FINDINGS


def _cmd_check_links(args: argparse.Namespace) -> ExitStatus:
    import json

    import attrs

    from . import _sync
    from ._model import Organization, Outlet
    from ._registry import Registry

    registry = Registry.load(*args.paths)
    only = set(registry.overlays) if args.paths else None
    cited: dict[str, list[str]] = {}
    entries: list[Outlet | Organization] = [
        *registry.outlets.values(),
        *registry.organizations.values(),
    ]
    for entry in sorted(entries, key=lambda e: e.id):
        if only is not None and entry.source not in only:
            continue
        for i, claim in enumerate(entry.claims):
            for j, ev in enumerate(claim.evidence):
                cited.setdefault(ev.url, []).append(
                    f"{entry.id} claim[{i}].evidence[{j}] ({ev.publisher}, {ev.date.isoformat()})"
                )
    results = _sync.check_links(cited, timeout=args.timeout, concurrency=args.concurrency)
    dead = [r for r in results if not r.ok]
    if args.json:
        payload = [{**attrs.asdict(r), "cited_by": cited[r.url]} for r in results]
        _out(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        lines = []
        for r in dead:
            lines.append(f"dead: {r.url} — {r.problem}")
            lines.extend(f"  cited by {c}" for c in cited[r.url])
        lines.append(
            f"checked {len(results)} evidence URLs: {len(results) - len(dead)} answer, "
            f"{len(dead)} dead"
        )
        _out("\n".join(lines) + "\n")
    return ExitStatus.FINDINGS if dead else ExitStatus.CLEAN


def _cmd_show(args: argparse.Namespace) -> ExitStatus:
    import json
    from datetime import date

    from ._registry import Registry

    registry = Registry.load(*args.registry)
    found = registry.lookup(args.name)
    if not found:
        _err(f"no outlet matches {args.name!r}")
        return ExitStatus.ERROR
    day = args.date or date.today()
    blocks = []
    payload = []
    for o in found:
        aff = registry.affiliation(o.id, day)
        if args.json:
            payload.append(
                {
                    "id": o.id,
                    "name": o.name,
                    "country": o.country,
                    "medium": o.medium,
                    "aliases": [a.text for a in o.aliases],
                    "domains": [d.host + d.path for d in o.domains],
                    "handles": [f"{h.platform}:{h.handle}" for h in o.handles],
                    "state_affiliated": aff.state_affiliated,
                    "label": aff.label,
                    "disputed": aff.disputed,
                    "controllers": [c.to_dict() for c in aff.controllers],
                    "inherited_from": aff.inherited_from,
                    "claims": [
                        {
                            "controller": c.controller,
                            "state": c.state,
                            "editorial": c.editorial,
                            "funding": c.funding,
                            "governance": c.governance,
                            "confidence": c.confidence,
                            "disputed": c.disputed,
                            "valid_from": c.valid_from.isoformat() if c.valid_from else None,
                            "valid_to": c.valid_to.isoformat() if c.valid_to else None,
                            "evidence": [e.to_dict() for e in c.evidence],
                        }
                        for c in aff.claims
                    ],
                }
            )
            continue
        lines = [f"{o.name}  [{o.id}]  {o.medium.replace('_', ' ')}, {o.country}"]
        verdict = {True: "state-affiliated", False: "not state-affiliated", None: "unknown"}[
            aff.state_affiliated
        ]
        lines.append(
            f"  as of {day.isoformat()}: {aff.label} — {verdict}"
            + ("; DISPUTED" if aff.disputed else "")
        )
        if aff.inherited_from:
            lines.append(f"  (claims inherited from {aff.inherited_from})")
        if o.aliases:
            lines.append("  aliases: " + ", ".join(a.text for a in o.aliases))
        if o.domains:
            lines.append("  domains: " + ", ".join(d.host + d.path for d in o.domains))
        for c in aff.claims:
            ctl = registry.get(c.controller) if c.controller else None
            lines.append(
                f"  claim: controller {ctl.name if ctl else '-'}; editorial {c.editorial}, funding "
                f"{c.funding}, governance {c.governance}; confidence {c.confidence}"
                + ("; disputed" if c.disputed else "")
                + (f"; from {c.valid_from}" if c.valid_from else "")
                + (f" to {c.valid_to}" if c.valid_to else "")
            )
            for e in c.evidence:
                lines.append(f"    - {e.publisher} ({e.date.isoformat()}, {e.type}): {e.url}")
                lines.append(f"      {('“' + e.quote + '”') if e.quote else e.summary}")
        blocks.append("\n".join(lines))
    _out(
        json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        if args.json
        else "\n\n".join(blocks) + "\n"
    )
    return ExitStatus.CLEAN


def _cmd_validate(args: argparse.Namespace) -> ExitStatus:
    from ._registry import Registry

    registry = Registry.load(*args.paths)
    claims = sum(len(o.claims) for o in registry.outlets.values())
    evidence = sum(len(c.evidence) for o in registry.outlets.values() for c in o.claims)
    countries = len({o.country for o in registry.outlets.values()})
    for w in registry.warnings:
        _err(f"warning: {w}")
    problems = registry.audit()
    _out(
        f"ok: {len(registry.outlets)} outlets in {countries} countries, {len(registry.organizations)} "
        f"organizations, {claims} affiliation claims with {evidence} evidence items "
        f"({len(registry.sources)} files); {len(problems)} audit notes\n"
    )
    _out("".join(f"audit: {p}\n" for p in problems))
    return ExitStatus.FINDINGS if (args.strict and problems) else ExitStatus.CLEAN


def _cmd_stats(args: argparse.Namespace) -> ExitStatus:
    import json

    from ._registry import Registry

    stats = Registry.load(*args.registry).stats(args.date)
    if args.json:
        _out(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
        return ExitStatus.CLEAN
    lines = [
        f"{stats['outlets']} outlets in {stats['countries']} countries, "
        f"{stats['organizations']} organizations, {stats['claims']} claims "
        f"({stats['disputed_claims']} disputed), {stats['evidence']} evidence items"
    ]
    for key, title in (
        ("by_verdict", "verdict"),
        ("by_editorial", "editorial control"),
        ("by_controller_type", "controller type"),
        ("by_medium", "medium"),
        ("evidence_by_type", "evidence type"),
    ):
        lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in stats[key].items()))
    lines.append("countries: " + ", ".join(f"{k} {v}" for k, v in stats["by_country"].items()))
    _out("\n".join(lines) + "\n")
    return ExitStatus.CLEAN


def _cmd_search(args: argparse.Namespace) -> ExitStatus:
    from ._registry import Registry

    registry = Registry.load(*args.registry)
    found = registry.search(args.text)
    for o in found:
        aff = registry.affiliation(o.id)
        _out(f"{o.id:<24} {o.name} ({o.country}) — {aff.label}\n")
    return ExitStatus.CLEAN if found else ExitStatus.FINDINGS


def _cmd_audit(args: argparse.Namespace) -> ExitStatus:
    settings = _Settings(args)
    cfg = settings.config_for(None)
    overlays = (*settings.overlays_for(cfg), *args.registry)
    settings.registry_for(cfg)  # validates the overlays once, here, before any worker starts
    return ExitStatus(_audit_command.run(args, overlays, cfg))


def _cmd_explain(key: str) -> ExitStatus:
    from ._rules import rule_by_key

    rule = rule_by_key(key)
    if rule is None:
        raise ConfigError(f"no rule is called {key!r} (see `provenance rules`)")
    opts = "".join(f"\n  {k} = {v!r}" for k, v in rule.options.items())
    _out(
        f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n"
        f"What it flags: {rule.summary}\n\nWhy it matters: {rule.why}\n\n"
        f"Example:\n  {rule.example}\n\nWrite instead: {rule.instead}\n"
        + (f"\nOptions ([tool.provenance.rules.{rule.name}]):{opts}\n" if opts else "")
    )
    return ExitStatus.CLEAN


def _cmd_rules() -> ExitStatus:
    from ._rules import RULES

    rows = [f"{r.code}  {r.name:<26} {r.severity:<8} {r.summary}" for r in RULES]
    _out("\n".join(rows) + "\n")
    return ExitStatus.CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return int(_cmd_check(args))
        if args.command == "registry":
            if args.registry_command == "show":
                return int(_cmd_show(args))
            if args.registry_command == "validate":
                return int(_cmd_validate(args))
            if args.registry_command == "stats":
                return int(_cmd_stats(args))
            if args.registry_command == "search":
                return int(_cmd_search(args))
            if args.registry_command == "pull":
                return int(_cmd_pull(args))
            if args.registry_command == "status":
                return int(_cmd_status(args))
            if args.registry_command == "check-links":
                return int(_cmd_check_links(args))
            parser.parse_args(["registry", "--help"])
        if args.command == "audit":
            return int(_cmd_audit(args))
        if args.command == "rules":
            return int(_cmd_rules())
        if args.command == "explain":
            return int(_cmd_explain(args.rule))
        parser.print_help(sys.stderr)
        return int(ExitStatus.ERROR)
    except ProvenanceError as exc:
        _err(str(exc))
        return int(ExitStatus.ERROR)
    except BrokenPipeError:
        return int(ExitStatus.CLEAN)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
