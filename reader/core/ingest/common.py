"""What every format parser shares: the raw result type, title fallbacks and the final clean-up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from reader.core.errors import IngestError
from reader.core.ingest.eventdates import event_date
from reader.core.models import ArticleDraft
from reader.core.text import clean_body, clean_line

STDIN_NAME = "-"
TITLE_FROM_TEXT_CHARS = 80

_DATE_PREFIX = re.compile(r"^\d{4}[-_.]\d{1,2}[-_.]\d{1,2}[-_ ]+")
BYLINE_MAX_CHARS = 100
_BYLINE = re.compile(
    r"(?:By|BY|by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|da|di|la|le))*)"
    r"(?:\s*(?:[,|·–—-]|\bon\b|\bfor\b)\s*.*)?"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“\u2018(\[]*[A-Z0-9])")


@dataclass(slots=True)
class Extracted:
    """What a format parser found, before cleaning and fallbacks.

    ``body`` may still hold stray white space and controls; :func:`finish` cleans everything.
    """

    body: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    tags: tuple[str, ...] = ()
    publisher_summary: tuple[str, ...] = ()  # the page's own summary bullets
    publisher_tone: str | None = None  # the page's own tone label


def label_for(name: str) -> str:
    """How to name an input in messages: the file name as given, or "stdin"."""
    return "stdin" if name == STDIN_NAME else clean_line(name) or "input"


def parse_byline(line: str) -> str | None:
    """Return the name in a byline such as ``By Jane Doe, Staff Writer``; ``None`` if it is not one.

    Only names (capitalised words, with "and"/"&" between them) count, so a sentence that happens
    to start with "By the time…" is not mistaken for a byline.
    """
    line = clean_line(line)
    if len(line) > BYLINE_MAX_CHARS or re.search(r"(?:[a-z]{2}\.|[!?])$", line):
        return None  # a sentence ("By Tuesday, the vote will be over."), not a byline
    match = _BYLINE.fullmatch(line)
    return match.group("name").strip() if match else None


def title_from_name(name: str) -> str:
    """Make a title from a file name: ``riverside-bridge-closure.txt`` → "Riverside bridge closure".

    Returns "" for stdin or a name with no letters or digits.
    """
    if name == STDIN_NAME:
        return ""
    stem = _DATE_PREFIX.sub("", PurePath(name).stem)
    words = clean_line(re.sub(r"[-_.\s]+", " ", stem))
    if not any(ch.isalnum() for ch in words):
        return ""
    return words[0].upper() + words[1:]


def title_from_text(body: str) -> str:
    """Make a title from the first sentence of ``body``, shortened to 80 characters with "…"."""
    first_paragraph = body.strip().split("\n\n", 1)[0]
    sentence = clean_line(_SENTENCE_END.split(first_paragraph, maxsplit=1)[0])
    if len(sentence) <= TITLE_FROM_TEXT_CHARS:
        # A title has no full stop, but "U.S." and "..." keep theirs.
        return re.sub(r"(?<=[a-z0-9\"'”’)])\.$", "", sentence)
    cut = sentence[: TITLE_FROM_TEXT_CHARS - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"


def clean_tags(values: object) -> tuple[str, ...]:
    """Normalise tags from metadata: a list or a comma-separated string → unique clean strings."""
    if isinstance(values, str):
        items: list[object] = list(values.split(","))
    elif isinstance(values, list | tuple | set | frozenset):
        items = list(values)
    else:
        return ()
    tags: list[str] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            tag = clean_line(str(item))
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
    return tuple(tags)


def optional_line(value: object) -> str | None:
    """Clean a scalar metadata value into one line; ``None`` when missing or blank."""
    if value is None or isinstance(value, dict | list | tuple | set | bool):
        return None
    line = clean_line(str(value))
    return line or None


def finish(extracted: Extracted, *, name: str, origin: str | None) -> ArticleDraft:
    """Clean an :class:`Extracted` into an :class:`ArticleDraft`, filling in a title if needed.

    An undated article gets the event date its text gives (:mod:`.eventdates`), never today.

    Args:
        extracted: what the format parser found.
        name: the file name or "-" (for the fallback title and messages).
        origin: stored as ``ArticleDraft.origin``.

    Raises:
        IngestError: when no article text is left after extraction.
    """
    body = clean_body(extracted.body)
    if not body:
        raise IngestError(f"{label_for(name)}: no article text found")
    title = clean_line(extracted.title or "")
    if not title:
        title = title_from_name(name) or title_from_text(body)
    return ArticleDraft(
        title=title,
        body=body,
        source=optional_line(extracted.source),
        author=optional_line(extracted.author),
        url=optional_line(extracted.url),
        published=extracted.published,
        updated=extracted.updated,
        tags=clean_tags(list(extracted.tags)),
        origin=origin,
        event_date=None if extracted.published else event_date(body, url=extracted.url),
        publisher_summary=tuple(
            line for line in (clean_line(item) for item in extracted.publisher_summary) if line
        ),
        publisher_tone=optional_line(extracted.publisher_tone),
    )
