"""Paragraphs from trafilatura's content tree (its XML-TEI-like ``<p>``, ``<head>``, ``<list>``…).

trafilatura's plain-text output puts every block *and* every ``<br>`` on its own line, so a
paragraph with a line break would come out as two; reading its tree keeps the blocks apart and the
breaks inside them. Lists and tables are rendered the way :mod:`reader.core.ingest.htmlbody`
renders them in feed entries ("- item", "1. item", "a | b").
"""

from __future__ import annotations

import re
from typing import Any

# Containers whose children are blocks of their own (a quote of several paragraphs).
_CONTAINERS = frozenset({"body", "div", "quote", "main", "figure"})
_BLOCKS = frozenset({"p", "head", "list", "table", "quote", "code", "pre", "div"})
_CODE = frozenset({"code", "pre"})
_SPACE = re.compile(r"\s+")
_AROUND_BREAK = re.compile(r" *\n *")


def blocks(body: Any) -> list[str]:
    """Render trafilatura's content element as a list of paragraph texts (empty ones left out).

    Args:
        body: the ``Document.body`` element of ``trafilatura.bare_extraction`` (lxml), or None.
    """
    if body is None:
        return []
    paragraphs: list[str] = []
    _render_children(body, paragraphs)
    return [p for p in paragraphs if p.strip()]


def _render_children(container: Any, out: list[str]) -> None:
    if (container.text or "").strip():
        out.append(container.text.strip())
    for child in container:
        _render_block(child, out)
        if (child.tail or "").strip():
            out.append(child.tail.strip())


def _render_block(element: Any, out: list[str]) -> None:
    tag = _tag(element)
    if tag == "list":
        _render_list(element, out, depth=0)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [" ".join(_inline(cell).split()) for cell in row if _tag(cell) == "cell"]
            line = " | ".join(cell for cell in cells if cell)
            if line:
                out.append(line)
    elif tag in _CONTAINERS and any(_tag(child) in _BLOCKS for child in element):
        _render_children(element, out)
    elif tag in {"graphic", "lb"}:
        return
    else:
        out.append(_inline(element).strip())


def _render_list(element: Any, out: list[str], *, depth: int) -> None:
    ordered = (element.get("rend") or "").lower() == "ol"
    start = (element.get("start") or "").strip()
    number = int(start) - 1 if start.isdigit() else 0  # <ol start="3"> counts from 3
    indent = "  " * depth
    for item in element:
        if _tag(item) != "item":
            continue
        number += 1
        marker = f"{number}. " if ordered else "- "
        text = " ".join(_inline(item, skip_lists=True).split())
        if text:
            out.append(f"{indent}{marker}{text}")
        for nested in item:
            if _tag(nested) == "list":
                _render_list(nested, out, depth=depth + 1)


def _inline(element: Any, *, skip_lists: bool = False) -> str:
    """The text of an element, with ``<lb/>`` as a line break inside the paragraph.

    Other white space is folded as a browser would (trafilatura keeps the page source's line
    wrapping), except inside code, whose layout is its meaning.
    """
    if _tag(element) in _CODE:
        return "".join(element.itertext())
    parts: list[str] = [_fold(element.text)]
    for child in element:
        tag = _tag(child)
        if tag == "lb":
            parts.append("\n")
        elif not (skip_lists and tag == "list") and tag != "graphic":
            parts.append(_inline(child))
        parts.append(_fold(child.tail))
    return _AROUND_BREAK.sub("\n", "".join(parts))


def _fold(text: str | None) -> str:
    return _SPACE.sub(" ", text) if text else ""


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""  # comments and processing instructions
