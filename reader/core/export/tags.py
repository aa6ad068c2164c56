"""How a tag is written in an exported file: Obsidian's ``#kebab-form`` and Logseq's ``#[[two words]]``.

One form per notes app, used everywhere in a file (front matter and body alike), so the app sees one
tag, not two; ``import-notes`` maps each written form back to the stored tag it came from.

Obsidian allows letters, digits, ``_``, ``-`` and ``/`` in a tag, no spaces, and not digits alone.
So ``long reads`` → ``long-reads``, ``C++`` → ``c-plus-plus``, ``C#`` → ``c-sharp``, ``R&D`` →
``r-and-d``, and a tag with no letter (``2024``) gets an ``_`` in front (``_2024``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from reader.core.text import clean_line

# Signs that carry meaning in tags people use (C++, C#, R&D): spelt out rather than lost.
_SPELT = {"+": "-plus-", "#": "-sharp-", "&": "-and-"}
_HYPHENS = re.compile(r"-{2,}")
_SLASHES = re.compile(r"-*/[-/]*")
# Logseq's #word form ends at whitespace and most punctuation: anything else needs #[[...]].
_LOGSEQ_WORD = re.compile(r"^[\w/-]+$")


# Cached: a library has few tags, written once per highlight and article (it halved export time).
@functools.lru_cache(maxsize=4096)
def obsidian_tag(tag: str) -> str:
    """``tag`` as Obsidian accepts it (without ``#``): lower-case kebab form, NFC.

    Returns "" when no letter or digit is left (such a tag stays in the library, unwritten).

    >>> obsidian_tag("Long reads"), obsidian_tag("C++"), obsidian_tag("2024")
    ('long-reads', 'c-plus-plus', '_2024')
    """
    text = unicodedata.normalize("NFC", clean_line(tag).lower())
    kept = "".join(_SPELT.get(c, c if _tag_character(c) else "-") for c in text)
    kept = _SLASHES.sub("/", _HYPHENS.sub("-", kept)).strip("-/")
    if not any(unicodedata.category(c)[0] in "LN" for c in kept):
        return ""
    # Obsidian refuses a tag of digits alone (#2024); a letterless one gets a non-digit in front.
    if not any(unicodedata.category(c)[0] == "L" for c in kept):
        kept = f"_{kept}"
    return kept


def _tag_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN" or character in "_-/"


def obsidian_tags(tags: Iterable[str]) -> list[str]:
    """The written forms of ``tags``, in order, without duplicates or unwritable ones."""
    return list(dict.fromkeys(t for t in map(obsidian_tag, tags) if t))


def hashtag(tag: str) -> str:
    """``tag`` as an Obsidian ``#tag``, or "" when it cannot be written (see :func:`obsidian_tag`)."""
    written = obsidian_tag(tag)
    return f"#{written}" if written else ""


def logseq_name(tag: str) -> str:
    """``tag`` as Logseq names its page (the tag as stored), or "" when it cannot be written.

    A tag holding ``[``, ``]`` or ``,`` cannot be written inside Logseq's ``[[...]]``.
    """
    name = clean_line(tag)
    return "" if not name or any(c in name for c in "[],") else name


@functools.lru_cache(maxsize=4096)
def logseq_ref(tag: str) -> str:
    """``tag`` as a Logseq page reference: ``climate`` or ``[[long reads]]`` ("" if unwritable)."""
    name = logseq_name(tag)
    if not name:
        return ""
    return name if _LOGSEQ_WORD.match(name) else f"[[{name}]]"


def logseq_hashtag(tag: str) -> str:
    """``tag`` as a Logseq ``#tag`` or ``#[[two words]]`` ("" if unwritable)."""
    ref = logseq_ref(tag)
    return f"#{ref}" if ref else ""
