"""What the summary keys repaint: the lines that changed, and nothing the screen wrote itself.

``+`` and ``-`` used to restyle the whole text, re-show the header and notes when the poll for
outside changes saw the screen's own write, and reload the library list hidden under the article.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from textual.strip import Strip

from reader.core.library import Library
from reader.tui import spans as sp
from reader.tui.app import SkimApp
from reader.tui.article.article_text import ArticleText
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.line_drawer import LineDrawer
from reader.tui.article.screen import ArticleScreen
from reader.tui.changes import POLL_SECONDS
from reader.tui.library.screen import LibraryScreen
from tests.tui.helpers import settle_until as settle
from tests.tui.test_article_screen import LONG, article_id, reading


def test_changed_runs_groups_neighbouring_changes() -> None:
    assert sp.changed_runs([1, 2, 3, 4, 5], [1, 0, 0, 4, 0]) == [(1, 3), (4, 5)]
    assert sp.changed_runs([], []) == []
    assert sp.changed_runs(["a"], ["a"]) == []
    with pytest.raises(ValueError):
        sp.changed_runs([1], [1, 2])


def _screen_lines(text: ArticleText) -> list[Strip]:
    return [text.render_line(y) for y in range(text.scrollable_content_region.height)]


async def test_plus_redraws_only_the_lines_of_the_new_sentence(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reading(library, article_id(library, LONG), size=(120, 60)) as (pilot, screen):
        text, session = screen.article_text, screen.session
        before = {s.start for s in session.summary.sentences} if session.summary else set()
        drawn: list[int] = []
        original = LineDrawer.draw

        def counting(self: LineDrawer, body: str, index: int, *args: Any) -> Strip:
            drawn.append(index)
            return original(self, body, index, *args)

        monkeypatch.setattr(LineDrawer, "draw", counting)
        await pilot.press("plus")
        await settle(pilot, lambda: len(session.summary.sentences) == 4)  # type: ignore[union-attr]
        await pilot.pause()
        added = [s for s in session.summary.sentences if s.start not in before]  # type: ignore[union-attr]
        assert len(added) == 1
        lines = set(range(text.line_of(added[0].start), text.line_of(added[0].end - 1) + 1))
        assert set(drawn) <= lines  # nothing else on screen was drawn again
        # What was kept is what a full repaint draws: no line shows the old summary.
        kept = _screen_lines(text)
        text._invalidate()
        assert _screen_lines(text) == kept
        assert text.spans == session.spans()


async def test_own_writes_are_not_taken_for_changes_by_another_program(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        header = screen.query_one(ArticleHeader)
        shown: list[object] = []
        original = header.show

        def counting(article: Any) -> None:
            shown.append(article)
            original(article)

        monkeypatch.setattr(header, "show", counting)
        await pilot.press("plus")
        await settle(pilot, lambda: screen.query_one(HighlightsPanel).sentence_count == 4)
        await pilot.pause(POLL_SECONDS * 1.5)
        await settle(pilot)
        assert shown == []  # the summary length the screen stored is no news to it
        assert library.get_setting("summary.sentences") == "4"
        library.articles.set_tags(aid, ["elsewhere"])  # as `skim tag` in another terminal would
        await settle(pilot, lambda: bool(shown))
        assert "elsewhere" in header.plain


async def test_the_list_under_an_open_article_waits_until_it_is_shown_again(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    reloads: list[float] = []
    original = LibraryScreen.reload

    def counting(self: LibraryScreen, **kwargs: Any) -> None:
        reloads.append(time.monotonic())
        original(self, **kwargs)

    monkeypatch.setattr(LibraryScreen, "reload", counting)
    app = SkimApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = ArticleScreen(article_id(library))
        await app.push_screen(screen)
        await settle(pilot, lambda: screen.session.summary is not None)
        reloads.clear()
        await pilot.press("plus")
        await pilot.pause(POLL_SECONDS * 1.5)
        await settle(pilot)
        assert reloads == []  # hidden under the article, the list does not reload
        await pilot.press("q")
        await settle(pilot, lambda: isinstance(app.screen, LibraryScreen) and bool(reloads))


async def test_old_bullets_are_dimmed_only_while_a_slow_summary_is_computed(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reading(library, article_id(library)) as (pilot, screen):
        panel = screen.query_one(HighlightsPanel)
        await pilot.press("plus")
        assert not panel.stale  # a summary that arrives at once is not announced by a flicker
        await settle(pilot, lambda: panel.sentence_count == 4)
        assert not panel.stale
        summary = library.analysis.summary

        def slow(*args: Any, **kwargs: Any) -> Any:
            time.sleep(0.6)
            return summary(*args, **kwargs)

        monkeypatch.setattr(library.analysis, "summary", slow)
        await pilot.press("minus")
        await pilot.pause(0.4)
        assert panel.stale and panel.sentence_count == 4
        await settle(pilot, lambda: panel.sentence_count == 3)
        assert not panel.stale
