"""Requests a screen sends to the app, so that screens never import the app or each other.

A screen that wants another screen shown posts one of these messages; it bubbles up to the app,
which knows every screen and pushes the right one. The screens stay independent packages
(``library/``, ``article/``, ``story/``), and the layers run one way: app → screens → dialogs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from textual.message import Message

if TYPE_CHECKING:
    from reader.core import Library, Settings


IdsFetch = Callable[[int, int], list[int]]
"""Return the ids of up to ``limit`` articles of a list from ``offset`` (called in a worker)."""


class ArticleSequence:
    """The order of the list an article was opened from, so the reader can step through it.

    Lists can hold 100,000 articles, so no list of ids is copied: each step reads a window
    around the last known place. When the article has left the list meanwhile (archived from the
    inbox, say), the rows after it have moved up, so the next one is at its old place.
    """

    WINDOW = 50

    def __init__(self, fetch_ids: IdsFetch, index: int) -> None:
        """Step through the list read by ``fetch_ids``, starting at row ``index``."""
        self._fetch = fetch_ids
        self._lock = threading.Lock()
        self.start = index
        self.index = index
        """The row of the article shown last (the library puts its cursor there on return)."""

    def neighbour(self, article_id: int, direction: int) -> int | None:
        """The id of the article after (1) or before (-1) ``article_id``; None at an end.

        Reads the library: call it from a worker.
        """
        with self._lock:
            first = max(0, self.index - self.WINDOW)
            ids = self._fetch(first, 2 * self.WINDOW + 1)
            if article_id in ids:
                target = first + ids.index(article_id) + direction
            else:
                target = self.index if direction > 0 else self.index - 1
            if target < 0:
                return None
            if first <= target < first + len(ids):
                found: int | None = ids[target - first]
            else:
                found = next(iter(self._fetch(target, 1)), None)
            if found is not None:
                self.index = target
            return found


class OpenArticle(Message):
    """Show the article screen for ``article_id``."""

    def __init__(
        self, article_id: int, sequence: ArticleSequence | None = None, *, replace: bool = False
    ) -> None:
        """Ask for the article ``article_id`` to be opened.

        Args:
            article_id: The article to show.
            sequence: The list it belongs to, for next/previous article (J / K).
            replace: Show it instead of the article screen on top (stepping), not over it.
        """
        super().__init__()
        self.article_id = article_id
        self.sequence = sequence
        self.replace = replace


class OpenStory(Message):
    """Show the story screen: the sources covering the story of ``article_id``."""

    def __init__(self, article_id: int) -> None:
        """Ask for the story of the article ``article_id`` to be compared."""
        super().__init__()
        self.article_id = article_id


class LibraryHost(Protocol):
    """What screens and dialogs need of the app: the library it runs on."""

    @property
    def library(self) -> Library:
        """The open library."""
        ...

    @property
    def settings(self) -> Settings:
        """The config file's settings."""
        ...


def library_of(app: object) -> Library:
    """The library of the running ``app`` (screens read it from there, not from the app module)."""
    return cast("LibraryHost", app).library


def settings_of(app: object) -> Settings:
    """The config file's settings of the running ``app``."""
    return cast("LibraryHost", app).settings
