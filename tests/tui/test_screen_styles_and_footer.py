"""Opening a screen costs no stylesheet rebuild, and the footer is rebuilt only when its keys change."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot

from reader.core.library import Library
from reader.tui.app import SkimApp
from reader.tui.article.screen import ArticleScreen
from reader.tui.key_footer import KeyFooter, shown_keys
from reader.tui.library.screen import LibraryScreen
from reader.tui.story.screen import StoryScreen
from tests.tui.helpers import settle, settle_until

SIZE = (120, 35)


def _count_rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[KeyFooter]:
    """Record each footer rebuild (Footer.recompose), by footer."""
    rebuilt: list[KeyFooter] = []
    recompose = KeyFooter.recompose

    async def counted(self: KeyFooter) -> None:
        rebuilt.append(self)
        await recompose(self)

    monkeypatch.setattr(KeyFooter, "recompose", counted)
    return rebuilt


async def _library_ready(pilot: Pilot[Any]) -> LibraryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    await settle_until(pilot, lambda: screen.articles.total > 0)
    return screen


async def test_opening_each_screen_rebuilds_no_stylesheet(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual rebuilds the whole stylesheet and restyles every widget when a screen brings a
    # CSS_PATH of its own; skim's screens' styles are loaded with the app's instead.
    reparsed: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparsed.append(self)
        reparse(self)

    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await _library_ready(pilot)
        monkeypatch.setattr(Stylesheet, "reparse", counted)
        article = ArticleScreen(library.articles.find(limit=1)[0].id)
        await app.push_screen(article)
        await settle_until(pilot, lambda: article.session.summary is not None)
        story = library.stories.find(limit=1)[0]
        await app.push_screen(StoryScreen(story.articles[0].id))
        await settle(pilot)
        assert reparsed == []
        # The screens' own rules apply all the same.
        layout = app.screen.styles.layout
        assert layout is not None and layout.name == "vertical"  # from story/screen.tcss
        await app.pop_screen()
        width = article.query_one("#side").styles.width
        assert width is not None and width.value == 44  # from article/screen.tcss


@asynccontextmanager
async def _library_settled(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Pilot[Any], LibraryScreen, list[KeyFooter]]]:
    """The library screen with its rows shown and its footer built; then a fresh record of the
    footer's rebuilds."""
    rebuilt = _count_rebuilds(monkeypatch)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library_ready(pilot)
        await settle(pilot)
        rebuilt.clear()
        yield pilot, screen, rebuilt


async def test_the_footer_is_not_rebuilt_when_its_keys_stay_the_same(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _library_settled(library, monkeypatch) as (pilot, screen, rebuilt):
        for _ in range(5):  # what Textual does on focus changes and refresh_bindings() calls
            screen.refresh_bindings()
        await settle(pilot)
        assert rebuilt == []  # the keys did not change: nothing to rebuild
        footer = screen.query_one(KeyFooter)
        assert footer._shown == shown_keys(screen)


async def test_the_footer_follows_keys_that_change(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _library_settled(library, monkeypatch) as (pilot, screen, rebuilt):
        footer = screen.query_one(KeyFooter)
        before = shown_keys(screen)
        await pilot.press("slash")  # the search box: "clear search" shows, "search" goes
        await settle(pilot)
        after = shown_keys(screen)
        assert after != before
        assert rebuilt == [footer]  # once, not once per request
        assert footer._shown == after
