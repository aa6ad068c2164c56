"""Read exported Markdown back: which article a file (or part of one) is, and what the user edited.

The parser relies only on what every skim export carries, so it also reads files made with users'
templates:

- the article: ``skim_id`` in the YAML front matter, or a ``<!-- skim_id: N -->`` line (each article
  of a combined file starts with one);
- a highlight: a block (lines up to a blank line, a heading or another highlight) whose last line
  ends with the block id ``^skim-<annotation id>``. Its lines, with the ``>`` of the blockquote
  removed, hold the quote and, after a ``**Note:**`` label, the note; the last line's ``#tags``
  are the highlight's tags;
- the article note: the ``## Notes`` section, up to the next heading of level 1 or 2;
- the article's tags: ``tags`` in the front matter.

A Logseq page (``key:: value`` page properties instead of front matter) is read by
``notes_logseq``, which matches highlights by their ``id::`` uuid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.core.errors import UsageError

NOTE_LABEL = "**Note:**"
_BLOCK_ID = re.compile(r"(?<!\\)\^skim-(\d+)[ \t]*$")
_MARKER = re.compile(r"^<!--\s*skim_id:\s*(\d+)\s*-->\s*$")
_QUOTE_PREFIX = re.compile(r"^ {0,3}> ?")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SECTION_END = re.compile(r"^ {0,3}#{1,2}(?:[ \t]|$)")
_NOTES_HEADING = re.compile(r"^ {0,3}##[ \t]+notes[ \t#]*$", re.IGNORECASE)
_ESCAPED_ID = re.compile(r"\\\^(?=skim-\d)")


@dataclass(frozen=True, slots=True)
class ParsedHighlight:
    """One highlight block found in a file.

    Attributes:
        id: the annotation id of its block id.
        line: the (1-based) line of the block id.
        lines: the block's lines before the block id, outside the blockquote (quote, label, note).
        tags: the ``#tags`` on the block id's line, without ``#``; None when that line also holds
            other text (then the tags are left as they are).
        uuid: in a Logseq page, the block's ``id::`` (``id`` is then 0 until matched).
        note: in a Logseq page, the note read from the block (None: it cannot be told).
    """

    id: int
    line: int
    lines: tuple[str, ...]
    tags: tuple[str, ...] | None
    uuid: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """One article of a file.

    Attributes:
        skim_id: the article id, or None when the file does not say.
        line: the (1-based) line where the article starts.
        tags: the front matter's tags; None when there is no ``tags`` field.
        note: the text of the ``## Notes`` section; None when there is no such section.
        highlights: the highlight blocks, in file order.
        outline: read from a Logseq page (its tags are written as Logseq writes them).
    """

    skim_id: int | None
    line: int
    tags: tuple[str, ...] | None
    note: str | None
    highlights: tuple[ParsedHighlight, ...]
    outline: bool = False


def unquote(line: str) -> str:
    """``line`` without one level of blockquote (``> `` or ``>``)."""
    return _QUOTE_PREFIX.sub("", line, count=1)


def unescape(text: str) -> str:
    """Undo the escaping of ``^skim-<n>`` that export applies inside quotes and notes."""
    return _ESCAPED_ID.sub("^", text)


def parse_notes(text: str) -> list[ParsedArticle]:
    """The articles of an exported Markdown file, in file order.

    Raises:
        UsageError: the front matter is not valid YAML or is never closed.
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    from reader.core.export.notes_logseq import is_logseq_page, parse_logseq

    if is_logseq_page(lines):
        return [parse_logseq(lines)]
    skim_id, tags, body = _front_matter(lines)
    starts = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _MARKER.match(line))]
    segments: list[tuple[int, int | None, tuple[str, ...] | None]] = [(body, skim_id, tags)]
    segments += [(i + 1, article_id, None) for i, article_id in starts]
    articles = []
    for n, (start, article_id, article_tags) in enumerate(segments):
        end = segments[n + 1][0] - 1 if n + 1 < len(segments) else len(lines)
        articles.append(
            ParsedArticle(
                skim_id=article_id,
                line=start + 1,
                tags=article_tags,
                note=_notes_section(lines, start, end),
                highlights=tuple(_highlights(lines, start, end)),
            )
        )
    if len(articles) > 1 and articles[0].skim_id is None and not articles[0].highlights:
        articles.pop(0)  # the heading part of a combined file, before its first article
    return articles


