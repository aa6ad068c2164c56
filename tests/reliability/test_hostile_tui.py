"""Hostile articles in the TUI: titles and text show literally, no control character is drawn."""

from __future__ import annotations

import pytest

from reader.core.errors import IngestError
from reader.core.ingest import read_bytes
from reader.core.library import Library
from reader.tui.article.screen import ArticleScreen
from tests.reliability.cases import CASES, FORBIDDEN, Case
from tests.reliability.screen_text import control_segments, screen_text
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp, settle

STORED = [case for case in CASES if case.expect != "refused"]


def _add(library: Library, case: Case) -> int | None:
    try:
        draft = read_bytes(case.data, name=case.filename, kind=case.filename.rsplit(".")[-1])
    except IngestError:
        return None
    return library.articles.add(draft).article.id


def _assert_clean(text: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"{found.group()!r} drawn on screen"


@pytest.mark.slow
async def test_library_and_article_screens_draw_hostile_text_literally(
    empty_library: Library,
) -> None:
    added = [(case, _add(empty_library, case)) for case in STORED]
    stored = [(case, article_id) for case, article_id in added if article_id is not None]
    TALLY["inputs tried"] += len(stored)
    app = RecordingApp(empty_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")  # the "all" view
        await settle(pilot)
        listed = screen_text(app)
        _assert_clean(listed)
        assert not control_segments(app)
        for case, article_id in stored:
            article = empty_library.articles.get(article_id)
            assert article.title[:30] in listed, (case.name, listed)
            screen = ArticleScreen(article_id)
            await app.push_screen(screen)
            await settle(pilot)
            for _ in range(50):
                if article.body[:20] in screen_text(app):
                    break
                await pilot.pause(0.05)
            shown = screen_text(app)
            _assert_clean(shown)
            assert not control_segments(app)
            assert article.body[:20] in shown, case.name
            if case.keeps:
                assert case.keeps in shown, (case.name, shown)
            app.pop_screen()
            await settle(pilot)
        assert not [m for m in app.messages if "Traceback" in m or "rror" in m], app.messages
