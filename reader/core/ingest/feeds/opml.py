"""OPML, the format feed readers exchange subscription lists in: reading and writing it.

Reading goes through :func:`~reader.core.ingest.feeds.xmlsafe.without_dtd` first, so an OPML file cannot
expand entities; outlines nested in folders are all found. Writing is deterministic: the same
subscriptions give the same bytes, apart from the ``dateCreated`` stamp.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from reader.core.errors import IngestError
from reader.core.ingest.feeds.xmlsafe import without_dtd
from reader.core.records import Feed
from reader.core.text import clean_line


@dataclass(frozen=True, slots=True)
class Outline:
    """A feed listed in an OPML file."""

    url: str
    title: str | None
    site_url: str | None


def parse_opml(data: bytes, *, label: str) -> list[Outline]:
    """The feeds (outlines with an ``xmlUrl``) of an OPML document, in document order.

    Raises:
        IngestError: the file is not well-formed XML or not OPML.
    """
    try:
        root = ET.fromstring(without_dtd(data))
    except ET.ParseError as error:
        line, column = error.position
        reason = clean_line(str(error)).split(":")[0]
        raise IngestError(
            f"{label}: not a valid OPML file (line {line}, column {column + 1}: {reason})"
        ) from None
    if _local(root.tag) != "opml":
        raise IngestError(f"{label}: not an OPML file (its root element is <{_local(root.tag)}>)")
    outlines: list[Outline] = []
    seen: set[str] = set()
    for element in root.iter():
        if _local(element.tag) != "outline":
            continue
        attrs = {_local(key).lower(): value for key, value in element.attrib.items()}
        url = clean_line(attrs.get("xmlurl", ""))
        if not url or url in seen:
            continue
        seen.add(url)
        title = clean_line(attrs.get("title") or attrs.get("text") or "") or None
        outlines.append(Outline(url, title, clean_line(attrs.get("htmlurl", "")) or None))
    return outlines


def render_opml(feeds: list[Feed], *, created: datetime) -> str:
    """An OPML 2.0 document listing ``feeds``.

    Args:
        feeds: the subscriptions, written in this order.
        created: the ``dateCreated`` stamp.
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "skim subscriptions"
    ET.SubElement(head, "dateCreated").text = format_datetime(created, usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {
            "type": "rss",
            "text": feed.title,
            "title": feed.title,
            "xmlUrl": _as_url(feed.url),
        }
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(body, "outline", attrs)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _as_url(location: str) -> str:
    # A local feed file is stored by its absolute path; OPML wants an address.
    if not location.lower().startswith(("http://", "https://")) and Path(location).is_absolute():
        return Path(location).as_uri()
    return location


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
