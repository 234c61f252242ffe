"""Everything that touches the network, and only when asked: registry overlays over HTTP,
evidence-link checks and short-link resolution.

- :func:`pull` downloads a registry overlay into the user's cache: ``https`` only (plain
  ``http`` for loopback hosts), bounded redirects, a size limit enforced while streaming,
  conditional requests (ETag / Last-Modified), an optional pinned sha256, validation against
  the merged registry *before* installation, and installation by atomic replace.
- :func:`ensure` is what ``check`` uses for a ``{url = …, sha256 = …}`` entry of the
  configuration: the cached file, pulled when it is missing (or not the pinned version), and
  the cached copy with a warning when the server cannot be reached.
- :func:`status` describes the cached overlays; :func:`check_links` checks that evidence URLs
  still answer; :func:`resolve_urls` follows links through known shorteners.

httpx is imported inside the functions that use it, never when this module (or
``provenance``) is imported: the command-line tool starts without it.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import ipaddress
import json
import os
import re
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._defaults import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_TIMEOUT,
    LINK_TIMEOUT,
)
from ._diskcache import default_cache_dir
from ._exceptions import RegistryError, SyncError
from ._registry import Registry
from ._version import __version__

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_REDIRECTS",
    "DEFAULT_TIMEOUT",
    "LinkResult",
    "PullResult",
    "SourceStatus",
    "check_links",
    "check_url",
    "default_cache_dir",
    "ensure",
    "normalize_sha256",
    "pull",
    "resolve_urls",
    "shortened_urls",
    "status",
]

RESOLVED_TTL = timedelta(days=30)
"""How long a resolved short link is trusted before it is resolved again."""
USER_AGENT = f"provenance/{__version__} (+registry sync; python-httpx)"

_FORMAT = 1
_REGISTRIES = "registries"
_RESOLVED = "resolved-urls.json"
_STALE_TEMP_SECONDS = 3600
_SHA256 = re.compile(r"[0-9a-f]{64}")


class _Unreachable(SyncError):
    """The server could not be reached, or could not serve (timeout, refused, 5xx)."""


# --------------------------------------------------------------------------- small helpers
def _is_loopback(host: str) -> bool:
    h = host.strip("[]").lower().rstrip(".")
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, what: str = "") -> str:
    """``url`` if it may be fetched as a registry: ``https``, or ``http`` to a loopback host
    (127.0.0.1, ::1, localhost). Raises :class:`SyncError` otherwise; never connects."""
    prefix = f"{what} " if what else ""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError on a malformed port
    except ValueError:
        raise SyncError(f"{prefix}{url}: not a valid URL") from None
    if parts.scheme not in ("http", "https") or not host:
        raise SyncError(f"{prefix}{url}: not an http(s) URL")
    if parts.scheme == "http" and not _is_loopback(host):
        raise SyncError(
            f"{prefix}{url}: https is required (plain http only for loopback hosts: "
            "127.0.0.1, ::1, localhost)"
        )
    return url


def normalize_sha256(value: str | None) -> str | None:
    """A pinned sha256 in lower case, or None; raises :class:`SyncError` if it is not 64 hex
    digits."""
    if value is None:
        return None
    v = value.strip().lower()
    if not _SHA256.fullmatch(v):
        raise SyncError(f"sha256 must be 64 hexadecimal digits; got {value!r}")
    return v


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def _stem(url: str) -> str:
    """A file name for a URL: readable, and unique through a hash of the whole URL."""
    parts = urllib.parse.urlsplit(url)
    readable = f"{parts.hostname or 'registry'}{parts.path}"
    if readable.endswith(".toml"):
        readable = readable[: -len(".toml")]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", readable).strip("-.")[:60] or "registry"
    return f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:12]}"


def _paths(url: str, cache_dir: Path | None) -> tuple[Path, Path]:
    """The overlay file and its metadata file for ``url``."""
    folder = (cache_dir if cache_dir is not None else default_cache_dir()) / _REGISTRIES
    stem = _stem(url)
    return folder / f"{stem}.toml", folder / f"{stem}.json"


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SyncError(
            f"{folder}: cannot create the cache directory: {exc.strerror or exc} "
            "(set PROVENANCE_CACHE_DIR to a writable directory)"
        ) from None


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and
    :func:`os.replace`: readers see the old file or the new one, never a part of one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    try:
        _atomic_write(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    except OSError as exc:
        raise SyncError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _clean_stale_temps(folder: Path) -> None:
    """Remove temporary files left by a process killed mid-download (older than an hour)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for p in folder.glob(".*.part"):
            with contextlib.suppress(OSError):
                if p.stat().st_mtime < cutoff:
                    p.unlink()


