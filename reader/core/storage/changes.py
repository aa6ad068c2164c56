"""Noticing writes: a cheap token that changes whenever the library does, whoever wrote to it."""

from __future__ import annotations

from reader.core.storage._base import StorageBase


class ChangesMixin(StorageBase):
    """:meth:`change_token`, for views that must refresh when another program writes."""

    def change_token(self) -> int:
        """A number that differs from the last call's whenever the library changed in between.

        ``PRAGMA data_version`` changes when *another* connection (another program, or another
        thread of this one) commits; ``total_changes`` counts this connection's own writes. Both
        are answered without reading the database, so polling every second costs microseconds.
        Compare tokens taken on the same thread: each thread has its own connection.
        """
        with self._read() as db:
            (version,) = db.execute("PRAGMA data_version").fetchone()
            return int(version) << 32 | (db.total_changes & 0xFFFFFFFF)
