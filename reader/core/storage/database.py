"""The database: connections, transactions and error wrapping, shared by every store.

SQLite connections must not be shared between threads, so each thread gets its own, made on first
use. Every connection is in autocommit mode (``isolation_level=None``) and transactions are explicit:
writes go through :meth:`Database.write`, which starts them with ``BEGIN IMMEDIATE`` — taking the
write lock up front is what lets two programs write to one library without "database is locked"
errors (a plain ``BEGIN`` upgrades its lock too late for the busy timeout to help). Reads are single
statements, which SQLite runs on one consistent snapshot, and need no transaction.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from reader.core.errors import LibraryDamaged, StorageError
from reader.core.storage._migrations import migrate
from reader.core.storage.damage import (
    QUICK_CHECK_SECONDS,
    clear_damage,
    damaged_message,
    note_damage,
    noted_damage,
    problems,
    summary,
)
from reader.core.text import clean_line

BUSY_TIMEOUT_MS = 10_000
_T = TypeVar("_T")


class _Connection(sqlite3.Connection):
    """A connection that can be referenced weakly (the base class cannot)."""


class Database:
    """Owns the per-thread connections of one database file.

    Each store (``ArticleStore``, ``TagStore``, …) is given the one ``Database`` and opens
    :meth:`read` or :meth:`write` around its statements; helpers that need a connection take it as
    an argument, so a write can call them inside its own transaction.
    """

    def __init__(self, path: Path) -> None:
        """Open (creating if needed) the library at ``path`` and migrate it to the latest schema.

        Raises:
            StorageError: the file cannot be opened, is not a skim library, or is too new.
        """
        self.path = Path(path)
        #: True when the file or its folder cannot be written: every write then raises StorageError.
        self.read_only = not is_writable(self.path)
        self._local = threading.local()
        self._all: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._closed = False
        with self._errors():
            db = self._connect(check=True)
        self._local.db = db
        if noted_damage(self.path) is not None:
            self._recheck(db)

    # -- connections ---------------------------------------------------------------------------------

    def _connect(self, *, check: bool = False) -> _Connection:
        # check_same_thread=False only so that close() may close other threads' connections.
        db = sqlite3.connect(
            read_only_uri(self.path) if self.read_only else str(self.path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
            factory=_Connection,
            uri=self.read_only,
        )
        try:
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if check:
                # Before anything writes to the file: never turn someone else's database to WAL.
                migrate(db, self.path, read_only=self.read_only)
            if not self.read_only:
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            # Unicode-aware case folding for source: filters (SQLite's lower() is ASCII-only).
            db.create_function("casefold", 1, _casefold, deterministic=True)
        except BaseException:
            db.close()
            raise
        with self._lock:
            self._all.add(db)
        return db

    def connection(self) -> _Connection:
        """This thread's connection, opened on first use."""
        if self._closed:
            raise StorageError(f"the library at {self.path} is closed")
        db: _Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._connect()
            self._local.db = db
        return db

    def close(self) -> None:
        """Close every connection this database opened; using it afterwards raises StorageError.

        Connections of threads that already ended were closed when those threads went away.
        """
        self._closed = True
        with self._lock:
            connections = list(self._all)
            self._all.clear()
        for db in connections:
            db.close()
        self._local = threading.local()

    # -- transactions ------------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Yield this thread's connection for reading; SQLite errors become StorageError."""
        with self._errors():
            yield self.connection()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """Run the body in one ``BEGIN IMMEDIATE`` transaction, rolled back if it raises."""
        if self.read_only:
            raise StorageError(
                f"cannot change the library at {self.path}: it is open read-only, because its "
                "file or its folder cannot be written"
            )
        noted = noted_damage(self.path)
        if noted is not None:
            raise LibraryDamaged(damaged_message(self.path, noted))
        with self._errors():
            db = self.connection()
            if db.in_transaction:
                raise RuntimeError("storage write transactions do not nest")
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                # A failing ROLLBACK (connection closed under us) must not hide the first error.
                with suppress(sqlite3.Error):
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                raise

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn sqlite3 errors into one StorageError with a message for the user."""
        try:
            yield
        except sqlite3.Error as error:
            if _primary_code(error) == sqlite3.SQLITE_CORRUPT:
                # Stop writing before more of the file is built on the damage.
                note_damage(self.path, str(error))
                raise LibraryDamaged(damaged_message(self.path)) from error
            raise StorageError(describe_error(error, self.path)) from error

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database and truncate it (after bulk imports)."""
        if self.read_only:
            return
        with self.read() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def check_pages(self, seconds: float = QUICK_CHECK_SECONDS) -> None:
        """Run SQLite's quick check for up to ``seconds`` (before an import writes many pages).

        Raises:
            LibraryDamaged: a problem was found (and noted, so later writes stop too).
        """
        with self.read() as db:
            found = problems(db, quick=True, seconds=seconds)
        if found:
            note_damage(self.path, summary(found))
            raise LibraryDamaged(damaged_message(self.path, summary(found)))

    def _recheck(self, db: sqlite3.Connection) -> None:
        """A library noted as damaged: forget the note once it passes the full integrity check."""
        try:
            found = problems(db)
        except sqlite3.Error:
            return
        if not found:
            clear_damage(self.path)


def is_writable(path: Path) -> bool:
    """Whether skim may write the library at ``path`` (and the journal files beside it)."""
    folder_writable = os.access(path.parent, os.W_OK)
    if not path.exists():
        return folder_writable
    return folder_writable and os.access(path, os.W_OK)


def read_only_uri(path: Path) -> str:
    """An SQLite URI opening ``path`` for reading only.

    A library in WAL mode needs its ``-shm`` file to be read; in a folder where it cannot be made,
    the file is read as *immutable* (no locks, no log): nobody can be writing to it either.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    shared_memory = path.with_name(path.name + "-shm")
    if not os.access(path.parent, os.W_OK) and not shared_memory.exists():
        uri += "&immutable=1"
    return uri


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def describe_error(error: sqlite3.Error, path: Path) -> str:
    """A one-line, user-facing description of an SQLite error on the library at ``path``."""
    primary = _primary_code(error)
    messages = {
        sqlite3.SQLITE_BUSY: f"the library at {path} is locked by another program; try again",
        sqlite3.SQLITE_LOCKED: f"the library at {path} is locked by another program; try again",
        sqlite3.SQLITE_NOTADB: f"{path} is not a skim library (not an SQLite database)",
        sqlite3.SQLITE_CORRUPT: f"the library at {path} is damaged; restore it from a backup",
        sqlite3.SQLITE_FULL: f"the disk holding {path} is full",
        sqlite3.SQLITE_READONLY: f"cannot change the library at {path}: it is read-only",
        sqlite3.SQLITE_CANTOPEN: (
            f"cannot open the library at {path}; does its folder exist and can you write to it?"
        ),
        sqlite3.SQLITE_PERM: f"no permission to use the library at {path}",
        sqlite3.SQLITE_IOERR: f"could not read or write the library at {path} (disk error)",
    }
    if primary in messages:
        return messages[primary]
    # SQLite's own text can quote the library (a trigger's message, a schema name): one clean line.
    return f"the library at {path} could not be used: {clean_line(str(error))}"


def chunks(items: Sequence[_T], size: int = 500) -> Iterator[Sequence[_T]]:
    """Split ``items`` so each SQL statement stays far below SQLite's limit on parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()
