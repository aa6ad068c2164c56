"""JSON Feed 1.0 and 1.1 documents (https://www.jsonfeed.org/version/1.1/) → :class:`ParsedFeed`.

A JSON Feed is a JSON object whose ``version`` is ``https://jsonfeed.org/version/1`` or ``…/1.1``
and whose ``items`` each carry an ``id`` and ``content_html`` and/or ``content_text``. Version 1.0
names one ``author`` object; 1.1 a list of ``authors`` (read either way, the item's before the
feed's). The entry HTML is rendered to text later, the way RSS entries are, so it is never trusted.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from reader.core.errors import IngestError
from reader.core.ingest.dates import parse_date
from reader.core.ingest.feeds.parse import FeedItem, ParsedFeed
from reader.core.text import clean_line

_VERSION_PREFIX = "https://jsonfeed.org/version/1"
MEDIA_TYPE = "application/feed+json"


def looks_like_json_feed(data: bytes, content_type: str = "") -> bool:
    """Whether ``data`` is meant as a JSON Feed: served as one, or a JSON object naming its version.

    Cheap (no parse): the caller then reads it with :func:`parse_json_feed`, which says what is wrong.
    """
    if content_type.split(";")[0].strip().lower() in {MEDIA_TYPE, "application/json"}:
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org/version/" in head


def parse_json_feed(data: bytes, *, label: str) -> ParsedFeed:
    """Parse a JSON Feed.

    Raises:
        IngestError: the document is not JSON, or not a JSON Feed (no jsonfeed.org version, no
            list of items).
    """
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise IngestError(f"{label}: not a JSON Feed ({clean_line(str(error))[:80]})") from None
    if not isinstance(document, dict):
        raise IngestError(f"{label}: not a JSON Feed (not a JSON object)")
    version = document.get("version")
    if not isinstance(version, str) or not version.startswith(_VERSION_PREFIX):
        raise IngestError(f"{label}: not a JSON Feed (no jsonfeed.org version 1 or 1.1)")
    items = document.get("items")
    if not isinstance(items, list):
        raise IngestError(f"{label}: not a JSON Feed (no list of items)")
    feed_author = _author(document)
    return ParsedFeed(
        title=_line(document.get("title")),
        site_url=_line(document.get("home_page_url")),
        items=tuple(
            _item(entry, feed_author) for entry in items if isinstance(entry, dict) and _has(entry)
        ),
    )


def _has(entry: dict[str, Any]) -> bool:
    return any(isinstance(entry.get(key), str) for key in ("content_html", "content_text"))


def _item(entry: dict[str, Any], feed_author: str | None) -> FeedItem:
    html, text = entry.get("content_html"), entry.get("content_text")
    # The HTML is the fuller form when both are given (content_text is often its plain copy).
    is_html = isinstance(html, str) and bool(html.strip())
    content = html if is_html and isinstance(html, str) else text if isinstance(text, str) else ""
    link = _line(entry.get("url")) or _line(entry.get("external_url"))
    title = _line(entry.get("title"))
    raw_id = entry.get("id")  # a string in 1.1; 1.0 feeds sometimes give a number
    entry_id = _line(str(raw_id)) if isinstance(raw_id, str | int) else None
    entry_id = entry_id or link
    if entry_id is None:
        digest = hashlib.sha256(f"{title}\n{content}".encode()).hexdigest()[:32]
        entry_id = f"sha256:{digest}"
    tags = entry.get("tags")
    return FeedItem(
        entry_id=entry_id,
        title=title,
        link=link,
        author=_author(entry) or feed_author,
        published=_date(entry.get("date_published")),
        updated=_date(entry.get("date_modified")),
        content=content,
        is_html=is_html,
        full_content=True,
        tags=tuple(tag for value in tags if (tag := _line(value)) is not None)
        if isinstance(tags, list)
        else (),
    )


def _author(holder: dict[str, Any]) -> str | None:
    """The names of ``authors`` (1.1), else of ``author`` (1.0), joined with commas."""
    authors = holder.get("authors")
    if not isinstance(authors, list):
        authors = [holder.get("author")]
    names = [
        name
        for author in authors
        if isinstance(author, dict) and (name := _line(author.get("name"))) is not None
    ]
    return ", ".join(names) or None


def _date(value: object) -> datetime | None:
    return parse_date(value) if isinstance(value, str) else None


def _line(value: object) -> str | None:
    return (clean_line(value) or None) if isinstance(value, str) else None