@attrs.frozen
class _Cached:
    """An installed overlay whose file matches its metadata."""

    path: Path
    meta: Mapping[str, Any]
    sha256: str


def _cached(url: str, cache_dir: Path | None) -> _Cached | None:
    """The installed overlay for ``url``, or None when there is none (or its metadata is
    missing, unreadable, or for another file: then it is fetched again unconditionally)."""
    target, meta_path = _paths(url, cache_dir)
    meta = _read_json(meta_path)
    if meta is None or meta.get("url") != url or not target.is_file():
        return None
    try:
        digest = _file_sha256(target)
    except OSError:
        return None
    if digest != meta.get("sha256"):
        return None
    return _Cached(target, meta, digest)


def _client(
    timeout: float, transport: httpx.BaseTransport | None, connections: int = 4
) -> httpx.Client:
    import httpx  # the only place provenance imports httpx

    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,  # redirects are followed by hand: counted, and checked
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        transport=transport,
    )


def _describe(exc: Exception, timeout: float) -> str:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc})" if str(exc) else "cannot connect"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# --------------------------------------------------------------------------- pull
@attrs.frozen
class PullResult:
    """What :func:`pull` did. ``changed`` is False when the server answered 304 Not Modified
    (the cached file was already the current one)."""

    url: str
    path: Path
    sha256: str
    size: int
    fetched_at: str
    changed: bool
    warnings: tuple[str, ...] = ()


def pull(
    url: str,
    sha256: str | None = None,
    *,
    cache_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    base: Sequence[str | Path] = (),
    transport: httpx.BaseTransport | None = None,
) -> PullResult:
    """Download the registry overlay at ``url`` into the cache and return where it is.

    The request is conditional when a cached copy exists (``If-None-Match`` /
    ``If-Modified-Since``): an unchanged overlay costs one 304. A new file must match the
    pinned ``sha256`` (when given), be at most ``max_bytes`` long, and load as an overlay
    over the bundled registry (and the local overlays in ``base``) before it replaces the
    cached copy, atomically. On any failure :class:`SyncError` is raised and the cache is
    left as it was. ``transport`` is for tests (``httpx.MockTransport``).
    """
    try:
        return _pull(url, sha256, cache_dir, timeout, max_bytes, max_redirects, base, transport)
    except _Unreachable as exc:
        cached = _cached(url, cache_dir)
        if cached is None:
            raise
        raise _Unreachable(
            f"{exc}; the copy fetched {cached.meta.get('fetched_at', '?')} stays in place"
        ) from None


