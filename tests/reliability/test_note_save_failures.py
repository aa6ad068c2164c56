"""M7: a note that cannot be stored (a full disk, a read-only or locked library) is not lost.

The editor stays open with the error and the text; ctrl+s tries again; ctrl+g copies the text;
escape drops it only when pressed a second time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from reader.core.errors import StorageError
from reader.core.library import Library
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.note_editor import NoteEditor
from tests.reliability.screen_text import screen_text
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp
from tests.tui.helpers import settle_until as settle

TYPED = "A long thought I do not want to type twice."


def _full_disk(*args: Any, **kwargs: Any) -> None:
    raise StorageError("the disk holding /data/library.sqlite3 is full")


@asynccontextmanager
async def reading(library: Library) -> AsyncIterator[tuple[Pilot[Any], ArticleScreen]]:
    """The reader on the first sample article."""
    app = RecordingApp(library)
    async with app.run_test(size=(110, 34)) as pilot:
        screen = ArticleScreen(library.articles.find(sort="title", descending=False)[0].id)
        await app.push_screen(screen)
        await settle(pilot, lambda: screen.session.summary is not None)
        yield pilot, screen


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "method"),
    [
        ("N", "articles.set_article_note"),
        ("n", "annotations.add"),
        ("n", "annotations.update"),
    ],
    ids=["article note", "note on a new highlight", "note on a highlight"],
)
async def test_a_note_that_cannot_be_saved_stays_in_the_editor(
    library: Library, monkeypatch: pytest.MonkeyPatch, key: str, method: str
) -> None:
    TALLY["inputs tried"] += 1
    async with reading(library) as (pilot, screen):
        if method == "annotations.update":
            await pilot.press("h")  # an existing highlight, with no note yet
            await settle(pilot)
        area, name = method.split(".")
        monkeypatch.setattr(getattr(library, area), name, _full_disk)
        await pilot.press(key)
        await settle(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        editor = pilot.app.screen
        await pilot.press(*TYPED, "ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is editor, "the editor closed and the note was lost"
        assert editor.query_one(TextArea).text == TYPED
        shown = screen_text(pilot.app)
        assert "Not saved" in shown and "is full" in shown
        # ctrl+g keeps a copy; the first escape only warns.
        await pilot.press("ctrl+g")
        assert pilot.app.clipboard == TYPED
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is editor
        # The disk has room again: ctrl+s stores the note and closes the editor.
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen
        article_id = screen.article_id
        notes = [
            library.articles.get(article_id).note,
            *(a.note for a in library.annotations.of(article_id)),
        ]
        assert TYPED in notes


async def test_escape_twice_drops_a_note_that_cannot_be_saved(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reading(library) as (pilot, screen):
        monkeypatch.setattr(library.articles, "set_article_note", _full_disk)
        await pilot.press("N")
        await settle(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        await pilot.press(*"short", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert pilot.app.screen is screen
