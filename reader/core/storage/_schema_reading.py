"""Migration 7: whether the reader has read each article, and how far they got (percent).

Kept apart from ``_migrations.py`` (which imports it), as ``_schema_coverage`` is. Both columns go to
the end of ``articles`` with ``ALTER TABLE``; a new library gets them from the same migration.
"""

from __future__ import annotations

import sqlite3

#: Columns of ``articles`` added by migration 7, with their SQL types.
ARTICLE_COLUMNS = (
    # 1 once the reader opened the article (or marked it read); the reader may set it back to 0.
    ("is_read", "INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1))"),
    # The furthest the reader has scrolled, as a percentage of the text (0-100).
    ("progress", "INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100)"),
)

# Libraries older than this migration never recorded opening an article. An article the reader
# evidently worked on - scrolled into (a saved reading position), wrote a note about or
# highlighted - counts as read; every other one starts unread.
_MARK_WORKED_ON_AS_READ = """
UPDATE articles SET is_read = 1
WHERE reading_position > 0 OR note != ''
   OR EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = articles.id AND n.deleted_at IS NULL)
"""


def add_reading_state(db: sqlite3.Connection) -> None:
    """Migration 7: the read flag and reading progress of each article."""
    present = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    for name, kind in ARTICLE_COLUMNS:
        if name not in present:
            db.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
    db.execute(_MARK_WORKED_ON_AS_READ)