def _front_matter(lines: list[str]) -> tuple[int | None, tuple[str, ...] | None, int]:
    """``(skim_id, tags, first body line)`` from the YAML front matter, if the file has one."""
    # Only import-notes needs YAML.
    from reader.core.ingest.frontmatter import front_matter_block, load_yaml

    text = "\n".join(lines)
    found = front_matter_block(text)
    if found is None:
        if lines and lines[0].rstrip() == "---":
            raise UsageError("its front matter (the block after the first ---) is never closed")
        return None, None, 0
    block, rest = found
    read = text[: len(text) - len(rest)]  # up to the closing line, and its line break if any
    body = read.count("\n") + (not read.endswith("\n"))
    try:
        data: Any = load_yaml(block)
    except ValueError as error:
        raise UsageError(f"its {error}") from None
    if not isinstance(data, dict):
        return None, None, body
    return _skim_id(data.get("skim_id")), _tags(data) if "tags" in data else None, body


def _skim_id(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    shown = repr(value) if isinstance(value, str | int | float) else f"a {type(value).__name__}"
    raise UsageError(f"its skim_id {shown[:60]} is not an article number")


def _tags(data: dict[str, Any]) -> tuple[str, ...]:
    raw = data["tags"]
    if raw is None:
        items: list[Any] = []
    elif isinstance(raw, str):
        items = raw.split(",")  # Obsidian also accepts "tags: a, b"
    elif isinstance(raw, list):
        items = raw
    else:
        items = [raw]
    # A tag is one scalar: a nested list or mapping is not a tag (str() of one made a tag of the
    # whole tree).
    scalars = (i for i in items if isinstance(i, str | int | float) and not isinstance(i, bool))
    # "#tag" is how a tag is typed in the body; in the front matter it means the same tag.
    tags = (str(item).strip().removeprefix("#") for item in scalars)
    return tuple(tag for tag in tags if tag)


def _notes_section(lines: list[str], start: int, end: int) -> str | None:
    heading = next((i for i in range(start, end) if _NOTES_HEADING.match(lines[i])), None)
    if heading is None:
        return None
    stop = next((i for i in range(heading + 1, end) if _SECTION_END.match(lines[i])), end)
    return unescape("\n".join(unquote(line) for line in lines[heading + 1 : stop]).strip())


def _highlights(lines: list[str], start: int, end: int) -> list[ParsedHighlight]:
    found: list[ParsedHighlight] = []
    previous = start - 1  # a block starts after the previous block id at the earliest
    for i in range(start, end):
        content = unquote(lines[i])
        match = _BLOCK_ID.search(content)
        if match is None:
            continue
        first = i
        while first - 1 > previous and not _ends_block(lines[first - 1]):
            first -= 1
        block = [unquote(line) for line in lines[first:i]]
        rest = content[: match.start()].rstrip()
        words = rest.split()
        tags: tuple[str, ...] | None = None
        if all(len(word) > 1 and word.startswith("#") for word in words):
            tags = tuple(word[1:] for word in words)
        else:
            block.append(rest)
        found.append(ParsedHighlight(int(match.group(1)), i + 1, tuple(block), tags))
        previous = i
    return found


def _ends_block(line: str) -> bool:
    """Whether ``line`` lies outside a highlight block that follows it (blank, heading, marker)."""
    return not line.strip() or bool(_HEADING.match(line)) or bool(_MARKER.match(line))
