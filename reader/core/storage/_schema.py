"""The database schema as one commented SQL text, and the mark that makes a file skim's.

A database file is marked as skim's by ``PRAGMA application_id`` (:data:`APPLICATION_ID`) and
versioned by ``PRAGMA user_version``. The migrations that bring a file up to date, and ``migrate``,
which runs them, are in ``_migrations.py``: a schema change appends a function there, and updates
:data:`SCHEMA` here so that it keeps describing the latest version for readers of this file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from reader.core.storage._schema_coverage import COVERAGE_SCHEMA

#: "skim" in ASCII; lets us refuse SQLite files that belong to other programs.
APPLICATION_ID = 0x736B696D

SCHEMA = """
-- Articles. Times are ISO 8601 UTC text ("2024-05-01T12:00:00.000000Z"), so text order is time
-- order. A deleted article keeps its row (deleted_at is set) until it is restored: that is how
-- "undo" works, and why the duplicate checks in articles.py look at deleted rows too.
-- The long texts come last: SQLite reads a row's columns in order, and a column stored after a
-- long body would cost a walk through the body's overflow pages on every list query.
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT,
    author TEXT,
    url TEXT UNIQUE,                -- NULLs are distinct in SQLite: many articles may have no URL
    published TEXT,
    updated TEXT,
    added TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,  -- reader.core.text.content_hash of the body
    words INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'inbox' CHECK (state IN ('inbox', 'later', 'archive')),
    starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    reading_position INTEGER NOT NULL DEFAULT 0 CHECK (reading_position >= 0),
    origin TEXT,                    -- a path, "-" for stdin, or the URL it was fetched from
    deleted_at TEXT,
    note_updated TEXT,
    note TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL
);

-- The list views filter on deleted_at IS NULL; partial indexes keep deleted rows out of them.
CREATE INDEX articles_by_state_added ON articles (state, added) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_added ON articles (added) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_published ON articles (published) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_source ON articles (source COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX articles_by_starred ON articles (starred, added) WHERE deleted_at IS NULL;

-- Tags are stored normalised (see tags.py), so equality is enough to match them.
CREATE TABLE tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags (tag);

-- Highlights. The offsets locate the passage in the body; quote, prefix and suffix (the W3C
-- TextQuoteSelector) let it be found again if the text changes. "orphaned" marks one that could not
-- be placed again; it is kept, never dropped. Like articles, annotations are deleted softly.
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    deleted_at TEXT
);
CREATE INDEX annotations_by_article ON annotations (article_id, start_offset);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (annotation_id, tag)
) WITHOUT ROWID;

-- Results of analysers (sentences, entities, summaries) as JSON text. The key holds everything the
-- result depends on, so a new analyser version or other parameters simply miss the cache.
-- Migration 8 drops this table: the cache has a file of its own now (storage/cache.py).
CREATE TABLE analysis_cache (
    text_hash TEXT NOT NULL,
    analyser TEXT NOT NULL,
    version TEXT NOT NULL,
    params TEXT NOT NULL,
    payload TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (text_hash, analyser, version, params)
) WITHOUT ROWID;

-- Small preferences (the chosen theme...).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- What full-text search sees of each article: its title, body and notes (the article note and the
-- notes of its live annotations, in id order so the text is the same every time it is read).
CREATE VIEW article_search_source AS
SELECT
    articles.id AS id,
    articles.title AS title,
    articles.body AS body,
    articles.note || coalesce(
        (SELECT group_concat(note, char(10))
         FROM (SELECT note FROM annotations
               WHERE article_id = articles.id AND deleted_at IS NULL AND note != ''
               ORDER BY id)),
        ''
    ) AS notes
FROM articles;

