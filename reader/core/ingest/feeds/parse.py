"""RSS and Atom documents → :class:`ParsedFeed` (feedparser, after the DTD is removed); JSON Feeds
are handed to :mod:`reader.core.ingest.feeds.jsonfeed`.

feedparser reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, sanitises entry HTML, and falls back
to a forgiving parser when the XML is not well formed. That fallback decides the policy here: a
malformed feed whose entries could still be read is accepted with a warning naming the problem
(most real-world breakage is an unescaped "&"), while one that yields nothing is refused.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import time
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import IngestError
from reader.core.ingest.feeds.xmlsafe import without_dtd
from reader.core.text import clean_line

_XML_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*>")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, as the feed gives it.

    Attributes:
        entry_id: the entry's guid/id, else its link, else a digest of its title and text; what
            ``skim feed update`` remembers to import each entry once.
        content: the entry's text: HTML when ``is_html``, else plain text.
        full_content: True when ``content`` came from a full-content element (``<content>``,
            ``content:encoded``), False when it is only the summary/description.
    """

    entry_id: str
    title: str | None
    link: str | None
    author: str | None
    published: datetime | None
    updated: datetime | None
    content: str
    is_html: bool
    full_content: bool
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: its title, the site it belongs to, its entries, and a parse warning if any."""

    title: str | None
    site_url: str | None
    items: tuple[FeedItem, ...]
    warning: str | None = None
    alternate: str | None = None  # an HTML page's link to its feed (autodiscovery)
    problem: str | None = None  # the XML error behind ``warning`` ("line 3: mismatched tag")


def parse_feed(data: bytes, *, label: str, content_type: str = "") -> ParsedFeed:
    """Parse an RSS, Atom or JSON Feed.

    Args:
        data: the raw document.
        label: how to name it in messages (a host and path, or a file name).
        content_type: the media type the server sent, if any (helps feedparser with encodings).

    Returns:
        The feed. For an HTML page, ``alternate`` holds the address of the feed it links to (if
        any) and ``items`` is empty.

    Raises:
        IngestError: when the document is neither a feed nor a page linking to one.
    """
    # Imported here: jsonfeed builds this module's FeedItem and ParsedFeed.
    from reader.core.ingest.feeds import jsonfeed

    if jsonfeed.looks_like_json_feed(data, content_type):
        return jsonfeed.parse_json_feed(data, label=label)
    import feedparser  # imported on use: only feed commands need it

    headers = {"content-type": content_type} if content_type else {}
    cleaned = without_dtd(data)
    result: Any = feedparser.parse(io.BytesIO(cleaned), response_headers=headers)
    feed = result.get("feed", {})
    # feedparser puts an XML declaration on a line of its own before a document that has none.
    problem = _problem(result, line_shift=0 if _XML_DECLARATION.match(cleaned) else 1)
    items = tuple(_item(entry) for entry in result.get("entries", []))
    if not result.get("version") and not items:
        alternate = _alternate(feed)
        if alternate is not None:
            return ParsedFeed(title=None, site_url=None, items=(), alternate=alternate)
        if _looks_html(data, content_type):
            raise IngestError(
                f"{label} is a web page that links to no feed; give the feed's address"
            )
        detail = f" ({problem})" if problem else ""
        raise IngestError(f"{label}: not an RSS or Atom feed{detail}")
    warning = None
    if problem is not None:
        warning = f"{label}: the feed is not well-formed XML ({problem}); read {len(items)} entries"
    return ParsedFeed(
        title=_line(feed.get("title")),
        site_url=_line(feed.get("link")),
        items=items,
        warning=warning,
        problem=problem,
    )


def _problem(result: Any, *, line_shift: int) -> str | None:
    """A one-line description of an XML syntax error, or None (encoding notes don't count)."""
    if not result.get("bozo"):
        return None
    error = result.get("bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        line = max(1, (error.getLineNumber() or 1) - line_shift)
        return f"line {line}: {clean_line(error.getMessage())}"
    return None


def _item(entry: Any) -> FeedItem:
    content, is_html, full = _content(entry)
    link = _line(entry.get("link"))
    title = _line(entry.get("title"))
    entry_id = _line(entry.get("id")) or link
    if entry_id is None:
        digest = hashlib.sha256(f"{title}\n{content}".encode()).hexdigest()[:32]
        entry_id = f"sha256:{digest}"
    author_detail = entry.get("author_detail") or {}
    return FeedItem(
        entry_id=entry_id,
        title=title,
        link=link,
        author=_line(author_detail.get("name")) or _line(entry.get("author")),
        published=_time(entry.get("published_parsed")),
        # dict.get: feedparser's own get() answers a missing updated_parsed with published_parsed
        # (and a DeprecationWarning); an entry that was never updated has no update time.
        updated=_time(dict.get(entry, "updated_parsed")),
        content=content,
        is_html=is_html,
        full_content=full,
        tags=tuple(
            tag for t in entry.get("tags") or [] if (tag := _line(t.get("term"))) is not None
        ),
    )


def _content(entry: Any) -> tuple[str, bool, bool]:
    """The entry's best text: the longest full-content part, else the summary."""
    parts = [part for part in entry.get("content") or [] if (part.get("value") or "").strip()]
    if parts:
        best = max(parts, key=lambda part: len(part.get("value") or ""))
        return best["value"], _is_html(best.get("type")), True
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or detail.get("value") or ""
    return summary, _is_html(detail.get("type", "text/html")), False


def _is_html(media: object) -> bool:
    return not isinstance(media, str) or media.lower() in {"text/html", "application/xhtml+xml"}


def _time(value: object) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:  # feedparser's struct_time is in UTC
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _line(value: object) -> str | None:
    return (clean_line(value) or None) if isinstance(value, str) else None


def _alternate(feed: Any) -> str | None:
    for link in feed.get("links") or []:
        kind = str(link.get("type", "")).lower()
        if link.get("rel") == "alternate" and kind.endswith(("rss+xml", "atom+xml", "feed+json")):
            href = _line(link.get("href"))
            if href:
                return href
    return None


def _looks_html(data: bytes, content_type: str) -> bool:
    if content_type in {"text/html", "application/xhtml+xml"}:
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
