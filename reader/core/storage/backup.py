"""Copies of a library file made with SQLite's online backup API: backups, restores, and the
automatic copy taken before a schema migration.

The online backup API copies a consistent snapshot page by page while other connections keep
working (a plain file copy of a WAL database can miss what is still in the write-ahead log, or
catch it half-written). It copies damaged pages as they are, so every copy is checked with
``PRAGMA integrity_check`` before it gets its name. Every function here takes paths and opens its
own connections.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import LibraryDamaged, StorageError, UsageError
from reader.core.scratch import remove_stale, scratch_path
from reader.core.storage._migrations import MIGRATIONS
from reader.core.storage._schema import APPLICATION_ID
from reader.core.storage.damage import clear_damage, note_damage, problems, summary
from reader.core.storage.database import is_writable, read_only_uri
from reader.core.text import clean_line

#: What earlier skims named a backup being written (no process id): removed when an hour old.
_LEGACY_PARTIAL = re.compile(
    r"^(skim-backup-\d{8}T\d{6}Z\.sqlite3|library\.sqlite3\.(bak-v\d+|before-restore)-\d{8}T\d{6}Z)"
    r"(-\d+)?\.partial$"
)
_SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedCopy(Exception):
    """The copy just made fails SQLite's integrity check (the original is damaged)."""


def timestamp() -> str:
    """The current UTC time as a file-name-safe stamp, e.g. ``20250701T093000Z``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def unused_path(path: Path) -> Path:
    """``path``, or ``path`` with ``-2``, ``-3``… appended when a file of that name exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the half-written copies a killed skim left in ``folder`` (see reader.core.scratch)."""
    return remove_stale(folder, ".partial", legacy=_LEGACY_PARTIAL, looks_ours=_is_sqlite_or_empty)


def _is_sqlite_or_empty(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(len(_SQLITE_HEADER))
    except OSError:
        return False
    return head in (b"", _SQLITE_HEADER)


def open_source(path: Path) -> sqlite3.Connection:
    """Open the library at ``path`` to copy it (read-only when it cannot be written)."""
    if is_writable(path):
        return sqlite3.connect(path)
    return sqlite3.connect(read_only_uri(path), uri=True)


def copy_database(source: sqlite3.Connection, target: Path, *, check: bool = True) -> None:
    """Copy the database behind ``source`` into a new file ``target`` (online backup API).

    The copy is written to a temporary name and renamed into place only once complete and, with
    ``check``, intact: a crash or a failure never leaves a half-written file under the final name,
    and the temporary file is removed.

    Raises:
        DamagedCopy: the copy fails ``PRAGMA integrity_check`` (nothing is left behind).
        sqlite3.Error, OSError: the copy could not be written (nothing is left behind).
    """
    partial = scratch_path(target, ".partial")
    try:
        with closing(sqlite3.connect(partial)) as destination:
            source.backup(destination)
            # A backup is one self-contained file: no WAL beside it.
            destination.execute("PRAGMA journal_mode = DELETE").fetchall()
            found = problems(destination) if check else []
        if found:
            raise DamagedCopy(summary(found))
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def backup_before_migration(db: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Copy the library at ``path`` (schema ``version``) next to it before it is migrated.

    Returns:
        The backup's path (``library.sqlite3.bak-v<version>-<timestamp>``), or None for a database
        that is not a file (``:memory:``).
    """
    if str(path) in ("", ":memory:") or not Path(path).is_file():
        return None
    target = unused_path(Path(path).with_name(f"{Path(path).name}.bak-v{version}-{timestamp()}"))
    remove_stale_partials(target.parent)
    try:
        # Not checked: an upgrade must not wait for a full check of a large library.
        copy_database(db, target, check=False)
    except (sqlite3.Error, OSError) as error:
        # Migrating without the promised safety copy would risk the reader's notes: refuse.
        raise StorageError(
            f"could not back up {path} before upgrading it ({clean_line(str(error))}); free some "
            "disk space or check the folder's permissions, then try again"
        ) from None
    return target


