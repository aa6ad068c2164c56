"""Snapshots of the article screen (with highlights and notes) and of the note editor.

Deterministic: the library runs on a fixed clock, the terminal size is fixed, every worker has
finished before the picture is taken, and the text area's caret does not blink.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import TextArea

from reader.core.library import Library
from reader.tui.app import SkimApp
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.note_editor import NoteEditor
from tests.tui.helpers import wait_for_workers

TITLE = "Riverside bridge closure"


async def _settle(pilot: Pilot[Any], screen: ArticleScreen) -> None:
    for _ in range(200):
        await wait_for_workers(pilot)
        await pilot.pause()
        if screen.session.summary is not None and not any(w.is_running for w in pilot.app.workers):
            return
    raise AssertionError("the article screen did not settle")


def _annotated(library: Library) -> int:
    """Give the short sample two highlights (one with a note) and an article note."""
    aid = next(m.id for m in library.articles.find() if m.title == TITLE)
    analysis = library.analysis.of(library.articles.get(aid))
    first, third = analysis.sentences[1], analysis.sentences[3]
    library.annotations.add(aid, *first, note="Check the detour times against the city notice.")
    library.annotations.add(aid, *third, tags=["traffic"])
    library.articles.set_article_note(aid, "Follow up next week.")
    return aid


def test_article_with_highlights_dark(snap_compare: Any, library: Library) -> None:
    aid = _annotated(library)

    async def open_article(pilot: Pilot[Any]) -> None:
        screen = ArticleScreen(aid)
        await pilot.app.push_screen(screen)
        await _settle(pilot, screen)
        await pilot.press("right_square_bracket")
        await pilot.pause()

    assert snap_compare(SkimApp(library), terminal_size=(100, 30), run_before=open_article)


def test_note_editor(snap_compare: Any, library: Library) -> None:
    aid = _annotated(library)

    async def edit_note(pilot: Pilot[Any]) -> None:
        screen = ArticleScreen(aid)
        await pilot.app.push_screen(screen)
        await _settle(pilot, screen)
        await pilot.press("right_square_bracket", "n")
        for _ in range(50):
            await pilot.pause()
            if isinstance(pilot.app.screen, NoteEditor):
                break
        area = pilot.app.screen.query_one(TextArea)
        area.cursor_blink = False
        await pilot.press(*" Ask the council", "enter", *"about the [bus] route.")
        await pilot.pause()

    assert snap_compare(SkimApp(library), terminal_size=(100, 30), run_before=edit_note)


def test_article_high_contrast_at_80x24(snap_compare: Any, library: Library) -> None:
    """The third theme, at the smallest size people use: panels above the text, nothing cut off."""
    aid = _annotated(library)

    async def open_article(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "skim-high-contrast"
        screen = ArticleScreen(aid)
        await pilot.app.push_screen(screen)
        await _settle(pilot, screen)
        await pilot.press("right_square_bracket")
        await pilot.pause()

    assert snap_compare(SkimApp(library), terminal_size=(80, 24), run_before=open_article)
