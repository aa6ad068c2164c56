"""Find in the article and paging: the pure finder, then the keys driven with Pilot."""

from __future__ import annotations

import threading

import pytest
from textual.binding import Binding

from reader.core.library import Library
from reader.core.models import Article
from reader.tui.app import SkimApp
from reader.tui.article.find_bar import FindBar
from reader.tui.article.finding import CURRENT_STYLE, MATCH_STYLE, Finder, find_all
from reader.tui.article.screen import ArticleScreen
from tests.tui.helpers import settle_until
from tests.tui.test_article_screen import article_id, reading

# -- pure ---------------------------------------------------------------------------------------


def test_find_all_is_smart_case_and_literal() -> None:
    body = "Bridge and bridge; BRIDGE. [a+b] bridges"
    assert len(find_all(body, "bridge")) == 4
    assert find_all(body, "Bridge") == [(0, 6)]
    assert find_all(body, "[a+b]") == [(27, 32)]  # not a pattern
    assert find_all(body, "") == []


def test_finder_starts_from_here_steps_and_wraps() -> None:
    finder = Finder()
    body = "ab ab ab"
    assert finder.search(body, "ab", 2) == (3, 5)
    assert finder.count_label() == "2/3"
    assert finder.step(1) == (6, 8)
    assert finder.step(1) == (0, 2)  # wraps to the first
    assert finder.step(-1) == (6, 8)
    assert [s.style for s in finder.spans()] == [MATCH_STYLE, MATCH_STYLE, CURRENT_STYLE]
    assert finder.search(body, "zz", 0) is None
    assert finder.count_label() == "no matches"
    finder.clear()
    assert finder.count_label() == "" and finder.spans() == []


# -- the screen ---------------------------------------------------------------------------------


