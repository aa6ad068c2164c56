"""The analysis cache (results of analysers as JSON text) and small settings."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from reader.core.errors import StorageError
from reader.core.storage._base import StorageBase
from reader.core.storage._convert import to_text


class CacheMixin(StorageBase):
    """Analysis results keyed by (text hash, analyser, analyser version, parameters)."""

    def cache_get(self, text_hash: str, analyser: str, version: str, params: str) -> str | None:
        """The cached payload for this key, or None."""
        with self._read() as db:
            row = db.execute(
                """
                SELECT payload FROM analysis_cache
                WHERE text_hash = ? AND analyser = ? AND version = ? AND params = ?
                """,
                (text_hash, analyser, version, params),
            ).fetchone()
        return None if row is None else str(row[0])

    def cache_put(
        self, text_hash: str, analyser: str, version: str, params: str, payload: str
    ) -> None:
        """Store (or replace) a payload.

        Results of other versions of the same analyser for the same text and parameters are
        dropped: a new version means the old results will never be asked for again.

        A library that cannot be written (read-only, damaged, a full disk) keeps no cache, and
        says nothing: the result is in hand, only the next read computes it again.
        """
        with contextlib.suppress(StorageError), self._write() as db:
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


class SettingsMixin(StorageBase):
    """Small key/value preferences, such as the chosen theme."""

    def get_setting(self, key: str) -> str | None:
        """The value stored for ``key``, or None."""
        with self._read() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        """Store ``value`` for ``key``, replacing any earlier value."""
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
