"""wallabag's JSON export → :class:`ForeignEntry` values (no network: the text is in the export).

wallabag exports a JSON list of entries: ``{id, title, url, content (HTML), tags, is_archived,
is_starred, created_at, published_at, published_by, annotations: [{quote, text, ranges, …}], …}``
(``tags`` are label strings; ``published_by`` a list of names). An annotation's ``ranges`` are XPath
ranges into wallabag's own rendering of the page; skim finds the passage by its ``quote`` instead.
"""

from __future__ import annotations

import json

from reader.core.errors import IngestError
from reader.core.ingest.decode import decode_text
from reader.core.ingest.services.entries import (
    ForeignEntry,
    ForeignExport,
    ForeignHighlight,
    html_text,
    line,
    names,
    when,
)
from reader.core.models import TriageState


def read_wallabag(data: bytes, *, label: str) -> ForeignExport:
    """Read wallabag's JSON export.

    Raises:
        IngestError: the file is not JSON, or not a list of wallabag entries.
    """
    try:
        document = json.loads(decode_text(data, label))
    except ValueError:
        raise IngestError(f"{label}: not JSON; is it wallabag's JSON export?") from None
    if not isinstance(document, list) or not all(
        isinstance(entry, dict) and "url" in entry for entry in document
    ):
        raise IngestError(f"{label}: not a list of entries; is it wallabag's JSON export?")
    entries = tuple(_entry(entry, f"{label} entry {n}") for n, entry in enumerate(document, 1))
    return ForeignExport(entries)


def _entry(entry: dict[str, object], where: str) -> ForeignEntry:
    content = entry.get("content")
    authors = names(entry.get("published_by"))
    annotations = entry.get("annotations")
    notes = [
        n for n in (annotations if isinstance(annotations, list) else []) if isinstance(n, dict)
    ]
    return ForeignEntry(
        where=where,
        url=line(entry.get("url")),
        title=line(entry.get("title")),
        body=html_text(content) if isinstance(content, str) and content.strip() else "",
        author=", ".join(authors) or None,
        published=when(entry.get("published_at")),
        added=when(entry.get("created_at")),
        tags=names(entry.get("tags")),
        state=TriageState.ARCHIVE if _true(entry.get("is_archived")) else TriageState.INBOX,
        starred=_true(entry.get("is_starred")),
        highlights=tuple(
            ForeignHighlight(quote=quote, note=_text(note))
            for note in notes
            if (quote := _quote(note))
        ),
        # An annotation with a note and no quote is about the whole article: the article's note.
        note="\n\n".join(text for note in notes if not _quote(note) and (text := _text(note))),
    )


def _quote(annotation: dict[str, object]) -> str:
    return str(annotation.get("quote") or "").strip()


def _text(annotation: dict[str, object]) -> str:
    return str(annotation.get("text") or "").strip()


def _true(value: object) -> bool:
    # wallabag writes 0/1 (older versions) or true/false.
    return value is True or value == 1 or value == "1"
