"""Servers that answer too slowly or too much: one deadline for the whole fetch (issue 12, M2),
a clear reason for an answer with too many headers (L9), and no page taken from a cut-short body."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.web import FetchLimits, fetch
from tests.web.conftest import Site

DEADLINE = FetchLimits(timeout=1.0, max_bytes=256 * 1024, max_redirects=5)
SLACK = 2.0  # seconds past the deadline a loaded test machine may need to report it
TRICKLE = 0.05  # seconds between bytes: each byte comes long before a socket timeout would fire


def _stopped(handler: BaseHTTPRequestHandler, seconds: float) -> bool:
    return bool(handler.server.stop_event.wait(seconds))  # type: ignore[attr-defined]


def _trickled_headers(handler: BaseHTTPRequestHandler) -> None:
    # 20 s of headers at one byte per TRICKLE: a per-read timeout never fires.
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Filler: " + b"a" * 400 + b"\r\n\r\n"
    try:
        for byte in head:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            if _stopped(handler, TRICKLE):
                return
    except OSError:
        return  # the client gave up, as it should


def _stalled_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        handler.wfile.flush()
        if _stopped(handler, 0.9):  # one chunk just before the deadline, then nothing
            return
        handler.wfile.write(b"<p>almost</p>")
        handler.wfile.flush()
        _stopped(handler, 10)
    except OSError:
        return


def _many_headers(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    for number in range(150):
        handler.send_header(f"X-Header-{number}", "value")
    handler.send_header("Content-Length", "9")
    handler.end_headers()
    handler.wfile.write(b"<p>hi</p>")


def _cut_short(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(b"<p>The first part of the page only</p>")
    handler.close_connection = True


@pytest.fixture()
def slow_lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The name "slow-dns.test" takes 20 s to resolve (to 127.0.0.1); released at teardown."""
    release = threading.Event()
    previous: Callable[..., object] = socket.getaddrinfo

    def resolve(host: object, *args: object, **kwargs: object) -> object:
        if host == "slow-dns.test":
            release.wait(20)
            host = "127.0.0.1"
        return previous(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    yield
    release.set()


def _timed_error(url: str) -> tuple[float, str]:
    start = time.monotonic()
    with pytest.raises(IngestError) as caught:
        fetch(url, limits=DEADLINE, given_by_user=True)
    return time.monotonic() - start, str(caught.value)


def test_headers_trickled_a_byte_at_a_time_stop_at_the_deadline(site: Site) -> None:
    site.routes["/trickled-headers"] = _trickled_headers
    elapsed, message = _timed_error(site.url("/trickled-headers"))
    assert "/trickled-headers did not answer within 1 s" in message
    assert elapsed < DEADLINE.timeout + SLACK


def test_a_body_that_stalls_just_before_the_deadline_stops_at_it(site: Site) -> None:
    site.routes["/stalled-body"] = _stalled_body
    elapsed, message = _timed_error(site.url("/stalled-body"))
    assert "/stalled-body did not answer within 1 s" in message
    # A socket timeout restarted by the last chunk would end near 1.9 s.
    assert elapsed < DEADLINE.timeout + 0.5


def test_a_name_that_takes_long_to_resolve_stops_at_the_deadline(
    site: Site, slow_lookups: None
) -> None:
    url = site.url("/article.html").replace("127.0.0.1", "slow-dns.test")
    elapsed, message = _timed_error(url)
    assert "/article.html did not answer within 1 s" in message
    assert elapsed < DEADLINE.timeout + SLACK


def test_an_answer_with_too_many_headers_says_so(site: Site) -> None:
    site.routes["/many-headers"] = _many_headers
    _, message = _timed_error(site.url("/many-headers"))
    assert message.endswith(
        "/many-headers: the answer has more than 100 header lines; skim does not read such answers"
    )


def test_a_body_shorter_than_its_content_length_is_not_taken_for_the_page(site: Site) -> None:
    site.routes["/cut-short"] = _cut_short
    _, message = _timed_error(site.url("/cut-short"))
    assert message.endswith("/cut-short: the connection was closed before the page was complete")
