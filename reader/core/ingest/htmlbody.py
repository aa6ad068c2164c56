"""Render an HTML fragment (a feed entry's content) as paragraphs, leaving page chrome out.

Whole pages do not come here: their article text is found by trafilatura
(:mod:`reader.core.ingest.html`). Feed entries are already the article, so they are only rendered.

Page chrome is dropped by tag (nav, aside, footer, forms, scripts…), by ARIA role, when hidden,
by class or id words that sites use for boilerplate (cookie, newsletter, share, related, promo,
ad, comment, sidebar…). Class names are a guess, so an element is never dropped for its class
when it holds most of the article's paragraph text (a wrapper named "content has-sidebar").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.ingest.htmltree import Element

_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "iframe", "nav", "footer", "aside", "form", "button", "svg",
     "figcaption", "template", "select", "textarea", "input", "canvas", "video", "audio", "object",
     "embed", "dialog", "map", "head", "title", "menu"}
)  # fmt: skip
_DROP_ROLES = frozenset(
    {"navigation", "banner", "complementary", "contentinfo", "search", "dialog", "alertdialog",
     "menu", "menubar", "toolbar"}
)  # fmt: skip
_BOILERPLATE_WORDS = frozenset(
    {"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "sponsor",
     "sponsored", "promo", "promos", "promoted", "promotion", "cookie", "cookies", "consent",
     "gdpr", "banner", "newsletter", "newsletters", "subscribe", "subscription", "signup",
     "paywall", "share", "shares", "sharing", "sharebar", "social", "related", "recommended",
     "recirculation", "comment", "comments", "disqus", "sidebar", "breadcrumb", "breadcrumbs",
     "popup", "modal", "outbrain", "taboola", "toolbar", "navbar", "nav", "menu", "footer",
     "masthead", "hidden", "sr", "kicker", "eyebrow"}
)  # fmt: skip
_BYLINE_WORDS = frozenset({"byline", "author", "authors"})
_BYLINE_MAX_CHARS = 300  # a byline block may also hold the role, place and dates
_DATE_LABEL_MAX_WORDS = 3  # "Last updated on" before a <time>
_KEEP_SHARE = 0.6  # an element holding more of the paragraph text than this is never dropped
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
     "div", "dl", "dt", "fieldset", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
     "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary",
     "table", "tbody", "thead", "tfoot", "tr", "ul"}
)  # fmt: skip
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def render(root: Element) -> list[str]:
    """Render the readable text under ``root`` as paragraphs, leaving page chrome out.

    A byline block is kept whole as one paragraph.
    """
    sizes = _paragraph_sizes(root)
    keep_above = _KEEP_SHARE * sizes.get(id(root), 0)
    renderer = _Renderer()
    stack: list[tuple[Element | str, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, str):
            renderer.text(node)
        elif leaving:
            renderer.end(node)
        elif node is root or not _is_chrome(node, root, sizes.get(id(node), 0) > keep_above):
            if node is not root and is_byline(node):
                renderer.byline(node.text())
                continue
            renderer.start(node)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.children))
    renderer.flush()
    return renderer.paragraphs


def _paragraph_sizes(root: Element) -> dict[int, int]:
    """Characters of ``<p>`` text under each element of ``root`` (keyed by ``id``)."""
    sizes: dict[int, int] = {}
    for paragraph in root.find_all("p"):
        length = len(paragraph.text())
        node: Element | None = paragraph
        while node is not None:
            sizes[id(node)] = sizes.get(id(node), 0) + length
            if node is root:
                break
            node = node.parent
    return sizes


def _words(element: Element) -> set[str]:
    names = f"{element.attrs.get('class', '')} {element.attrs.get('id', '')}"
    return {word.lower() for word in _WORD.findall(names)}


def _is_chrome(element: Element, root: Element, holds_the_text: bool) -> bool:
    attrs = element.attrs
    if element.tag in _DROP_TAGS:
        return True
    if element.tag == "header" and root.tag != "article" and not element.has_ancestor("article"):
        return True
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    if attrs.get("role", "").lower() in _DROP_ROLES:
        return True
    if holds_the_text:
        return False
    return bool(_words(element) & _BOILERPLATE_WORDS) or _is_date_only(element)


def _is_date_only(element: Element) -> bool:
    """A block that only shows a ``<time>`` ("Published <time>…</time>"): metadata, not text."""
    if element.tag not in {"p", "div"}:
        return False
    times = [time.text() for time in element.find_all("time")]
    if not times:
        return False
    rest = element.text()
    for shown in times:
        rest = rest.replace(shown, " ")
    return len(rest.split()) <= _DATE_LABEL_MAX_WORDS


def is_byline(element: Element) -> bool:
    """Whether ``element`` is a byline block (class "byline" or "author", or an ``<address>``)."""
    # Block elements only: an inline <a rel="author"> would leave a bare "By" behind; such
    # paragraphs are recognised as a whole by their "By Name" text instead.
    if element.tag not in {"p", "div", "address"}:
        return False
    looks_like = bool(_words(element) & _BYLINE_WORDS) or element.tag == "address"
    return looks_like and 0 < len(element.text()) <= _BYLINE_MAX_CHARS


def author_name(byline: Element) -> str | None:
    """The text of the element naming the author inside a byline block, if one is marked up."""
    for element in byline.iter():
        if element is byline:
            continue
        words = _words(element)
        if (
            words & {"author", "name", "authors"}
            or element.attrs.get("itemprop", "").lower() == "author"
            or "author" in element.attrs.get("rel", "").lower().split()
        ):
            return element.text() or None
    return None


@dataclass(slots=True)
class _Renderer:
    paragraphs: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    lists: list[list[int]] = field(default_factory=list)  # [counter] for <ol>, [] for <ul>
    prefix: str = ""
    pre_depth: int = 0

    def start(self, element: Element) -> None:
        tag = element.tag
        if tag in _BLOCK_TAGS:
            self.flush()
        if tag in {"ul", "ol"}:
            start = element.attrs.get("start", "1")
            self.lists.append([int(start) - 1 if start.isdigit() else 0] if tag == "ol" else [])
        elif tag == "li":
            if self.lists and self.lists[-1]:
                self.lists[-1][0] += 1
                self.prefix = f"{self.lists[-1][0]}. "
            else:
                self.prefix = "- "
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "br":
            self.buffer.append("\n")
        elif tag in {"td", "th"} and "".join(self.buffer).strip():
            self.buffer.append(" | ")

    def end(self, element: Element) -> None:
        tag = element.tag
        if tag in _BLOCK_TAGS:
            self.flush()
        if tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
        elif tag == "li":
            self.prefix = ""
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)

    def text(self, data: str) -> None:
        self.buffer.append(data if self.pre_depth else re.sub(r"\s+", " ", data))

    def byline(self, text: str) -> None:
        self.flush()
        self.paragraphs.append(text)

    def flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer.clear()
        for chunk in re.split(r"\n[ \t]*\n", raw):
            lines = [
                line.rstrip() if self.pre_depth else line.strip() for line in chunk.split("\n")
            ]
            text = "\n".join(line for line in lines if line.strip()).strip("\n")
            if text.strip():
                self.paragraphs.append(self.prefix + text)
                self.prefix = ""
