"""What Markdown export reads in bulk (articles, highlights, recent changes) and its file records."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from reader.core.models import Annotation, Article
from reader.core.records import ExportRecord
from reader.core.storage._checks import require_articles
from reader.core.storage._convert import (
    ANNOTATION_COLUMNS,
    TAG_SEPARATOR,
    annotation_from_row,
    article_from_row,
    from_text,
    to_text,
)
from reader.core.storage.changes import ChangeStore
from reader.core.storage.database import Database, chunks


def _record(row: sqlite3.Row) -> ExportRecord:
    return ExportRecord(
        path=row["path"],
        directory=row["directory"],
        article_id=row["article_id"],
        sha256=row["sha256"],
        exported=from_text(row["exported"]),
        template=row["template"],
    )


class ExportStore:
    """Bulk reads for export (a few statements per hundreds of articles) and the ``exports`` table."""

    def __init__(self, database: Database, changes: ChangeStore) -> None:
        """Read and write through ``database``; ``changes`` keeps the revisions ``--since`` uses."""
        self._database = database
        self._changes = changes

    def mark_time(self, now: datetime) -> None:
        """Note that changes from now on come after ``now``, for a later ``export --since``."""
        self._changes.mark_time(now)

    def check_articles(self, ids: Sequence[int]) -> None:
        """Raise NotFound (naming the first few) unless every id is a live article."""
        with self._database.read() as db:
            require_articles(db, ids, live=True)

    def articles_by_ids(self, ids: Sequence[int]) -> list[Article]:
        """The articles with these ids, with full text, in the order of ``ids`` (repeats dropped).

        Raises:
            NotFound: one of them does not exist or is deleted.
        """
        with self._database.read() as db:
            unique = require_articles(db, ids, live=True)
            found: dict[int, Article] = {}
            for part in chunks(unique):
                marks = ", ".join("?" * len(part))
                rows = db.execute(
                    f"""
                    SELECT a.*, (SELECT group_concat(tag, '{TAG_SEPARATOR}') FROM tags
                                 WHERE article_id = a.id) AS tag_list
                    FROM articles a WHERE a.id IN ({marks}) AND a.deleted_at IS NULL
                    """,
                    part,
                )
                found.update((row["id"], article_from_row(row)) for row in rows)
        return [found[article_id] for article_id in unique]

    def annotations_by_article(self, ids: Sequence[int]) -> dict[int, list[Annotation]]:
        """The live highlights of each article in ``ids``, in text order; every id gets a list."""
        result: dict[int, list[Annotation]] = {article_id: [] for article_id in ids}
        with self._database.read() as db:
            for part in chunks(list(result)):
                marks = ", ".join("?" * len(part))
                rows = db.execute(
                    f"""
                    SELECT {ANNOTATION_COLUMNS} FROM annotations n
                    WHERE n.article_id IN ({marks}) AND n.deleted_at IS NULL
                    ORDER BY n.article_id, n.start_offset, n.id
                    """,
                    part,
                )
                for row in rows:
                    result[row["article_id"]].append(annotation_from_row(row))
        return result

    def changed_since(self, ids: Sequence[int], since: datetime) -> set[int]:
        """Those of ``ids`` added, or whose note or highlights changed, at or after ``since``.

        A highlight counts when it was made, edited or deleted since then. "Since" goes by the
        order of changes (see reader.core.storage.changes): a change made after the first one
        made at or after ``since`` counts, even when the clock was behind when it was made.
        Changes older than the revisions, or stamped at or after ``since``, count too.
        """
        moment = to_text(since)
        changed: set[int] = set()
        with self._database.read() as db:
            row = db.execute(
                "SELECT revision FROM change_marks WHERE at >= ? ORDER BY at LIMIT 1", (moment,)
            ).fetchone()
            revision = None if row is None else row[0]  # NULL: no change came after ``since``
            for part in chunks(list(dict.fromkeys(ids))):
                marks = ", ".join("?" * len(part))
                rows = db.execute(
                    f"""
                    SELECT a.id FROM articles a
                    WHERE a.id IN ({marks}) AND (
                        a.added >= ? OR a.note_updated >= ? OR EXISTS (
                            SELECT 1 FROM annotations n WHERE n.article_id = a.id
                            AND (n.updated >= ? OR n.deleted_at >= ?))
                        OR (SELECT revision FROM article_changes WHERE article_id = a.id) >= ?)
                    """,
                    (*part, moment, moment, moment, moment, revision),
                )
                changed.update(row[0] for row in rows)
        return changed

    def records(self, directory: str) -> list[ExportRecord]:
        """The records of every file skim exported into ``directory`` (an absolute path)."""
        with self._database.read() as db:
            rows = db.execute(
                "SELECT * FROM exports WHERE directory = ? ORDER BY path", (directory,)
            ).fetchall()
        return [_record(row) for row in rows]

    def record(self, path: str) -> ExportRecord | None:
        """The record of the file at ``path`` (absolute), or None when skim never wrote it."""
        with self._database.read() as db:
            row = db.execute("SELECT * FROM exports WHERE path = ?", (path,)).fetchone()
        return None if row is None else _record(row)

    def save_record(self, record: ExportRecord) -> None:
        """Remember what was written to ``record.path`` (replacing the previous record)."""
        with self._database.write() as db:
            db.execute(
                """
                INSERT OR REPLACE INTO exports
                    (path, directory, article_id, sha256, exported, template)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                (
                    record.path,
                    record.directory,
                    record.article_id,
                    record.sha256,
                    to_text(record.exported),
                    record.template,
                ),
            )

    def delete_record(self, path: str) -> None:
        """Forget the file at ``path`` (after it was found renamed)."""
        with self._database.write() as db:
            db.execute("DELETE FROM exports WHERE path = ?", (path,))
