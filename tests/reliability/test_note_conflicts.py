"""M6: the reader's note editor never silently overwrites what another skim saved meanwhile.

Another skim (a second library connection, as `skim note` in another terminal would be) changes
the article note, a highlight's note or the tags while the reader's editor is open. Saving then
stores nothing and shows their note; the reader chooses: save theirs over (ctrl+o), keep theirs
(ctrl+t; the typed text goes to the clipboard) or keep both (ctrl+b). Tags are merged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader.core.library import Library, open_library
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.dialogs.tag_editor import TagEditor
from tests.reliability.screen_text import screen_text
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp
from tests.tui.helpers import settle_until as settle


@asynccontextmanager
async def reading(
    library: Library, note: str = "", tags: tuple[str, ...] = ()
) -> AsyncIterator[tuple[Pilot[Any], int, Library]]:
    """The reader on the first sample article (with ``note`` and ``tags``), and a second skim."""
    article_id = library.articles.find(sort="title", descending=False)[0].id
    library.articles.set_article_note(article_id, note)
    library.articles.set_tags(article_id, tags)
    other = open_library(library.path.parent)
    app = RecordingApp(library)
    try:
        async with app.run_test(size=(110, 34)) as pilot:
            screen = ArticleScreen(article_id)
            await app.push_screen(screen)
            await settle(pilot, lambda: screen.session.summary is not None)
            yield pilot, article_id, other
    finally:
        other.close()


async def _open_editor(pilot: Pilot[Any], key: str) -> NoteEditor:
    await pilot.press(key)
    await settle(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
    editor = pilot.app.screen
    assert isinstance(editor, NoteEditor)
    return editor


async def _type_and_save(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize("choice", ["ctrl+o", "ctrl+t", "ctrl+b"])
async def test_article_note_changed_elsewhere_is_not_overwritten(
    library: Library, choice: str
) -> None:
    TALLY["inputs tried"] += 1
    async with reading(library, "Original.") as (pilot, article_id, other):
        editor = await _open_editor(pilot, "N")
        other.articles.set_article_note(article_id, "Theirs, saved meanwhile.")
        await _type_and_save(pilot, " Mine")
        assert pilot.app.screen is editor, "the editor closed over a conflict"
        assert library.articles.get(article_id).note == "Theirs, saved meanwhile."
        assert "Theirs, saved meanwhile." in screen_text(pilot.app)
        assert editor.query_one(TextArea).text == "Original. Mine"
        await pilot.press(choice)
        await settle(pilot)
        if choice == "ctrl+b":
            assert editor.query_one(TextArea).text == "Theirs, saved meanwhile.\n\nOriginal. Mine"
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert pilot.app.screen is not editor
        stored = library.articles.get(article_id).note
    assert (
        stored
        == {
            "ctrl+o": "Original. Mine",
            "ctrl+t": "Theirs, saved meanwhile.",
            "ctrl+b": "Theirs, saved meanwhile.\n\nOriginal. Mine",
        }[choice]
    )
    if choice == "ctrl+t":
        assert pilot.app.clipboard == "Original. Mine"


@pytest.mark.slow
async def test_highlight_note_changed_elsewhere_is_not_overwritten(library: Library) -> None:
    TALLY["inputs tried"] += 1
    async with reading(library) as (pilot, article_id, other):
        await pilot.press("h")
        await settle(pilot)
        (highlight,) = library.annotations.of(article_id)

        def note() -> str:
            return next(a.note for a in library.annotations.of(article_id) if a.id == highlight.id)

        editor = await _open_editor(pilot, "n")
        other.annotations.update(highlight.id, note="Their highlight note.")
        await _type_and_save(pilot, "My highlight note.")
        assert pilot.app.screen is editor
        assert note() == "Their highlight note."
        # Theirs changes again while the choice is on screen: overwriting asks again.
        other.annotations.update(highlight.id, note="Their second thought.")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert pilot.app.screen is editor
        assert note() == "Their second thought."
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert pilot.app.screen is not editor
        assert note() == "My highlight note."


async def test_an_unchanged_note_saved_does_not_undo_theirs(library: Library) -> None:
    async with reading(library) as (pilot, article_id, other):
        await _open_editor(pilot, "N")
        other.articles.set_article_note(article_id, "Theirs.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert library.articles.get(article_id).note == "Theirs."


async def test_tags_edited_elsewhere_are_merged_not_overwritten(library: Library) -> None:
    TALLY["inputs tried"] += 1
    async with reading(library, tags=("harbour", "old")) as (pilot, article_id, other):
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(pilot.app.screen, TagEditor))
        assert pilot.app.screen.query_one(Input).value == "harbour, old"
        other.articles.change_tags([article_id], add=["theirs"], remove=["harbour"])
        await pilot.press("end", *", mine", "enter")
        await settle(pilot, lambda: not isinstance(pilot.app.screen, TagEditor))
        await settle(pilot)
        assert library.articles.get(article_id).tags == ("mine", "old", "theirs")
