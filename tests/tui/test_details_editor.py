"""`m` on the article screen: correct an article's details in a form; `u` takes it back.

Each test asserts on what the library stored, and on what the screen shows after the worker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from textual.pilot import Pilot
from textual.widgets import Input, Label

from reader.core.library import Library
from reader.tui.article.header import ArticleHeader
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.details_editor import Details, DetailsEditor, date_text
from reader.tui.dialogs.help import HelpScreen
from reader.tui.keys import screen_keys
from reader.tui.palette import ScreenCommands
from tests.tui.helpers import RecordingApp, settle, settle_until

SHORT = "Riverside bridge closure"
ROOT = Path(__file__).resolve().parents[2]


def _id(library: Library, words: str) -> int:
    return next(meta.id for meta in library.articles.find() if words in meta.title)


@asynccontextmanager
async def reading(
    library: Library, aid: int
) -> AsyncIterator[tuple[Pilot[Any], RecordingApp, ArticleScreen]]:
    app = RecordingApp(library)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        # The tone and the story's sources come last, from a worker started after a repaint.
        await settle_until(pilot, lambda: screen.session.tone is not None)
        yield pilot, app, screen


async def _open_editor(pilot: Pilot[Any]) -> DetailsEditor:
    await pilot.press("m")
    await settle(pilot)
    editor = pilot.app.screen
    assert isinstance(editor, DetailsEditor)
    return editor


def _field(editor: DetailsEditor, name: str) -> Input:
    return editor.query_one(f"#details-{name}", Input)


async def test_m_edits_the_details_and_u_restores_them(library: Library) -> None:
    aid = _id(library, SHORT)
    before = Details.of(library.articles.meta(aid))
    async with reading(library, aid) as (pilot, app, screen):
        editor = await _open_editor(pilot)
        assert _field(editor, "title").value == SHORT
        assert _field(editor, "published").value == date_text(before.published)
        assert _field(editor, "source").value == (before.source or "")
        _field(editor, "title").value = "Riverside bridge [b]shut[/b] for repairs"
        _field(editor, "published").value = "5 March 2024 14:30"
        _field(editor, "author").value = "Desk"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        meta = library.articles.meta(aid)
        assert meta.title == "Riverside bridge [b]shut[/b] for repairs"
        assert meta.published == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
        assert meta.author == "Desk"
        assert meta.source == before.source
        # The header shows the new title as text: markup in data is never parsed.
        assert "Riverside bridge [b]shut[/b] for repairs" in screen.query_one(ArticleHeader).plain
        assert app.messages[-1] == (
            "Changed the title, date and author of “Riverside bridge [b]shut[/b] for repairs”: "
            "u undoes it."
        )
        await pilot.press("u")
        await settle(pilot)
        assert Details.of(library.articles.meta(aid)) == before
        assert SHORT in screen.query_one(ArticleHeader).plain
        assert app.messages[-1] == f"Details of “{SHORT}” restored."


async def test_escape_leaves_everything_as_it_was(library: Library) -> None:
    aid = _id(library, SHORT)
    before = replace(library.articles.get(aid), read=True)  # opening it marks it read
    async with reading(library, aid) as (pilot, app, screen):
        editor = await _open_editor(pilot)
        _field(editor, "title").value = "Something else"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert library.articles.get(aid) == before
        await pilot.press("u")
        await settle(pilot)
        assert app.messages[-1] == "Nothing to undo"


async def test_saving_an_untouched_form_writes_nothing(library: Library) -> None:
    aid = _id(library, SHORT)
    before = replace(library.articles.get(aid), read=True)  # opening it marks it read
    with mock.patch.object(
        library.articles, "edit_details", wraps=library.articles.edit_details
    ) as edited:
        async with reading(library, aid) as (pilot, app, screen):
            await _open_editor(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is screen
            assert not screen.session.undo
            assert not any(message.startswith("Changed") for message in app.messages)
    edited.assert_not_called()
    assert library.articles.get(aid) == before


async def test_an_empty_title_or_unreadable_date_keeps_the_form_open(library: Library) -> None:
    aid = _id(library, SHORT)
    before = library.articles.get(aid)
    async with reading(library, aid) as (pilot, _, _screen):
        editor = await _open_editor(pilot)
        _field(editor, "title").value = "   "
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is editor
        assert "needs a title" in str(editor.query_one("#details-error", Label).visual)
        _field(editor, "title").value = "Bridge shut"
        _field(editor, "published").value = "the day before yesterday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is editor
        assert editor.focused is _field(editor, "published")
        error = str(editor.query_one("#details-error", Label).visual)
        assert error.startswith("Not a date: 'the day before yesterday'")
        _field(editor, "published").value = ""  # clears the date
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is not editor
    meta = library.articles.meta(aid)
    assert (meta.title, meta.published, meta.source) == ("Bridge shut", None, before.source)


async def test_a_new_date_takes_a_report_out_of_its_story_and_undo_puts_it_back(
    library: Library,
) -> None:
    (story,) = library.stories.find()
    aid = story.articles[0].id
    async with reading(library, aid) as (pilot, app, screen):
        assert screen.session.sources == 2
        editor = await _open_editor(pilot)
        _field(editor, "published").value = "2023-01-01"
        await pilot.press("enter")
        await settle(pilot)
        assert library.stories.sizes([aid]) == {aid: 1}
        assert screen.session.sources == 1
        assert "sources" not in screen.query_one(ArticleHeader).plain
        await pilot.press("c")
        await settle(pilot)
        assert app.messages[-1] == "No other source of this story is in your library"
        await pilot.press("u")
        await settle(pilot)
        assert library.stories.sizes([aid]) == {aid: 2}
        assert "2 sources" in screen.query_one(ArticleHeader).plain


async def test_m_is_in_the_help_and_the_palette(library: Library) -> None:
    async with reading(library, _id(library, SHORT)) as (pilot, app, screen):
        helps = {entry.action: entry for entry in screen_keys(screen)}
        assert helps["edit_details"].keys == ("m",)
        assert helps["edit_details"].help.startswith("Correct the title, published date")
        names = {name for name, _, _ in ScreenCommands(screen)._commands()}
        assert "Edit details" in names
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "`m` corrects the title" in (ArticleScreen.HELP or "")


async def test_skim_edit_in_another_terminal_shows_on_the_open_article(library: Library) -> None:
    (story,) = library.stories.find()
    aid = story.articles[0].id
    async with reading(library, aid) as (pilot, _, screen):
        assert screen.session.sources == 2
        edit = ["edit", str(aid), "--title", "Recycling plant fire", "--published", "2023-01-01"]
        subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(library.path.parent), *edit],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            timeout=60,
            check=True,
        )
        for _ in range(40):  # the screen looks for outside changes every second
            if screen.session.sources == 1:
                break
            await pilot.pause(0.1)
        header = screen.query_one(ArticleHeader).plain
        assert header.startswith("Recycling plant fire") and "sources" not in header
