"""Public value types of feed subscriptions (kept apart from ``models.py``, which another area owns)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.core.models import AddResult


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription.

    Attributes:
        id: the subscription's number (``skim feed remove ID``).
        url: the feed's address, or the absolute path of a local feed file.
        title: the feed's own title (or the address, until it names itself).
        site_url: the web site the feed belongs to, if it says.
        added: when the subscription was made.
        last_checked: when it was last fetched successfully (None before the first update).
        full_text: whether teaser entries are completed by fetching the linked page.
        articles: how many articles came from it.
    """

    id: int
    url: str
    title: str
    site_url: str | None
    added: datetime
    last_checked: datetime | None
    full_text: bool
    articles: int = 0


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """What subscribing to or updating one feed did.

    Attributes:
        feed: the subscription (after the update); for a failed ``subscribe``, a placeholder with
            id 0 naming the source.
        added: the entries stored (``created`` False for those that were already in the library).
        warnings: one-line notes that did not stop the update (a malformed feed that could still be
            read, an entry without text, a full text that could not be fetched).
        error: why the feed could not be read at all; then nothing was changed.
        not_modified: the server said nothing changed since the last update.
    """

    feed: Feed
    added: tuple[AddResult, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    not_modified: bool = False

    @property
    def new_articles(self) -> int:
        """How many entries became new articles."""
        return sum(1 for result in self.added if result.created)
