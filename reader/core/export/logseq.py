"""Logseq's outline shape: the text of a block, kept inside its block, and read back.

A Logseq page is a list of blocks (``- `` bullets, one tab deeper per level); a block's further lines
are indented by its level's tabs and two spaces; ``key:: value`` lines are properties (``id::`` is
the block's uuid). A note written into a block must not start a new block or forge a property, so a
line that would (``- item``, ``id:: …``) gets a backslash in front; reading removes exactly one.
"""

from __future__ import annotations

import re

# A line Logseq (or import-notes) would read as a new block or a property: "- x", "key:: value".
_STRUCTURAL = re.compile(r"^([ \t]*)(\\*)(?=-(?:[ \t]|$)|[^\s:\\][^\s:]*::)", re.MULTILINE)
_ESCAPED = re.compile(r"^([ \t]*)\\(\\*)(?=-(?:[ \t]|$)|[^\s:\\][^\s:]*::)", re.MULTILINE)


def continuation(depth: int) -> str:
    """What starts the further lines of a block at ``depth`` (0 for a top-level block)."""
    return "\t" * depth + "  "


def logseq_block(text: str, depth: int = 0) -> str:
    """``text`` as the content of a block at ``depth``: escaped, further lines indented.

    The template writes the first line's bullet (``- ``); a blank line keeps its indentation, so
    the block does not end there.
    """
    escaped = _STRUCTURAL.sub(r"\1\\\2", text)
    first, *rest = escaped.split("\n")
    return first + "".join(f"\n{continuation(depth)}{line}" for line in rest)


def logseq_unescape(text: str) -> str:
    """Undo :func:`logseq_block`'s escaping (not the indentation) of each line of ``text``."""
    return _ESCAPED.sub(r"\1\2", text)
