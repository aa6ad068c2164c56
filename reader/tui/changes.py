"""Noticing that another program (a `skim add` in a shell, a second skim) changed the library.

Screens poll :meth:`ChangeWatcher.changed` from a timer on the UI thread. The token behind it
(``Library.change_token``) is answered by SQLite without touching the database file's pages, so a
poll costs microseconds; the screen then reloads in a worker as it would for its own changes.
"""

from __future__ import annotations

from reader.core import Library, SkimError

#: How often screens look for outside changes: quick enough to feel live, rare enough to be free.
POLL_SECONDS = 1.0


class ChangeWatcher:
    """Remembers the library's change token as of the last load, and says when it moved on.

    Always call it from the same thread (the UI thread): tokens of different threads differ.
    """

    def __init__(self, library: Library) -> None:
        """Watch ``library``; the first :meth:`changed` compares with the state at this moment."""
        self._library = library
        self._token = self._read()

    def _read(self) -> int | None:
        try:
            return self._library.change_token()
        except SkimError:
            return None  # closed or unreadable: the next load reports that properly

    def sync(self) -> None:
        """Take the current state as seen (call it when a load starts: it will see all of it)."""
        self._token = self._read()

    def changed(self) -> bool:
        """Whether the library changed since the last :meth:`sync` (and sync if so)."""
        token = self._read()
        if token is None or token == self._token:
            return False
        self._token = token
        return True
