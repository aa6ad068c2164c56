"""The analysis cache: results of analysers as JSON text, in an SQLite file of its own.

The cache lives outside the library (in the user cache dir, see reader.core.paths), so backups of
the library do not carry it. Everything in it can be computed again, so it is never an error: a
missing file is created, a damaged one or one that is not skim's cache is replaced, and a cache
that cannot be used at all (locked, a read-only folder, a full disk) is bypassed — a miss on every
read, nothing written — while the caller computes the result as it would without a cache.

One file serves every library: a key holds everything its payload depends on (the hash of the
text, the analyser, its version and its parameters, the title among them), so an entry is right
for any library holding that text, and an article kept in two libraries is analysed once.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from reader.core.storage._convert import to_text

#: "skc1" in ASCII: marks the file as skim's analysis cache (a library is "skim").
CACHE_APPLICATION_ID = 0x736B6331
#: Version of the schema below; a file of another version is rebuilt (an older one) or bypassed.
CACHE_VERSION = 1
#: A cache is not worth waiting for: another program holding its write lock this long means skip.
CACHE_BUSY_TIMEOUT_MS = 1_000

CACHE_SCHEMA = """
-- The key holds everything the result depends on, so a new analyser version or other
-- parameters simply miss the cache.
CREATE TABLE IF NOT EXISTS analysis_cache (
    text_hash TEXT NOT NULL,
    analyser TEXT NOT NULL,
    version TEXT NOT NULL,
    params TEXT NOT NULL,
    payload TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (text_hash, analyser, version, params)
) WITHOUT ROWID
"""

_log = logging.getLogger(__name__)
_T = TypeVar("_T")


class _NotOurs(Exception):
    """The cache file is an SQLite file of another kind or of an older cache version."""


class _Newer(Exception):
    """The cache file was made by a newer skim: left alone, and not used."""


class CacheStore:
    """Analysis results keyed by (text hash, analyser, analyser version, parameters).

    Safe to share between threads: one connection, used under a lock (each call is one short
    statement or transaction). The file is opened on first use, so commands that never analyse
    never touch it.
    """

    def __init__(self, path: Path | None) -> None:
        """Cache in the SQLite file at ``path`` (its folder is created); None: in memory only."""
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        #: Set once the cache proved unusable: every read then misses and every write is skipped.
        self._bypassed = False

    def get(self, text_hash: str, analyser: str, version: str, params: str) -> str | None:
        """The cached payload for this key, or None (also when the cache cannot be read)."""

        def read(db: sqlite3.Connection) -> str | None:
            row = db.execute(
                """
                SELECT payload FROM analysis_cache
                WHERE text_hash = ? AND analyser = ? AND version = ? AND params = ?
                """,
                (text_hash, analyser, version, params),
            ).fetchone()
            return None if row is None else str(row[0])

        return self._run(read, None)

    def has(self, keys: Sequence[tuple[str, str, str, str]]) -> list[bool]:
        """For each key, whether the cache holds a payload for it (all False when it cannot be read)."""

        def read(db: sqlite3.Connection) -> list[bool]:
            query = """
                SELECT 1 FROM analysis_cache
                WHERE text_hash = ? AND analyser = ? AND version = ? AND params = ?
                """
            return [db.execute(query, key).fetchone() is not None for key in keys]

        return self._run(read, [False] * len(keys))

    def put(self, text_hash: str, analyser: str, version: str, params: str, payload: str) -> None:
        """Store (or replace) a payload; a cache that cannot be written keeps nothing, silently.

        Results of other versions of the same analyser for the same text and parameters are
        dropped: a new version means the old results will never be asked for again.
        """

        def write(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(
                    """
                    DELETE FROM analysis_cache
                    WHERE text_hash = ? AND analyser = ? AND params = ? AND version != ?
                    """,
                    (text_hash, analyser, params, version),
                )
                db.execute(
                    """
                    INSERT OR REPLACE INTO analysis_cache
                        (text_hash, analyser, version, params, payload, created)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    (text_hash, analyser, version, params, payload, to_text(datetime.now(UTC))),
                )
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                raise

        self._run(write, None)

    def close(self) -> None:
        """Close the connection; the next use opens it again."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _run(self, work: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        """Run ``work`` on the open cache under the lock; ``default`` when the cache is unusable.

        A damaged file found while in use is removed (a fresh one is made on the next use); a
        locked one is skipped this time; any other failure bypasses the cache for this run.
        """
        with self._lock:
            db = self._connection()
            if db is None:
                return default
            try:
                return work(db)
            except sqlite3.Error as error:
                code = getattr(error, "sqlite_errorcode", 0) & 0xFF
                if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                    _log.warning("analysis cache %s is damaged; rebuilding it", self.path)
                    db.close()
                    self._db = None
                    self._remove_files()
                elif code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    _log.warning("analysis cache %s bypassed: %s", self.path, error)
                    self._bypass()
            return default

    def _connection(self) -> sqlite3.Connection | None:
        """The open cache, opened (created, or rebuilt if damaged) on first use; None if bypassed."""
        if self._bypassed:
            return None
        if self._db is None:
            try:
                self._db = self._open()
            except (_NotOurs, sqlite3.DatabaseError):
                # Damaged, not a database, another program's or an older cache: start afresh.
                self._remove_files()
                try:
                    self._db = self._open()
                except (_NotOurs, sqlite3.Error, OSError) as error:
                    _log.warning("analysis cache %s bypassed: %s", self.path, error)
                    self._bypass()
            except (_Newer, sqlite3.Error, OSError) as error:
                _log.warning("analysis cache %s bypassed: %s", self.path, error)
                self._bypass()
        return self._db

    def _open(self) -> sqlite3.Connection:
        """Open the cache file, creating its folder and schema as needed.

        Raises:
            _Newer: a newer skim's cache (left as it is).
            _NotOurs: another program's file, or an older cache version (to be replaced).
            sqlite3.DatabaseError: not an SQLite file, or damaged.
            sqlite3.Error, OSError: it cannot be opened or created.
        """
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        target = ":memory:" if self.path is None else str(self.path)
        db = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA busy_timeout = {CACHE_BUSY_TIMEOUT_MS}")
            application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            (tables,) = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            if application_id == CACHE_APPLICATION_ID and version > CACHE_VERSION:
                # A newer skim's cache: leave it to that skim, run without one.
                raise _Newer(f"made by a newer skim (cache version {version})")
            if application_id != CACHE_APPLICATION_ID or version != CACHE_VERSION:
                if tables:
                    raise _NotOurs(f"application id {application_id:#x}, version {version}")
                db.execute("BEGIN IMMEDIATE")
                db.execute(CACHE_SCHEMA)
                db.execute(f"PRAGMA application_id = {CACHE_APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {CACHE_VERSION}")
                db.execute("COMMIT")
            if self.path is not None:
                db.execute("PRAGMA journal_mode = WAL").fetchall()
            db.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            db.close()
            raise
        return db

    def _remove_files(self) -> None:
        """Delete the cache file and its journal files (a fresh one is made on the next use)."""
        if self.path is None:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            # A file that cannot be removed makes the next open fail, which bypasses the cache.
            with contextlib.suppress(OSError):
                self.path.with_name(self.path.name + suffix).unlink()

    def _bypass(self) -> None:
        self._bypassed = True
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
