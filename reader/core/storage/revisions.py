"""New text for a stored article (re-imported, and changed): replace it and re-anchor highlights.

Each highlight is placed again by its quote and context (:func:`reader.core.anchoring.locate`,
with its old offset as the tie-breaker). One that can no longer be found is kept and marked
``orphaned``: a reader's note is never dropped because the page it was made on changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.core import anchoring
from reader.core.errors import NotFound
from reader.core.models import ArticleDraft
from reader.core.storage._convert import optional_text
from reader.core.storage._fts import reindexing
from reader.core.storage.database import Database


@dataclass(frozen=True, slots=True)
class Revision:
    """What replacing an article's text did to its (non-deleted) highlights."""

    reanchored: int
    orphaned: int


def _reanchor(db: sqlite3.Connection, article_id: int, body: str) -> Revision:
    rows = db.execute(
        """
        SELECT id, start_offset, quote, prefix, suffix, deleted_at FROM annotations
        WHERE article_id = ? ORDER BY id
        """,
        (article_id,),
    ).fetchall()
    placed = lost = 0
    for row in rows:
        old = anchoring.QuoteSelector(row["quote"], row["prefix"], row["suffix"])
        found = anchoring.locate(body, old, hint=row["start_offset"])
        live = row["deleted_at"] is None  # deleted ones move too, so that undo puts them right
        if found is None:
            # Offsets clamped into the new text, so nothing reading them can slice out of range.
            start = min(row["start_offset"], len(body))
            db.execute(
                "UPDATE annotations SET orphaned = 1, start_offset = ?, end_offset = ? WHERE id = ?",
                (start, start, row["id"]),
            )
            lost += live
            continue
        new = anchoring.select(body, *found)
        db.execute(
            """
            UPDATE annotations SET start_offset = ?, end_offset = ?, prefix = ?, suffix = ?,
                                   orphaned = 0
            WHERE id = ?
            """,
            (found[0], found[1], new.prefix, new.suffix, row["id"]),
        )
        placed += live
    return Revision(reanchored=placed, orphaned=lost)


class RevisionStore:
    """Replacing the text of a stored article while keeping its highlights."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def revise_text(
        self, article_id: int, draft: ArticleDraft, *, content_hash: str, words: int
    ) -> Revision | None:
        """Give a live article the title and text of ``draft`` and re-anchor its highlights.

        Returns:
            What happened to the highlights, or None when nothing changed: the text is the same,
            or another article already holds exactly this text (content hashes are unique).

        Raises:
            NotFound: no such article, or it is deleted.
        """
        with self._database.write() as db:
            row = db.execute(
                "SELECT content_hash FROM articles WHERE id = ? AND deleted_at IS NULL",
                (article_id,),
            ).fetchone()
            if row is None:
                raise NotFound(f"there is no article {article_id}")
            if row["content_hash"] == content_hash:
                return None
            taken = db.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? AND id != ?",
                (content_hash, article_id),
            ).fetchone()
            if taken is not None:
                return None
            with reindexing(db, [article_id]):
                db.execute(
                    """
                    UPDATE articles SET title = ?, body = ?, content_hash = ?, words = ?,
                        updated = coalesce(?, updated),
                        reading_position = min(reading_position, ?)
                    WHERE id = ?
                    """,
                    (
                        draft.title,
                        draft.body,
                        content_hash,
                        words,
                        optional_text(draft.updated),
                        len(draft.body),
                        article_id,
                    ),
                )
                return _reanchor(db, article_id, draft.body)
