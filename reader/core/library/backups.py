"""Backing the library up and restoring it from a backup (``skim backup`` / ``skim restore``)."""

from __future__ import annotations

from pathlib import Path

from reader.core import paths
from reader.core.errors import StorageError
from reader.core.storage import Storage


class Backups:
    """Copies of the whole library: :meth:`create` one, or :meth:`restore` the library from one."""

    def __init__(self, storage: Storage) -> None:
        """Back up the database of ``storage``."""
        self._storage = storage

    def create(self, target: Path | None = None) -> Path:
        """Copy the library with SQLite's online backup API; returns the backup's path.

        ``target`` is a new file or a folder; by default the ``backups`` folder of the data dir.
        """
        from reader.core.storage.backup import backup_library

        path = self._storage.path
        if target is None:
            folder = path.parent / "backups"
            try:
                target = paths.ensure_dir(folder)
            except OSError as error:
                raise StorageError(
                    f"cannot create the backups folder {folder} ({error.strerror}); "
                    "name a folder to back up into: skim backup PATH"
                ) from None
        return backup_library(path, target)

    def restore(self, source: Path) -> Path:
        """Replace the library by the backup ``source``; returns the safety copy of the old one.

        Raises:
            UsageError: ``source`` is not an intact skim library.
        """
        from reader.core.storage.backup import restore_library

        path = self._storage.path
        safety = restore_library(path, source)
        # A backup from an older skim is migrated now, not at some later open.
        Storage(path).close()
        return safety