-- An external-content FTS5 index over that view: the text is not stored twice. The index must be
-- told about every change to what the view returns, inside the same transaction: search.py's
-- reindexing() does it (the "delete" command needs exactly the values that were indexed).
CREATE VIRTUAL TABLE article_search USING fts5 (
    title, body, notes,
    content = 'article_search_source',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


#: Story grouping (reader.core.storage.stories, reader.core.stories.grouping). "IF NOT EXISTS"
#: because a new library already gets these tables from SCHEMA (it ends with this text) in
#: migration 1; an older one gets them from migration 2.
STORIES_SCHEMA = """
-- The story of each grouped article. story_id is the id of the story's first article; score is the
-- similarity to the article it was matched with (0 for a story's first). fingerprint is JSON
-- ({"t": {stem: count}, "n": [names], "d": [numbers]}) and day the article's day number
-- (date.toordinal() of its published, else added, date).
CREATE TABLE IF NOT EXISTS story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    score REAL NOT NULL DEFAULT 0,
    fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_by_story ON story_articles (story_id);

-- The inverted index grouping retrieves candidates with: each article under its most
-- characteristic terms. Ordered by (term, day) so a lookup reads only a time window. Articles are
-- only ever soft-deleted, so there is no foreign key (it would need a second index to enforce).
CREATE TABLE IF NOT EXISTS story_postings (
    term TEXT NOT NULL,
    day INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (term, day, article_id)
) WITHOUT ROWID;

-- Document frequencies of fingerprint terms, for IDF; the row with term '' counts the articles.
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
"""
SCHEMA += STORIES_SCHEMA


#: Feed subscriptions (reader.core.storage.feeds, reader.core.ingest.feeds). "IF NOT EXISTS" for the same
#: reason as STORIES_SCHEMA: a new library gets these tables from SCHEMA in migration 1.
FEEDS_SCHEMA = """
-- RSS/Atom subscriptions. url is the feed's address, or the absolute path of a local feed file.
-- etag and modified are the validators of the last response, sent back on the next update so an
-- unchanged feed costs one "304 Not Modified". full_text: complete teaser entries from the web.
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    site_url TEXT,
    added TEXT NOT NULL,
    last_checked TEXT,
    etag TEXT,
    modified TEXT,
    full_text INTEGER NOT NULL DEFAULT 0 CHECK (full_text IN (0, 1))
);

-- The entries of each feed already seen (by guid/id, else link), so an update imports only new
-- ones. article_id is NULL for an entry that had no text; it is remembered so it is not retried.
CREATE TABLE IF NOT EXISTS feed_entries (
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    seen TEXT NOT NULL,
    PRIMARY KEY (feed_id, entry_id)
) WITHOUT ROWID;
"""
SCHEMA += FEEDS_SCHEMA


#: Markdown export records (reader.core.storage.exports, reader.core.export.exporter). "IF NOT
#: EXISTS" for the same reason as STORIES_SCHEMA: a new library gets this table from SCHEMA.
EXPORTS_SCHEMA = """
-- One row per file `skim export` wrote: its absolute path and folder, the article in it (NULL for a
-- file holding several), the SHA-256 of the bytes written, the "exported" time written into it and
-- the template. A file whose bytes no longer hash to sha256 was edited since: it is not overwritten
-- without --force. Rows are never needed for articles' sake, so there is no foreign key.
CREATE TABLE IF NOT EXISTS exports (
    path TEXT PRIMARY KEY,
    directory TEXT NOT NULL,
    article_id INTEGER,
    sha256 TEXT NOT NULL,
    exported TEXT NOT NULL,
    template TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS exports_by_directory ON exports (directory);
"""
SCHEMA += EXPORTS_SCHEMA


#: The revisions ``export --since`` goes by (reader.core.storage.changes). "IF NOT EXISTS" for the
#: same reason as STORIES_SCHEMA: a new library gets these tables from SCHEMA in migration 1.
CHANGES_SCHEMA = """
-- The library's revision when each article was added, or its notes or highlights last changed: a
-- counter, which a clock set back cannot reorder. An article changed before this table existed
-- has no row (export --since then goes by its stored times, as before).
CREATE TABLE IF NOT EXISTS article_changes (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS article_changes_by_revision ON article_changes (revision);

-- "Changes from this revision on were made at or after this time": a row is added only when the
-- clock shows a time later than every row's, so both columns grow together.
CREATE TABLE IF NOT EXISTS change_marks (
    at TEXT PRIMARY KEY,
    revision INTEGER NOT NULL
) WITHOUT ROWID;
"""
SCHEMA += CHANGES_SCHEMA

#: For readers of this file: migration 6 (``_schema_coverage``) adds event_date,
#: event_date_inferred, publisher_summary and publisher_tone to ``articles``, and this table;
#: migration 7 (``_schema_reading``) adds is_read and progress to ``articles``; migration 8
#: (``_schema_cache``) drops ``analysis_cache``.
SCHEMA_AFTER_MIGRATIONS = COVERAGE_SCHEMA


def split_statements(script: str) -> Iterator[str]:
    """Yield the complete SQL statements of ``script`` one at a time.

    ``executescript`` would commit the migration's transaction first, so statements are run one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""
    if statement.strip() and not statement.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]!r}")
