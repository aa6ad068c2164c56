"""The sockets of one fetch: a true overall deadline, and the check of where they connect.

A socket timeout alone does not bound a fetch: it restarts with every byte received, so a server
that trickles its headers one byte a second holds a 5-second fetch for minutes, and a name lookup
has no timeout at all. A :class:`Session` therefore owns the fetch's deadline: name lookups run in
a helper thread that is waited for only until the deadline, and when the deadline passes a timer
shuts down every socket of the fetch, which wakes whatever read, TLS handshake or connect is
blocked on it. The fetch code then reports the timeout (:attr:`Session.expired`).

The connection classes also resolve the host themselves, check the addresses with
:func:`~reader.core.ingest.web.addresses.refuse_non_public` when the host was not given by the user, and
connect to exactly the addresses they checked.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.request
from typing import Any

from reader.core.ingest.web.addresses import describe, host_of, refuse_non_public

AddrInfo = tuple[Any, ...]


class Session:
    """One fetch's deadline, the hosts it trusts, and the sockets it opened.

    Use it as a context manager: leaving it stops the deadline timer.

    Args:
        seconds: the time limit for the whole fetch.
        trusted_hosts: host names that may resolve to non-public addresses (those the user gave).
    """

    def __init__(self, seconds: float, trusted_hosts: frozenset[str] = frozenset()) -> None:
        self.end = time.monotonic() + seconds
        self.trusted_hosts = trusted_hosts
        self._expired = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    @property
    def expired(self) -> bool:
        """Whether the deadline has passed (checked after any failed or short read)."""
        return self._expired.is_set() or time.monotonic() >= self.end

    def left(self) -> float:
        """Seconds left before the deadline.

        Raises:
            TimeoutError: when none are left.
        """
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError("the fetch's deadline has passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it already has)."""
        with self._lock:
            self._sockets.append(sock)
            if self._expired.is_set():
                _shut(sock)

    def opener(self) -> urllib.request.OpenerDirector:
        """A urllib opener for http and https only, whose connections belong to this session.

        No redirect handler (the fetch follows redirects itself, checking each hop) and no error
        processor (it reads the status itself); no file, ftp or data handlers either.
        """
        opener = urllib.request.OpenerDirector()
        for handler in (
            urllib.request.ProxyHandler(),
            _HTTPHandler(self),
            _HTTPSHandler(self, ssl.create_default_context()),
        ):
            opener.add_handler(handler)
        return opener

    def resolve(self, host: str, port: int) -> list[AddrInfo]:
        """``getaddrinfo`` for a TCP connection, given up on at the deadline.

        Raises:
            TimeoutError: the lookup did not finish before the deadline.
            OSError: the lookup failed (``socket.gaierror``).
        """
        found: list[list[AddrInfo]] = []
        failed: list[OSError] = []

        def lookup() -> None:
            try:
                found.append(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
            except OSError as error:
                failed.append(error)

        # The lookup cannot be interrupted; a daemon thread lets the fetch give up on it.
        thread = threading.Thread(target=lookup, name="skim-resolve", daemon=True)
        thread.start()
        thread.join(self.left())
        if thread.is_alive():
            raise TimeoutError(f"looking up {host} took too long")
        if failed:
            raise failed[0]
        return found[0] if found else []

    def connect(self, host: str, port: int, *, check: bool, where: str) -> socket.socket:
        """Resolve ``host``, check its addresses when ``check``, and connect to one of them."""
        infos = self.resolve(host, port)
        if check:
            refuse_non_public(host, [str(info[4][0]) for info in infos], where)
        error: OSError = OSError(f"{host} has no address")
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            self.watch(sock)
            try:
                sock.settimeout(self.left())
                sock.connect(address)
            except OSError as failure:
                sock.close()
                error = failure
                continue
            return sock
        raise error

    def _expire(self) -> None:
        with self._lock:
            self._expired.set()
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: only the file descriptor is shut, from this
    # timer thread, without touching the TLS state the fetching thread is using.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Connection(http.client.HTTPConnection):
    def __init__(
        self, host: str, *, session: Session, check: bool, where: str, **kwargs: Any
    ) -> None:
        super().__init__(host, **kwargs)
        self._session = session
        self._check = check
        self._where = where
        # http.client's connect() opens its socket through this attribute.
        self._create_connection = self._open_socket

    def _open_socket(self, address: tuple[str, int], *_: object) -> socket.socket:
        return self._session.connect(address[0], address[1], check=self._check, where=self._where)


class _SecureConnection(http.client.HTTPSConnection):
    def __init__(
        self,
        host: str,
        *,
        session: Session,
        check: bool,
        where: str,
        context: ssl.SSLContext,
        **kwargs: Any,
    ) -> None:
        super().__init__(host, context=context, **kwargs)
        self._session = session
        self._check = check
        self._where = where
        self._tls = context
        self._create_connection = self._open_socket

    def _open_socket(self, address: tuple[str, int], *_: object) -> socket.socket:
        return self._session.connect(address[0], address[1], check=self._check, where=self._where)

    def connect(self) -> None:
        # As HTTPSConnection.connect, but the TLS socket is watched before its handshake, so the
        # deadline can end a handshake that trickles too.
        http.client.HTTPConnection.connect(self)
        server_hostname = getattr(self, "_tunnel_host", None) or self.host
        sock = self._tls.wrap_socket(
            self.sock, server_hostname=server_hostname, do_handshake_on_connect=False
        )
        self._session.watch(sock)
        self.sock = sock
        sock.do_handshake()


def _plan(session: Session, request: urllib.request.Request) -> tuple[bool, str]:
    """Whether the connection for ``request`` must check its addresses, and how to name it.

    Through a proxy the connection goes to the proxy (which the user configured); the target is
    then resolved here and checked, as far as skim can see it.
    """
    target = host_of(request.full_url)
    where = describe(request.full_url)
    check = target not in session.trusted_hosts
    if check and request.has_proxy():
        parts = urllib.parse.urlsplit(request.full_url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = session.resolve(target, port)
        refuse_non_public(target, [str(info[4][0]) for info in infos], where)
        check = False
    return check, where


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        check, where = _plan(self._session, req)

        def connection(host: str, **kwargs: Any) -> _Connection:
            return _Connection(host, session=self._session, check=check, where=where, **kwargs)

        return self.do_open(connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, session: Session, context: ssl.SSLContext) -> None:
        super().__init__(context=context)
        self._session = session
        self._tls = context

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        check, where = _plan(self._session, req)

        def connection(host: str, **kwargs: Any) -> _SecureConnection:
            return _SecureConnection(
                host, session=self._session, check=check, where=where, **kwargs
            )

        return self.do_open(connection, req, context=self._tls)
