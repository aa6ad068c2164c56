"""Requests a screen sends to the app, so that screens never import the app or each other.

A screen that wants another screen shown posts one of these messages; it bubbles up to the app,
which knows every screen and pushes the right one. The screens stay independent packages
(``library/``, ``article/``, ``story/``), and the layers run one way: app → screens → dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.message import Message

if TYPE_CHECKING:
    from reader.core import Library, Settings


class OpenArticle(Message):
    """Show the article screen for ``article_id``."""

    def __init__(self, article_id: int) -> None:
        """Ask for the article ``article_id`` to be opened."""
        super().__init__()
        self.article_id = article_id


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
