"""skim's SQLite storage: :class:`Storage`, the stores it is composed of, and where each part lives.

``Storage(path)`` opens one :class:`~reader.core.storage.database.Database` and gives it to one store
per table family: ``storage.articles``, ``storage.details``, ``storage.tags``, ``storage.search``,
``storage.annotations``, ``storage.cache``, ``storage.settings``, ``storage.stories``,
``storage.feeds``, ``storage.imports``, ``storage.exports``, ``storage.revisions``,
``storage.reading`` and ``storage.changes``.

Where new code goes:

- ``_schema.py`` — the schema (commented SQL) and the application id that marks a file as skim's.
- ``_migrations.py`` — the migrations, keyed on ``PRAGMA user_version``, and ``migrate``, which
  runs them when a library is opened. A schema change is a new function appended to
  ``MIGRATIONS``; update ``SCHEMA`` in ``_schema.py`` too so it keeps describing the latest version.
- ``database.py`` — :class:`Database`: connections (one per thread), ``read()`` / ``write()``
  (``BEGIN IMMEDIATE``) and the one place where sqlite3 errors become
  :class:`~reader.core.errors.StorageError`.
- ``_convert.py`` — stored values to models and back (times, tags, rows).
- ``_checks.py`` — "does this article exist?" checks that raise NotFound.
- ``_fts.py`` — the full-text index: safe MATCH expressions and ``reindexing()``. Anything that
  changes an article's title, body or notes (article note, annotation notes) must run inside
  ``reindexing()`` in the same transaction.
- One store class per table family, one file each, constructed with the ``Database`` (and any
  other store it needs, passed in): ``articles.py`` (adding, duplicates, the reader's state),
  ``tags.py``, ``search.py`` (listing, filters, counts), ``annotations.py``, ``cache.py``
  (the analysis cache: its own SQLite file, not the library's ``Database``), ``settings.py``, ``stories.py`` (story membership and the index story
  grouping retrieves with), ``feeds.py`` (subscriptions and the entries they delivered),
  ``imports.py`` (articles from other tools, with their state there), ``details.py`` (the reader
  correcting a title, date, source, author or URL), ``exports.py`` (bulk reads for Markdown
  export and the records of the files it wrote), ``revisions.py`` (new text for a stored
  article, re-anchoring its highlights), ``reading.py`` (read flags, reading progress, and
  restoring the triage state of many articles at once), ``changes.py`` (noticing other programs' writes, and
  the change counter ``export --since`` goes by: a write that adds an article or changes its notes
  or highlights calls ``record_change`` in its transaction). A new table gets a new store here
  and an attribute on :class:`Storage`.
  ``backup.py`` holds functions, not a store: online-backup copies (checked before they get their
  name), restores, pre-migration backups. ``damage.py``: integrity checks in one line and the note
  that stops writes to a damaged library. A public store method opens exactly one ``read()`` or
  ``write()``; the helpers it calls take the connection as an argument, so that stores never call
  each other inside a transaction.

Only :class:`reader.core.library.Library` and its collaborators (``reader/core/library``) and the
ingest and export code they call use this class; nothing else should import it.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.storage.annotations import AnnotationStore
from reader.core.storage.articles import ArticleStore
from reader.core.storage.cache import CacheStore
from reader.core.storage.changes import ChangeStore
from reader.core.storage.damage import QUICK_CHECK_SECONDS
from reader.core.storage.database import Database
from reader.core.storage.details import DetailStore
from reader.core.storage.event_dates import EventDateStore
from reader.core.storage.exports import ExportStore
from reader.core.storage.feeds import FeedStore
from reader.core.storage.imports import ImportStore
from reader.core.storage.reading import ReadingStore
from reader.core.storage.revisions import RevisionStore
from reader.core.storage.search import SearchStore
from reader.core.storage.settings import SettingStore
from reader.core.storage.stories import StoryStore
from reader.core.storage.story_links import StoryLinkStore
from reader.core.storage.tags import TagStore, normalise_tags


class Storage:
    """A skim library file: articles, tags, annotations, full-text search, cache and settings.

    Safe to share between threads (each gets its own connection) and between processes (writes
    take SQLite's write lock up front and wait up to 10 s for it).

    Args:
        path: the database file; created if missing (its folder must exist) and migrated.

    Raises:
        StorageError: the file cannot be opened, is not a skim library, or was made by a newer skim.

    Attributes:
        database: the connections and transactions every store shares.
        articles: adding articles, reading one, the reader's state, deleting and restoring.
        details: correcting an article's title, date, source, author or URL.
        tags: article tags.
        search: listing, filtering, searching and counting articles.
        annotations: highlights with notes and tags.
        cache: cached analysis results (in a file of their own, not in the library).
        settings: the reader's preferences.
        stories: story membership and the index story grouping uses.
        story_links: the links between articles the reader made by hand.
        event_dates: undated articles without an event date (the backfill at regroup).
        feeds: subscriptions and the entries they delivered.
        imports: articles from other tools.
        exports: what Markdown export reads in bulk, and its file records.
        revisions: new text for a stored article.
        reading: read flags, reading progress, restoring several articles' triage state.
        changes: the change token and the revisions ``export --since`` goes by.
    """

    def __init__(self, path: Path, *, cache_path: Path | None = None) -> None:
        """Open (creating if needed) and migrate the library at ``path``.

        Analysis results are cached in the file ``cache_path`` (see cache.py), or in memory for
        this ``Storage`` only when it is None.
        """
        self.database = database = Database(path)
        self.articles = ArticleStore(database)
        self.details = DetailStore(database)
        self.tags = TagStore(database)
        self.search = SearchStore(database)
        self.annotations = AnnotationStore(database)
        self.cache = CacheStore(cache_path)
        self.settings = SettingStore(database)
        self.stories = StoryStore(database)
        self.story_links = StoryLinkStore(database)
        self.event_dates = EventDateStore(database)
        self.feeds = FeedStore(database)
        self.imports = ImportStore(database)
        self.changes = ChangeStore(database)
        self.exports = ExportStore(database, self.changes)
        self.revisions = RevisionStore(database)
        self.reading = ReadingStore(database)

    @property
    def path(self) -> Path:
        """The database file."""
        return self.database.path

    @property
    def read_only(self) -> bool:
        """True when the file or its folder cannot be written: every write then raises StorageError."""
        return self.database.read_only

    def close(self) -> None:
        """Close every connection; using the library afterwards raises StorageError."""
        self.database.close()
        self.cache.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database and truncate it (after bulk imports)."""
        self.database.checkpoint()

    def check_pages(self, seconds: float = QUICK_CHECK_SECONDS) -> None:
        """Run SQLite's quick check for up to ``seconds`` (before an import writes many pages).

        Raises:
            LibraryDamaged: a problem was found (and noted, so later writes stop too).
        """
        self.database.check_pages(seconds)


__all__ = ["Database", "Storage", "normalise_tags"]
