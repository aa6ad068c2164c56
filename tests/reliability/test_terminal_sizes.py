"""Resizing the terminal to tiny (20 by 5), back, and very wide (300 columns) never crashes skim."""

from __future__ import annotations

import pytest

from reader.core.library import Library
from reader.core.models import ArticleQuery
from reader.tui.article.screen import ArticleScreen
from reader.tui.library.screen import LibraryScreen
from tests.reliability.screen_text import screen_text
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp, settle

SIZES = [(20, 5), (100, 30), (1, 1), (300, 50), (300, 3), (80, 24), (20, 5), (100, 30)]


async def _walk_sizes(app: RecordingApp, pilot: object, keys: list[str]) -> None:
    for width, height in SIZES:
        await pilot.resize_terminal(width, height)  # type: ignore[attr-defined]
        await settle(pilot)  # type: ignore[arg-type]
        assert app.size == (width, height)
        await pilot.press(*keys)  # type: ignore[attr-defined]
        await settle(pilot)  # type: ignore[arg-type]
        screen_text(app)  # the screen renders at this size
        TALLY["terminal sizes tried"] += 1
    assert app.is_running


@pytest.mark.slow
async def test_library_screen_survives_every_size(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=(300, 50)) as pilot:
        await settle(pilot)
        await _walk_sizes(app, pilot, ["j", "j", "k", "5"])
        assert isinstance(app.screen, LibraryScreen)
        # Back at a normal size the list still shows rows and a cursor.
        assert app.screen.articles.current is not None
        assert app.screen.articles.current.title[:20] in screen_text(app)
    assert not [m for m in app.messages if "rror" in m], app.messages


@pytest.mark.slow
async def test_article_screen_survives_every_size(library: Library) -> None:
    longest = max(library.articles.find(ArticleQuery()), key=lambda meta: meta.words)
    app = RecordingApp(library)
    async with app.run_test(size=(20, 5)) as pilot:
        await app.push_screen(ArticleScreen(longest.id))
        await settle(pilot)
        await _walk_sizes(app, pilot, ["j", "right_square_bracket", "p", "p"])
        assert isinstance(app.screen, ArticleScreen)
        body = library.articles.get(longest.id).body
        assert body.split()[0] in screen_text(app)
    assert not [m for m in app.messages if "rror" in m], app.messages
