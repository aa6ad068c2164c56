"""Which network addresses skim may reach on its own: public ones only.

An address the user gives skim (``skim add URL``, a feed they subscribe to, a link in a Pocket or
Instapaper export they import) is fetched wherever it is: a page on their own machine or their
office network is a fine thing to read. An address skim *finds* — a redirect to another host, a
feed entry's link, the feed a page points to — was chosen by whoever wrote that page or feed, and
must not make skim read the user's router, a cloud metadata service or a local admin page and
store it as a searchable article. Those are refused when the host resolves to a loopback,
link-local, private, shared, unspecified, multicast or reserved address.

The check is made on the addresses the host name resolved to, and the connection then goes to
exactly those addresses (see :mod:`reader.core.ingest.web.connection`), so a name cannot pass the check
and then resolve somewhere else for the connection.
"""

from __future__ import annotations

import ipaddress
import urllib.parse

from reader.core.errors import IngestError
from reader.core.text import clean_line

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# NAT64's well-known prefix (RFC 6052) carries an IPv4 address in its last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def describe(url: str) -> str:
    """How to name ``url`` in messages: its host and path, without the scheme or query."""
    parts = urllib.parse.urlsplit(url)
    shown = (parts.netloc + parts.path.rstrip("/")) if parts.netloc else url
    return clean_line(shown)[:120] or "the address"


def host_of(url: str) -> str:
    """The host name of ``url`` as compared for trust: lower case, no trailing dot ("" if none)."""
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


def address_kind(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or None for a public one.

    Args:
        address: an IPv4 or IPv6 address as a resolver returns it (an IPv6 zone, ``%eth0``, is
            ignored).

    Returns:
        "loopback", "link-local", "unspecified", "multicast", "private", "reserved" or
        "non-public" (shared address space and other special-purpose ranges); None when the
        address is on the public internet. IPv4 addresses carried inside IPv6 ones (mapped,
        6to4, NAT64) are judged by the IPv4 address.
    """
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unrecognised"
    ip = _embedded_ipv4(ip)
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    )
    return next((kind for kind, applies in checks if applies), None)


def refuse_non_public(host: str, addresses: list[str], where: str) -> None:
    """Raise :class:`IngestError` when any address ``host`` resolved to is not public.

    Any, not all: a name that resolves to a public and a private address would otherwise let the
    connection fall through to the private one.

    Args:
        host: the host name (or address) as written in the URL.
        addresses: what it resolved to.
        where: how to name the URL in the message.
    """
    for address in addresses:
        kind = address_kind(address)
        if kind is None:
            continue
        shown_host = clean_line(host)[:80]
        at = "is" if shown_host == address else f"resolves to {address}, which is"
        raise IngestError(
            f"{where}: not fetched: {shown_host} {at} a {kind} address; skim reaches local and "
            "private addresses only when you give them yourself, not through a redirect or a link"
        )


def _embedded_ipv4(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip
