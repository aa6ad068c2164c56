"""A web page → :class:`~reader.core.models.ArticleDraft`.

Fetched pages go through skim's one HTML pipeline (:mod:`reader.core.ingest.html`: trafilatura for
the text, the page's tags for the metadata), the same as saved ``.html`` files, and then through
the same clean-up.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import replace

from reader.core.errors import IngestError
from reader.core.ingest import decode
from reader.core.ingest.common import finish
from reader.core.ingest.html import parse_html_article
from reader.core.ingest.web.addresses import describe
from reader.core.ingest.web.fetch import FetchLimits, fetch
from reader.core.models import ArticleDraft

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = {"text/plain": "txt", "text/markdown": "md", "text/x-markdown": "md"}
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
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

    The page goes through the same pipeline as a saved ``.html`` file
    (:func:`~reader.core.ingest.html.parse_html_article`); a page that names no site is credited
    to its host.

    Raises:
        IngestError: when no article text is found.
    """
    extracted = parse_html_article(markup, url=url)
    extracted.url = url
    extracted.source = extracted.source or _host(url)
    if not extracted.body.strip():
        raise IngestError(f"{describe(url)}: no article text found on the page")
    return finish(extracted, name=url, origin=url)


def _host(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
