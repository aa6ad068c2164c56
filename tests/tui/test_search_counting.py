"""Pilot tests: a broad search shows its first rows before its count, which a worker brings."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from reader.core.library import Library
from reader.core.models import ArticleQuery
from reader.core.query import parse_query
from reader.tui.app import SkimApp
from reader.tui.library.screen import LibraryScreen
from reader.tui.library.view_tabs import ViewTabs
from tests.tui.helpers import fill_library, settle

SIZE = (100, 30)


async def test_the_count_follows_the_first_page(
    empty_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = empty_library
    fill_library(library, 300)  # every generated article says "Article N reports…"
    expected = [m.id for m in library.articles.find(parse_query("reports"))]
    assert len(expected) == 300
    gate = threading.Event()
    count, view_counts = library.articles.count, library.articles.view_counts
    view_calls: list[int] = []

    def slow_count(query: ArticleQuery | None = None) -> int:
        gate.wait(10)  # the count is still running while the first rows are shown
        return count(query)

    def counted_views() -> dict[str, int]:
        view_calls.append(1)
        return view_counts()

    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        tabs = screen.query_one(ViewTabs)
        assert tabs.counts["inbox"] == 300
        monkeypatch.setattr(library.articles, "count", slow_count)
        monkeypatch.setattr(library.articles, "view_counts", counted_views)
        await pilot.press("slash", *"reports")
        for _ in range(200):
            await pilot.pause(0.05)
            if "found" in tabs.status:
                break
        shown = screen.articles.total
        assert 0 < shown < 300
        assert tabs.status == f"{shown}+ found · by relevance"
        assert screen.articles.current is not None
        assert screen.articles.current.id == expected[0]
        gate.set()
        await settle(pilot)
        assert tabs.status == "300 found · by relevance"
        assert screen.articles.total == 300
        assert not view_calls  # typing a search does not count the views again
        await pilot.press("enter", "G")  # to the list, then its last row: it is reachable
        await settle(pilot)
        assert screen.articles.current is not None
        assert screen.articles.current.id == expected[-1]


async def test_a_short_result_is_counted_at_once(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_count(*args: Any) -> int:
        raise AssertionError("a result shorter than a page needs no count")

    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(library.articles, "count", no_count)
        await pilot.press("slash", *"Okoro")
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.screen.query_one(ViewTabs).status == "1 found · by relevance"
