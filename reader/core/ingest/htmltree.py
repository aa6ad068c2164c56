"""A forgiving HTML tree built with the standard library's ``html.parser`` (no new dependency).

Real pages are often malformed; the builder closes what a browser would close implicitly (a new
``<p>`` ends the previous one, a new ``<li>`` the previous item) and ignores stray end tags, so
text is never lost to a missing ``</div>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# An opening tag of the key implicitly closes an open element of one of the value's tags,
# searching no further up than the nearest element of a "scope" tag.
_IMPLICIT_CLOSE: dict[str, frozenset[str]] = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
}
# A block opening inside a paragraph or a heading ends it: neither may hold blocks, and an
# unclosed <h1> must not swallow the article (browsers close <p>; we close headings too).
_BLOCK_STARTS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figure",
     "footer", "form", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
     "ul"} | _HEADINGS
)  # fmt: skip
_SCOPES = frozenset(
    {"ul", "ol", "table", "dl", "select", "div", "article", "section", "body", "td", "th", "li",
     "blockquote", "main"}
)  # fmt: skip
_BLOCK_TEXT_BREAKS = _BLOCK_STARTS | {"br", "tr", "td", "th", "body", "html"}


@dataclass(eq=False, slots=True)
class Element:
    """An HTML element: lower-case tag, attributes (last value wins), children in document order."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    def iter(self) -> Iterator[Element]:
        """Yield this element and every element below it, in document order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(
                child for child in reversed(element.children) if isinstance(child, Element)
            )

    def find_all(self, tag: str) -> Iterator[Element]:
        """Yield every element below (and including) this one with the given tag."""
        return (element for element in self.iter() if element.tag == tag)

    def find(self, tag: str) -> Element | None:
        """Return the first element with the given tag, or ``None``."""
        return next(self.find_all(tag), None)

    def text(self) -> str:
        """All text below this element, white space folded; block elements are kept apart."""
        parts: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            elif node.tag not in {"script", "style", "template"}:
                # Inline elements join without a space ("<b>wor</b>ld" is one word); blocks don't.
                if node.tag in _BLOCK_TEXT_BREAKS:
                    parts.append(" ")
                    stack.append(" ")
                stack.extend(reversed(node.children))
        return " ".join("".join(parts).split())

    def has_ancestor(self, tag: str) -> bool:
        """Whether an element with the given tag encloses this one."""
        node = self.parent
        while node is not None:
            if node.tag == tag:
                return True
            node = node.parent
        return False


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self._open: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implicitly(tag)
        element = Element(tag, {key: value or "" for key, value in attrs}, parent=self._open[-1])
        self._open[-1].children.append(element)
        if tag not in VOID_TAGS:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return
        # A stray end tag (no such element open) is ignored, as browsers do.

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)

    def _close_implicitly(self, tag: str) -> None:
        closes = _IMPLICIT_CLOSE.get(tag, frozenset())
        if tag in _BLOCK_STARTS:
            closes = closes | {"p"} | _HEADINGS
        # Repeat: a new <li> inside <li><p> closes the <p>, then the previous <li>.
        while closes and self._close_one(closes, scope_ok=tag in _IMPLICIT_CLOSE):
            pass

    def _close_one(self, closes: frozenset[str], *, scope_ok: bool) -> bool:
        for depth in range(len(self._open) - 1, 0, -1):
            open_tag = self._open[depth].tag
            if open_tag in closes:
                del self._open[depth:]
                return True
            if open_tag in _SCOPES and not (scope_ok and open_tag in closes):
                return False
        return False


def parse_html(markup: str) -> Element:
    """Parse ``markup`` into a tree; never raises on malformed HTML.

    Returns:
        The document node; its descendants are the page's elements.
    """
    builder = _TreeBuilder()
    try:
        builder.feed(markup)
        builder.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is very lenient
        pass
    return builder.root
