"""skim's SQLite storage: the :class:`Storage` class and where each part of it lives.

Where new code goes:

- ``_schema.py`` — the schema (commented SQL) and the migrations. A schema change is a new function
  appended to ``MIGRATIONS``; update ``SCHEMA`` too so it keeps describing the latest version.
- ``_base.py`` — connections (one per thread), ``_read()`` / ``_write()`` (``BEGIN IMMEDIATE``)
  and the one place where sqlite3 errors become :class:`~reader.core.errors.StorageError`.
- ``_convert.py`` — stored values to models and back (times, tags, rows).
- ``_checks.py`` — "does this article exist?" checks that raise NotFound.
- ``_fts.py`` — the full-text index: safe MATCH expressions and ``reindexing()``. Anything that
  changes an article's title, body or notes (article note, annotation notes) must run inside
  ``reindexing()`` in the same transaction.
- One mixin per domain, each a subclass of ``StorageBase``: ``articles.py`` (adding, duplicates,
  the reader's state), ``tags.py``, ``search.py`` (listing, filters, counts), ``annotations.py``,
  ``cache.py`` (analysis cache and settings), ``stories.py`` (story membership and the index
  story grouping retrieves with), ``feeds.py`` (subscriptions and the entries they delivered),
  ``imports.py`` (articles from other tools, with their state there), ``details.py`` (the reader
  correcting a title, date, source, author or URL), ``exports.py`` (bulk reads
  for Markdown export and the records of the files it wrote), ``revisions.py`` (new text for a
  stored article, re-anchoring its highlights), ``changes.py`` (noticing other programs' writes, and
  the change counter ``export --since`` goes by: a write that adds an article or changes its notes
  or highlights calls ``record_change`` in its transaction).
  ``backup.py`` holds functions, not a mixin: online-backup copies (checked before they get their
  name), restores, pre-migration backups. ``damage.py``: integrity checks in one line and the note
  that stops writes to a damaged library. A public method opens
  exactly one ``_read()`` or ``_write()``; the helpers it calls take the connection as an argument.

Only :class:`reader.core.library.Library` uses this class; nothing else should import it.
"""

from __future__ import annotations

from reader.core.storage.annotations import AnnotationsMixin
from reader.core.storage.articles import ArticlesMixin
from reader.core.storage.cache import CacheMixin, SettingsMixin
from reader.core.storage.changes import ChangesMixin
from reader.core.storage.details import DetailsMixin
from reader.core.storage.exports import ExportsMixin
from reader.core.storage.feeds import FeedsMixin
from reader.core.storage.imports import ImportsMixin
from reader.core.storage.revisions import RevisionsMixin
from reader.core.storage.search import SearchMixin
from reader.core.storage.stories import StoriesMixin
from reader.core.storage.story_links import StoryLinksMixin
from reader.core.storage.tags import TagsMixin, normalise_tags


class Storage(
    ArticlesMixin,
    DetailsMixin,
    TagsMixin,
    SearchMixin,
    AnnotationsMixin,
    CacheMixin,
    SettingsMixin,
    StoriesMixin,
    StoryLinksMixin,
    FeedsMixin,
    ImportsMixin,
    ExportsMixin,
    RevisionsMixin,
    ChangesMixin,
):
    """A skim library file: articles, tags, annotations, full-text search, cache and settings.

    Safe to share between threads (each gets its own connection) and between processes (writes
    take SQLite's write lock up front and wait up to 10 s for it).

    Args:
        path: the database file; created if missing (its folder must exist) and migrated.

    Raises:
        StorageError: the file cannot be opened, is not a skim library, or was made by a newer skim.
    """


__all__ = ["Storage", "normalise_tags"]