def backup_library(library_path: Path, target: Path) -> Path:
    """Write a backup of the library at ``library_path`` to ``target`` (a new file or a folder).

    The copy must pass ``PRAGMA integrity_check``: a library with damaged pages is not backed up
    (the damage is noted, so skim stops writing to it) and nothing is left in ``target``.

    Raises:
        UsageError: ``target`` exists as a file, or its folder does not exist.
        LibraryDamaged: the library is damaged.
        StorageError: the copy failed.
    """
    if target.is_dir():
        target = unused_path(target / f"skim-backup-{timestamp()}.sqlite3")
    if target.exists():
        raise UsageError(f"{target} already exists; choose a new file name or a folder")
    if not target.parent.is_dir():
        raise UsageError(f"the folder {target.parent} does not exist")
    remove_stale_partials(target.parent)
    try:
        with closing(open_source(library_path)) as source:
            copy_database(source, target)
    except DamagedCopy as damage:
        note_damage(library_path, str(damage))
        raise LibraryDamaged(
            f"the library at {library_path} is damaged ({damage}), so no backup was written; "
            "restore an earlier backup with `skim restore FILE` (`skim export --all` saves what "
            "can still be read)"
        ) from None
    except (sqlite3.Error, OSError) as error:
        raise StorageError(
            f"could not write the backup {target}: {clean_line(str(error))}"
        ) from None
    return target


def check_library_file(path: Path) -> tuple[int, int]:
    """Check that ``path`` is an intact skim library this skim can open.

    Returns:
        ``(schema version, number of articles)``.

    The full ``PRAGMA integrity_check`` runs (``quick_check`` misses an index that disagrees with
    its table, which the live library would then fail).

    Raises:
        UsageError: no such file, not an SQLite file, another program's database, from a newer
            skim, or damaged; always one line.
    """
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            application_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if application_id != APPLICATION_ID:
                raise UsageError(f"{path} is not a skim library")
            if version > len(MIGRATIONS):
                raise UsageError(f"{path} was made by a newer skim (schema version {version})")
            found = problems(db)
            if found:
                raise UsageError(f"{path} is damaged ({summary(found)}); choose another backup")
            (articles,) = db.execute("SELECT count(*) FROM articles").fetchone()
    except sqlite3.Error as error:
        raise UsageError(
            f"{path} is not a usable skim library ({clean_line(str(error))})"
        ) from None
    return int(version), int(articles)


def restore_library(library_path: Path, source: Path) -> Path:
    """Replace the library at ``library_path`` by the backup ``source``; keep a safety copy.

    The current library is first copied to ``library.sqlite3.before-restore-<timestamp>``; then the
    backup is copied *into* the live file with the online backup API, so other connections see
    either the old or the new library, never a mix. An older schema is migrated on the next open.

    Returns:
        The path of the safety copy of the library as it was.

    Raises:
        UsageError: ``source`` is not an intact skim library (see :func:`check_library_file`).
        StorageError: a copy failed (the current library is then unchanged).
    """
    if source.resolve() == library_path.resolve():
        raise UsageError(f"{source} is the library itself; choose a backup file")
    check_library_file(source)
    if not is_writable(library_path):
        raise StorageError(f"cannot restore into {library_path}: it is read-only")
    safety = unused_path(
        library_path.with_name(f"{library_path.name}.before-restore-{timestamp()}")
    )
    remove_stale_partials(library_path.parent)
    try:
        with closing(sqlite3.connect(library_path)) as current:
            # Not checked: the library being replaced may well be the damaged one.
            copy_database(current, safety, check=False)
            with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src:
                src.backup(current)
    except (sqlite3.Error, OSError) as error:
        raise StorageError(f"could not restore {source}: {clean_line(str(error))}") from None
    clear_damage(library_path)
    return safety
