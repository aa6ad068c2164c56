"""Feed subscriptions: adding one with its first entries, updating, listing, removing.

A subscription and the articles its entries became are written in one transaction, so a feed that
fails half-way leaves nothing behind. Removing a subscription keeps its articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from reader.core.errors import NotFound, UsageError
from reader.core.models import ArticleDraft
from reader.core.records import Feed
from reader.core.storage._convert import from_text, optional_datetime, to_text

# The article-adding helper is shared with articles.py so that duplicates and restores behave the
# same whichever way an article arrives.
from reader.core.storage.articles import AddOutcome, add_row
from reader.core.storage.database import Database

#: An entry to record: (entry id, (draft, content hash, words) or None when it had no text).
EntryToStore = tuple[str, tuple[ArticleDraft, str, int] | None]

_FEED_COLUMNS = """
    f.id, f.url, f.title, f.site_url, f.added, f.last_checked, f.full_text,
    (SELECT count(*) FROM feed_entries e JOIN articles a ON a.id = e.article_id
     WHERE e.feed_id = f.id AND a.deleted_at IS NULL) AS article_count
"""


def _feed_from_row(row: sqlite3.Row) -> Feed:
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        site_url=row["site_url"],
        added=from_text(row["added"]),
        last_checked=optional_datetime(row["last_checked"]),
        full_text=bool(row["full_text"]),
        articles=row["article_count"],
    )


def _feed_row(db: sqlite3.Connection, feed_id: int) -> sqlite3.Row:
    """The feed's row (selected with :data:`_FEED_COLUMNS`); NotFound when there is none."""
    row: sqlite3.Row | None = db.execute(
        f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"there is no feed {feed_id} (see `skim feed list`)")
    return row


def _record_entries(
    db: sqlite3.Connection, feed_id: int, entries: Sequence[EntryToStore], now: datetime
) -> list[AddOutcome]:
    outcomes: list[AddOutcome] = []
    for entry_id, article in entries:
        article_id: int | None = None
        if article is not None:
            draft, content_hash, words = article
            outcome = add_row(db, draft, content_hash, words, now)
            outcomes.append(outcome)
            article_id = outcome[0]
        db.execute(
            "INSERT OR IGNORE INTO feed_entries (feed_id, entry_id, article_id, seen)"
            " VALUES (?, ?, ?, ?)",
            (feed_id, entry_id, article_id, to_text(now)),
        )
    return outcomes


class FeedStore:
    """Feed subscriptions and the entries they delivered."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def add(
        self,
        *,
        url: str,
        title: str,
        site_url: str | None,
        full_text: bool,
        entries: Sequence[EntryToStore],
        etag: str | None,
        modified: str | None,
        now: datetime,
    ) -> tuple[int, list[AddOutcome]]:
        """Subscribe to a feed and store its current entries, all in one transaction.

        Raises:
            UsageError: the feed is already subscribed (nothing is changed).
        """
        with self._database.write() as db:
            if db.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
                raise UsageError(f"already subscribed to {url}")
            cursor = db.execute(
                """
                INSERT INTO feeds (url, title, site_url, added, last_checked, etag, modified,
                                   full_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (url, title, site_url, to_text(now), to_text(now), etag, modified, int(full_text)),
            )
            feed_id = cursor.lastrowid
            assert feed_id is not None
            return feed_id, _record_entries(db, feed_id, entries, now)

    def add_subscriptions(
        self, feeds: Sequence[tuple[str, str, str | None]], *, now: datetime
    ) -> list[tuple[int, bool]]:
        """Subscribe to ``(url, title, site_url)`` feeds without fetching them (an OPML import).

        Returns:
            ``(feed id, created)`` per feed; ``created`` is False for one already subscribed.
        """
        results: list[tuple[int, bool]] = []
        with self._database.write() as db:
            for url, title, site_url in feeds:
                row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
                if row is not None:
                    results.append((row["id"], False))
                    continue
                cursor = db.execute(
                    "INSERT INTO feeds (url, title, site_url, added) VALUES (?, ?, ?, ?)",
                    (url, title, site_url, to_text(now)),
                )
                assert cursor.lastrowid is not None
                results.append((cursor.lastrowid, True))
        return results

    def list_feeds(self) -> list[Feed]:
        """Every subscription, in the order they were made."""
        with self._database.read() as db:
            rows = db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds f ORDER BY f.id").fetchall()
        return [_feed_from_row(row) for row in rows]

    def get(self, feed_id: int) -> Feed:
        """The subscription ``feed_id``.

        Raises:
            NotFound: there is no such subscription.
        """
        with self._database.read() as db:
            return _feed_from_row(_feed_row(db, feed_id))

    def find(self, url: str) -> Feed | None:
        """The subscription to ``url``, if there is one."""
        with self._database.read() as db:
            row = db.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.url = ?", (url,)
            ).fetchone()
        return None if row is None else _feed_from_row(row)

    def validators(self, feed_id: int) -> tuple[str | None, str | None]:
        """The ``(etag, last-modified)`` of the feed's last response, for a conditional request."""
        with self._database.read() as db:
            row = db.execute("SELECT etag, modified FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        return (None, None) if row is None else (row["etag"], row["modified"])

    def seen_entries(self, feed_id: int) -> set[str]:
        """The ids of the entries of a feed already imported (or skipped for having no text)."""
        with self._database.read() as db:
            rows = db.execute(
                "SELECT entry_id FROM feed_entries WHERE feed_id = ?", (feed_id,)
            ).fetchall()
        return {row["entry_id"] for row in rows}

    def store_update(
        self,
        feed_id: int,
        *,
        title: str | None,
        site_url: str | None,
        entries: Sequence[EntryToStore],
        etag: str | None,
        modified: str | None,
        now: datetime,
    ) -> list[AddOutcome]:
        """Store the new entries of a feed and its new validators, in one transaction.

        Raises:
            NotFound: the subscription was removed meanwhile (nothing is stored).
        """
        with self._database.write() as db:
            _feed_row(db, feed_id)
            db.execute(
                """
                UPDATE feeds SET title = coalesce(?, title), site_url = coalesce(?, site_url),
                                 last_checked = ?, etag = ?, modified = ?
                WHERE id = ?
                """,
                (title, site_url, to_text(now), etag, modified, feed_id),
            )
            return _record_entries(db, feed_id, entries, now)

    def mark_checked(self, feed_id: int, *, now: datetime) -> None:
        """Record an update that found nothing new (a 304 answer)."""
        with self._database.write() as db:
            db.execute("UPDATE feeds SET last_checked = ? WHERE id = ?", (to_text(now), feed_id))

    def remove(self, feed_id: int) -> Feed:
        """Unsubscribe; the articles that came from the feed stay in the library.

        Raises:
            NotFound: there is no such subscription.
        """
        with self._database.write() as db:
            row = _feed_row(db, feed_id)
            db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return _feed_from_row(row)
