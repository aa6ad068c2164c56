"""A web page → :class:`~reader.core.models.ArticleDraft`, with trafilatura extracting the text.

trafilatura (a maintained, widely benchmarked extractor) finds the article body on pages of every
shape; skim's own HTML reader (:mod:`reader.core.ingest.html`) still supplies what it reads more
precisely — full publication times with their zone, bylines with initials — and the body when
trafilatura finds none. Everything then goes through the same clean-up as local files.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import IngestError
from reader.core.ingest import decode
from reader.core.ingest.common import Extracted, finish, parse_byline
from reader.core.ingest.dates import parse_date, parse_dateline
from reader.core.ingest.html import parse_html_article
from reader.core.ingest.web.addresses import describe
from reader.core.ingest.web.blocks import blocks
from reader.core.ingest.web.fetch import FetchLimits, fetch
from reader.core.models import ArticleDraft
from reader.core.text import clean_line

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = {"text/plain": "txt", "text/markdown": "md", "text/x-markdown": "md"}
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
_HEADER_LINES = 4  # kickers, the repeated title, bylines and date lines sit in the first few lines
_KICKER_MAX_WORDS = 4
_LOOKS_HTML = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def read_url(
    url: str, *, limits: FetchLimits | None = None, given_by_user: bool = False
) -> ArticleDraft:
    """Fetch a web page and extract its article.

    Args:
        url: an ``http://`` or ``https://`` address.
        limits: time, size and redirect limits (default: :meth:`FetchLimits.from_env`).
        given_by_user: the user gave this address, so it may be on a local or private network
            (see :func:`~reader.core.ingest.web.fetch.fetch`).

    Returns:
        The article; its ``url`` and ``origin`` are the final address after redirects.

    Raises:
        IngestError: when the page cannot be fetched (see :func:`~reader.core.ingest.web.fetch.fetch`), is
            not a web page (a PDF, an image…), or holds no article text.
    """
    fetched = fetch(url, limits=limits, accept=ACCEPT, given_by_user=given_by_user)
    where = describe(fetched.url)
    media = fetched.content_type
    if media in TEXT_TYPES:
        from reader.core.ingest import read_bytes

        draft = read_bytes(fetched.body, name=fetched.url, kind=TEXT_TYPES[media])
        return replace(draft, url=fetched.url, source=draft.source or _host(fetched.url))
    if media not in HTML_TYPES and not (media == "" and _LOOKS_HTML.match(fetched.body[:4096])):
        shown = media or "of an unknown type"
        raise IngestError(f"{where} is {shown}, not a web page")
    declared = fetched.charset or decode.declared_charset(fetched.body)
    markup = decode.decode_text(fetched.body, where, declared=declared)
    return extract_article(markup, url=fetched.url)


def extract_article(markup: str, *, url: str) -> ArticleDraft:
    """Extract the article from a decoded HTML page fetched from ``url``.

    Raises:
        IngestError: when no article text is found.
    """
    import trafilatura  # ~0.2 s to import: only when a page is actually read

    local = parse_html_article(markup)
    document: Any = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        as_dict=False,
    )
    # With as_dict=False the result is a Document (or None when the page has no text at all).
    found: dict[str, Any] = document.as_dict() if document is not None else {}
    title = _text(found.get("title")) or local.title
    extracted = Extracted(
        body="",
        title=title,
        # skim's reader keeps initials, reads full times with their zone, and names the site from
        # og:site_name or the <title> suffix; trafilatura's metadata (whose site name falls back
        # to the host name) fills what it missed.
        author=local.author or _text(found.get("author")),
        source=local.source or _text(found.get("sitename")) or _host(url),
        url=url,
        published=local.published or _date(found.get("date")),
        updated=local.updated,
        tags=local.tags,
    )
    paragraphs = blocks(document.body) if document is not None else []
    extracted.body = "\n\n".join(_drop_header(paragraphs, extracted)) or local.body
    if not extracted.body.strip():
        raise IngestError(f"{describe(url)}: no article text found on the page")
    return finish(extracted, name=url, origin=url)


def _drop_header(paragraphs: list[str], found: Extracted) -> list[str]:
    """Drop the page's header lines from the top of the body.

    trafilatura keeps the headline (and a section kicker above it), and sometimes the byline and
    date; skim shows those as metadata.
    """
    lines = [line for line in paragraphs if line.strip()]
    title = clean_line(found.title or "").casefold()
    head = lines[:_HEADER_LINES]
    if title and any(clean_line(line).casefold() == title for line in head):
        position = next(i for i, line in enumerate(head) if clean_line(line).casefold() == title)
        before = head[:position]
        if all(len(line.split()) <= _KICKER_MAX_WORDS for line in before):
            lines = lines[position + 1 :]
    while lines and len(lines) > 1:
        first = clean_line(lines[0])
        if (author := parse_byline(first)) is not None:
            found.author = found.author or author
        elif (dateline := parse_dateline(first)) is not None:
            is_update, when = dateline
            if is_update:
                found.updated = found.updated or when
            else:
                found.published = found.published or when
        else:
            break
        lines = lines[1:]
    return lines


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_line(value) or None


def _date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    when = parse_date(value)
    return when.astimezone(UTC) if when is not None else None


def _host(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
