"""Tags of articles (and the shared rules for annotation tags): normalising, storing, counting."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.core.storage._checks import require_articles, require_live_article
from reader.core.storage.database import Database
from reader.core.text import clean_line


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, trim and fold spaces in each tag; drop empty ones and duplicates; sort.

    >>> normalise_tags(["  News ", "news", "Long  Reads", ""])
    ('long reads', 'news')
    """
    return tuple(sorted({tag for tag in (clean_line(t).lower() for t in tags) if tag}))


def store_article_tags(db: sqlite3.Connection, article_id: int, tags: Iterable[str]) -> None:
    """Replace the tags of an article (inside the caller's transaction)."""
    db.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
    db.executemany(
        "INSERT INTO tags (article_id, tag) VALUES (?, ?)",
        [(article_id, tag) for tag in normalise_tags(tags)],
    )


def add_article_tags(db: sqlite3.Connection, article_id: int, tags: Iterable[str]) -> None:
    """Add tags to an article, keeping those it has."""
    db.executemany(
        "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?, ?)",
        [(article_id, tag) for tag in normalise_tags(tags)],
    )


def store_annotation_tags(db: sqlite3.Connection, annotation_id: int, tags: Iterable[str]) -> None:
    """Replace the tags of an annotation (inside the caller's transaction)."""
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
    db.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)",
        [(annotation_id, tag) for tag in normalise_tags(tags)],
    )


class TagStore:
    """Article tags."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def replace(self, article_id: int, tags: Sequence[str]) -> None:
        """Replace the tags of an article with ``tags`` (normalised by :func:`normalise_tags`).

        Raises:
            NotFound: no such article, or it is deleted.
        """
        with self._database.write() as db:
            require_live_article(db, article_id)
            store_article_tags(db, article_id, tags)

    def change(
        self, ids: Sequence[int], *, add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> None:
        """Add ``add`` to and take ``remove`` from the tags of every article in ``ids``.

        One transaction: a missing or deleted id raises NotFound before anything changes.
        """
        removed = normalise_tags(remove)
        with self._database.write() as db:
            for article_id in require_articles(db, ids, live=True):
                add_article_tags(db, article_id, add)
                db.executemany(
                    "DELETE FROM tags WHERE article_id = ? AND tag = ?",
                    [(article_id, tag) for tag in removed],
                )

    def counts(self) -> list[tuple[str, int]]:
        """Every tag of a non-deleted article with its number of articles, sorted by tag."""
        with self._database.read() as db:
            rows = db.execute(
                """
                SELECT t.tag, count(*) FROM tags t JOIN articles a ON a.id = t.article_id
                WHERE a.deleted_at IS NULL
                GROUP BY t.tag ORDER BY t.tag
                """
            ).fetchall()
        return [(tag, count) for tag, count in rows]
