"""A local web server for the web, feed and import tests (127.0.0.1 only), and a guard against
any other host: name lookups for anything but 127.0.0.1/localhost fail inside these tests."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.core.ingest.web import FetchLimits
from reader.core.library import Library, open_library
from tests.web import pages

FIXED = datetime(2025, 5, 1, 12, 0, 0, tzinfo=UTC)
# Generous for a busy 2-core machine (a loaded CI box once took >0.5 s to answer a local page);
# the slow route below waits far longer, so timeouts are still tested.
LIMITS = FetchLimits(timeout=2.0, max_bytes=256 * 1024, max_redirects=5)
SLOW_SECONDS = 10.0

# A route answers (status, headers, body); a callable route gets the handler and answers itself.
Response = tuple[int, dict[str, str], bytes]
Route = Response | Callable[[BaseHTTPRequestHandler], None]


def page(body: str | bytes, content_type: str = "text/html; charset=utf-8") -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return 200, {"Content-Type": content_type}, data


def redirect(location: str, status: int = 302) -> Response:
    return status, {"Location": location}, b""


@dataclass
class Site:
    """The routes of the test server and the requests it saw."""

    base: str
    stop: threading.Event
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for seen, _ in self.requests if seen == path)


def _slow(handler: BaseHTTPRequestHandler) -> None:
    handler.server.stop_event.wait(SLOW_SECONDS)  # type: ignore[attr-defined]
    _send(handler, page("<p>too late</p>"))


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(100):
            handler.wfile.write(b"<p>drip</p>\n")
            handler.wfile.flush()
            if handler.server.stop_event.wait(0.05):  # type: ignore[attr-defined]
                return
    except OSError:
        return


def _huge(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"filler " * 1000 + b"</p>\n"
    try:
        handler.wfile.write(b"<html><body>")
        for _ in range(2 * LIMITS.max_bytes // len(chunk) + 10):
            handler.wfile.write(chunk)
    except OSError:
        return  # the client gave up, as it should


def _huge_declared(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(10**10))
    handler.end_headers()


def _etag_feed(handler: BaseHTTPRequestHandler) -> None:
    if handler.headers.get("If-None-Match") == '"v1"':
        handler.send_response(304)
        handler.end_headers()
        return
    body = pages.rss([("e1", "Etag entry", pages.full_entry(1))], title="Etag Feed").encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("ETag", '"v1"')
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def default_routes(base: str) -> dict[str, Route]:
    routes: dict[str, Route] = {
        "/article.html": page(pages.ARTICLE_HTML),
        "/plain.txt": page(pages.PLAIN_TEXT, "text/plain; charset=utf-8"),
        "/empty.html": page(pages.EMPTY_HTML),
        "/moved": redirect("/article.html", 301),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/to-ftp": redirect("ftp://127.0.0.1/file"),
        "/slow": _slow,
        "/trickle": _trickle,
        "/huge": _huge,
        "/huge-declared": _huge_declared,
        "/doc.pdf": page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        "/photo.png": page(b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        "/rss.xml": page(
            pages.rss(
                [
                    ("h1", "Harbour one", pages.full_entry(1)),
                    ("h2", "Harbour two", pages.full_entry(2)),
                ]
            ),
            "application/rss+xml",
        ),
        "/atom.xml": page(pages.ATOM, "application/atom+xml"),
        "/malformed.xml": page(pages.MALFORMED, "application/xml"),
        "/garbage.xml": page(pages.GARBAGE, "application/xml"),
        "/partly-broken.xml": page(pages.PARTLY_BROKEN, "application/rss+xml"),
        "/laughs.xml": page(pages.billion_laughs(), "application/rss+xml"),
        "/blowup.xml": page(pages.quadratic_blowup(), "application/rss+xml"),
        "/teasers.xml": page(pages.TEASERS.format(base=base), "application/rss+xml"),
        "/blog.html": page(pages.PAGE_WITH_FEED_LINK),
        "/etag.xml": _etag_feed,
    }
    for hop in range(1, 8):
        routes[f"/chain/{hop}"] = redirect(f"/chain/{hop - 1}")
    routes["/chain/0"] = redirect("/article.html")
    for number in range(1, 9):
        routes[f"/story/{number}.html"] = page(pages.story_page(number))
    return routes


def _send(handler: BaseHTTPRequestHandler, response: Response) -> None:
    status, headers, body = response
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    with contextlib.suppress(OSError):  # the client may have given up already
        handler.wfile.write(body)


class _Handler(BaseHTTPRequestHandler):
    server_version = "skim-test"

    def do_GET(self) -> None:
        site: Site = self.server.site  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        site.requests.append((path, dict(self.headers.items())))
        route = site.routes.get(path)
        if route is None:
            _send(self, (404, {"Content-Type": "text/html"}, b"<p>Not here</p>"))
        elif callable(route):
            route(self)
        else:
            _send(self, route)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output quiet


@pytest.fixture(scope="session")
def _server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.stop_event = threading.Event()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.stop_event.set()  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture()
def site(_server: ThreadingHTTPServer) -> Site:
    port = _server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    made = Site(base=base, stop=_server.stop_event)  # type: ignore[attr-defined]
    made.routes = default_routes(base)
    _server.site = made  # type: ignore[attr-defined]
    return made


@pytest.fixture(autouse=True)
def _only_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxies, and no name lookups except for the local server."""
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    real = socket.getaddrinfo

    def local_only(host: object, *args: object, **kwargs: object) -> object:
        if host not in ("127.0.0.1", "localhost", b"127.0.0.1"):
            raise socket.gaierror(socket.EAI_NONAME, "name lookups are off in tests")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: FIXED)
    yield lib
    lib.close()


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table of a library file: the "library unchanged" check."""
    db = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'article_search%'"
            )
        ]
        return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    finally:
        db.close()
