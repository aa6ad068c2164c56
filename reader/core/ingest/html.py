"""HTML pages, saved files and fetched pages alike: skim's one HTML pipeline.

trafilatura (on lxml) finds the article body: on the public ScrapingHub article-extraction
benchmark it scored a token F1 of 0.967 against 0.917 for the html.parser reader skim used to
have for local files (``python -m benchmarks.html_extraction``; figures in the README). The
metadata — title, site name, byline, dates with their zone, canonical URL, tags — is read from the
page's tags by :mod:`reader.core.ingest.htmlmeta`; that is metadata, not a second body pipeline.
A feed entry's HTML is not a page but the article itself, so it is only rendered, not extracted
(:mod:`reader.core.ingest.htmlbody`): trafilatura would drop its lists, headings and "Read more".
"""

from __future__ import annotations

import functools
import re
import sys
from datetime import UTC, datetime
from typing import Any

from reader.core.ingest.common import Extracted, parse_byline
from reader.core.ingest.dates import parse_date, parse_dateline
from reader.core.ingest.htmlblocks import blocks
from reader.core.ingest.htmlmeta import page_metadata
from reader.core.text import clean_line, strip_controls

_HEADER_LINES = 4  # kickers, the repeated title, bylines and date lines sit in the first few lines
_KICKER_MAX_WORDS = 4
# What a browser would not show: trafilatura keeps it otherwise.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_HIDDEN = [
    "//*[@hidden]",
    "//*[@aria-hidden='true']",
    "//*[contains(translate(@style, ' ', ''), 'display:none')]",
    "//*[contains(translate(@style, ' ', ''), 'visibility:hidden')]",
]


def parse_html_article(markup: str, *, url: str | None = None) -> Extracted:
    """Extract title, metadata and body text from an HTML page.

    Args:
        markup: the decoded page; malformed HTML is fine.
        url: where the page was fetched from, if it was (helps trafilatura's metadata).

    Returns:
        The parts found; ``title`` is ``None`` when the page names none, ``body`` is empty when
        the page holds no article text.
    """
    markup = _without_controls(markup)
    found = page_metadata(markup)
    document = _extract(markup, url)
    extracted: dict[str, Any] = document.as_dict() if document is not None else {}
    # skim's metadata reader keeps initials, reads full times with their zone and strips the site
    # name from titles; trafilatura's metadata fills what it missed.
    found.title = found.title or _text(extracted.get("title"))
    found.author = found.author or _text(extracted.get("author"))
    found.source = found.source or _text(extracted.get("sitename"))
    found.published = found.published or _date(extracted.get("date"))
    paragraphs = blocks(document.body) if document is not None else []
    found.body = "\n\n".join(_drop_header(paragraphs, found))
    return found


def _without_controls(markup: str) -> str:
    """The page without control characters, written out or as character references.

    Escape sequences go whole, before lxml drops their ESC and leaves "[31m" in the text; a
    reference to a control (``&#27;``) makes lxml give up on the paragraph holding it.
    """
    markup = strip_controls(markup.replace("\r\n", "\n").replace("\r", "\n"))
    return _CHARACTER_REFERENCE.sub(_drop_control_reference, markup)


def _drop_control_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    is_control = (code < 0x20 and chr(code) not in "\t\n") or 0x7F <= code < 0xA0
    return "" if is_control or code > sys.maxunicode else match.group(0)


def _extract(markup: str, url: str | None) -> Any:
    """trafilatura's ``Document`` for the page, or ``None`` when it finds no text at all.

    A page where trafilatura's precise pass finds nothing (a lone paragraph outside any
    container) is read again favouring recall, so that a short note is not refused.
    """
    import trafilatura  # ~0.2 s to import: only when a page is actually read

    config = _config()
    document: Any = None  # with as_dict=False, a Document
    if "html" not in markup[:50].lower():
        # trafilatura takes markup without an <html> near its start for a fragment and gives up.
        markup = f"<html>{markup}</html>"
    for favor_recall in (False, True):
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=favor_recall,
            prune_xpath=_HIDDEN,
            as_dict=False,
            config=config,
        )
        if document is not None and blocks(document.body):
            return document
    return document


@functools.cache
def _config() -> Any:
    """trafilatura's settings, except that a short article is still an article.

    By default trafilatura hands any page whose text is under 250 characters to its fallback
    extractors, which keep the menus and teaser cards around a short note; skim reads notes too.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


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
