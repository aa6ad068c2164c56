"""The analysis cache: results of analysers as JSON text."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from reader.core.errors import StorageError
from reader.core.storage._convert import to_text
from reader.core.storage.database import Database


class CacheStore:
    """Analysis results keyed by (text hash, analyser, analyser version, parameters)."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def get(self, text_hash: str, analyser: str, version: str, params: str) -> str | None:
        """The cached payload for this key, or None."""
        with self._database.read() as db:
            row = db.execute(
                """
                SELECT payload FROM analysis_cache
                WHERE text_hash = ? AND analyser = ? AND version = ? AND params = ?
                """,
                (text_hash, analyser, version, params),
            ).fetchone()
        return None if row is None else str(row[0])

    def put(self, text_hash: str, analyser: str, version: str, params: str, payload: str) -> None:
        """Store (or replace) a payload.

        Results of other versions of the same analyser for the same text and parameters are
        dropped: a new version means the old results will never be asked for again.

        A library that cannot be written (read-only, damaged, a full disk) keeps no cache, and
        says nothing: the result is in hand, only the next read computes it again.
        """
        with contextlib.suppress(StorageError), self._database.write() as db:
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
