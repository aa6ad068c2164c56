"""One-line reasons for what goes wrong on the network, named so a user can act on them."""

from __future__ import annotations

import http.client
import socket
import ssl

from reader.core.errors import IngestError
from reader.core.text import clean_line


def timed_out(where: str, seconds: float) -> IngestError:
    """The fetch of ``where`` ran past its deadline of ``seconds``."""
    return IngestError(f"{where} did not answer within {seconds:g} s")


def network_error(reason: object, host: str, where: str, seconds: float) -> IngestError:
    """A one-line reason for an exception raised while connecting or reading the headers.

    Args:
        reason: the exception (urllib's ``URLError.reason`` when it wrapped one).
        host: the host (and port) connected to.
        where: how to name the address.
        seconds: the time limit, for a timeout.
    """
    if isinstance(reason, TimeoutError):
        return timed_out(where, seconds)
    if isinstance(reason, socket.gaierror):
        return IngestError(f"cannot reach {host}: the name does not resolve (check the address)")
    if isinstance(reason, ConnectionRefusedError):
        return IngestError(f"cannot connect to {host}: connection refused")
    if isinstance(reason, ssl.SSLCertVerificationError):
        detail = clean_line(reason.verify_message or "certificate not trusted")
        return IngestError(f"{host}: secure connection refused ({detail})")
    if isinstance(reason, ssl.SSLError):
        return IngestError(f"{host}: secure connection failed ({clean_line(str(reason))[:80]})")
    if isinstance(reason, http.client.LineTooLong):
        return IngestError(
            f"{where}: the answer has a line longer than 64 KB; skim does not read such answers"
        )
    if type(reason) is http.client.HTTPException and "headers" in str(reason):
        # http.client's own limit: "got more than 100 headers".
        return IngestError(
            f"{where}: the answer has more than 100 header lines; skim does not read such answers"
        )
    if isinstance(reason, http.client.HTTPException | ConnectionError):
        return IngestError(f"{where}: the connection was closed before the answer was complete")
    if isinstance(reason, OSError):
        detail = reason.strerror or str(reason)
        return IngestError(f"cannot connect to {host}: {clean_line(detail)}")
    return IngestError(f"cannot fetch {where}: {clean_line(str(reason))[:100]}")
