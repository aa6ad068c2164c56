"""Fetch a web page or feed over HTTP(S) with limits: total time, size, redirects and schemes.

Only the standard library is used (``urllib.request`` with a hand-built opener): redirects are
followed here rather than by urllib, so that every hop is checked (scheme, loop, count) and the
time limit covers the whole fetch, redirects and slow bodies included.
"""

from __future__ import annotations

import http.client
import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message

from reader import __version__
from reader.core.errors import IngestError
from reader.core.text import clean_line

USER_AGENT = f"skim/{__version__} (terminal article reader)"
ENV_TIMEOUT = "SKIM_FETCH_TIMEOUT"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long, how much and how far a fetch may go.

    Attributes:
        timeout: seconds for the whole fetch (connecting, redirects, reading the body).
        max_bytes: the largest body accepted; a bigger one is refused, not truncated.
        max_redirects: redirects followed before giving up.
    """

    timeout: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5

    @classmethod
    def from_env(cls) -> FetchLimits:
        """The defaults, with the time limit taken from ``$SKIM_FETCH_TIMEOUT`` when it is set."""
        value = os.environ.get(ENV_TIMEOUT, "").strip()
        if not value:
            return cls()
        try:
            timeout = float(value)
        except ValueError:
            raise IngestError(f"{ENV_TIMEOUT}={value!r} is not a number of seconds") from None
        if not 0 < timeout <= 3600:
            raise IngestError(f"{ENV_TIMEOUT} must be between 0 and 3600 seconds")
        return cls(timeout=timeout)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource.

    Attributes:
        url: the final address, after redirects.
        status: 200 (or another 2xx), or 304 when a conditional request found nothing new.
        content_type: the media type in lower case without parameters ("text/html"); "" if none.
        charset: the charset the server declared, if any.
        body: the raw bytes (empty for 304).
        etag: the ``ETag`` header, for the next conditional request.
        modified: the ``Last-Modified`` header, likewise.
    """

    url: str
    status: int
    content_type: str
    charset: str | None = None
    body: bytes = field(default=b"", repr=False)
    etag: str | None = None
    modified: str | None = None


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an ``http://`` or ``https://`` address (what ``skim add`` fetches)."""
    return text.strip().lower().startswith(("http://", "https://"))


def describe(url: str) -> str:
    """How to name ``url`` in messages: its host and path, without the scheme or query."""
    parts = urllib.parse.urlsplit(url)
    shown = (parts.netloc + parts.path.rstrip("/")) if parts.netloc else url
    return clean_line(shown)[:120] or "the address"


def fetch(
    url: str,
    *,
    limits: FetchLimits | None = None,
    accept: str = "*/*",
    etag: str | None = None,
    modified: str | None = None,
) -> Fetched:
    """Fetch ``url``, following up to ``limits.max_redirects`` redirects.

    Args:
        url: an ``http://`` or ``https://`` address.
        limits: time, size and redirect limits (default: :meth:`FetchLimits.from_env`).
        accept: the ``Accept`` header.
        etag: sent as ``If-None-Match`` (a 304 answer then comes back with an empty body).
        modified: sent as ``If-Modified-Since``.

    Raises:
        IngestError: with a one-line reason: a refused scheme, a name that does not resolve, a
            refused connection, a timeout, an HTTP status of 400 or more, a redirect loop or too
            many redirects, or a body larger than the limit.
    """
    limits = limits or FetchLimits.from_env()
    deadline = time.monotonic() + limits.timeout
    opener = _opener()
    current = _check_address(url.strip())
    visited = [current]
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    while True:
        request = urllib.request.Request(current, headers=headers)
        response = _open(opener, request, deadline, limits)
        try:
            status = response.status
            if status in _REDIRECTS:
                current = _next_hop(current, response.headers.get("Location"), visited, limits)
                continue
            if status == 304:
                return Fetched(current, 304, "", etag=etag, modified=modified)
            if status >= 400:
                reason = response.reason or http.HTTPStatus(status).phrase
                raise IngestError(f"{describe(current)} returned {status} {clean_line(reason)}")
            body = _read_body(response, current, deadline, limits)
            content_type, charset = _content_type(response.headers)
            return Fetched(
                url=current,
                status=status,
                content_type=content_type,
                charset=charset,
                body=body,
                etag=response.headers.get("ETag"),
                modified=response.headers.get("Last-Modified"),
            )
        finally:
            response.close()


