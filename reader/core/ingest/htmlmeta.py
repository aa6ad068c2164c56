"""What a page says about its article, read from its tags: title, site name, byline, dates, URL, tags.

This is metadata only; the article text comes from trafilatura (see :mod:`reader.core.ingest.html`,
skim's one HTML pipeline). It is read here, on a small tree built with the standard library's
``html.parser`` (:mod:`reader.core.ingest.htmltree`), because skim reads it more precisely than
trafilatura: full publication times with their zone, bylines with initials, the site name from
``og:site_name`` or the ``<title>`` suffix, the canonical address.
"""

from __future__ import annotations

import re
from datetime import datetime

from reader.core.ingest.common import Extracted, parse_byline
from reader.core.ingest.dates import parse_date
from reader.core.ingest.htmlbody import author_name, is_byline
from reader.core.ingest.htmltree import Element, parse_html
from reader.core.text import clean_line

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|::|//|»)\s+")
_SUFFIX_MAX_WORDS = 5
_SUFFIX_MAX_CHARS = 40

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


def page_metadata(markup: str) -> Extracted:
    """Read the metadata of an HTML page; ``body`` is left empty.

    Args:
        markup: the decoded page; malformed HTML is fine.

    Returns:
        What the page's tags name; ``title`` is ``None`` when the page names none.
    """
    document = parse_html(markup)
    meta = _meta(document)
    site_name = _first(meta, "og:site_name", "application-name")
    title, suffix_source = _title(document, meta, site_name)
    found = Extracted(
        body="",
        title=title,
        source=site_name or suffix_source,
        author=_author(document, meta),
        url=_url(document, meta),
        published=_first_date(meta, _PUBLISHED_KEYS),
        updated=_first_date(meta, _UPDATED_KEYS),
        tags=tuple(meta.get("article:tag", [])),
    )
    _dates_from_time_elements(document, found)
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
    document: Element, meta: dict[str, list[str]], site_name: str | None
) -> tuple[str | None, str | None]:
    """Return ``(title, source named by the <title> suffix)``."""
    page_title = next(
        (el.text() for el in document.find_all("title") if not el.has_ancestor("svg")), ""
    )
    page_title, suffix_source = _strip_site(page_title, site_name, guess=True)
    og_title = _first(meta, "og:title", "twitter:title")
    if og_title:
        return _strip_site(og_title, site_name, guess=False)[0], suffix_source
    h1 = next((el for scope in _scopes(document) if (el := scope.find("h1")) is not None), None)
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
    for scope in _scopes(document):
        for element in scope.iter():
            if element is not scope and is_byline(element):
                name = clean_line(author_name(element) or "")
                line = clean_line(element.text())
                if author := parse_byline(name or line) or name or _short(line):
                    return author
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


def _scopes(document: Element) -> list[Element]:
    """Where to look for the headline, byline and dates: the article first, then the page."""
    article = document.find("article")
    return [document] if article is None else [article, document]


def _dates_from_time_elements(document: Element, found: Extracted) -> None:
    for scope in _scopes(document):
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


def _short(line: str) -> str | None:
    # A byline block without a marked-up name is only usable as the author when it is short.
    return line if len(line.split()) <= 6 else None
