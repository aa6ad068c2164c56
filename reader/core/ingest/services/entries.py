"""What a service's export says about one article, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.core.ingest.dates import parse_date
from reader.core.ingest.htmlbody import render
from reader.core.ingest.htmltree import parse_html
from reader.core.models import TriageState
from reader.core.text import clean_body, clean_line


@dataclass(frozen=True, slots=True)
class ForeignHighlight:
    """A highlight as the service kept it: the passage's text, the reader's note and tags."""

    quote: str
    note: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ForeignEntry:
    """One saved article of another service.

    Attributes:
        where: the file and entry, for messages.
        body: the article's text as paragraphs (HTML already rendered), or "" when the export
            has none.
        added: when it was saved there.
        note: a note on the whole article.
        match_title: when no article has its URL, one with the same title is its article (for
            exports that carry no address).
    """

    where: str
    url: str | None
    title: str | None
    body: str
    author: str | None = None
    published: datetime | None = None
    added: datetime | None = None
    tags: tuple[str, ...] = ()
    state: TriageState = TriageState.INBOX
    starred: bool = False
    note: str = ""
    highlights: tuple[ForeignHighlight, ...] = ()
    match_title: bool = False


@dataclass(frozen=True, slots=True)
class ForeignExport:
    """The entries of an export, and one line per entry left out on purpose (deleted there)."""

    entries: tuple[ForeignEntry, ...]
    skipped: tuple[str, ...] = ()


def html_text(html: str) -> str:
    """An article's HTML as clean paragraphs, rendered the way local pages are (markup dropped)."""
    return clean_body("\n\n".join(render(parse_html(html))))


def when(value: object) -> datetime | None:
    """An export's date (ISO 8601 in every format read here), or None."""
    return parse_date(value) if isinstance(value, str) and value.strip() else None


def line(value: object) -> str | None:
    """A one-line string value, cleaned; None for anything else or blank."""
    return (clean_line(value) or None) if isinstance(value, str) else None


def names(values: object) -> tuple[str, ...]:
    """Tag or author names from a list of strings or of ``{"name"|"label": …}`` objects."""
    if not isinstance(values, list):
        return ()
    found: list[str] = []
    for value in values:
        if isinstance(value, dict):
            value = value.get("label") or value.get("name")
        if (name := line(value)) is not None:
            found.append(name)
    return tuple(found)
