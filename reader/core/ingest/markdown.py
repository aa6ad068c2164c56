"""Markdown articles: front matter for metadata, and the Markdown itself turned into plain prose.

The Markdown is parsed by markdown-it-py (CommonMark, with GitHub's tables and strikethrough);
what a reader needs is kept from its tokens (the words, paragraph breaks, headings and list items
as their own paragraphs) and the markup is dropped: emphasis markers, link targets, images, HTML
tags and comments, block-quote markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.ingest.common import Extracted
from reader.core.ingest.frontmatter import metadata_fields, split_front_matter
from reader.core.text import clean_line, strip_controls

# Deeper block quotes and lists than this are flattened (markdown-it would drop their text; the
# parser recurses per level, so the limit also keeps it far from Python's recursion limit).
_MAX_NESTING = 100
# Raw HTML is recognised (so its tags can be dropped), never rendered.
_PARSER = MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING}).enable(
    ["table", "strikethrough"]
)
_NESTING_MARKS = re.compile(r"^[ >]+", re.M)
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>", re.S)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:\s*")


@dataclass(slots=True)
class Block:
    """One paragraph-level piece of a Markdown document; ``level`` is 1–6 for headings, else 0."""

    text: str
    level: int = 0


def parse_markdown(text: str, label: str) -> Extracted:
    """Read front matter and turn the Markdown body into plain paragraphs.

    The title is the front matter's ``title``; failing that, the first ``# Heading`` (which then
    leaves the body). A leading ``# Heading`` that repeats the front-matter title is dropped too.

    Raises:
        IngestError: when the front matter is not valid YAML.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, markdown = split_front_matter(text, label)
    found = metadata_fields(meta)
    blocks = markdown_blocks(markdown)
    headings = [block for block in blocks if block.level == 1]
    if found.title is None and headings:
        found.title = headings[0].text
        blocks.remove(headings[0])
    elif (
        blocks
        and blocks[0].level == 1
        and found.title is not None
        and clean_line(blocks[0].text).casefold() == found.title.casefold()
    ):
        blocks.pop(0)
    found.body = "\n\n".join(block.text for block in blocks)
    return found


def markdown_blocks(markdown: str) -> list[Block]:
    """Split Markdown into plain-text blocks: headings, paragraphs, list items, code, table rows."""
    markdown = strip_controls(markdown).replace("\t", "    ")
    tokens = _PARSER.parse(markdown)
    if any(token.level >= _MAX_NESTING - 1 for token in tokens):
        # Nested too deep to parse whole: keep every word, losing only the nesting.
        tokens = _PARSER.parse(_NESTING_MARKS.sub("", markdown))
    return [block for block in _blocks(tokens) if block.text.strip()]


def _blocks(tokens: Sequence[Token]) -> Iterator[Block]:
    """The blocks of a markdown-it token stream, in order."""
    marker = ""  # a list item's marker, given to its first paragraph
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            marker = "-" if token.markup in "-*+" else f"{token.info}{token.markup}"
        elif token.type in ("fence", "code_block"):
            yield Block("\n".join(line.rstrip() for line in token.content.split("\n")).strip("\n"))
        elif token.type == "html_block":
            yield Block(_TAG.sub("", token.content).strip())
        elif token.type == "tr_close":
            yield Block(" | ".join(cell for cell in row if cell))
            row = []
        elif token.type == "inline":
            text = _inline(token.children or [])
            opener = tokens[index - 1]
            if opener.type in ("th_open", "td_open"):
                row.append(text.strip())
            elif opener.type == "heading_open":
                yield Block(text, int(opener.tag[1]))
            else:
                if marker:
                    text, marker = f"{marker} {text}", ""
                yield Block(_FOOTNOTE_DEFINITION.sub("", text))


def _inline(children: Sequence[Token]) -> str:
    """The words of one block's inline tokens, without markup."""
    parts: list[str] = []
    for child in children:
        if child.type == "text":
            parts.append(_FOOTNOTE_REF.sub("", child.content))
        elif child.type == "code_inline":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append(" " if child.content.lower().startswith("<br") else "")
    return "".join(parts)
