"""Store a service's entries with their state, and place their highlights in skim's text.

An entry whose URL is already in the library is not stored again; its highlights are still placed,
so importing a newer export adds what is new. A highlight is found by its quote (exactly, else
ignoring case and spacing, :func:`reader.core.anchoring.find_quote`) and stored with skim's
quote-and-context anchor; one already there is not added twice. A quote that does not occur in the
text (the service kept a different version) is not dropped: it goes into the article's note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reader.core import anchoring
from reader.core.errors import IngestError
from reader.core.ingest.common import Extracted, finish
from reader.core.ingest.services.entries import ForeignEntry, ForeignExport, ForeignHighlight
from reader.core.models import AddResult, ImportOutcome
from reader.core.records import ServiceImport
from reader.core.storage import Storage
from reader.core.storage.imports import ImportedArticle
from reader.core.text import content_hash, word_count

_UNPLACED = "Highlight from {service} not found in the text:"


@dataclass(frozen=True, slots=True)
class _Placed:
    added: int
    in_note: int


def store(
    storage: Storage, export: ForeignExport, *, service: str, origin: str, now: datetime
) -> ServiceImport:
    """Store ``export``'s entries and highlights; one outcome per entry, plus the skipped ones.

    Args:
        service: the service's name, for the note that keeps highlights not found in the text.
        origin: the export file, stored as each new article's origin.
    """
    outcomes = [ImportOutcome(origin, skipped=line) for line in export.skipped]
    highlights = in_note = 0
    for entry in export.entries:
        existing, reason = existing_article(storage, entry)
        if existing is not None:
            result = AddResult(storage.articles.meta(existing), created=False, reason=reason)
        else:
            try:
                result = _add(storage, entry, origin=origin, now=now)
            except IngestError as error:
                outcomes.append(ImportOutcome(entry.url or entry.where, error=str(error)))
                continue
        placed = _place(storage, result.article.id, entry.highlights, service=service, now=now)
        highlights += placed.added
        in_note += placed.in_note
        outcomes.append(ImportOutcome(entry.url or entry.where, result=result))
    return ServiceImport(tuple(outcomes), highlights=highlights, highlights_in_note=in_note)


def existing_article(storage: Storage, entry: ForeignEntry) -> tuple[int | None, str]:
    """The article that already holds ``entry`` (by URL, or by title when the entry asks), and
    why ("same URL", "same title"); ``(None, "")`` when it would be new."""
    found = storage.imports.find_by_url(entry.url) if entry.url else None
    if found is not None:
        return found, "same URL"
    if entry.match_title and entry.title:
        titled = storage.imports.find_by_title(entry.title)
        # Of several articles with the title, the one holding the first quote is meant.
        quote = entry.highlights[0].quote if entry.highlights else ""
        for article_id in titled:
            if quote and anchoring.find_quote(storage.articles.get(article_id).body, quote):
                return article_id, "same title"
        if titled:
            return titled[0], "same title"
    return None, ""


def _add(storage: Storage, entry: ForeignEntry, *, origin: str, now: datetime) -> AddResult:
    if not entry.body:
        raise IngestError(f"{entry.where}: the export holds no text for it")
    draft = finish(
        Extracted(
            body=entry.body,
            title=entry.title,
            author=entry.author,
            url=entry.url,
            published=entry.published,
            tags=entry.tags,
        ),
        name=entry.where,
        origin=origin,
    )
    article = ImportedArticle(
        draft=draft,
        content_hash=content_hash(draft.body),
        words=word_count(draft.body),
        added=entry.added,
        state=entry.state,
        starred=entry.starred,
        note=entry.note,
    )
    ((article_id, created, reason),) = storage.imports.add([article], now=now)
    return AddResult(storage.articles.meta(article_id), created, reason)


def _place(
    storage: Storage,
    article_id: int,
    highlights: Sequence[ForeignHighlight],
    *,
    service: str,
    now: datetime,
) -> _Placed:
    if not highlights:
        return _Placed(0, 0)
    article = storage.articles.get(article_id)
    taken = {(a.start, a.end) for a in storage.annotations.of(article_id) if not a.orphaned}
    added = 0
    lost: list[str] = []
    for highlight in highlights:
        found = anchoring.find_quote(article.body, highlight.quote)
        if found is None:
            kept = _as_note(highlight, service)
            if kept not in article.note and kept not in lost:
                lost.append(kept)
            continue
        if found in taken:
            continue
        selector = anchoring.select(article.body, *found)
        storage.annotations.add(
            article_id,
            start=found[0],
            end=found[1],
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            note=highlight.note,
            tags=highlight.tags,
            now=now,
        )
        taken.add(found)
        added += 1
    if lost:
        note = "\n\n".join(part for part in (article.note, *lost) if part)
        storage.articles.set_note(article_id, note, now=now)
    return _Placed(added, len(lost))


def _as_note(highlight: ForeignHighlight, service: str) -> str:
    quote = "\n".join(f"> {row}" if row else ">" for row in highlight.quote.splitlines())
    parts = [_UNPLACED.format(service=service), quote]
    if highlight.note:
        parts.append(highlight.note)
    return "\n".join(parts)
