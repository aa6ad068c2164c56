"""What several collaborators of :class:`~reader.core.library.Library` share: the clock's default
and filing newly stored articles in stories.

Plain functions, not a base class: each collaborator is handed its storage and clock and calls these.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core.models import ArticleDraft
from reader.core.storage import Storage


def utc_now() -> datetime:
    """The current time, timezone-aware, to the second (stored times need no microseconds)."""
    return datetime.now(UTC).replace(microsecond=0)


def file_new(storage: Storage, items: list[tuple[int, ArticleDraft]], added: datetime) -> None:
    """File newly stored articles in stories (a restored article keeps its old story)."""
    if items:
        from reader.core.stories import groups

        groups.group_drafts(storage.stories, items, added)


def file_imported(storage: Storage, created: int) -> None:
    """File articles that an import stored without drafts at hand (feeds, saved pages) in stories."""
    if created:
        from reader.core.stories import groups

        groups.group_pending(storage.stories)