def _pull(
    url: str,
    sha256: str | None,
    cache_dir: Path | None,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    base: Sequence[str | Path],
    transport: httpx.BaseTransport | None,
) -> PullResult:
    import httpx

    check_url(url)
    pin = normalize_sha256(sha256)
    target, meta_path = _paths(url, cache_dir)
    _mkdir(target.parent)
    _clean_stale_temps(target.parent)
    cached = _cached(url, cache_dir)
    headers: dict[str, str] = {}
    if cached is not None and (pin is None or pin == cached.sha256):
        if cached.meta.get("etag"):
            headers["If-None-Match"] = str(cached.meta["etag"])
        if cached.meta.get("last_modified"):
            headers["If-Modified-Since"] = str(cached.meta["last_modified"])
    tmp: str | None = None
    try:
        with (
            _client(timeout, transport) as client,
            _get(client, url, headers, max_redirects) as response,
        ):
            if response.status_code == 304 and cached is not None and headers:
                meta = {**cached.meta, "checked_at": _now()}
                with contextlib.suppress(SyncError):  # a read-only cache still serves
                    _write_json(meta_path, meta)
                return PullResult(
                    url,
                    cached.path,
                    cached.sha256,
                    int(meta.get("size", 0)),
                    str(meta.get("fetched_at", "")),
                    changed=False,
                )
            _check_status(url, response)
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise SyncError(
                    f"{url}: {int(length)} bytes is over the limit of {max_bytes} bytes"
                )
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
            digest, size = _stream_to(fd, response, url, max_bytes)
            etag = response.headers.get("etag")
            last_modified = response.headers.get("last-modified")
    except httpx.HTTPError as exc:
        _discard(tmp)
        raise _Unreachable(f"{url}: {_describe(exc, timeout)}") from None
    except OSError as exc:
        _discard(tmp)
        raise SyncError(f"{target.parent}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _discard(tmp)
        raise
    assert tmp is not None
    try:
        if pin is not None and digest != pin:
            raise SyncError(
                f"{url}: sha256 mismatch: expected {pin}, got {digest}; nothing was installed"
            )
        warnings = _validate(Path(tmp), url, base)
        os.replace(tmp, target)
    except OSError as exc:
        raise SyncError(f"{target}: cannot install: {exc.strerror or exc}") from None
    finally:
        _discard(tmp)
    fetched = _now()
    _write_json(
        meta_path,
        {
            "format": _FORMAT,
            "url": url,
            "file": target.name,
            "etag": etag,
            "last_modified": last_modified,
            "sha256": digest,
            "size": size,
            "fetched_at": fetched,
            "checked_at": fetched,
        },
    )
    return PullResult(url, target, digest, size, fetched, changed=True, warnings=warnings)


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def _get(
    client: httpx.Client, url: str, headers: Mapping[str, str], max_redirects: int
) -> Iterator[httpx.Response]:
    """A streamed GET, following at most ``max_redirects`` redirects, each to an allowed URL."""
    current = url
    for _hop in range(max_redirects + 1):
        response = client.send(client.build_request("GET", current, headers=headers), stream=True)
        if not response.has_redirect_location:
            try:
                yield response
            finally:
                response.close()
            return
        location = response.headers["location"]
        response.close()
        current = check_url(urllib.parse.urljoin(current, location), what=f"{url}: redirect to")
    raise SyncError(f"{url}: too many redirects (more than {max_redirects})")


def _check_status(url: str, response: httpx.Response) -> None:
    code = response.status_code
    if code == 200:
        return
    answer = f"{url}: the server answered {code} {response.reason_phrase}".rstrip()
    if code >= 500 or code == 429:
        raise _Unreachable(answer)
    raise SyncError(answer)


def _stream_to(fd: int, response: httpx.Response, url: str, max_bytes: int) -> tuple[str, int]:
    """Write the body to ``fd`` (counting the decoded bytes against ``max_bytes``)."""
    h = hashlib.sha256()
    size = 0
    with os.fdopen(fd, "wb") as fh:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise SyncError(f"{url}: the body is over the limit of {max_bytes} bytes")
            h.update(chunk)
            fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    return h.hexdigest(), size


def _validate(path: Path, url: str, base: Sequence[str | Path]) -> tuple[str, ...]:
    """Load ``path`` as an overlay over the bundled registry (and ``base``); the warnings, with
    the temporary file's name replaced by the URL."""
    try:
        registry = Registry.load(*base, path)
    except RegistryError as exc:
        msg = str(exc).replace(str(path), "").lstrip(", :")
        raise SyncError(
            f"{url}: not a valid registry overlay: {msg}; nothing was installed"
        ) from None
    return tuple(w.replace(str(path), url) for w in registry.warnings)


# --------------------------------------------------------------------------- ensure (check)
def ensure(
    url: str,
    sha256: str | None = None,
    *,
    cache_dir: Path | None = None,
    refresh: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    base: Sequence[str | Path] = (),
    transport: httpx.BaseTransport | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Path:
    """The local file of the overlay at ``url``, for a check.

    A pinned overlay whose cached copy has the pinned sha256 is used without any request
    (unless ``refresh``). Otherwise it is pulled (a conditional request when cached). When
    the server cannot be reached, the cached copy is used and ``on_warning`` is told (a
    pinned overlay only if the copy is the pinned version; without ``on_warning``, a
    :class:`UserWarning`); without a usable copy, :class:`SyncError` says what is missing and
    how to get it. (Warnings of the overlay's validation come again when it is loaded.)
    """
    pin = normalize_sha256(sha256)
    cached = _cached(url, cache_dir)
    if cached is not None and pin is not None and cached.sha256 == pin and not refresh:
        return cached.path
    try:
        result = _pull(url, pin, cache_dir, timeout, max_bytes, max_redirects, base, transport)
    except _Unreachable as exc:
        hint = f"`provenance registry pull {url}" + (f" --sha256 {pin}`" if pin else "`")
        if cached is None:
            raise SyncError(
                f"{exc}; no cached copy of {url} (cache: {_paths(url, cache_dir)[0].parent}): "
                f"run {hint} when the server is reachable"
            ) from None
        if pin is not None and cached.sha256 != pin:
            raise SyncError(
                f"{exc}; the cached copy of {url} is not the pinned version "
                f"(sha256 {cached.sha256[:12]}…, pinned {pin[:12]}…): run {hint} when the "
                "server is reachable"
            ) from None
        message = f"{exc}; using the copy fetched {cached.meta.get('fetched_at', '?')}"
        if on_warning is not None:
            on_warning(message)
        else:
            import warnings

            warnings.warn(message, stacklevel=2)
        return cached.path
    return result.path


# --------------------------------------------------------------------------- status
@attrs.frozen
class SourceStatus:
    """One remote overlay: where it comes from, what is cached, and whether it loads."""

    url: str
    path: Path | None
    fetched_at: str | None
    checked_at: str | None
    sha256: str | None
    size: int | None
    pinned: str | None
    valid: bool
    problem: str | None

    def to_dict(self) -> dict[str, Any]:
        """The status as JSON-ready data."""
        return {
            "url": self.url,
            "path": str(self.path) if self.path else None,
            "fetched_at": self.fetched_at,
            "checked_at": self.checked_at,
            "sha256": self.sha256,
            "size": self.size,
            "pinned": self.pinned,
            "valid": self.valid,
            "problem": self.problem,
        }


def status(
    sources: Iterable[tuple[str, str | None]] = (), *, cache_dir: Path | None = None
) -> list[SourceStatus]:
    """Each remote overlay — those in ``sources`` (``(url, pinned sha256)`` pairs, e.g. from
    the configuration) and every one in the cache — with its cached file, when it was
    fetched, its sha256, and whether it is valid (loaded again, over the bundled registry).
    Never touches the network."""
    pins: dict[str, str | None] = {}
    for url, pin in sources:
        pins[url] = normalize_sha256(pin)
    folder = (cache_dir if cache_dir is not None else default_cache_dir()) / _REGISTRIES
    if folder.is_dir():
        for meta_path in sorted(folder.glob("*.json")):
            meta = _read_json(meta_path)
            if meta is not None and isinstance(meta.get("url"), str):
                pins.setdefault(meta["url"], None)
    out = []
    for url in sorted(pins):
        out.append(_status_of(url, pins[url], cache_dir))
    return out


def _status_of(url: str, pin: str | None, cache_dir: Path | None) -> SourceStatus:
    target, meta_path = _paths(url, cache_dir)
    meta = _read_json(meta_path) or {}
    if not target.is_file():
        hint = f"`provenance registry pull {url}" + (f" --sha256 {pin}`" if pin else "`")
        return SourceStatus(
            url, None, None, None, None, None, pin, False, f"not pulled yet: run {hint}"
        )
    try:
        digest: str | None = _file_sha256(target)
    except OSError as exc:
        digest = None
        problem: str | None = f"cannot read: {exc.strerror or exc}"
    else:
        problem = None
    if problem is None and digest != meta.get("sha256"):
        problem = "the cached file does not match its recorded sha256 (pull it again)"
    if problem is None and pin is not None and digest != pin:
        problem = f"the cached copy is not the pinned version (pinned {pin})"
    if problem is None:
        try:
            Registry.load(target)
        except RegistryError as exc:
            problem = f"not a valid registry overlay: {exc}"
    size = meta.get("size")
    return SourceStatus(
        url,
        target,
        meta.get("fetched_at"),
        meta.get("checked_at"),
        digest,
        size if isinstance(size, int) else None,
        pin,
        problem is None,
        problem,
    )


# --------------------------------------------------------------------------- links
@attrs.frozen
class LinkResult:
    """Whether one URL still answers: ``ok``, the final HTTP ``status`` (None when no answer
    came), the ``problem`` when it is dead, and the URL it ended at after redirects."""

    url: str
    ok: bool
    status: int | None
    problem: str | None
    final_url: str


def _probe(client: httpx.Client, url: str) -> tuple[int, str | None, str]:
    """HEAD, then GET when HEAD is refused, never reading a body: status, Location, reason."""
    status, location, reason = 0, None, ""
    for method in ("HEAD", "GET"):
        with client.stream(method, url) as response:
            status = response.status_code
            location = response.headers.get("location")
            reason = response.reason_phrase
        if status < 400:
            break
    return status, location, reason


def _check_one(client: httpx.Client, url: str, max_redirects: int, timeout: float) -> LinkResult:
    import httpx

    current = url
    try:
        for _hop in range(max_redirects + 1):
            code, location, reason = _probe(client, current)
            if 300 <= code < 400 and location:
                current = urllib.parse.urljoin(current, location)
                continue
            if code < 400:
                return LinkResult(url, True, code, None, current)
            return LinkResult(url, False, code, f"{code} {reason}".rstrip(), current)
    except httpx.HTTPError as exc:
        return LinkResult(url, False, None, _describe(exc, timeout), current)
    return LinkResult(url, False, None, f"too many redirects (more than {max_redirects})", current)


def check_links(
    urls: Iterable[str],
    *,
    timeout: float = LINK_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    concurrency: int = DEFAULT_CONCURRENCY,
    transport: httpx.BaseTransport | None = None,
) -> list[LinkResult]:
    """Check that each URL still answers (HEAD, else GET without reading the body; redirects
    followed up to ``max_redirects``), ``concurrency`` at a time. One result per distinct URL,
    in the order given. A status of 400 or more, a timeout or a failed connection is dead."""
    unique = list(dict.fromkeys(urls))
    workers = max(1, min(concurrency, len(unique) or 1))
    with (
        _client(timeout, transport, workers) as client,
        concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        return list(pool.map(lambda u: _check_one(client, u, max_redirects, timeout), unique))


# --------------------------------------------------------------------------- short links
_LINK = re.compile(
    r"(?i)(?<![\w.@/-])(?:https?://)?(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d{1,5})?/[^\s<>\"'`()\[\]{}]+"
)
_TRAILING = ".,;:!?'\u2019\u201d\u2026"


def _host_of(url: str) -> str:
    u = url if "://" in url[:12] else f"//{url}"
    try:
        host = urllib.parse.urlsplit(u).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _is_shortener(url: str, hosts: frozenset[str]) -> bool:
    host = _host_of(url)
    return bool(host) and (host in hosts or any(host.endswith("." + h) for h in hosts))


def shortened_urls(text: str, hosts: Iterable[str]) -> list[str]:
    """The links in ``text`` (with or without a scheme, in prose, Markdown or HTML) whose
    host is one of the shorteners ``hosts`` or a sub-domain of one, in order, once each."""
    known = frozenset(h.strip().lower() for h in hosts if h.strip())
    out: list[str] = []
    for m in _LINK.finditer(text):
        url = m.group().rstrip(_TRAILING)
        if _is_shortener(url, known) and url not in out:
            out.append(url)
    return out


def _resolve_one(client: httpx.Client, url: str, hosts: frozenset[str], max_redirects: int) -> str:
    """Where a short link leads: redirects are followed while they stay on shorteners; the
    first URL off them is the answer, and is never requested."""
    current = url if "://" in url[:12] else f"https://{url}"
    for _hop in range(max_redirects + 1):
        code, location, reason = _probe(client, current)
        if 300 <= code < 400 and location:
            nxt = urllib.parse.urljoin(current, location)
            if not _is_shortener(nxt, hosts):
                return nxt
            current = nxt
            continue
        if code < 400:
            return current
        raise SyncError(f"{url}: the shortener answered {code} {reason}".rstrip())
    raise SyncError(f"{url}: too many redirects (more than {max_redirects})")


def resolve_urls(
    urls: Iterable[str],
    hosts: Iterable[str],
    *,
    cache_dir: Path | None = None,
    timeout: float = LINK_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    concurrency: int = DEFAULT_CONCURRENCY,
    transport: httpx.BaseTransport | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Resolve short links: ``({link: where it leads}, [problems])``.

    Only links through the shorteners ``hosts`` are requested — HEAD (GET when HEAD is
    refused), bodies never read, ``concurrency`` at a time — and the destination itself is
    never requested. Results are cached in ``resolved-urls.json`` in the cache directory for
    30 days, so a link is resolved once. A link that cannot be resolved is a problem, not an
    exception."""
    known = frozenset(h.strip().lower() for h in hosts if h.strip())
    wanted = [u for u in dict.fromkeys(urls) if _is_shortener(u, known)]
    if not wanted:
        return {}, []
    cache_file = (cache_dir if cache_dir is not None else default_cache_dir()) / _RESOLVED
    stored = _read_json(cache_file) or {}
    entries: dict[str, Any] = stored.get("urls", {}) if isinstance(stored.get("urls"), dict) else {}
    cutoff = datetime.now(UTC) - RESOLVED_TTL
    resolved: dict[str, str] = {}
    todo: list[str] = []
    for u in wanted:
        hit = entries.get(u)
        if isinstance(hit, dict) and isinstance(hit.get("resolved"), str):
            with contextlib.suppress(TypeError, ValueError):
                if datetime.fromisoformat(str(hit.get("at"))) >= cutoff:
                    resolved[u] = hit["resolved"]
                    continue
        todo.append(u)
    problems: list[str] = []
    if todo:
        import httpx

        def one(u: str) -> tuple[str, str | None, str | None]:
            try:
                return u, _resolve_one(client, u, known, max_redirects), None
            except SyncError as exc:
                return u, None, str(exc)
            except httpx.HTTPError as exc:
                return u, None, f"{u}: {_describe(exc, timeout)}"

        workers = max(1, min(concurrency, len(todo)))
        with (
            _client(timeout, transport, workers) as client,
            concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool,
        ):
            results = list(pool.map(one, todo))
        now = _now()
        for u, target, problem in results:
            if target is not None:
                resolved[u] = target
                entries[u] = {"resolved": target, "at": now}
            elif problem is not None:
                problems.append(f"cannot resolve {problem}")
        if any(target is not None for _, target, _ in results):
            with contextlib.suppress(SyncError):  # a cache that cannot be written is no error
                _mkdir(cache_file.parent)
                _write_json(cache_file, {"format": _FORMAT, "urls": entries})
    return resolved, problems
