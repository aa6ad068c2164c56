"""Small settings: the reader's preferences, one text value per key."""

from __future__ import annotations

from reader.core.storage.database import Database


class SettingStore:
    """Small key/value preferences, such as the chosen theme."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def get(self, key: str) -> str | None:
        """The value stored for ``key``, or None."""
        with self._database.read() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def put(self, key: str, value: str) -> None:
        """Store ``value`` for ``key``, replacing any earlier value."""
        with self._database.write() as db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
