"""The new entries of a parsed feed → what to store: at most the newest 500, teasers completed.

Everything here happens before the feed's one storage transaction, so a failure leaves the library
as it was.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reader.core.errors import IngestError
from reader.core.ingest.common import clean_tags
from reader.core.ingest.feeds.entries import entry_draft, entry_text, is_teaser
from reader.core.ingest.feeds.parse import FeedItem, ParsedFeed
from reader.core.ingest.web import FetchLimits, read_url
from reader.core.ingest.web.addresses import host_of
from reader.core.models import ArticleDraft
from reader.core.storage.feeds import EntryToStore
from reader.core.text import content_hash, word_count

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

MAX_NEW_ENTRIES = 500
"""The most entries one subscribe or update imports from a feed: the newest ones.

The others are not marked as seen, so the next updates import them, the newest first. Importing
a 100,000-entry feed (9 MB) at once took 45 s here; capped, it takes 15 s, most of it parsing
the feed. With ``--full-text``, at most this many pages are fetched per update.
"""


def prepare(
    parsed: ParsedFeed,
    seen: set[str],
    *,
    full_text: bool,
    label: str,
    limits: FetchLimits | None,
    trusted_host: str,
) -> tuple[list[EntryToStore], list[str]]:
    """Drafts for the newest :data:`MAX_NEW_ENTRIES` entries not seen before, oldest first.

    Args:
        trusted_host: the host the user gave for this feed: entry links to it may be on a local
            network; links to any other host must be public addresses.
    """
    entries: list[EntryToStore] = []
    warnings: list[str] = []
    unseen = _unseen(parsed.items, seen)
    chosen = _newest(unseen, MAX_NEW_ENTRIES)
    if len(chosen) < len(unseen):
        left = len(unseen) - len(chosen)
        warnings.append(
            f"{label}: imported the {len(chosen):,} newest of {len(unseen):,} new entries; "
            f"the other {left:,} come with the next updates ({MAX_NEW_ENTRIES:,} per update)"
        )
    for item in chosen:
        text = entry_text(item)
        draft: ArticleDraft | None = None
        if full_text and item.link and is_teaser(item, text):
            try:
                draft = _full_text(item, parsed.title, limits, host_of(item.link) == trusted_host)
            except IngestError as error:
                warnings.append(f"{error}; kept the feed's text of “{item.title or item.link}”")
        if draft is None:
            try:
                draft = entry_draft(item, text=text, feed_title=parsed.title, label=label)
            except IngestError as error:
                warnings.append(str(error))
                entries.append((item.entry_id, None))
                continue
        entries.append((item.entry_id, (draft, content_hash(draft.body), word_count(draft.body))))
    return entries, warnings


def _newest(items: list[FeedItem], count: int) -> list[FeedItem]:
    """The ``count`` newest of ``items`` (given oldest first), in the same order.

    Newest by publication (or update) time; entries without one rank below dated ones, and among
    themselves by their place in the feed, which lists the newest first.
    """
    if len(items) <= count:
        return items
    ranked = sorted(
        range(len(items)),
        key=lambda i: (_when(items[i]) is not None, _when(items[i]) or _EPOCH, i),
        reverse=True,
    )
    return [items[i] for i in sorted(ranked[:count])]


def _when(item: FeedItem) -> datetime | None:
    return item.published or item.updated


def _full_text(
    item: FeedItem, feed_title: str | None, limits: FetchLimits | None, given_by_user: bool
) -> ArticleDraft:
    assert item.link is not None
    page = read_url(item.link, limits=limits, given_by_user=given_by_user)
    return replace(
        page,
        title=item.title or page.title,
        source=feed_title or page.source,
        author=page.author or item.author,
        published=item.published or page.published,
        tags=clean_tags([*item.tags, *page.tags]),
    )


def _unseen(items: tuple[FeedItem, ...], seen: set[str]) -> list[FeedItem]:
    """The entries not seen before, oldest first (feeds list the newest first), each id once."""
    found: list[FeedItem] = []
    ids = set(seen)
    for item in reversed(items):
        if item.entry_id not in ids:
            ids.add(item.entry_id)
            found.append(item)
    return found
