"""Regression tests for the reader's first-hour traps: what a new user met in the first minutes.

Each test names the trap it holds (import into an empty library, q on the Story screen, an
unconfirmed highlight, wrong words in help, silent keys).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader.core.library import Library
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.help import HelpScreen
from reader.tui.dialogs.import_dialog import ImportDialog
from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.keys import screen_keys
from reader.tui.library.screen import LibraryScreen
from reader.tui.story.screen import StoryScreen
from tests.tui.helpers import RecordingApp, settle

SHORT = "Riverside bridge closure"


def _id(library: Library, title: str) -> int:
    return next(meta.id for meta in library.articles.find() if meta.title == title)


def _aarhus_ids(library: Library) -> list[int]:
    (story,) = library.stories.find()
    return [m.id for m in story.articles]


async def test_import_into_an_empty_library_leaves_the_list_focused_with_a_cursor(
    empty_library: Library, tmp_path: Path
) -> None:
    """Point 1: after `A` in an empty library, keys went into a hidden search box."""
    source = tmp_path / "tug.md"
    source.write_text(
        "# Tugboat crews rehearse a night rescue\n\nCrews practised towing a ferry at night.\n",
        encoding="utf-8",
    )
    app = RecordingApp(empty_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("A")
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one(Input).value = str(source)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.screen is screen
        assert screen.articles.total == 1
        assert screen.focused is screen.articles
        assert screen.articles.current is not None
        # Keys typed now act on the list: j moves (nothing below), nothing is searched.
        await pilot.press("j", "k")
        await settle(pilot)
        assert screen.listing.search == ""
        assert not screen.search_bar.is_open
        assert screen.articles.total == 1


async def test_q_on_the_story_screen_goes_back_instead_of_quitting(library: Library) -> None:
    """Point 2: q quit the whole app one screen after q meant Back."""
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(StoryScreen(_aarhus_ids(library)[0]))
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, LibraryScreen)


async def test_j_and_k_move_through_the_story_sources(library: Library) -> None:
    """Point 6: j/k did nothing in the Story screen's source list."""
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        story = StoryScreen(_aarhus_ids(library)[0])
        await app.push_screen(story)
        await settle(pilot)
        from textual.widgets import OptionList

        sources = story.query_one(OptionList)
        sources.highlighted = 0
        await pilot.press("j")
        assert sources.highlighted == 1
        await pilot.press("k")
        assert sources.highlighted == 0


async def test_note_then_escape_on_a_plain_sentence_leaves_no_highlight(
    library: Library,
) -> None:
    """Point 3: `n` made the highlight before the note was written; escape left it behind."""
    aid = _id(library, SHORT)
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        first_editor = app.screen
        assert isinstance(first_editor, NoteEditor)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert library.annotations.of(aid) == []
        # Saving the note is what makes the highlight.
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press(*"why", "ctrl+s")
        await settle(pilot)
        (annotation,) = library.annotations.of(aid)
        assert annotation.note == "why"


async def test_help_words_say_text_and_back_not_story_and_library(library: Library) -> None:
    """Point 5: article help said "Scroll the Story"; Story help said escape goes to the library."""
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article = ArticleScreen(_id(library, SHORT))
        await app.push_screen(article)
        await settle(pilot)
        helps = {entry.action: entry.help for entry in screen_keys(article)}
        assert "Story" not in helps["scroll_down"] + helps["scroll_up"] + helps["page_down"]
        assert "text" in helps["scroll_down"]
        story = StoryScreen(_aarhus_ids(library)[0])
        await app.push_screen(story)
        await settle(pilot)
        helps = {entry.action: entry.help for entry in screen_keys(story)}
        assert "library" not in helps["back"]
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_compare_on_a_single_source_article_says_so(library: Library) -> None:
    """Point 6: `c` on an article with one source did nothing."""
    app = RecordingApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = ArticleScreen(_id(library, SHORT))
        await app.push_screen(screen)
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is screen
        assert app.messages[-1] == "No other source of this story is in your library"


async def test_undo_with_nothing_to_undo_says_so_on_both_screens(library: Library) -> None:
    """Point 6: u with an empty undo stack was silent."""
    app = RecordingApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert app.messages[-1] == "Nothing to undo"
        app.messages.clear()
        await app.push_screen(ArticleScreen(_id(library, SHORT)))
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert app.messages[-1] == "Nothing to undo"


async def test_library_triage_keys_say_what_they_did(library: Library) -> None:
    """Point 6: l, a, i and s in the library changed rows without a word."""
    app = RecordingApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        title = screen.articles.current.title if screen.articles.current else ""
        await pilot.press("s")
        await settle(pilot)
        assert app.messages[-1].startswith("Starred '") and "u to undo" in app.messages[-1]
        await pilot.press("l")
        await settle(pilot)
        assert app.messages[-1].startswith("Moved '") and "to Later" in app.messages[-1]
        assert title[:20] in app.messages[-1]
        await pilot.press("5")  # All: the article is still there to archive and bring back
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "to Archive" in app.messages[-1]
        await pilot.press("i")
        await settle(pilot)
        assert "to the inbox" in app.messages[-1]
