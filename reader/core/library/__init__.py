"""The facade: :class:`Library` is the one object the CLI and the TUI talk to.

Callers never reach storage, ingest or analysis directly. Every method is synchronous and may take
a while (SQLite, analysis): the TUI calls them from thread workers. A ``Library`` may be shared
between threads; storage keeps one SQLite connection per thread.

Where new code goes: one mixin per area, each a thin layer over storage and the pure modules —
``articles`` (adding, reading, triage, backups), ``annotations``, ``analysis`` (cached analysis and
summaries), ``stories``, ``web`` (URLs, feeds, other tools), ``export`` (Markdown out and back),
``details`` (correcting a title, date, source, author or URL).
"""

from __future__ import annotations

from pathlib import Path

from reader.core import paths
from reader.core.errors import StorageError
from reader.core.library._base import utc_now
from reader.core.library.details import DetailsMixin, parse_published
from reader.core.library.export import ExportMixin
from reader.core.library.stories import StoriesMixin
from reader.core.library.web import WebMixin
from reader.core.storage import Storage
from reader.core.types import KEEP, Clock, ImportOutcome, Keep


class Library(ExportMixin, StoriesMixin, WebMixin, DetailsMixin):
    """A reader's library of articles, annotations and cached analyses."""


def open_library(data_dir: str | Path | None = None, *, clock: Clock = utc_now) -> Library:
    """Open (creating if needed) the library in ``data_dir`` or the default data directory.

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
    library = Library(Storage(paths.database_path(directory)), clock=clock)
    remove_stale_partials(directory)
    remove_stale_partials(directory / "backups")
    return library


__all__ = [
    "KEEP",
    "Clock",
    "ImportOutcome",
    "Keep",
    "Library",
    "open_library",
    "parse_published",
    "utc_now",
]
