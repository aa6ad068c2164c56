"""What every part of the facade shares: the storage, the clock, settings, and story filing.

``Clock`` and ``ImportOutcome``, which the facade shares with its clients, live in :mod:`reader.core.types`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader.core.models import ArticleDraft
from reader.core.storage import Storage
from reader.core.types import Clock


def utc_now() -> datetime:
    """The current time, timezone-aware, to the second (stored times need no microseconds)."""
    return datetime.now(UTC).replace(microsecond=0)


class LibraryBase:
    """The storage and clock of a library; each mixin of :class:`Library` builds on this."""

    def __init__(self, storage: Storage, *, clock: Clock = utc_now) -> None:
        """Wrap ``storage``; tests pass their own storage and a fixed clock."""
        self._storage = storage
        self._clock = clock

    @property
    def path(self) -> Path:
        """The database file."""
        return self._storage.path

    @property
    def read_only(self) -> bool:
        """True when the library was opened read-only (its file or folder cannot be written)."""
        return self._storage.read_only

    def close(self) -> None:
        """Close database connections."""
        self._storage.close()

    def change_token(self) -> int:
        """A number that changes whenever the library changes (also by another program).

        Cheap enough to poll every second; compare tokens taken on the same thread.
        """
        return self._storage.change_token()

    def get_setting(self, key: str) -> str | None:
        """A stored preference (such as the theme), or None."""
        return self._storage.get_setting(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a preference."""
        self._storage.set_setting(key, value)

    def _group_new(self, items: list[tuple[int, ArticleDraft]], added: datetime) -> None:
        """File newly stored articles in stories (a restored article keeps its old story)."""
        if items:
            from reader.core.stories import groups

            groups.group_drafts(self._storage, items, added)

    def _after_import(self, created: int) -> None:
        # Articles stored outside add_many still join stories.
        if created:
            from reader.core.stories import groups

            groups.group_pending(self._storage)
