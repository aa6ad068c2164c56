"""The facade: :class:`Library` is the one object the CLI and the TUI talk to.

Callers never reach storage, ingest or analysis directly. Every method is synchronous and may take
a while (SQLite, analysis): the TUI calls them from thread workers. A ``Library`` may be shared
between threads; storage keeps one SQLite connection per thread.

``Library`` composes one collaborator per area, each a class in its own module, built here with the
storage, the clock and the collaborators it needs (no base class, no mixins):

- ``lib.articles`` (:mod:`.articles`, :mod:`.details`): adding, finding, reading, triage, details;
- ``lib.annotations`` (:mod:`.annotations`): highlights with notes and tags;
- ``lib.analysis`` (:mod:`.analysis`): cached sentences, entities, numbers, summaries and tone;
- ``lib.stories`` (:mod:`.stories`): articles about one event, and comparisons;
- ``lib.sources`` (:mod:`.sources`): web pages, feeds, OPML, Pocket/Instapaper exports;
- ``lib.exports`` (:mod:`.exports`): Markdown out, edited notes back in;
- ``lib.backups`` (:mod:`.backups`): backing up and restoring the whole library.

Where new code goes: into the collaborator of its area (or a new one, built in ``Library.__init__``);
what several share (story filing, the default clock) goes in :mod:`.shared`.
"""

from __future__ import annotations

from pathlib import Path

from reader.core import paths
from reader.core.errors import StorageError
from reader.core.library.analysis import (
    SUMMARY_ALGORITHM_SETTING as SUMMARY_ALGORITHM_SETTING,
)
from reader.core.library.analysis import (
    SUMMARY_SENTENCES_SETTING as SUMMARY_SENTENCES_SETTING,
)
from reader.core.library.analysis import Analyses
from reader.core.library.annotations import Annotations
from reader.core.library.articles import Articles
from reader.core.library.backups import Backups
from reader.core.library.details import parse_published
from reader.core.library.exports import Exports
from reader.core.library.shared import utc_now
from reader.core.library.sources import Sources
from reader.core.library.stories import Stories
from reader.core.storage import Storage
from reader.core.types import KEEP, Clock, ImportOutcome, Keep


class Library:
    """A reader's library of articles, annotations and cached analyses.

    Attributes:
        articles: adding, finding, reading and triaging articles.
        annotations: highlights with notes and tags.
        analysis: cached analysis, summaries (and the library's summary choice) and tone.
        stories: articles about the same event, and comparisons.
        sources: web pages, feed subscriptions, OPML, Pocket/Instapaper exports.
        exports: Markdown export and reading edited notes back.
        backups: backing the library up and restoring it from a backup.
    """

    def __init__(self, storage: Storage, *, clock: Clock = utc_now) -> None:
        """Build the collaborators over ``storage``; tests pass their own storage and a fixed clock."""
        self._storage = storage
        self.articles = Articles(storage, clock=clock)
        self.annotations = Annotations(storage, self.articles, clock=clock)
        self.analysis = Analyses(storage, self.articles)
        self.stories = Stories(storage, self.articles, self.analysis, clock=clock)
        self.sources = Sources(storage, self.articles, clock=clock)
        self.exports = Exports(
            storage,
            articles=self.articles,
            annotations=self.annotations,
            analysis=self.analysis,
            clock=clock,
        )
        self.backups = Backups(storage)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._storage.path

    @property
    def read_only(self) -> bool:
        """True when the library was opened read-only (its file or folder cannot be written)."""
        return self._storage.read_only

    def close(self) -> None:
        """Close database connections."""
        self._storage.close()

    def change_token(self) -> int:
        """A number that changes whenever the library changes (also by another program).

        Cheap enough to poll every second; compare tokens taken on the same thread.
        """
        return self._storage.changes.token()

    def get_setting(self, key: str) -> str | None:
        """A stored preference (such as the theme), or None."""
        return self._storage.settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a preference."""
        self._storage.settings.put(key, value)


def open_library(data_dir: str | Path | None = None, *, clock: Clock = utc_now) -> Library:
    """Open (creating if needed) the library in ``data_dir`` or the default data directory.

    Analyses are cached in the user cache dir (see :func:`reader.core.paths.analysis_cache_path`).
    Half-written backups a killed skim left in the data directory (and its ``backups`` folder) are
    removed on the way (see reader.core.scratch).
    """
    from reader.core.storage.backup import remove_stale_partials

    directory = paths.data_dir(data_dir)
    try:
        paths.ensure_dir(directory)
    except OSError as error:
        raise StorageError(
            f"cannot create the data directory {directory}: {error.strerror}"
        ) from None
    storage = Storage(paths.database_path(directory), cache_path=paths.analysis_cache_path())
    library = Library(storage, clock=clock)
    remove_stale_partials(directory)
    remove_stale_partials(directory / "backups")
    return library


__all__ = [
    "KEEP",
    "Analyses",
    "Annotations",
    "Articles",
    "Backups",
    "Clock",
    "Exports",
    "ImportOutcome",
    "Keep",
    "Library",
    "Sources",
    "Stories",
    "open_library",
    "parse_published",
    "utc_now",
]
