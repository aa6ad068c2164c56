"""Open in the browser, copy to the clipboard and edit a note in $EDITOR, from the article screen.

The browser call and the clipboard are faked (no browser starts, no terminal receives OSC 52); the
editor is a real program, a small Python script, run as $VISUAL would be.
"""

from __future__ import annotations

import contextlib
import sys
import webbrowser
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.core.library import Library
from reader.tui.article.header import ArticleHeader
from reader.tui.article.screen import ArticleScreen
from tests.tui.helpers import RecordingApp, settle_until
from tests.tui.test_article_screen import article_id

AARHUS = "Fourteen hurt as battery fire tears through Aarhus recycling plant"
AARHUS_URL = "https://example.com/world/2024/02/12/aarhus-recycling-plant-fire"
FAKE_EDITOR = """\
import sys
from pathlib import Path
from typing import Any

path = Path(sys.argv[-1])
before = path.read_text(encoding="utf-8")
path.write_text(before + ("; " if before else "") + "edited in the fake editor\\n", encoding="utf-8")
"""


@contextlib.asynccontextmanager
async def reading(
    library: Library, title: str
) -> AsyncIterator[tuple[Pilot[Any], RecordingApp, ArticleScreen, list[str]]]:
    """The app on article ``title``, its analysis shown, recording what reaches the clipboard."""
    app = RecordingApp(library)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign, assignment]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ArticleScreen(article_id(library, title))
        await app.push_screen(screen)
        await settle_until(pilot, lambda: screen.session.summary is not None)
        yield pilot, app, screen, copied


def fake_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make ``webbrowser.open`` record the addresses it is given instead of starting a browser."""
    opened: list[str] = []

    def open_url(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", open_url)
    return opened


async def test_o_opens_the_url_in_a_worker_and_the_header_shows_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = fake_browser(monkeypatch)
    async with reading(library, AARHUS) as (pilot, app, screen, _):
        assert AARHUS_URL in screen.query_one(ArticleHeader).plain
        await pilot.press("o")
        await settle_until(pilot, lambda: bool(opened))
        assert opened == [AARHUS_URL]
        assert app.messages[-1] == f"Opened {AARHUS_URL}"


async def test_o_on_an_article_without_url_says_so(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = fake_browser(monkeypatch)
    async with reading(library, "Riverside bridge closure") as (pilot, app, _, copied):
        await pilot.press("o", "Y")
        await settle_until(pilot)
        assert opened == [] and copied == []
        assert app.messages[-1] == "This article has no web address (m can add one)."


async def test_y_copies_sentence_selection_or_highlight_and_shift_y_the_url(
    library: Library,
) -> None:
    async with reading(library, AARHUS) as (pilot, app, screen, copied):
        text = screen.article_text
        body = text.body
        assert text.cursor_range is not None
        start, end = text.cursor_range
        await pilot.press("y")
        assert copied[-1] == body[start:end]
        assert app.messages[-1] == f"Copied the sentence ({end - start} characters)."
        await pilot.press("v", "right_square_bracket", "y")
        second_end = text.sentences[text.sentences.index((start, end)) + 1][1]
        assert copied[-1] == body[start:second_end]
        await pilot.press("Y")
        assert copied[-1] == AARHUS_URL


async def test_ctrl_n_edits_notes_in_the_editor_and_stores_them(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    aid = article_id(library, AARHUS)
    async with reading(library, AARHUS) as (pilot, app, screen, _):
        # The headless test driver cannot hand the terminal over: say so, change nothing.
        await pilot.press("ctrl+n")
        assert "cannot hand over to an editor" in app.messages[-1]
        assert library.annotations.of(aid) == []
        # In a terminal the app is suspended; here the suspension is a no-op, the rest is real.
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        assert screen.article_text.cursor_range is not None
        start, end = screen.article_text.cursor_range
        await pilot.press("ctrl+n")
        await settle_until(pilot, lambda: bool(library.annotations.of(aid)))
        [made] = library.annotations.of(aid)
        assert (made.start, made.end, made.note) == (start, end, "edited in the fake editor")
        await settle_until(pilot, lambda: bool(screen.session.annotations))
        await pilot.press("ctrl+n")
        await settle_until(pilot, lambda: "; " in library.annotations.of(aid)[0].note)
        assert library.annotations.of(aid)[0].note == (
            "edited in the fake editor; edited in the fake editor"
        )
        assert app.messages[-1] == "Note saved."
