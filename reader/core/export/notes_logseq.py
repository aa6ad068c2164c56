"""Read a Logseq page skim exported (``--template logseq``) back: its tags, notes and highlights' notes.

What is read, whatever the indentation Logseq saved the page with:

- the article: the ``skim_id::`` page property (the ``key:: value`` lines the page starts with);
- the article's tags: the ``tags::`` page property (``climate, [[long reads]]``);
- a highlight: a block holding an ``id:: <uuid>`` property (matched to the highlight whose uuid it
  is); its tags are the ``#tag`` / ``#[[two words]]`` words on a line of their own in that block;
  its note is the child block that starts with ``**Note:**`` (none: the note was removed);
- the article note: the child blocks of the top-level ``## Notes`` block.

The bullet (``- ``) and the block's indentation are not part of the text read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.export.logseq import logseq_unescape
from reader.core.export.notes_parse import NOTE_LABEL, ParsedArticle, ParsedHighlight, unescape

_PROPERTY = re.compile(r"^([A-Za-z][\w-]*)::(?:[ \t]+(.*?))?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)-(?:[ \t]|$)(.*)$")
_ID = re.compile(r"^id::[ \t]*([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})[ \t]*$")
_HASHTAG = re.compile(r"#\[\[(.+?)\]\]|#([^\s\[\]#]+)")
_PAGE_TAG = re.compile(r"#?\[\[(.+?)\]\]|([^,\s][^,]*)")
_NOTES_HEADING = re.compile(r"^#{1,6}[ \t]+notes[ \t#]*$", re.IGNORECASE)


@dataclass(slots=True)
class _Block:
    depth: int  # the width of the bullet's indentation (tabs and spaces alike)
    line: int  # 0-based line of the bullet
    lines: list[str] = field(default_factory=list)  # its text, without bullet and indentation


def is_logseq_page(lines: list[str]) -> bool:
    """Whether a file (as lines) is a Logseq page with skim's ``skim_id::`` page property."""
    for line in lines:
        match = _PROPERTY.match(line)
        if match is None:
            return False
        if match.group(1).lower() in ("skim_id", "skim-id"):
            return True
    return False


def parse_logseq(lines: list[str]) -> ParsedArticle:
    """The article of a Logseq page (see the module's docstring)."""
    properties: dict[str, str] = {}
    first = 0
    while first < len(lines) and (match := _PROPERTY.match(lines[first])):
        properties[match.group(1).lower().replace("-", "_")] = match.group(2) or ""
        first += 1
    skim_id = properties.get("skim_id", "").strip()
    tags = _page_tags(properties["tags"]) if "tags" in properties else None
    blocks = _blocks(lines, first)
    highlights = []
    note: str | None = None
    for n, block in enumerate(blocks):
        children = _children(blocks, n)
        if (
            block.lines
            and _NOTES_HEADING.match(block.lines[0].strip())
            and block.depth == min(b.depth for b in blocks)
        ):
            note = _text([line for child in children for line in child.lines])
            continue
        found = _highlight(block, children)
        if found is not None:
            highlights.append(found)
    return ParsedArticle(
        skim_id=int(skim_id) if skim_id.isdigit() else None,
        line=1,
        tags=tags,
        note=note,
        highlights=tuple(highlights),
        outline=True,
    )


def _page_tags(value: str) -> tuple[str, ...]:
    names = (m.group(1) or m.group(2).strip().removeprefix("#") for m in _PAGE_TAG.finditer(value))
    return tuple(name for name in names if name)


def _blocks(lines: list[str], start: int) -> list[_Block]:
    blocks: list[_Block] = []
    for i in range(start, len(lines)):
        bullet = _BULLET.match(lines[i])
        if bullet is not None:
            blocks.append(_Block(len(bullet.group(1).expandtabs(1)), i, [bullet.group(2)]))
        elif blocks:
            prefix = lines[i][: len(lines[i]) - len(lines[i].lstrip(" \t"))]
            # Further lines are indented by the bullet's indentation and two spaces: remove that
            # much, so a note's own indentation stays.
            cut = min(len(prefix), blocks[-1].depth + 2)
            blocks[-1].lines.append(lines[i][cut:] if lines[i].strip() else "")
    return blocks


def _children(blocks: list[_Block], n: int) -> list[_Block]:
    found = []
    for block in blocks[n + 1 :]:
        if block.depth <= blocks[n].depth:
            break
        found.append(block)
    return found


def _highlight(block: _Block, children: list[_Block]) -> ParsedHighlight | None:
    uuid = None
    at = block.line
    tags: list[str] = []
    for offset, line in enumerate(block.lines[1:], start=1):
        match = _ID.match(line.strip())
        if match is not None and uuid is None:
            uuid, at = match.group(1).lower(), block.line + offset
        elif line.strip() and not _HASHTAG.sub("", line).strip():
            tags += [m.group(1) or m.group(2) for m in _HASHTAG.finditer(line)]
    if uuid is None:
        return None
    labelled = [c for c in children if c.lines and c.lines[0].lstrip().startswith(NOTE_LABEL)]
    if labelled:
        first, *rest = labelled[0].lines
        note: str | None = _text([first.lstrip()[len(NOTE_LABEL) :].lstrip(), *rest])
    else:
        # No child: the note was removed. Children without the label: it cannot be told.
        note = "" if not children else None
    return ParsedHighlight(0, at + 1, tuple(block.lines[:1]), tuple(tags), uuid=uuid, note=note)


def _text(lines: list[str]) -> str:
    return unescape(logseq_unescape("\n".join(lines))).strip()
