"""The reader's progress through articles: read or unread, how far they scrolled, and putting the
triage state of several articles back at once (what undoing a batch action needs)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.errors import UsageError
from reader.core.models import ArticleMeta
from reader.core.storage._checks import require_articles
from reader.core.storage._convert import META_COLUMNS, meta_from_row
from reader.core.storage.database import Database, chunks
from reader.core.storage.tags import store_article_tags


class ReadingStore:
    """Read flags and reading progress; restoring the triage state of many articles."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def set_read(self, ids: Sequence[int], read: bool) -> None:
        """Mark articles read or unread (all of them, or none if one is missing or deleted)."""
        with self._database.write() as db:
            unique = require_articles(db, ids, live=True)
            for part in chunks(unique):
                marks = ", ".join("?" * len(part))
                db.execute(
                    f"UPDATE articles SET is_read = ? WHERE id IN ({marks})",
                    (int(bool(read)), *part),
                )

    def record_progress(self, article_id: int, percent: int) -> bool:
        """Remember that the reader got ``percent`` of the way through an article.

        Only the furthest point counts: scrolling back up does not lower it. Returns whether the
        stored value changed.

        Raises:
            UsageError: ``percent`` is not between 0 and 100.
            NotFound: no such article, or it is deleted.
        """
        if not 0 <= percent <= 100:
            raise UsageError(f"progress is a percentage (0 to 100), not {percent}")
        with self._database.write() as db:
            require_articles(db, [article_id], live=True)
            cursor = db.execute(
                "UPDATE articles SET progress = ? WHERE id = ? AND progress < ?",
                (percent, article_id, percent),
            )
            return cursor.rowcount > 0

    def restore_triage(self, rows: Sequence[ArticleMeta]) -> None:
        """Give each article back the state, star, read flag and tags that ``rows`` show.

        One transaction: an article missing (or deleted) raises NotFound before anything changes.
        """
        with self._database.write() as db:
            require_articles(db, [row.id for row in rows], live=True)
            db.executemany(
                "UPDATE articles SET state = ?, starred = ?, is_read = ? WHERE id = ?",
                [(row.state.value, int(row.starred), int(row.read), row.id) for row in rows],
            )
            for row in rows:
                store_article_tags(db, row.id, row.tags)

    def metas(self, ids: Sequence[int]) -> list[ArticleMeta]:
        """The list rows of the live articles among ``ids``, in the order of ``ids``."""
        found: dict[int, ArticleMeta] = {}
        with self._database.read() as db:
            for part in chunks(list(dict.fromkeys(ids))):
                marks = ", ".join("?" * len(part))
                rows = db.execute(
                    f"SELECT {META_COLUMNS} FROM articles a "
                    f"WHERE a.id IN ({marks}) AND a.deleted_at IS NULL",
                    part,
                )
                found.update((row["id"], meta_from_row(row)) for row in rows)
        return [found[i] for i in dict.fromkeys(ids) if i in found]