def _opener() -> urllib.request.OpenerDirector:
    # No redirect handler (we follow redirects ourselves), no error processor (we read the status
    # ourselves) and no file/ftp/data handlers: only http and https can be reached.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ):
        opener.add_handler(handler)
    return opener


def _check_address(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        shown = f"{parts.scheme}://" if parts.scheme else clean_line(url)[:60]
        raise IngestError(f"{shown}: only http:// and https:// addresses can be fetched")
    if not parts.hostname:
        raise IngestError(f"{clean_line(url)[:120]}: not a web address (no host name)")
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        raise IngestError(f"{describe(url)}: a web address cannot contain spaces or controls")
    return url


def _open(
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    deadline: float,
    limits: FetchLimits,
) -> http.client.HTTPResponse:
    where = describe(request.full_url)
    host = request.host or where
    try:
        response = opener.open(request, timeout=_remaining(deadline, where, limits))
    except urllib.error.URLError as error:
        raise _network_error(error.reason, host, where, limits) from None
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as error:
        raise _network_error(error, host, where, limits) from None
    if not isinstance(response, http.client.HTTPResponse):  # pragma: no cover - http(s) only
        raise IngestError(f"{where}: unexpected response")
    return response


def _remaining(deadline: float, where: str, limits: FetchLimits) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timeout(where, limits)
    return left


def _timeout(where: str, limits: FetchLimits) -> IngestError:
    return IngestError(f"{where} did not answer within {limits.timeout:g} s")


def _network_error(reason: object, host: str, where: str, limits: FetchLimits) -> IngestError:
    if isinstance(reason, TimeoutError):
        return _timeout(where, limits)
    if isinstance(reason, socket.gaierror):
        return IngestError(f"cannot reach {host}: the name does not resolve (check the address)")
    if isinstance(reason, ConnectionRefusedError):
        return IngestError(f"cannot connect to {host}: connection refused")
    if isinstance(reason, ssl.SSLCertVerificationError):
        detail = clean_line(reason.verify_message or "certificate not trusted")
        return IngestError(f"{host}: secure connection refused ({detail})")
    if isinstance(reason, ssl.SSLError):
        return IngestError(f"{host}: secure connection failed ({clean_line(str(reason))[:80]})")
    if isinstance(reason, http.client.HTTPException | ConnectionError):
        return IngestError(f"{where}: the connection was closed before the answer was complete")
    if isinstance(reason, OSError):
        detail = reason.strerror or str(reason)
        return IngestError(f"cannot connect to {host}: {clean_line(detail)}")
    return IngestError(f"cannot fetch {where}: {clean_line(str(reason))[:100]}")


def _next_hop(current: str, location: str | None, visited: list[str], limits: FetchLimits) -> str:
    where = describe(current)
    if not location:
        raise IngestError(f"{where} redirects without saying where to")
    target = urllib.parse.urljoin(current, location.strip())
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in {"http", "https"}:
        raise IngestError(f"{where} redirects to a {scheme}:// address, which skim does not fetch")
    target = _check_address(target)
    if urllib.parse.urldefrag(target)[0] in {urllib.parse.urldefrag(u)[0] for u in visited}:
        raise IngestError(f"{where} redirects in a loop (back to {describe(target)})")
    if len(visited) > limits.max_redirects:
        raise IngestError(
            f"{describe(visited[0])}: too many redirects (more than {limits.max_redirects})"
        )
    visited.append(target)
    return target


def _read_body(
    response: http.client.HTTPResponse, url: str, deadline: float, limits: FetchLimits
) -> bytes:
    where = describe(url)
    too_big = IngestError(
        f"{where} is larger than {_megabytes(limits.max_bytes)}; skim does not read pages that big"
    )
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _remaining(deadline, where, limits)  # a slow trickle must not outlast the limit
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise too_big
            chunks.append(chunk)
    except TimeoutError:
        raise _timeout(where, limits) from None
    except (OSError, http.client.HTTPException):
        raise IngestError(
            f"{where}: the connection was closed before the page was complete"
        ) from None
    return b"".join(chunks)


def _content_type(headers: Message) -> tuple[str, str | None]:
    raw = headers.get("Content-Type")
    if not raw:
        return "", None
    message = Message()
    message["Content-Type"] = raw
    media = clean_line(message.get_content_type()).lower() if "/" in raw else ""
    charset = message.get_param("charset")
    return media, clean_line(charset).lower() if isinstance(charset, str) and charset else None


def _megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:g} MB"
    return f"{size / 1024:g} KB"
