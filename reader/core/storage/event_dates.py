"""Event dates for articles stored before skim read them from the text (the backfill's storage).

Migration 6 added ``event_date`` to ``articles`` but cannot fill it: reading a date from a text is
ingest's job, above storage. The library's regroup reads the undated articles here, infers their
dates and writes them back before grouping (:meth:`reader.core.library.stories.Stories.regroup`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reader.core.storage.database import Database


class EventDateStore:
    """Undated articles without an event date, and writing the dates inferred for them."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def missing(self) -> list[tuple[int, str, str | None]]:
        """Live articles with neither a published date nor an event date: ``(id, body, url)``."""
        with self._database.read() as db:
            rows = db.execute(
                """
                SELECT id, body, url FROM articles
                WHERE deleted_at IS NULL AND published IS NULL AND event_date IS NULL
                ORDER BY id
                """
            ).fetchall()
        return [(int(r[0]), str(r[1]), r[2]) for r in rows]

    def set_inferred(self, dates: Sequence[tuple[int, date]]) -> None:
        """Store each article's event date, marked as inferred from the text.

        An article that got a published date or an event date meanwhile is left as it is.
        """
        if not dates:
            return
        with self._database.write() as db:
            db.executemany(
                """
                UPDATE articles SET event_date = ?, event_date_inferred = 1
                WHERE id = ? AND published IS NULL AND event_date IS NULL
                """,
                [(day.isoformat(), article_id) for article_id, day in dates],
            )
