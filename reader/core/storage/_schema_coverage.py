"""Migration 6: what real coverage needs — inferred event dates, the publisher's own summary and
tone label, and the story links a reader makes by hand.

Kept apart from ``_migrations.py`` (which imports it) so that file stays readable. Columns added with
``ALTER TABLE`` go to the end of ``articles``; a new library gets them from the same migration, so
the first schema stays as it shipped.
"""

from __future__ import annotations

import sqlite3

#: Columns of ``articles`` added by migration 6, with their SQL types.
ARTICLE_COLUMNS = (
    # The event's day (ISO "YYYY-MM-DD") when the article has no published date and its text
    # says when the event happened; event_date_inferred = 1 marks a day read from the text.
    ("event_date", "TEXT"),
    ("event_date_inferred", "INTEGER NOT NULL DEFAULT 0 CHECK (event_date_inferred IN (0, 1))"),
    # The publisher's own summary bullets, one per line ('' when none), and its tone label.
    ("publisher_summary", "TEXT NOT NULL DEFAULT ''"),
    ("publisher_tone", "TEXT"),
)

COVERAGE_SCHEMA = """
-- Story links the reader made by hand, which grouping (and `stories --regroup`) honours: 'same'
-- pairs are filed in one story, 'apart' pairs never share one. Each pair is stored once, with
-- article_id < other_id.
CREATE TABLE IF NOT EXISTS story_links (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('same', 'apart')),
    made TEXT NOT NULL,
    PRIMARY KEY (article_id, other_id),
    CHECK (article_id < other_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_links_by_other ON story_links (other_id);
"""


def add_coverage(db: sqlite3.Connection) -> None:
    """Migration 6: event dates, publisher summary and tone, and manual story links."""
    present = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    for name, kind in ARTICLE_COLUMNS:
        if name not in present:
            db.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
    statement = ""
    for line in COVERAGE_SCHEMA.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
