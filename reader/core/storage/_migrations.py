"""The migrations that bring a library file up to the latest schema, and ``migrate``, which runs them.

A file's ``PRAGMA user_version`` *n* means that the first *n* functions of :data:`MIGRATIONS` have
run. To change the schema, append a function to :data:`MIGRATIONS` (never edit one that has shipped)
and update ``SCHEMA`` in ``_schema.py`` so that it keeps describing the latest version. Migrations 1
to 5 run the SQL texts of ``_schema.py``; 6 to 8 each have a module of their own (``_schema_*``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.errors import StorageError
from reader.core.storage._schema import (
    APPLICATION_ID,
    CHANGES_SCHEMA,
    EXPORTS_SCHEMA,
    FEEDS_SCHEMA,
    SCHEMA,
    STORIES_SCHEMA,
    split_statements,
)
from reader.core.storage._schema_cache import SHRINKING, drop_analysis_cache
from reader.core.storage._schema_coverage import add_coverage
from reader.core.storage._schema_reading import add_reading_state

Migration = Callable[[sqlite3.Connection], None]


def _create_schema(db: sqlite3.Connection) -> None:
    """Migration 1: the first schema."""
    for statement in split_statements(SCHEMA):
        db.execute(statement)


def _add_stories(db: sqlite3.Connection) -> None:
    """Migration 2: the story grouping tables."""
    for statement in split_statements(STORIES_SCHEMA):
        db.execute(statement)


def _add_feeds(db: sqlite3.Connection) -> None:
    """Migration 3: feed subscriptions and the entries they have delivered."""
    for statement in split_statements(FEEDS_SCHEMA):
        db.execute(statement)


def _add_exports(db: sqlite3.Connection) -> None:
    """Migration 4: records of the files Markdown export wrote."""
    for statement in split_statements(EXPORTS_SCHEMA):
        db.execute(statement)


def _add_change_revisions(db: sqlite3.Connection) -> None:
    """Migration 5: a change counter for ``export --since`` (a clock can be set back)."""
    for statement in split_statements(CHANGES_SCHEMA):
        db.execute(statement)


#: Migration ``i`` brings a database from version ``i`` to ``i + 1``.
MIGRATIONS: tuple[Migration, ...] = (
    _create_schema,
    _add_stories,
    _add_feeds,
    _add_exports,
    _add_change_revisions,
    add_coverage,
    add_reading_state,
    drop_analysis_cache,
)


def migrate(
    db: sqlite3.Connection,
    path: Path,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    read_only: bool = False,
) -> None:
    """Check that ``db`` is a skim library and bring it up to the latest schema version.

    Runs in autocommit mode. A database that is up to date is only read; an existing one that is
    not is first copied to ``<name>.bak-v<version>-<timestamp>`` beside it; then the migrations
    run in one ``BEGIN IMMEDIATE`` transaction, so two programs opening a new library at once do not
    both create it. After one that frees much of the file (``SHRINKING``) the file is vacuumed, so
    it shrinks; a VACUUM that fails (another program reading, a full disk) leaves it as it is.

    Raises:
        StorageError: the file belongs to another program, was made by a newer skim, or needs an
            upgrade but is ``read_only``.
    """
    latest = len(migrations)
    found = _check_identity(db, path, latest)
    if found == latest:
        return
    if read_only:
        raise StorageError(
            f"the library at {path} must be upgraded for this skim (schema version {found} to "
            f"{latest}), but it is read-only; open it once where it can be written"
        )
    if found > 0:
        # An upgrade rewrites the reader's data: keep a copy of the file as it was first.
        from reader.core.storage.backup import backup_before_migration

        backup_before_migration(db, path, found)
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _check_identity(db, path, latest)  # again: another process may have migrated
        if version == 0:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        ran = migrations[version:]
        for migration in ran:
            migration(db)
        db.execute(f"PRAGMA user_version = {latest}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    if version > 0 and SHRINKING.intersection(ran):
        # Only the space comes back (the data is committed already). In WAL mode VACUUM writes
        # the new file into the log: the checkpoint is what makes the file itself shrink.
        with contextlib.suppress(sqlite3.Error):
            db.execute("VACUUM")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _check_identity(db: sqlite3.Connection, path: Path, latest: int) -> int:
    """Return the schema version of ``db`` after checking that skim can use it."""
    application_id = _pragma_int(db, "application_id")
    version = _pragma_int(db, "user_version")
    if application_id == 0:
        # A brand-new file has no tables; anything else is some other program's database.
        (tables,) = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        if tables or version:
            raise StorageError(
                f"{path} is an SQLite database of another program, not a skim library"
            )
    elif application_id != APPLICATION_ID:
        raise StorageError(
            f"{path} is not a skim library (its application id is {application_id:#x})"
        )
    if version > latest:
        raise StorageError(
            f"the library at {path} was made by a newer skim (schema version {version}, "
            f"this skim knows up to {latest}); upgrade skim to open it"
        )
    return version


def _pragma_int(db: sqlite3.Connection, name: str) -> int:
    row = db.execute(f"PRAGMA {name}").fetchone()
    return int(row[0])