async def test_slash_finds_as_you_type_counts_steps_and_escape_clears(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        body = screen.article_text.body
        expected = find_all(body, "bridge")
        assert len(expected) >= 3
        await pilot.press("slash", *"bridge")
        bar = screen.query_one(FindBar)
        assert bar.is_open and bar.input.value == "bridge"  # "/" typed nothing into the bar
        assert bar.count == f"1/{len(expected)}"
        marks = [(s.start, s.end) for s in screen.article_text.spans if s.style == MATCH_STYLE]
        current = [(s.start, s.end) for s in screen.article_text.spans if s.style == CURRENT_STYLE]
        assert current == [expected[0]] and marks == expected[1:]
        await pilot.press("enter")
        assert bar.count == f"2/{len(expected)}"
        cursor = screen.article_text.cursor_range
        assert cursor is not None and cursor[0] <= expected[1][0] < cursor[1]
        await pilot.press("up")
        assert bar.count == f"1/{len(expected)}"
        # tab gives the keys back to the text; ctrl+g and ctrl+r step through the matches there.
        await pilot.press("tab")
        assert screen.focused is screen.article_text and bar.is_open
        await pilot.press("ctrl+g", "ctrl+g")
        assert bar.count == f"3/{len(expected)}"
        await pilot.press("ctrl+r")
        assert bar.count == f"2/{len(expected)}"
        await pilot.press("slash", "escape")
        assert not bar.is_open and not screen.find.finder.active
        assert not [s for s in screen.article_text.spans if s.style in (MATCH_STYLE, CURRENT_STYLE)]
        assert screen.focused is screen.article_text


async def test_a_find_typed_before_the_text_arrives_searches_the_text_when_it_does(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A regression: the query was searched in the empty text shown while the article was read,
    # and stayed at "no matches" once the text appeared (seen in a real terminal on a busy machine).
    aid = article_id(library)
    expected = find_all(library.articles.get(aid).body, "bridge")
    assert len(expected) >= 3
    read = library.articles.get
    release = threading.Event()

    def slow_get(article_id: int) -> Article:
        release.wait(timeout=30)
        return read(article_id)

    monkeypatch.setattr(library.articles, "get", slow_get)
    app = SkimApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        await pilot.press("slash", *"bridge")
        bar = screen.query_one(FindBar)
        assert screen.article_text.body == "" and bar.count == "no matches"
        release.set()
        await settle_until(pilot, lambda: screen.session.summary is not None)
        assert bar.is_open and bar.input.value == "bridge"
        assert bar.count == f"1/{len(expected)}"
        current = [(s.start, s.end) for s in screen.article_text.spans if s.style == CURRENT_STYLE]
        assert current == [expected[0]]


async def test_find_without_matches_says_so_and_marks_nothing(library: Library) -> None:
    async with reading(library, article_id(library)) as (pilot, screen):
        await pilot.press("slash", *"zzqx")
        assert screen.query_one(FindBar).count == "no matches"
        assert not [s for s in screen.article_text.spans if s.style == MATCH_STYLE]


async def test_paging_keys_move_by_a_screen_and_half_a_screen(library: Library) -> None:
    async with reading(library, article_id(library), size=(100, 20)) as (pilot, screen):
        text = screen.article_text
        height = text.scrollable_content_region.height
        half = height // 2
        assert text.max_scroll_y > 2 * height
        await pilot.press("ctrl+d")
        assert text.scroll_y == half
        await pilot.press("ctrl+u")
        assert text.scroll_y == 0
        await pilot.press("ctrl+f")
        page = text.scroll_y
        assert page >= height - 1
        await pilot.press("space")
        assert text.scroll_y == 2 * page
        await pilot.press("b")
        assert text.scroll_y == page
        await pilot.press("ctrl+b")
        assert text.scroll_y == 0
        await pilot.press("ctrl+f", "shift+space")
        assert text.scroll_y == 0


async def test_arrow_page_and_home_end_keys_are_the_screens_own(library: Library) -> None:
    """The text widget took pgdn/pgup, the arrows and home/end itself (a scrolling container's
    keys): they were missing from `?`, ignored the keymap and scrolled with an animation."""
    from reader.tui.keys import screen_keys

    async with reading(library, article_id(library), size=(100, 20)) as (pilot, screen):
        keys = {entry.description: entry.keys for entry in screen_keys(screen)}
        assert {"pgdn", "pgup"} <= {*keys["Page down"], *keys["Page up"]}
        assert "↓" in keys["Scroll down"] and "↑" in keys["Scroll up"]
        assert "home" in keys["Top"] and "end" in keys["Bottom"]
        text = screen.article_text
        await pilot.press("pagedown")
        page = text.scroll_y
        assert page >= text.scrollable_content_region.height - 1  # at once, not animated
        await pilot.press("down")
        assert text.scroll_y == page + 1
        await pilot.press("end")
        assert text.scroll_y == text.max_scroll_y
        await pilot.press("home")
        assert text.scroll_y == 0


async def test_new_keys_have_ids_and_are_in_help_and_the_palette(library: Library) -> None:
    from reader.tui.keys import screen_keys

    async with reading(library, article_id(library)) as (_, screen):
        entries = {entry.description: entry for entry in screen_keys(screen)}
        wanted = {
            "Find": "/",
            "Next match": "^g",
            "Previous match": "^r",
            "Page up": "b",
            "Half page down": "^d",
            "Half page up": "^u",
            "Next article": "J",
            "Previous article": "K",
            "Open in browser": "o",
            "Copy": "y",
            "Copy web address": "Y",
            "Note in $EDITOR": "^n",
            "Select words": "w",
            "Selection: one word fewer": "W",
            "Selection: start a word earlier": "<",
            "Selection: start a word later": ">",
        }
        for description, key in wanted.items():
            assert key in entries[description].keys, (description, entries[description].keys)
        ids = {b.id for b in screen.BINDINGS if isinstance(b, Binding)}
        assert {"article.find", "article.find-next", "article.open-url", "article.copy"} <= ids
        assert "`ctrl+g`" in screen.HELP and "`n` and `N` stay for notes" in screen.HELP
