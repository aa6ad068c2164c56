"""Connections, transactions and error wrapping shared by every storage mixin.

SQLite connections must not be shared between threads, so each thread gets its own, made on first
use. Every connection is in autocommit mode (``isolation_level=None``) and transactions are explicit:
writes go through :meth:`StorageBase._write`, which starts them with ``BEGIN IMMEDIATE`` — taking the
write lock up front is what lets two programs write to one library without "database is locked"
errors (a plain ``BEGIN`` upgrades its lock too late for the busy timeout to help). Reads are single
statements, which SQLite runs on one consistent snapshot, and need no transaction.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from reader.core.errors import StorageError
from reader.core.storage._schema import migrate

BUSY_TIMEOUT_MS = 10_000
_T = TypeVar("_T")


class _Connection(sqlite3.Connection):
    """A connection that can be referenced weakly (the base class cannot)."""


class StorageBase:
    """Owns the per-thread connections of one database file.

    Mixins subclass this to reach :meth:`_read` and :meth:`_write`; helpers that need a connection
    take it as an argument, so a write can call them inside its own transaction.
    """

    def __init__(self, path: Path) -> None:
        """Open (creating if needed) the library at ``path`` and migrate it to the latest schema.

        Raises:
            StorageError: the file cannot be opened, is not a skim library, or is too new.
        """
        self.path = Path(path)
        self._local = threading.local()
        self._all: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._closed = False
        with self._errors():
            db = self._connect(check=True)
        self._local.db = db

    # -- connections ---------------------------------------------------------------------------------

    def _connect(self, *, check: bool = False) -> _Connection:
        # check_same_thread=False only so that close() may close other threads' connections.
        db = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
            factory=_Connection,
        )
        try:
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if check:
                # Before anything writes to the file: never turn someone else's database to WAL.
                migrate(db, self.path)
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

    def _db(self) -> _Connection:
        """This thread's connection, opened on first use."""
        if self._closed:
            raise StorageError(f"the library at {self.path} is closed")
        db: _Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._connect()
            self._local.db = db
        return db

    def close(self) -> None:
        """Close every connection this storage opened; using it afterwards raises StorageError.

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
    def _read(self) -> Iterator[sqlite3.Connection]:
        """Yield this thread's connection for reading; SQLite errors become StorageError."""
        with self._errors():
            yield self._db()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """Run the body in one ``BEGIN IMMEDIATE`` transaction, rolled back if it raises."""
        with self._errors():
            db = self._db()
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
            raise StorageError(describe_error(error, self.path)) from error

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database and truncate it (after bulk imports)."""
        with self._read() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def describe_error(error: sqlite3.Error, path: Path) -> str:
    """A one-line, user-facing description of an SQLite error on the library at ``path``."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    messages = {
        sqlite3.SQLITE_BUSY: f"the library at {path} is locked by another program; try again",
        sqlite3.SQLITE_LOCKED: f"the library at {path} is locked by another program; try again",
        sqlite3.SQLITE_NOTADB: f"{path} is not a skim library (not an SQLite database)",
        sqlite3.SQLITE_CORRUPT: f"the library at {path} is damaged; restore it from a backup",
        sqlite3.SQLITE_FULL: f"the disk holding {path} is full",
        sqlite3.SQLITE_READONLY: f"the library at {path} is read-only",
        sqlite3.SQLITE_CANTOPEN: (
            f"cannot open the library at {path}; does its folder exist and can you write to it?"
        ),
        sqlite3.SQLITE_PERM: f"no permission to use the library at {path}",
        sqlite3.SQLITE_IOERR: f"could not read or write the library at {path} (disk error)",
    }
    if primary in messages:
        return messages[primary]
    return f"the library at {path} could not be used: {error}"


def chunks(items: Sequence[_T], size: int = 500) -> Iterator[Sequence[_T]]:
    """Split ``items`` so each SQL statement stays far below SQLite's limit on parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()
