"""Registry overlays over HTTP, link checks and short-link resolution (provenance._sync).

No test touches the network: every request goes to an HTTP server the test starts on
127.0.0.1, or through ``httpx.MockTransport``. Every cache lives under ``tmp_path``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from provenance import ConfigError, SyncError
from provenance import _sync as sync
from provenance._cli import main
from provenance._config import RemoteRegistry, parse_config
from provenance._registry import Registry

DATE = "2024-05-14"

OVERLAY = b"""\
# A newsroom overlay: one outlet the bundled registry lacks (fictional).
[[outlet]]
id = "ir.bartest"
name = "Bartest News Agency"
country = "IR"
medium = "news_agency"
domains = ["bartest.example"]

[[outlet.claim]]
state = "IR"
controller = "org.irgc"
editorial = "controlled"
funding = "state"
confidence = "high"

[[outlet.claim.evidence]]
url = "https://research.example/bartest"
publisher = "Our research desk"
date = "2024-05-01"
type = "news"
summary = "A fictional outlet, for the tests."
"""

OVERLAY_V2 = OVERLAY.replace(b'confidence = "high"', b'confidence = "medium"')
INVALID = OVERLAY.replace(b'country = "IR"', b'country = "Iran"')
BRIEF = "According to Bartest News Agency, the talks had failed.\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- a local server
@attrs.frozen
class Seen:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]


Route = Callable[["_Handler", str], None]


class _Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def _dispatch(self, method: str) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server.seen.append(Seen(method, self.path, headers))
        route = self.server.routes.get(self.path)
        if route is None:
            self.reply(404, b"not found\n")
        else:
            route(self, method)

    def reply(
        self,
        status: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        *,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


class Server(ThreadingHTTPServer):
    """An HTTP/1.0 server on 127.0.0.1 in a thread: ``routes`` maps a path to a handler,
    ``seen`` records every request."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._running = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> None:
        self._thread.start()
        self._running = True

    def stop(self) -> None:
        """Stop serving and close the port: later connections are refused."""
        if self._running:
            self._running = False
            self.shutdown()
            self.server_close()
            self._thread.join()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a client that gave up (timeout tests) is expected."""

    def requests(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]


def static(body: bytes, etag: str | None = None, last_modified: str | None = None) -> Route:
    """Serve ``body``, answering 304 to a matching If-None-Match / If-Modified-Since."""

    def route(h: _Handler, method: str) -> None:
        if (etag and h.headers.get("If-None-Match") == etag) or (
            last_modified and h.headers.get("If-Modified-Since") == last_modified
        ):
            h.reply(304, length=False)
            return
        headers = {"Content-Type": "application/toml"}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        h.reply(200, body, headers)

    return route


def redirect(location: str, status: int = 302) -> Route:
    def route(h: _Handler, method: str) -> None:
        h.reply(status, headers={"Location": location})

    return route


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache directory (never the real one) and no proxy."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(folder))
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    return folder


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {err!r}"
    assert lines[0].startswith("provenance: ")
    assert "Traceback" not in err
    return lines[0]


def installed(cache: Path) -> list[Path]:
    """Every file in the cache's registry folder (temporary files included)."""
    folder = cache / "registries"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def mention(out: str, text: str) -> dict[str, Any]:
    report = json.loads(out)
    hits = [m for m in report["mentions"] if m["text"] == text]
    assert len(hits) == 1, report["mentions"]
    return hits[0]  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- pull and cache
