"""Saved web pages: metadata from ``<meta>`` and ``<link>`` tags, and the article text alone.

The text comes from the ``<article>`` (else ``<main>``, else the element holding the most paragraph
text); navigation, ads, share bars, comment threads and the like are dropped (see
:mod:`reader.core.ingest.htmlbody`).
"""

from __future__ import annotations

import re
from datetime import datetime

from reader.core.ingest.common import Extracted, parse_byline
from reader.core.ingest.dates import parse_date, parse_dateline
from reader.core.ingest.htmlbody import Paragraph, content_roots, render
from reader.core.ingest.htmltree import Element, parse_html
from reader.core.text import clean_line

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|::|//|»)\s+")
_SUFFIX_MAX_WORDS = 5
_SUFFIX_MAX_CHARS = 40
_HEADER_PARAGRAPHS = 6  # bylines and date lines are looked for among the first few paragraphs

_AUTHOR_KEYS = (
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
)
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date",
)  # fmt: skip
_UPDATED_KEYS = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "dcterms.modified", "last-modified",
)  # fmt: skip


def parse_html_article(markup: str) -> Extracted:
    """Extract title, metadata and body text from an HTML page.

    Args:
        markup: the decoded page; malformed HTML is fine.

    Returns:
        The parts found; ``title`` is ``None`` when the page names none.
    """
    document = parse_html(markup)
    meta = _meta(document)
    site_name = _first(meta, "og:site_name", "application-name")
    found = Extracted(
        body="",
        source=site_name,
        author=_author(document, meta),
        url=_url(document, meta),
        published=_first_date(meta, _PUBLISHED_KEYS),
        updated=_first_date(meta, _UPDATED_KEYS),
        tags=tuple(meta.get("article:tag", [])),
    )
    # The best-looking root may hold nothing but a headline and a byline; then try the next.
    for root in content_roots(document):
        found.title, suffix_source = _title(document, root, meta, site_name)
        found.source = site_name or suffix_source
        paragraphs = render(root)
        if not paragraphs:
            continue
        _dates_from_time_elements(root, document, found)  # machine-readable: before text dates
        body = _drop_header_lines(paragraphs, found)
        if body:
            found.body = "\n\n".join(paragraph.text for paragraph in body)
            break
    return found


def _meta(document: Element) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for element in document.find_all("meta"):
        key = element.attrs.get("property") or element.attrs.get("name")
        key = key or element.attrs.get("itemprop")
        content = clean_line(element.attrs.get("content", ""))
        if key and content:
            meta.setdefault(key.strip().lower(), []).append(content)
    return meta


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key][0]
    return None


def _first_date(meta: dict[str, list[str]], keys: tuple[str, ...]) -> datetime | None:
    for key in keys:
        for value in meta.get(key, []):
            if (when := parse_date(value)) is not None:
                return when
    return None


def _title(
    document: Element, root: Element, meta: dict[str, list[str]], site_name: str | None
) -> tuple[str | None, str | None]:
    """Return ``(title, source named by the <title> suffix)``."""
    page_title = next(
        (el.text() for el in document.find_all("title") if not el.has_ancestor("svg")), ""
    )
    page_title, suffix_source = _strip_site(page_title, site_name, guess=True)
    og_title = _first(meta, "og:title", "twitter:title")
    if og_title:
        return _strip_site(og_title, site_name, guess=False)[0], suffix_source
    h1 = root.find("h1") or document.find("h1")
    if h1 is not None and h1.text():
        return h1.text(), suffix_source
    return page_title or None, suffix_source


def _strip_site(title: str, site_name: str | None, *, guess: bool) -> tuple[str, str | None]:
    """Remove a " | Site name" suffix (or "Site name | " prefix) from a page title.

    With ``guess``, a short suffix of capitalised words after the last separator counts as the site
    name even when the page does not declare one, so "Bridge to close | The Daily Post" splits,
    while "Tax bill - what it means" does not.
    """
    title = clean_line(title)
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title, None
    separators = _TITLE_SEPARATOR.findall(title)
    if site_name:
        site = site_name.casefold()
        if parts[-1].casefold() == site:
            return title[: title.rfind(separators[-1])].strip(), site_name
        if parts[0].casefold() == site:
            return title[len(parts[0]) + len(separators[0]) :].strip(), site_name
        return title, None
    suffix = parts[-1]
    head = title[: title.rfind(separators[-1])].strip()
    words = suffix.split()
    looks_like_name = all(word[:1].isupper() or word[:1].isdigit() or "." in word for word in words)
    if (
        guess
        and looks_like_name
        and len(words) <= _SUFFIX_MAX_WORDS
        and len(suffix) <= _SUFFIX_MAX_CHARS
        and len(head.split()) >= 2
    ):
        return head, suffix
    return title, None


def _author(document: Element, meta: dict[str, list[str]]) -> str | None:
    for key in _AUTHOR_KEYS:
        for value in meta.get(key, []):
            if not value.startswith(("http://", "https://", "/")):
                return parse_byline(value) or value
    for element in document.iter():
        if "author" in element.attrs.get("rel", "").lower().split() and element.tag != "link":
            name = element.text()
            if name:
                return parse_byline(name) or name
    return None


def _url(document: Element, meta: dict[str, list[str]]) -> str | None:
    for link in document.find_all("link"):
        href = link.attrs.get("href", "").strip()
        if "canonical" in link.attrs.get("rel", "").lower().split() and _absolute(href):
            return href
    og_url = _first(meta, "og:url")
    return og_url if og_url and _absolute(og_url) else None


def _absolute(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def _dates_from_time_elements(root: Element, document: Element, found: Extracted) -> None:
    for scope in (root, document):
        for time in scope.find_all("time"):
            when = parse_date(time.attrs.get("datetime", "")) or parse_date(time.text())
            if when is None:
                continue
            prop = time.attrs.get("itemprop", "").lower()
            if prop == "datemodified" or time.text().lower().startswith("updated"):
                found.updated = found.updated or when
            elif found.published is None:
                found.published = when
        if found.published is not None:
            return


def _drop_header_lines(paragraphs: list[Paragraph], found: Extracted) -> list[Paragraph]:
    """Drop the repeated title, and bylines and date lines near the top (kept as metadata)."""
    title = clean_line(found.title or "").casefold()
    kept: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        line = clean_line(paragraph.text)
        if paragraph.byline:
            if (dateline := parse_dateline(line)) is not None:
                _set_date(found, *dateline)
            elif found.author is None:
                name = clean_line(paragraph.author or "")
                found.author = parse_byline(name or line) or name or _short(line)
            continue
        if title and line.casefold() == title and (paragraph.tag == "h1" or index == 0):
            continue
        if index < _HEADER_PARAGRAPHS:
            if (author := parse_byline(line)) is not None:
                found.author = found.author or author
                continue
            if (dateline := parse_dateline(line)) is not None:
                _set_date(found, *dateline)
                continue
        kept.append(paragraph)
    return kept


def _set_date(found: Extracted, is_update: bool, when: datetime) -> None:
    if is_update:
        found.updated = found.updated or when
    else:
        found.published = found.published or when


def _short(line: str) -> str | None:
    # A byline block without a marked-up name is only usable as the author when it is short.
    return line if len(line.split()) <= 6 else None
