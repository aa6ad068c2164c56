"""Copies of a library file made with SQLite's online backup API: backups, restores, and the
automatic copy taken before a schema migration.

The online backup API copies a consistent snapshot page by page while other connections keep
working (a plain file copy of a WAL database can miss what is still in the write-ahead log, or
catch it half-written). Every function here takes paths and opens its own connections.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import StorageError, UsageError
from reader.core.storage._schema import APPLICATION_ID, MIGRATIONS


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


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind ``source`` into a new file ``target`` (online backup API).

    The copy is written to a temporary name and renamed into place, so a crash never leaves a
    half-written file under the final name.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(partial)) as destination:
        source.backup(destination)
        # A backup is one self-contained file: no WAL beside it.
        destination.execute("PRAGMA journal_mode = DELETE").fetchall()
    partial.replace(target)


def backup_before_migration(db: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Copy the library at ``path`` (schema ``version``) next to it before it is migrated.

    Returns:
        The backup's path (``library.sqlite3.bak-v<version>-<timestamp>``), or None for a database
        that is not a file (``:memory:``).
    """
    if str(path) in ("", ":memory:") or not Path(path).is_file():
        return None
    target = unused_path(Path(path).with_name(f"{Path(path).name}.bak-v{version}-{timestamp()}"))
    try:
        copy_database(db, target)
    except (sqlite3.Error, OSError) as error:
        # Migrating without the promised safety copy would risk the reader's notes: refuse.
        raise StorageError(
            f"could not back up {path} before upgrading it ({error}); free some disk space "
            "or check the folder's permissions, then try again"
        ) from None
    return target


def backup_library(library_path: Path, target: Path) -> Path:
    """Write a backup of the library at ``library_path`` to ``target`` (a new file or a folder).

    Raises:
        UsageError: ``target`` exists as a file, or its folder does not exist.
        StorageError: the copy failed.
    """
    if target.is_dir():
        target = unused_path(target / f"skim-backup-{timestamp()}.sqlite3")
    if target.exists():
        raise UsageError(f"{target} already exists; choose a new file name or a folder")
    if not target.parent.is_dir():
        raise UsageError(f"the folder {target.parent} does not exist")
    try:
        with closing(sqlite3.connect(library_path)) as source:
            copy_database(source, target)
    except (sqlite3.Error, OSError) as error:
        raise StorageError(f"could not write the backup {target}: {error}") from None
    return target


def check_library_file(path: Path) -> tuple[int, int]:
    """Check that ``path`` is an intact skim library this skim can open.

    Returns:
        ``(schema version, number of articles)``.

    Raises:
        UsageError: no such file, not an SQLite file, another program's database, from a newer
            skim, or damaged.
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
            problems = db.execute("PRAGMA quick_check").fetchall()
            if [tuple(row) for row in problems] != [("ok",)]:
                raise UsageError(f"{path} is damaged ({problems[0][0]}); choose another backup")
            (articles,) = db.execute("SELECT count(*) FROM articles").fetchone()
    except sqlite3.Error as error:
        raise UsageError(f"{path} is not a usable skim library ({error})") from None
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
    safety = unused_path(
        library_path.with_name(f"{library_path.name}.before-restore-{timestamp()}")
    )
    try:
        with closing(sqlite3.connect(library_path)) as current:
            copy_database(current, safety)
            with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src:
                src.backup(current)
    except (sqlite3.Error, OSError) as error:
        raise StorageError(f"could not restore {source}: {error}") from None
    return safety
