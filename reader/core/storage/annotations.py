"""Annotations: highlighted passages of an article with an optional note and tags."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from reader.core.errors import NotFound, UsageError
from reader.core.models import Annotation
from reader.core.storage._convert import ANNOTATION_COLUMNS, annotation_from_row, to_text
from reader.core.storage._fts import reindexing
from reader.core.storage.articles import require_unchanged
from reader.core.storage.changes import record_change
from reader.core.storage.database import Database
from reader.core.storage.tags import store_annotation_tags


def _fetch(db: sqlite3.Connection, annotation_id: int) -> Annotation:
    # An annotation of a deleted article is as gone as the article.
    row = db.execute(
        f"""
        SELECT {ANNOTATION_COLUMNS} FROM annotations n JOIN articles a ON a.id = n.article_id
        WHERE n.id = ? AND n.deleted_at IS NULL AND a.deleted_at IS NULL
        """,
        (annotation_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"there is no annotation {annotation_id}")
    return annotation_from_row(row)


def _article_of(db: sqlite3.Connection, annotation_id: int, *, deleted: bool) -> int:
    """The article id of an annotation that exists (deleted or not, as asked) on a live article."""
    state = "IS NOT NULL" if deleted else "IS NULL"
    row = db.execute(
        f"""
        SELECT n.article_id FROM annotations n JOIN articles a ON a.id = n.article_id
        WHERE n.id = ? AND n.deleted_at {state} AND a.deleted_at IS NULL
        """,
        (annotation_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"there is no {'deleted ' if deleted else ''}annotation {annotation_id}")
    return int(row[0])


class AnnotationStore:
    """Highlights with notes and tags; their notes are part of the article's full-text index."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def add(
        self,
        article_id: int,
        *,
        start: int,
        end: int,
        quote: str,
        prefix: str,
        suffix: str,
        note: str,
        tags: Sequence[str],
        now: datetime,
    ) -> Annotation:
        """Store a highlight of ``body[start:end]`` of an article.

        Raises:
            NotFound: no such article, or it is deleted.
            UsageError: the range is empty, reversed or outside the article's text.
        """
        with self._database.write() as db:
            row = db.execute(
                "SELECT length(body) FROM articles WHERE id = ? AND deleted_at IS NULL",
                (article_id,),
            ).fetchone()
            if row is None:
                raise NotFound(f"there is no article {article_id}")
            if not 0 <= start < end <= row[0]:
                raise UsageError(f"range {start}-{end} is outside the article (0-{row[0]})")
            with reindexing(db, [article_id]):
                cursor = db.execute(
                    """
                    INSERT INTO annotations (article_id, start_offset, end_offset, quote, prefix,
                                             suffix, note, created, updated)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    (
                        article_id,
                        start,
                        end,
                        quote,
                        prefix,
                        suffix,
                        note.strip(),
                        to_text(now),
                        to_text(now),
                    ),
                )
            annotation_id = cursor.lastrowid
            assert annotation_id is not None
            store_annotation_tags(db, annotation_id, tags)
            record_change(db, [article_id], now)
            return _fetch(db, annotation_id)

    def update(
        self,
        annotation_id: int,
        *,
        note: str | None = None,
        tags: Sequence[str] | None = None,
        now: datetime,
        expected_note: str | None = None,
    ) -> Annotation:
        """Change the note and/or the tags of an annotation (None leaves a field as it is).

        With ``expected_note`` (the note as the reader last saw it), nothing is written unless
        the stored note is still exactly that.

        Raises:
            NotFound: no such annotation, or it (or its article) is deleted.
            EditConflict: the note is no longer ``expected_note``.
        """
        with self._database.write() as db:
            article_id = _article_of(db, annotation_id, deleted=False)
            if expected_note is not None:
                require_unchanged(_fetch(db, annotation_id).note, expected_note)
            if note is not None:
                with reindexing(db, [article_id]):
                    db.execute(
                        "UPDATE annotations SET note = ? WHERE id = ?",
                        (note.strip(), annotation_id),
                    )
            if tags is not None:
                store_annotation_tags(db, annotation_id, tags)
            db.execute(
                "UPDATE annotations SET updated = ? WHERE id = ?", (to_text(now), annotation_id)
            )
            record_change(db, [article_id], now)
            return _fetch(db, annotation_id)

    def delete(self, annotation_id: int, *, now: datetime) -> None:
        """Delete an annotation softly; :meth:`restore` brings it back."""
        with self._database.write() as db:
            article_id = _article_of(db, annotation_id, deleted=False)
            with reindexing(db, [article_id]):
                db.execute(
                    "UPDATE annotations SET deleted_at = ? WHERE id = ?",
                    (to_text(now), annotation_id),
                )
            record_change(db, [article_id], now)

    def restore(self, annotation_id: int) -> None:
        """Undelete an annotation.

        Raises:
            NotFound: no deleted annotation with that id (on a non-deleted article).
        """
        with self._database.write() as db:
            article_id = _article_of(db, annotation_id, deleted=True)
            with reindexing(db, [article_id]):
                db.execute(
                    "UPDATE annotations SET deleted_at = NULL WHERE id = ?", (annotation_id,)
                )
            record_change(db, [article_id], None)

    def get(self, annotation_id: int) -> Annotation:
        """One annotation.

        Raises:
            NotFound: no such annotation, or it (or its article) is deleted.
        """
        with self._database.read() as db:
            return _fetch(db, annotation_id)

    def of(self, article_id: int) -> list[Annotation]:
        """The non-deleted annotations of an article, in text order (then by id).

        Raises:
            NotFound: no such article, or it is deleted.
        """
        with self._database.read() as db:
            # One statement, so the list and the existence check see the same snapshot.
            rows = db.execute(
                f"""
                SELECT {ANNOTATION_COLUMNS}
                FROM articles a LEFT JOIN annotations n
                    ON n.article_id = a.id AND n.deleted_at IS NULL
                WHERE a.id = ? AND a.deleted_at IS NULL
                ORDER BY n.start_offset, n.id
                """,
                (article_id,),
            ).fetchall()
        if not rows:
            raise NotFound(f"there is no article {article_id}")
        return [annotation_from_row(row) for row in rows if row["id"] is not None]
