"""Markdown articles: front matter for metadata, and the Markdown itself turned into plain prose.

This is not a full CommonMark renderer; it keeps what a reader needs (the words, paragraph breaks,
headings and list items as their own paragraphs) and drops markup: emphasis markers, link targets,
images, HTML tags and comments, block-quote markers.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from reader.core.ingest.common import Extracted
from reader.core.ingest.frontmatter import metadata_fields, split_front_matter
from reader.core.text import clean_line, strip_controls

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)([^\]]+)\]:\s*(\S+)(?:\s+[\"'(].*[\"')])?\s*$")
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]]+\]:\s*")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_ITEM = re.compile(r"^[ \t]*([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")

_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*<?[^()\s>]*(?:\([^()]*\)[^()\s]*)*>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[a-z]{2,})>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
# Outermost markers first, so "***both***" and "**bold *and italic***" unwrap cleanly. Spans are
# bounded (_SPAN characters) so text full of unmatched markers cannot make matching quadratic.
_SPAN = r"(.{1,400}?)"
_EMPHASIS = tuple(
    re.compile(pattern.replace("(SPAN)", _SPAN))
    for pattern in (
        r"(\*\*\*|(?<!\w)___)(?=\S)(SPAN)(?<=\S)\1",
        r"(\*\*)(?=\S)(SPAN)(?<=\S)\*\*",
        r"((?<!\w)__)(?=\S)(SPAN)(?<=\S)__(?!\w)",
        r"(~~)(?=\S)(SPAN)(?<=\S)~~",
        r"(\*)(?=[^\s*])(SPAN)(?<=[^\s*])\*",
        # Underscores only at word edges, so snake_case names survive.
        r"((?<!\w)_)(?=[^\s_])(SPAN)(?<=[^\s_])_(?!\w)",
    )
)
_NESTING = 3  # passes per marker kind: "*a *b* c*" needs two


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
    markdown = _COMMENT.sub("", strip_controls(markdown).replace("\t", "    "))
    lines = markdown.split("\n")
    references = {
        match.group(1).strip().casefold(): match.group(2)
        for line in lines
        if (match := _REFERENCE.match(line))
    }
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = _inline(" ".join(part.strip() for part in paragraph), references)
            if text.strip():
                blocks.append(Block(text))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        i += 1
        if fence := _FENCE.match(line):
            flush()
            code: list[str] = []
            while i < len(lines) and not lines[i].strip().startswith(fence.group(1)):
                code.append(_QUOTE.sub("", lines[i]).rstrip())
                i += 1
            i += 1
            if any(code):
                blocks.append(Block("\n".join(code).strip("\n")))
        elif not line.strip() or _REFERENCE.match(line):
            flush()
        elif paragraph and (setext := _SETEXT.match(line)) and not _ITEM.match(paragraph[0]):
            level = 1 if setext.group(1)[0] == "=" else 2
            text = _inline(" ".join(part.strip() for part in paragraph), references)
            paragraph.clear()
            blocks.append(Block(text, level))
        elif heading := _ATX.match(line):
            flush()
            text = _inline(heading.group(2) or "", references)
            if text.strip():
                blocks.append(Block(text, len(heading.group(1))))
        elif _BREAK.match(line) or _TABLE_RULE.match(line):
            flush()
        elif item := _ITEM.match(line):
            flush()
            marker = "-" if item.group(1) in "-*+" else item.group(1)
            paragraph.append(f"{marker} {item.group(2) or ''}")
        elif line.lstrip().startswith("|"):
            flush()
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            paragraph.append(" | ".join(cell for cell in cells if cell))
            flush()
        else:
            paragraph.append(_FOOTNOTE_DEFINITION.sub("", line))
    flush()
    return blocks


def _inline(text: str, references: dict[str, str]) -> str:
    """Strip inline Markdown from one block's text, keeping every word a reader sees."""
    protected: list[str] = []

    def protect(value: str) -> str:
        protected.append(value)
        return f"\x00{len(protected) - 1}\x00"

    # Code spans and backslash escapes are literal: hide them from the markup rules below.
    text = _CODE_SPAN.sub(lambda m: protect(_code_text(m.group(2))), text)
    text = _ESCAPE.sub(lambda m: protect(m.group(1)), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(
        lambda m: m.group(1) if (m.group(2) or m.group(1)).casefold() in references else m.group(0),
        text,
    )
    text = _AUTOLINK.sub(lambda m: protect(m.group(1)), text)
    text = _TAG.sub(lambda m: " " if m.group(0).lower().startswith("<br") else "", text)
    text = _FOOTNOTE_REF.sub("", text)
    for pattern in _EMPHASIS:
        for _ in range(_NESTING):
            text, count = pattern.subn(r"\2", text)
            if not count:
                break
    text = html.unescape(text)
    return _PLACEHOLDER.sub(lambda m: protected[int(m.group(1))], text)


def _code_text(code: str) -> str:
    # CommonMark: one space of padding on both sides is stripped; line ends become spaces.
    code = code.replace("\n", " ")
    if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip():
        code = code[1:-1]
    return code
