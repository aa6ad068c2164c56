"""Noticing writes, and the order of changes that ``export --since`` goes by.

:meth:`ChangeStore.token` is a cheap token that changes whenever the library does, whoever
wrote to it. The *revision* is a counter: every write that adds an article or changes its notes or
highlights gives the article the next revision (table ``article_changes``). A clock can be set back
(by hand, by a virtual machine resuming, by a wrong time zone); the revision cannot, so
``export --since`` asks "which changes came after the first one made at or after this time?"
instead of comparing stored times with it. ``change_marks`` ties revisions to the clock: a row
``(at, revision)`` says that changes from ``revision`` on were made at or after ``at``. A row is
added only when the clock shows a time later than every row's, so at most one a second is kept,
and both columns grow together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime

from reader.core.errors import StorageError
from reader.core.storage._convert import to_text
from reader.core.storage.database import Database


def next_revision(db: sqlite3.Connection) -> int:
    """The revision the next change will get (inside the caller's transaction)."""
    (latest,) = db.execute(
        """
        SELECT max(coalesce((SELECT max(revision) FROM article_changes), 0) + 1,
                   coalesce((SELECT revision FROM change_marks ORDER BY at DESC LIMIT 1), 0))
        """
    ).fetchone()
    return int(latest)


def record_change(db: sqlite3.Connection, ids: Sequence[int], now: datetime | None) -> None:
    """Give the articles ``ids`` the next revision; note the time ``now`` if it is the latest.

    Call inside the write transaction that changes them. Without ``now`` (a change made with no
    clock at hand) only the revision moves.
    """
    revision = next_revision(db)
    db.executemany(
        "INSERT OR REPLACE INTO article_changes (article_id, revision) VALUES (?, ?)",
        [(article_id, revision) for article_id in dict.fromkeys(ids)],
    )
    if now is not None:
        _mark(db, revision, now)


def _mark(db: sqlite3.Connection, revision: int, now: datetime) -> None:
    moment = to_text(now)
    (latest,) = db.execute("SELECT max(at) FROM change_marks").fetchone()
    if latest is None or moment > latest:
        db.execute("INSERT INTO change_marks (at, revision) VALUES (?, ?)", (moment, revision))


class ChangeStore:
    """:meth:`token`, for views that must refresh when another program writes, and the
    revisions ``export --since`` goes by."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def token(self) -> int:
        """A number that differs from the last call's whenever the library changed in between.

        ``PRAGMA data_version`` changes when *another* connection (another program, or another
        thread of this one) commits; ``total_changes`` counts this connection's own writes. Both
        are answered without reading the database, so polling every second costs microseconds.
        Compare tokens taken on the same thread: each thread has its own connection.
        """
        with self._database.read() as db:
            (version,) = db.execute("PRAGMA data_version").fetchone()
            return int(version) << 32 | (db.total_changes & 0xFFFFFFFF)

    def mark_time(self, now: datetime) -> None:
        """Note that changes from now on come after ``now`` (an export does, for a later --since).

        Best effort: a library that cannot be written is left as it is.
        """
        with suppress(StorageError), self._database.write() as db:
            _mark(db, next_revision(db), now)