def test_first_pull_installs_and_the_second_costs_one_304(server: Server, cache: Path) -> None:
    lm = "Tue, 14 May 2024 08:00:00 GMT"
    server.routes["/overlay.toml"] = static(OVERLAY, etag='"v1"', last_modified=lm)
    url = server.url("/overlay.toml")

    first = sync.pull(url)
    assert first.changed
    assert first.path.read_bytes() == OVERLAY
    assert first.sha256 == sha(OVERLAY)
    assert first.size == len(OVERLAY)
    assert first.path.parent == cache / "registries"
    meta = json.loads(first.path.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["url"] == url
    assert meta["etag"] == '"v1"'
    assert meta["last_modified"] == lm
    assert meta["sha256"] == sha(OVERLAY)
    assert meta["size"] == len(OVERLAY)
    assert meta["fetched_at"]
    assert "If-None-Match" not in str(server.seen[0].headers)

    second = sync.pull(url)
    assert not second.changed
    assert second.path == first.path
    assert second.sha256 == first.sha256
    assert len(server.seen) == 2  # one request per pull: the second answered 304
    asked = server.seen[1].headers
    assert asked["if-none-match"] == '"v1"'
    assert asked["if-modified-since"] == lm
    assert first.path.read_bytes() == OVERLAY
    assert [p.name for p in installed(cache) if p.name.startswith(".")] == []


def test_pull_through_a_mock_transport(cache: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("if-none-match") == '"abc"':
            return httpx.Response(304)
        return httpx.Response(200, content=OVERLAY, headers={"ETag": '"abc"'})

    transport = httpx.MockTransport(handler)
    url = "https://registry.example/newsroom/overlay.toml"
    first = sync.pull(url, sha(OVERLAY), transport=transport)
    second = sync.pull(url, sha(OVERLAY), transport=transport)
    assert (first.changed, second.changed) == (True, False)
    assert seen[1].headers["if-none-match"] == '"abc"'
    assert "provenance/" in seen[0].headers["user-agent"]
    assert Registry.load(first.path).outlets["ir.bartest"].name == "Bartest News Agency"


def test_a_server_error_counts_as_unreachable_but_a_404_does_not(cache: Path) -> None:
    answers = [httpx.Response(200, content=OVERLAY), httpx.Response(503), httpx.Response(404)]
    transport = httpx.MockTransport(lambda request: answers.pop(0))
    url = "https://registry.example/overlay.toml"
    path = sync.ensure(url, transport=transport)
    warned: list[str] = []
    assert sync.ensure(url, transport=transport, on_warning=warned.append) == path
    assert warned == [
        f"{url}: the server answered 503 Service Unavailable; using the copy fetched "
        + json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["fetched_at"]
    ]
    with pytest.raises(SyncError, match=r"answered 404 Not Found$"):
        sync.ensure(url, transport=transport, on_warning=warned.append)
    assert path.read_bytes() == OVERLAY


def test_a_pinned_and_cached_overlay_needs_no_request(server: Server) -> None:
    server.routes["/overlay.toml"] = static(OVERLAY, etag='"v1"')
    url = server.url("/overlay.toml")
    path = sync.pull(url, sha(OVERLAY)).path
    assert sync.ensure(url, sha(OVERLAY)) == path
    assert len(server.seen) == 1
    # unpinned, it is revalidated: one conditional request, answered 304
    assert sync.ensure(url) == path
    assert len(server.seen) == 2
    assert server.seen[1].headers["if-none-match"] == '"v1"'


# --------------------------------------------------------------------------- integrity
def test_a_wrong_sha256_exits_2_and_leaves_the_cache_alone(
    server: Server, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(OVERLAY)
    wrong = "0" * 64
    code, out, err = run(capsys, "registry", "pull", url, "--sha256", wrong)
    assert code == 2
    line = one_line(err)
    assert "sha256 mismatch" in line
    assert wrong in line
    assert sha(OVERLAY) in line
    assert out == ""
    assert installed(cache) == []  # nothing installed, no temporary file left

    code, out, err = run(capsys, "registry", "pull", url, "--sha256", sha(OVERLAY))
    assert code == 0, err
    assert sha(OVERLAY) in out
    before = {p.name: p.read_bytes() for p in installed(cache)}

    server.routes["/overlay.toml"] = static(OVERLAY_V2)  # the server now has another file
    code, out, err = run(capsys, "registry", "pull", url, "--sha256", sha(OVERLAY))
    assert code == 2
    assert "sha256 mismatch" in one_line(err)
    assert {p.name: p.read_bytes() for p in installed(cache)} == before


def test_an_invalid_overlay_is_refused_and_nothing_is_installed(
    server: Server, cache: Path
) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(INVALID)
    with pytest.raises(SyncError, match="not a valid registry overlay") as info:
        sync.pull(url)
    assert "ir.bartest" in str(info.value)
    assert "country" in str(info.value)
    assert ".part" not in str(info.value)  # the message names the URL, not a temporary file
    assert installed(cache) == []

    server.routes["/overlay.toml"] = static(OVERLAY)
    good = sync.pull(url)
    server.routes["/overlay.toml"] = static(INVALID)
    with pytest.raises(SyncError, match="not a valid registry overlay"):
        sync.pull(url)
    assert good.path.read_bytes() == OVERLAY


def test_an_overlay_is_validated_against_the_merged_registry(
    server: Server, tmp_path: Path
) -> None:
    """A reference to an id that exists only in a local overlay is valid when that overlay is
    layered first; a domain that collides with another outlet is a warning."""
    url = server.url("/overlay.toml")
    owned = OVERLAY.replace(b'"org.irgc"', b'"org.bartest-owner"')
    server.routes["/overlay.toml"] = static(owned)
    with pytest.raises(SyncError, match=r"'org\.bartest-owner' does not exist"):
        sync.pull(url)
    house = tmp_path / "house.toml"
    house.write_text(
        '[[organization]]\nid = "org.bartest-owner"\nname = "Bartest Holding"\n'
        'type = "state_enterprise"\ncountry = "IR"\n',
        encoding="utf-8",
    )
    assert sync.pull(url, base=[house]).path.read_bytes() == owned

    mirror = OVERLAY.replace(b'"bartest.example"', b'"tasnimnews.com"')
    server.routes["/overlay.toml"] = static(mirror)
    result = sync.pull(url)
    assert any("tasnimnews.com" in w and "ir.bartest" in w for w in result.warnings)


def test_the_size_limit_holds_with_and_without_content_length(server: Server, cache: Path) -> None:
    big = OVERLAY + b"# " + b"x" * 5000 + b"\n"

    def no_length(h: _Handler, method: str) -> None:
        h.reply(200, big, length=False)  # HTTP/1.0: the body ends when the connection closes

    server.routes["/declared.toml"] = static(big)
    server.routes["/streamed.toml"] = no_length
    with pytest.raises(SyncError, match="over the limit of 1000 bytes"):
        sync.pull(server.url("/declared.toml"), max_bytes=1000)
    with pytest.raises(SyncError, match="over the limit of 1000 bytes"):
        sync.pull(server.url("/streamed.toml"), max_bytes=1000)
    assert installed(cache) == []
    assert sync.pull(server.url("/streamed.toml")).size == len(big)  # default: 20 MB


def test_the_default_size_limit_is_at_least_20_mb() -> None:
    assert sync.DEFAULT_MAX_BYTES >= 20 * 1024 * 1024


def test_redirects_are_followed_and_bounded(server: Server, cache: Path) -> None:
    server.routes["/overlay.toml"] = static(OVERLAY)
    server.routes["/moved.toml"] = redirect("/overlay.toml", 301)
    server.routes["/loop.toml"] = redirect("/loop.toml")
    assert sync.pull(server.url("/moved.toml")).path.read_bytes() == OVERLAY
    server.seen.clear()
    with pytest.raises(SyncError, match=r"too many redirects \(more than 3\)"):
        sync.pull(server.url("/loop.toml"), max_redirects=3)
    assert len(server.seen) == 4  # the first request and three redirects, then it stopped


def test_https_is_required_except_for_loopback_hosts(server: Server) -> None:
    with pytest.raises(SyncError, match="https is required"):
        sync.pull("http://registry.example/overlay.toml")  # refused before any connection
    for ok in ("https://registry.example/o.toml", "http://127.0.0.1:8/o", "http://[::1]/o"):
        assert sync.check_url(ok) == ok
    assert sync.check_url("http://localhost:9/o.toml")
    with pytest.raises(SyncError, match="not an http"):
        sync.check_url("ftp://registry.example/overlay.toml")
    # a redirect may not leave https either
    server.routes["/away.toml"] = redirect("http://registry.example/overlay.toml")
    with pytest.raises(
        SyncError, match=re.escape("redirect to http://registry.example/overlay.toml")
    ):
        sync.pull(server.url("/away.toml"))
    with pytest.raises(ConfigError, match="https is required"):
        parse_config({"registries": [{"url": "http://registry.example/o.toml"}]}, None)


def test_a_slow_server_hits_the_timeout(server: Server, cache: Path) -> None:
    def slow(h: _Handler, method: str) -> None:
        time.sleep(1.5)
        h.reply(200, OVERLAY)

    server.routes["/slow.toml"] = slow
    started = time.monotonic()
    with pytest.raises(SyncError, match=r"timed out after 0.3 s"):
        sync.pull(server.url("/slow.toml"), timeout=0.3)
    assert time.monotonic() - started < 1.4
    assert installed(cache) == []


# --------------------------------------------------------------------------- atomic install
def test_a_failed_install_keeps_the_old_file(
    server: Server, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(OVERLAY)
    old = sync.pull(url)
    meta_before = old.path.with_suffix(".json").read_bytes()
    server.routes["/overlay.toml"] = static(OVERLAY_V2)
    real_replace = os.replace

    def crash(src: Any, dst: Any) -> None:
        if str(dst).endswith(".toml"):
            raise KeyboardInterrupt  # interrupted between download and install
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        sync.pull(url)
    monkeypatch.setattr(os, "replace", real_replace)
    assert old.path.read_bytes() == OVERLAY
    assert old.path.with_suffix(".json").read_bytes() == meta_before
    assert [p.name for p in installed(cache)] == sorted([old.path.name, f"{old.path.stem}.json"])


def test_a_body_cut_short_keeps_the_old_file(server: Server, cache: Path) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(OVERLAY)
    old = sync.pull(url)

    def cut(h: _Handler, method: str) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(len(OVERLAY_V2)))
        h.end_headers()
        h.wfile.write(OVERLAY_V2[:100])  # then the connection closes

    server.routes["/overlay.toml"] = cut
    with pytest.raises(SyncError, match=str(url)):
        sync.pull(url)
    assert old.path.read_bytes() == OVERLAY
    assert len(installed(cache)) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_kill_between_download_and_install_leaves_the_old_file(
    server: Server, cache: Path, tmp_path: Path
) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(OVERLAY)
    old = sync.pull(url)
    server.routes["/overlay.toml"] = static(OVERLAY_V2)
    script = tmp_path / "killed.py"
    script.write_text(
        "import os, signal, sys\n"
        "import provenance._sync as s\n"
        "def killed(*args):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "s._validate = killed\n"
        "s.pull(sys.argv[1])\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), url], env=os.environ.copy(), capture_output=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL
    assert old.path.read_bytes() == OVERLAY
    assert sync.ensure(url, sha(OVERLAY)) == old.path  # still the pinned, valid copy
    leftovers = [p for p in installed(cache) if p.name.endswith(".part")]
    assert len(leftovers) == 1  # the downloaded file, never renamed into place
    assert leftovers[0].read_bytes() == OVERLAY_V2
    hour_ago = time.time() - 7200
    os.utime(leftovers[0], (hour_ago, hour_ago))
    assert sync.pull(url).path.read_bytes() == OVERLAY_V2
    assert not leftovers[0].exists()  # the next pull tidies up


# --------------------------------------------------------------------------- offline
def _config(folder: Path, *entries: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "provenance.toml").write_text(
        "registries = [" + ", ".join(entries) + "]\n", encoding="utf-8"
    )
    brief = folder / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    return brief


def test_server_down_with_a_cache_uses_it_with_a_warning(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(OVERLAY, etag='"v1"')
    brief = _config(tmp_path / "desk", f'{{url = "{url}"}}')
    code, out, err = run(capsys, "check", str(brief), "--format", "json", "--date", DATE)
    assert code == 1, err  # the overlay was pulled: Bartest is state-controlled, undisclosed
    assert err == ""
    assert mention(out, "Bartest News Agency")["state_affiliated"] is True

    server.stop()
    code, out, err = run(capsys, "check", str(brief), "--format", "json", "--date", DATE)
    assert code == 1
    line = one_line(err)
    assert line.startswith(f"provenance: warning: {url}: cannot connect")
    assert "using the copy fetched" in line
    assert mention(out, "Bartest News Agency")["state_affiliated"] is True

    with pytest.warns(UserWarning, match="using the copy fetched"):
        assert sync.ensure(url).read_bytes() == OVERLAY


def test_server_down_without_a_cache_says_what_is_missing(
    server: Server, tmp_path: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/overlay.toml")
    server.stop()
    brief = _config(tmp_path / "desk", f'{{url = "{url}", sha256 = "{sha(OVERLAY)}"}}')
    code, out, err = run(capsys, "check", str(brief))
    assert code == 2
    assert out == ""
    line = one_line(err)
    assert f"no cached copy of {url}" in line
    assert f"`provenance registry pull {url} --sha256 {sha(OVERLAY)}`" in line
    assert str(cache / "registries") in line

    code, out, err = run(capsys, "registry", "pull", url)
    assert code == 2
    assert "cannot connect" in one_line(err)


def test_a_cached_copy_that_is_not_the_pinned_version_is_not_used_offline(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("/overlay.toml")
    server.routes["/overlay.toml"] = static(OVERLAY)
    sync.pull(url)
    server.stop()
    brief = _config(tmp_path / "desk", f'{{url = "{url}", sha256 = "{sha(OVERLAY_V2)}"}}')
    code, _, err = run(capsys, "check", str(brief))
    assert code == 2
    assert "is not the pinned version" in one_line(err)


# --------------------------------------------------------------------------- status
def test_status_shows_each_source(
    server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = server.url("/overlay.toml")
    missing = server.url("/not-yet.toml")
    server.routes["/overlay.toml"] = static(OVERLAY)
    pulled = sync.pull(url)
    _config(
        tmp_path / "desk", f'{{url = "{url}", sha256 = "{sha(OVERLAY)}"}}', f'{{url = "{missing}"}}'
    )
    monkeypatch.chdir(tmp_path / "desk")

    code, out, err = run(capsys, "registry", "status")
    assert err == ""
    assert code == 1  # one configured overlay has not been pulled
    assert f"{url}\n  file:    {pulled.path}\n  fetched: {pulled.fetched_at}" in out
    assert (
        f"  sha256:  {sha(OVERLAY)} (pinned)\n  size:    {len(OVERLAY)} bytes\n  valid:   yes"
        in out
    )
    assert f"{missing}\n  file:    -\n  valid:   no: not pulled yet" in out

    code, out, err = run(capsys, "registry", "status", "--json")
    rows = {r["url"]: r for r in json.loads(out)}
    assert rows[url]["valid"] is True
    assert rows[url]["sha256"] == sha(OVERLAY)
    assert rows[url]["path"] == str(pulled.path)
    assert rows[missing]["valid"] is False

    pulled.path.write_bytes(INVALID)  # the cache was tampered with
    [row] = [r for r in sync.status() if r.url == url]
    assert not row.valid
    assert row.problem is not None
    assert "does not match its recorded sha256" in row.problem


def test_status_revalidates_the_overlay(server: Server) -> None:
    server.routes["/overlay.toml"] = static(OVERLAY)
    pulled = sync.pull(server.url("/overlay.toml"))
    [row] = sync.status()
    assert row.valid
    assert row.problem is None
    assert row.path == pulled.path
    # a file that matches its record but no longer loads (e.g. after an upgrade)
    pulled.path.write_bytes(INVALID)
    meta = json.loads(pulled.path.with_suffix(".json").read_text(encoding="utf-8"))
    meta["sha256"] = sha(INVALID)
    pulled.path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    [row] = sync.status()
    assert not row.valid
    assert row.problem is not None
    assert "not a valid registry overlay" in row.problem


# --------------------------------------------------------------------------- check-links
def test_check_links_lists_the_dead_evidence_with_its_entry(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def head_refused(h: _Handler, method: str) -> None:
        h.reply(405 if method == "HEAD" else 200, b"a page that exists\n")

    server.routes["/alive"] = head_refused
    server.routes["/moved"] = redirect("/alive", 301)
    overlay = OVERLAY.decode().replace("https://research.example/bartest", server.url("/alive"))
    for path in ("/gone", "/moved"):
        overlay += (
            f'\n[[outlet.claim.evidence]]\nurl = "{server.url(path)}"\npublisher = "Desk"\n'
            'date = "2024-05-02"\ntype = "news"\nsummary = "Another page."\n'
        )
    file = tmp_path / "overlay.toml"
    file.write_text(overlay, encoding="utf-8")

    code, out, err = run(capsys, "registry", "check-links", str(file), "--concurrency", "2")
    assert err == ""
    assert code == 1
    assert f"dead: {server.url('/gone')} — 404 Not Found\n" in out
    assert "  cited by ir.bartest claim[0].evidence[1] (Desk, 2024-05-02)\n" in out
    assert server.url("/alive") not in out
    assert server.url("/moved") not in out
    assert "checked 3 evidence URLs: 2 answer, 1 dead" in out
    methods = [s.method for s in server.requests("/alive")]  # directly, and after /moved
    assert sorted(methods) == ["GET", "GET", "HEAD", "HEAD"]  # HEAD refused: GET, body unread

    code, out, err = run(capsys, "registry", "check-links", str(file), "--json")
    rows = {r["url"]: r for r in json.loads(out)}
    assert rows[server.url("/gone")]["status"] == 404
    assert rows[server.url("/moved")]["ok"] is True
    assert rows[server.url("/moved")]["final_url"] == server.url("/alive")


def test_check_links_reports_timeouts_and_refused_connections(server: Server) -> None:
    def slow(h: _Handler, method: str) -> None:
        time.sleep(1.0)
        h.reply(200)

    server.routes["/slow"] = slow
    closed = Server()  # bound, never started, then closed: nothing listens on its port
    refused = closed.url("/x")
    closed.server_close()
    results = sync.check_links([server.url("/slow"), refused, server.url("/slow")], timeout=0.3)
    assert len(results) == 2  # each URL once
    assert results[0].problem == "timed out after 0.3 s"
    assert results[1].problem is not None
    assert results[1].problem.startswith("cannot connect")
    assert not any(r.ok for r in results)


# --------------------------------------------------------------------------- --resolve-urls
SHORTENERS = '[lexicon]\nurl_shorteners = ["127.0.0.1"]\n'
TASNIM = "https://www.tasnimnews.com/en/news/2024/05/14/3000000/talks"


def test_resolve_urls_recognizes_a_shortened_link_to_a_state_outlet(
    server: Server, tmp_path: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/s/abc"] = redirect(TASNIM, 301)
    server.routes["/s/chain"] = redirect("/s/abc")  # a shortener pointing to another
    overlay = tmp_path / "shorteners.toml"
    overlay.write_text(SHORTENERS, encoding="utf-8")
    link = server.url("/s/chain")
    brief = tmp_path / "brief.txt"
    brief.write_text(f"According to {link}, the talks had failed.\n", encoding="utf-8")
    args = ("check", str(brief), "--registry", str(overlay), "--format", "json", "--date", DATE)

    code, out, err = run(capsys, *args)
    assert not [m for m in json.loads(out)["mentions"] if m["outlet"]]
    assert server.seen == []  # off by default: no request at all

    code, out, err = run(capsys, *args, "--resolve-urls")
    assert err == ""
    m = mention(out, link)
    assert m["outlet"]["id"] == "ir.tasnim"
    assert m["state_affiliated"] is True
    assert code == 1  # PRV102: Tasnim is not disclosed
    assert [s.method for s in server.seen] == ["HEAD", "HEAD"]  # bodies never requested
    stored = json.loads((cache / "resolved-urls.json").read_text(encoding="utf-8"))
    assert stored["urls"][link]["resolved"] == TASNIM

    server.stop()  # resolved once: the cache answers now
    code, out, err = run(capsys, *args, "--resolve-urls")
    assert err == ""
    assert mention(out, link)["outlet"]["id"] == "ir.tasnim"


def test_resolve_urls_in_markdown_links_and_failures_are_warnings(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/s/md"] = redirect(TASNIM, 301)
    overlay = tmp_path / "shorteners.toml"
    overlay.write_text(SHORTENERS, encoding="utf-8")
    brief = tmp_path / "brief.md"
    brief.write_text(
        f"The talks had failed, [the agency said]({server.url('/s/md')}).\n\n"
        f"A dead link: {server.url('/s/dead')}.\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys,
        *("check", str(brief), "--registry", str(overlay), "--format", "json"),
        *("--date", DATE, "--resolve-urls"),
    )
    assert code == 1
    line = one_line(err)
    assert (
        line
        == f"provenance: warning: cannot resolve {server.url('/s/dead')}: the shortener answered 404 Not Found"
    )
    report = json.loads(out)
    assert [m["outlet"]["id"] for m in report["mentions"] if m["outlet"]] == ["ir.tasnim"]


def test_shortened_urls_finds_links_through_shorteners_only() -> None:
    text = (
        'See https://t.co/AbC123, bit.ly/xyz and <a href="https://www.ow.ly/q">here</a>; '
        "not https://www.tasnimnews.com/en or https://example.org/bit.ly/x or t.co alone."
    )
    hosts = ["t.co", "bit.ly", "ow.ly"]
    assert sync.shortened_urls(text, hosts) == [
        "https://t.co/AbC123",
        "bit.ly/xyz",
        "https://www.ow.ly/q",
    ]
    assert "bit.ly" in Registry.load().lexicon["url_shorteners"]


def test_a_resolved_link_is_looked_up_by_where_it_leads() -> None:
    registry = Registry.load()
    assert registry.by_url("https://bit.ly/3Tasnim") is None
    resolved = registry.with_resolved_urls({"https://bit.ly/3Tasnim": TASNIM})
    hit = resolved.by_url("http://bit.ly/3Tasnim/")
    assert hit is not None
    assert hit[0].id == "ir.tasnim"
    assert registry.by_url("https://bit.ly/3Tasnim") is None  # the original is unchanged
    assert resolved.by_url("https://bit.ly/3tasnim") is None  # codes are case-sensitive


# --------------------------------------------------------------------------- end to end
def test_end_to_end_a_newsroom_overlay_over_http(
    server: Server, tmp_path: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An overlay adding "Bartest News Agency", published on a loopback URL: before the pull
    the agency is unknown; after it, state-controlled; a wrong hash changes nothing (exit 2);
    with the server stopped the cached overlay still applies."""
    url = server.url("/newsroom/overlay.toml")
    server.routes["/newsroom/overlay.toml"] = static(OVERLAY, etag='"1"')
    desk = tmp_path / "desk"
    brief = _config(desk)  # no overlay configured yet
    check = ("check", str(brief), "--format", "json", "--date", DATE)

    code, out, err = run(capsys, *check)
    assert (code, err) == (0, "")
    assert mention(out, "Bartest News Agency")["state_affiliated"] is None

    code, out, err = run(capsys, "registry", "pull", url, "--sha256", "f" * 64)
    assert code == 2
    assert "sha256 mismatch" in one_line(err)
    assert installed(cache) == []

    code, out, err = run(capsys, "registry", "pull", url, "--sha256", sha(OVERLAY))
    assert (code, err) == (0, "")
    assert out.startswith(f"pulled {url}\n")
    pulled = {p.name: p.read_bytes() for p in installed(cache)}

    _config(desk, f'{{url = "{url}", sha256 = "{sha(OVERLAY)}"}}')
    requests = len(server.seen)
    code, out, err = run(capsys, *check)
    assert (code, err) == (1, "")
    m = mention(out, "Bartest News Agency")
    assert m["state_affiliated"] is True
    assert m["outlet"]["id"] == "ir.bartest"
    assert json.loads(out)["meta"]["registry"]["overlays"] == [
        str(p) for p in installed(cache) if p.suffix == ".toml"
    ]
    assert len(server.seen) == requests  # pinned and cached: no request

    _config(desk, f'{{url = "{url}", sha256 = "{"e" * 64}"}}')  # a wrong pin in the config
    code, out, err = run(capsys, *check)
    assert code == 2
    assert "sha256 mismatch" in one_line(err)
    assert {p.name: p.read_bytes() for p in installed(cache)} == pulled

    server.stop()
    _config(desk, f'{{url = "{url}", sha256 = "{sha(OVERLAY)}"}}')
    code, out, err = run(capsys, *check)
    assert (code, err) == (1, "")
    assert mention(out, "Bartest News Agency")["state_affiliated"] is True


# --------------------------------------------------------------------------- configuration
def test_configuration_url_entries(tmp_path: Path) -> None:
    pin = sha(OVERLAY).upper()
    cfg = parse_config(
        {
            "registries": [
                "house.toml",
                {"url": "https://intranet.example/o.toml", "sha256": pin},
                "late.toml",
                {"url": "http://localhost:8000/dev.toml"},
            ]
        },
        tmp_path / "provenance.toml",
    )
    assert cfg.registries == (str(tmp_path / "house.toml"), str(tmp_path / "late.toml"))
    first = RemoteRegistry("https://intranet.example/o.toml", sha(OVERLAY), 1)
    second = RemoteRegistry("http://localhost:8000/dev.toml", None, 3)
    assert cfg.remote_registries == (first, second)
    assert cfg.registry_sources() == (cfg.registries[0], first, cfg.registries[1], second)
    for bad, message in (
        ({"url": "https://x.example/o.toml", "sha": "ab"}, "unknown key 'sha'"),
        ({"url": "https://x.example/o.toml", "sha256": "abc"}, "64 hexadecimal digits"),
        ({"url": ""}, "url must be a non-empty string"),
        ({"sha256": "ab"}, "url must be a non-empty string"),
        (42, "entries are paths"),
    ):
        with pytest.raises(ConfigError, match=message):
            parse_config({"registries": [bad]}, None)


def test_the_cache_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(tmp_path / "own"))
    assert sync.default_cache_dir() == tmp_path / "own"
    monkeypatch.delenv("PROVENANCE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert sync.default_cache_dir() == tmp_path / "xdg" / "provenance"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform.startswith("linux"):
        assert sync.default_cache_dir() == tmp_path / "home" / ".cache" / "provenance"
