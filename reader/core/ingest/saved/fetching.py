"""Import saved links: fetch each page, store the articles with the state they had in the other tool.

Links already in the library are not fetched again. A page that cannot be fetched is reported and
the import goes on; what was fetched is stored in small batches, so an interrupted import keeps its
progress and running it again fetches only what is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from reader.core.errors import IngestError
from reader.core.ingest.common import clean_tags
from reader.core.ingest.saved.links import SavedLink
from reader.core.ingest.web import FetchLimits, read_url
from reader.core.models import AddResult, ImportOutcome, OutcomeHandler, Progress, no_progress
from reader.core.storage import Storage
from reader.core.storage.imports import ImportedArticle
from reader.core.text import content_hash, word_count

BATCH = 10
"""Fetched articles stored per transaction."""


def import_links(
    storage: Storage,
    links: Sequence[SavedLink],
    *,
    limits: FetchLimits | None,
    now: datetime,
    on_outcome: OutcomeHandler | None = None,
    progress: Progress = no_progress,
) -> list[ImportOutcome]:
    """Fetch and store ``links``; return one outcome per link, in order.

    Args:
        on_outcome: called with each outcome once it is final (after its batch is stored), so a
            long import can be followed as it runs.
        progress: told about each link before it is looked up or fetched (one step per link,
            labelled with its address), and once when all are stored.
    """
    outcomes: list[ImportOutcome] = []
    pending: list[ImportOutcome | tuple[SavedLink, ImportedArticle]] = []

    def flush() -> None:
        fetched = [item[1] for item in pending if isinstance(item, tuple)]
        stored = iter(storage.imports.add(fetched, now=now) if fetched else [])
        for item in pending:
            if isinstance(item, tuple):
                article_id, created, reason = next(stored)
                result = AddResult(storage.articles.meta(article_id), created, reason)
                outcome = ImportOutcome(item[0].url, result=result)
            else:
                outcome = item
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        pending.clear()

    for done, link in enumerate(links):
        progress(done, len(links), link.url)
        existing = storage.imports.find_by_url(link.url)
        if existing is not None:
            result = AddResult(storage.articles.meta(existing), created=False, reason="same URL")
            pending.append(ImportOutcome(link.url, result=result))
            continue
        try:
            # The links of the user's own export: they saved these addresses themselves.
            draft = read_url(link.url, limits=limits, given_by_user=True)
        except IngestError as error:
            pending.append(ImportOutcome(link.url, error=f"{link.where}: {error}"))
            continue
        draft = replace(draft, tags=clean_tags([*draft.tags, *link.tags]))
        article = ImportedArticle(
            draft=draft,
            content_hash=content_hash(draft.body),
            words=word_count(draft.body),
            added=link.added,
            state=link.state,
            starred=link.starred,
            note=link.note,
        )
        pending.append((link, article))
        if sum(isinstance(item, tuple) for item in pending) >= BATCH:
            flush()
    flush()
    progress(len(links), len(links), "")
    return outcomes


def preview_links(
    storage: Storage, links: Sequence[SavedLink]
) -> list[tuple[SavedLink, int | None]]:
    """Each link with the id of the article already holding its URL (None: it would be fetched)."""
    return [(link, storage.imports.find_by_url(link.url)) for link in links]
