"""Fetch a web page or feed over HTTP(S) with limits: total time, size, redirects and schemes.

Only the standard library is used (``urllib.request`` with a hand-built opener): redirects are
followed here rather than by urllib, so that every hop is checked (scheme, loop, count, and the
network it leads to), and the time limit is one deadline for the whole fetch — the name lookups,
connections, headers, redirects and body together (see :class:`~reader.core.ingest.web.connection.Session`).
"""

from __future__ import annotations

import http.client
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message

from reader import __version__
from reader.core.errors import IngestError
from reader.core.ingest.web.addresses import describe, host_of
from reader.core.ingest.web.connection import Session
from reader.core.ingest.web.failures import network_error, timed_out
from reader.core.text import clean_line

USER_AGENT = f"skim/{__version__} (terminal article reader)"
ENV_TIMEOUT = "SKIM_FETCH_TIMEOUT"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long, how much and how far a fetch may go.

    Attributes:
        timeout: seconds for the whole fetch: a deadline for looking up names, connecting, the
            headers, every redirect and the body together, however slowly the server answers.
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


def fetch(
    url: str,
    *,
    limits: FetchLimits | None = None,
    accept: str = "*/*",
    etag: str | None = None,
    modified: str | None = None,
    given_by_user: bool = False,
) -> Fetched:
    """Fetch ``url``, following up to ``limits.max_redirects`` redirects.

    Args:
        url: an ``http://`` or ``https://`` address.
        limits: time, size and redirect limits (default: :meth:`FetchLimits.from_env`).
        accept: the ``Accept`` header.
        etag: sent as ``If-None-Match`` (a 304 answer then comes back with an empty body).
        modified: sent as ``If-Modified-Since``.
        given_by_user: the user gave this address themselves (typed it, subscribed to it,
            imported it from their own export), so its host may be on their own machine or
            network. Otherwise — and for a redirect to any other host — a host that resolves to a
            loopback, link-local, private or other non-public address is refused
            (:mod:`reader.core.ingest.web.addresses`).

    Raises:
        IngestError: with a one-line reason: a refused scheme, a name that does not resolve, a
            refused connection, a non-public address reached indirectly, the deadline, an HTTP
            status of 400 or more, a redirect loop or too many redirects, an answer with too many
            headers, or a body larger than the limit.
    """
    limits = limits or FetchLimits.from_env()
    current = _check_address(url.strip())
    trusted = frozenset({host_of(current)}) if given_by_user else frozenset[str]()
    with Session(limits.timeout, trusted) as session:
        return _fetch(session, current, limits, accept, etag, modified)


def _fetch(
    session: Session,
    current: str,
    limits: FetchLimits,
    accept: str,
    etag: str | None,
    modified: str | None,
) -> Fetched:
    opener = session.opener()
    visited = [current]
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    while True:
        request = urllib.request.Request(current, headers=headers)
        response = _open(opener, request, session, limits)
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
            body = _read_body(response, current, session, limits)
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
    session: Session,
    limits: FetchLimits,
) -> http.client.HTTPResponse:
    where = describe(request.full_url)
    host = request.host or where
    try:
        response = opener.open(request, timeout=_remaining(session, where, limits))
    except urllib.error.URLError as error:
        reason = TimeoutError() if session.expired else error.reason
        raise network_error(reason, host, where, limits.timeout) from None
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as error:
        reason = TimeoutError() if session.expired else error
        raise network_error(reason, host, where, limits.timeout) from None
    if not isinstance(response, http.client.HTTPResponse):  # pragma: no cover - http(s) only
        raise IngestError(f"{where}: unexpected response")
    return response


def _remaining(session: Session, where: str, limits: FetchLimits) -> float:
    try:
        return session.left()
    except TimeoutError:
        raise timed_out(where, limits.timeout) from None


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
    response: http.client.HTTPResponse, url: str, session: Session, limits: FetchLimits
) -> bytes:
    where = describe(url)
    too_big = IngestError(
        f"{where} is larger than {_megabytes(limits.max_bytes)}; skim does not read pages that big"
    )
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise too_big
    cut_short = IngestError(f"{where}: the connection was closed before the page was complete")
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _remaining(session, where, limits)
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise too_big
            chunks.append(chunk)
    except TimeoutError:
        raise timed_out(where, limits.timeout) from None
    except (OSError, http.client.HTTPException):
        raise timed_out(where, limits.timeout) if session.expired else cut_short from None
    # At the deadline the session shuts the socket down, which reads as the end of the body.
    if session.expired:
        raise timed_out(where, limits.timeout)
    if response.length:  # fewer bytes than the Content-Length promised
        raise cut_short
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
