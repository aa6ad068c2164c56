"""Subscribing to feeds and updating them: fetch, parse, turn new entries into articles, store.

Everything that can fail — fetching, parsing, completing teasers from the web — happens before
the one storage transaction of each feed, so a feed that fails leaves the library as it was. The
facade's ``Library.sources`` calls these functions with its storage and clock.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.errors import IngestError, SkimError, UsageError
from reader.core.ingest import decode
from reader.core.ingest.feeds.entries import entry_text
from reader.core.ingest.feeds.intake import prepare
from reader.core.ingest.feeds.parse import ParsedFeed, parse_feed
from reader.core.ingest.inputs import is_address
from reader.core.ingest.web import FetchLimits, describe, fetch, is_web_address
from reader.core.ingest.web.addresses import host_of
from reader.core.models import AddResult, Progress, no_progress
from reader.core.records import Feed, FeedUpdate
from reader.core.storage import Storage
from reader.core.text import clean_line

FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,"
    "text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1"
)
# Types no feed is served as; anything else is handed to the parser, which decides.
_NOT_FEEDS = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")


@dataclass(frozen=True, slots=True)
class _Document:
    location: str  # the final address, or the absolute path of a file
    label: str
    data: bytes = b""
    content_type: str = ""
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False


def subscribe(
    storage: Storage,
    source: str,
    *,
    full_text: bool,
    limits: FetchLimits | None,
    now: datetime,
) -> FeedUpdate:
    """Subscribe to the feed at ``source`` (an address or a file) and import its entries.

    A web page that links to its feed (``<link rel="alternate">``) is followed to that feed.

    Raises:
        IngestError: the feed cannot be fetched or read (nothing is stored).
        UsageError: it is already subscribed.
    """
    location, path = _locate(source)
    _refuse_duplicate(storage, location)
    document = _load(location, path, limits=limits, given_by_user=True)
    parsed = parse_feed(document.data, label=document.label, content_type=document.content_type)
    # The host the user named; what the feed or page points to elsewhere is checked.
    trusted_host = host_of(location) if path is None else ""
    if parsed.alternate is not None and path is None:
        discovered = urllib.parse.urljoin(document.location, parsed.alternate)
        _refuse_duplicate(storage, discovered)
        document = _load(
            discovered, None, limits=limits, given_by_user=host_of(discovered) == trusted_host
        )
        parsed = parse_feed(document.data, label=document.label, content_type=document.content_type)
    if parsed.alternate is not None:
        raise IngestError(f"{document.label} is a web page, not a feed")
    _refuse_duplicate(storage, document.location)
    _require_usable(parsed, document.label)
    entries, warnings = prepare(
        parsed,
        set(),
        full_text=full_text,
        label=document.label,
        limits=limits,
        trusted_host=trusted_host,
    )
    feed_id, outcomes = storage.feeds.add(
        url=document.location,
        title=parsed.title or document.label,
        site_url=parsed.site_url,
        full_text=full_text,
        entries=entries,
        etag=document.etag,
        modified=document.modified,
        now=now,
    )
    return FeedUpdate(
        feed=storage.feeds.get(feed_id),
        added=_results(storage, outcomes),
        warnings=tuple(w for w in (parsed.warning, *warnings) if w),
    )


def update(
    storage: Storage,
    feed_ids: Sequence[int] = (),
    *,
    full_text: bool | None,
    limits: FetchLimits | None,
    now: datetime,
    progress: Progress = no_progress,
) -> list[FeedUpdate]:
    """Fetch feeds (all, or those in ``feed_ids``) and import their new entries.

    A feed that fails is reported in its :class:`FeedUpdate` (``error``) and left unchanged; the
    others are still updated.

    Args:
        full_text: complete teasers from the web (None: as each subscription says).
        progress: told about each feed before it is fetched (one step per feed, labelled with
            its title), and once when all are done.

    Raises:
        NotFound: one of ``feed_ids`` is not a subscription (then nothing is fetched).
    """
    feeds = [storage.feeds.get(feed_id) for feed_id in feed_ids] or storage.feeds.list_feeds()
    results: list[FeedUpdate] = []
    for done, feed in enumerate(feeds):
        progress(done, len(feeds), feed.title or feed.url)
        try:
            results.append(_update_one(storage, feed, full_text=full_text, limits=limits, now=now))
        except SkimError as error:
            results.append(FeedUpdate(feed=feed, error=str(error)))
    progress(len(feeds), len(feeds), "")
    return results


def _update_one(
    storage: Storage,
    feed: Feed,
    *,
    full_text: bool | None,
    limits: FetchLimits | None,
    now: datetime,
) -> FeedUpdate:
    path = None if is_web_address(feed.url) else Path(feed.url)
    etag, modified = storage.feeds.validators(feed.id) if path is None else (None, None)
    document = _load(
        feed.url, path, limits=limits, etag=etag, modified=modified, given_by_user=True
    )
    if document.not_modified:
        storage.feeds.mark_checked(feed.id, now=now)
        return FeedUpdate(feed=storage.feeds.get(feed.id), not_modified=True)
    parsed = parse_feed(document.data, label=document.label, content_type=document.content_type)
    if parsed.alternate is not None:
        raise IngestError(f"{document.label} is now a web page, not a feed")
    _require_usable(parsed, document.label)
    entries, warnings = prepare(
        parsed,
        storage.feeds.seen_entries(feed.id),
        full_text=feed.full_text if full_text is None else full_text,
        label=document.label,
        limits=limits,
        trusted_host=host_of(feed.url) if path is None else "",
    )
    outcomes = storage.feeds.store_update(
        feed.id,
        title=parsed.title,
        site_url=parsed.site_url,
        entries=entries,
        etag=document.etag,
        modified=document.modified,
        now=now,
    )
    return FeedUpdate(
        feed=storage.feeds.get(feed.id),
        added=_results(storage, outcomes),
        warnings=tuple(w for w in (parsed.warning, *warnings) if w),
    )


def _locate(source: str) -> tuple[str, Path | None]:
    source = source.strip()
    if is_web_address(source):
        return source, None
    if is_address(source):
        scheme = source.split("://", 1)[0]
        raise IngestError(f"{scheme}:// feeds are not supported; give an http(s) address or a file")
    path = Path(source).expanduser()
    return str(path.resolve()), path


def _refuse_duplicate(storage: Storage, location: str) -> None:
    existing = storage.feeds.find(location)
    if existing is not None:
        raise UsageError(f"already subscribed to {existing.title} (feed {existing.id})")


def _load(
    location: str,
    path: Path | None,
    *,
    limits: FetchLimits | None,
    etag: str | None = None,
    modified: str | None = None,
    given_by_user: bool,
) -> _Document:
    if path is not None:
        return _read_file(path, limits or FetchLimits.from_env())
    fetched = fetch(
        location,
        limits=limits,
        accept=FEED_ACCEPT,
        etag=etag,
        modified=modified,
        given_by_user=given_by_user,
    )
    label = describe(fetched.url)
    if fetched.status == 304:
        return _Document(fetched.url, label, not_modified=True)
    if fetched.content_type.startswith(_NOT_FEEDS):
        raise IngestError(f"{label} is {fetched.content_type}, not a feed")
    return _Document(
        fetched.url, label, fetched.body, fetched.content_type, fetched.etag, fetched.modified
    )


def _read_file(path: Path, limits: FetchLimits) -> _Document:
    label = clean_line(path.name if path.is_absolute() else str(path)) or "the feed file"
    hint = _address_hint(path)
    data = decode.read_file(path, label, limit=limits.max_bytes, kind="feed file", hint=hint)
    if len(data) > limits.max_bytes:
        raise IngestError(f"{label}: larger than {limits.max_bytes // 1024 // 1024} MB, not a feed")
    return _Document(str(path.resolve()), label, data)


def _require_usable(parsed: ParsedFeed, label: str) -> None:
    """Refuse a malformed feed of which nothing could be read (a truncated download, say)."""
    if parsed.problem is not None and not any(entry_text(item) for item in parsed.items):
        raise IngestError(f"{label}: not an RSS or Atom feed ({parsed.problem})")


def _address_hint(path: Path) -> str:
    # "example.com/feed" was probably meant as an address, not a file.
    first, slash, _ = str(path).replace("\\", "/").partition("/")
    if slash and not path.is_absolute() and "." in first.strip(".") and not Path(first).exists():
        return " (a web address starts with http:// or https://)"
    return ""


def _results(storage: Storage, outcomes: Sequence[tuple[int, bool, str]]) -> tuple[AddResult, ...]:
    return tuple(
        AddResult(article=storage.articles.meta(article_id), created=created, reason=reason)
        for article_id, created, reason in outcomes
    )
