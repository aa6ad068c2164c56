"""Pilot tests of the library screen: every key, checked against what the library stored."""

from __future__ import annotations

import threading

import pytest
from textual import events
from textual.binding import Binding
from textual.widgets import Input, Static

from reader.core.errors import NotFound, UsageError
from reader.core.library import Library
from reader.core.models import ArticleQuery, TriageState
from reader.tui.app import SkimApp
from reader.tui.dialogs.help import HelpScreen
from reader.tui.library.article_list import MAX_CACHED_ROWS, ArticleList
from reader.tui.library.listing import Listing, View
from reader.tui.library.ordering import InOrder
from reader.tui.library.screen import LibraryScreen
from reader.tui.library.search_bar import SearchBar
from reader.tui.library.view_tabs import ViewTabs
from tests.tui.helpers import RecordingApp, settle

SIZE = (100, 30)


def screen(app: SkimApp) -> LibraryScreen:
    assert isinstance(app.screen, LibraryScreen)
    return app.screen


def current_id(app: SkimApp) -> int:
    meta = screen(app).articles.current
    assert meta is not None
    return meta.id


def inbox_ids(library: Library) -> list[int]:
    return [m.id for m in library.articles.find(ArticleQuery(state=TriageState.INBOX))]


async def test_rows_arrive_and_cursor_keys_move(library: Library) -> None:
    expected = inbox_ids(library)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = screen(app).articles
        assert articles.total == len(expected) > 10
        assert current_id(app) == expected[0]
        await pilot.press("j", "j", "down")
        assert current_id(app) == expected[3]
        await pilot.press("k", "up")
        assert current_id(app) == expected[1]
        await pilot.press("G")
        assert current_id(app) == expected[-1]
        await pilot.press("g")
        assert current_id(app) == expected[0]
        await pilot.press("end", "home", "pagedown")
        assert articles.cursor == min(len(expected) - 1, articles.size.height - 1)


async def test_archive_later_inbox_move_rows_and_undo_restores(library: Library) -> None:
    expected = inbox_ids(library)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "a")
        await settle(pilot)
        assert library.articles.meta(expected[1]).state == TriageState.ARCHIVE
        # The row left the inbox; the cursor stays at the same index, on the next article.
        assert screen(app).articles.cursor == 1
        assert current_id(app) == expected[2]
        await pilot.press("l")
        await settle(pilot)
        assert library.articles.meta(expected[2]).state == TriageState.LATER
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(expected[2]).state == TriageState.INBOX
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(expected[1]).state == TriageState.INBOX
        assert screen(app).articles.total == len(expected)
        # From the Later view, `i` sends an article back to the inbox.
        library.articles.set_state([expected[0]], TriageState.LATER)
        await pilot.press("2")
        await settle(pilot)
        assert current_id(app) == expected[0]
        await pilot.press("i")
        await settle(pilot)
        assert library.articles.meta(expected[0]).state == TriageState.INBOX
        assert screen(app).articles.total == 0


async def test_star_toggles_and_undo(library: Library) -> None:
    first = inbox_ids(library)[0]
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert library.articles.meta(first).starred is True
        shown = screen(app).articles.current
        assert shown is not None and shown.starred is True
        await pilot.press("s")
        await settle(pilot)
        assert library.articles.meta(first).starred is False
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(first).starred is True
        await pilot.press("4")  # the Starred view
        await settle(pilot)
        assert screen(app).articles.total == 1
        await pilot.press("s")  # unstarring here takes the row out of the view
        await settle(pilot)
        assert screen(app).articles.total == 0
        assert library.articles.meta(first).starred is False


async def test_delete_asks_nothing_notifies_and_undo_restores(library: Library) -> None:
    first = inbox_ids(library)[0]
    before = library.articles.count()
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        title = library.articles.meta(first).title
        await pilot.press("d")
        await settle(pilot)
        assert library.articles.count() == before - 1
        with pytest.raises(NotFound):
            library.articles.meta(first)
        assert any(m.startswith("Deleted '") and m.endswith("— u to undo") for m in app.messages)
        assert title[:20] in app.messages[-1]
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(first).id == first
        assert library.articles.count() == before
        await pilot.press("u")  # nothing left to undo: say so rather than do nothing
        await settle(pilot)
        assert library.articles.count() == before and app.messages[-1] == "Nothing to undo"


async def test_tags_key_edits_tags_and_undo(library: Library) -> None:
    first = inbox_ids(library)[0]
    old = library.articles.meta(first).tags
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        editor = app.screen.query_one("#tag-input", Input)
        editor.value = "reading, tui"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert set(library.articles.meta(first).tags) == {"reading", "tui"}
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(first).tags == old


async def test_search_as_you_type_with_syntax_and_escape(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        total = screen(app).articles.total
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        bar = app.screen.query_one(SearchBar)
        assert search.has_focus and bar.display
        await pilot.press(*"Okoro")
        await pilot.pause(0.3)  # the debounce
        await settle(pilot)
        assert screen(app).articles.total == library.articles.count(ArticleQuery(text="Okoro")) == 1
        assert app.screen.query_one(ViewTabs).status == "1 found · by relevance"
        # Syntax: a filter overrides the view; a bad filter shows one line and keeps the list.
        search.value = "is:archive"
        await pilot.pause(0.3)
        await settle(pilot)
        assert screen(app).articles.total == 0
        empty = app.screen.query_one("#empty-state", Static)
        assert empty.display and "match this search" in str(empty.render())
        search.value = "nonsense:filter"
        await pilot.pause(0.3)
        await settle(pilot)
        error = app.screen.query_one("#search-error", Static)
        assert error.display and "unknown filter" in str(error.render())
        await pilot.press("escape")
        await settle(pilot)
        assert not bar.display and search.value == ""
        assert not error.display
        assert screen(app).articles.total == total
        assert screen(app).articles.has_focus


async def test_search_enter_keeps_results_and_focuses_list(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'"recycling plant"', "enter")
        await settle(pilot)
        expected = library.articles.count(
            ArticleQuery(state=TriageState.INBOX, phrases=("recycling plant",))
        )
        assert screen(app).articles.total == expected >= 1
        assert screen(app).articles.has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert screen(app).articles.total == library.articles.count(
            ArticleQuery(state=TriageState.INBOX)
        )


async def test_views_show_counts_and_switch_with_keys(library: Library) -> None:
    ids = inbox_ids(library)
    library.articles.set_state(ids[:2], TriageState.LATER)
    library.articles.set_state(ids[2:5], TriageState.ARCHIVE)
    library.articles.set_starred(ids[:1], True)
    counts = library.articles.view_counts()
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tabs = app.screen.query_one(ViewTabs)
        assert dict(tabs.counts) == counts
        for key, view in zip("12345", ("inbox", "later", "archive", "starred", "all"), strict=True):
            await pilot.press(key)
            await settle(pilot)
            assert tabs.active == view
            assert screen(app).articles.total == counts[view]
        await pilot.press("right")  # wraps around to the inbox
        await settle(pilot)
        assert tabs.active == "inbox"
        await pilot.press("left")
        await settle(pilot)
        assert tabs.active == "all"


async def test_sort_key_cycles_orders_and_shows_it(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tabs = app.screen.query_one(ViewTabs)
        assert tabs.status == "added, newest first"
        query = ArticleQuery(state=TriageState.INBOX)
        for sort, descending, label in (
            ("published", True, "published, newest first"),
            ("title", False, "title A–Z"),
            ("source", False, "source A–Z"),
        ):
            await pilot.press("o")
            await settle(pilot)
            assert tabs.status == label
            first = library.articles.find(query, sort=sort, descending=descending, limit=1)[0]
            assert current_id(app) == first.id
        await pilot.press("O")
        await settle(pilot)
        assert tabs.status == "source Z–A"
        first = library.articles.find(query, sort="source", descending=True, limit=1)[0]
        assert current_id(app) == first.id


async def test_enter_and_double_click_open_the_article(library: Library) -> None:
    article_screen = pytest.importorskip("reader.tui.article.screen")
    ids = inbox_ids(library)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, article_screen.ArticleScreen)
        assert app.screen.article_id == ids[1]
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.click(ArticleList, offset=(10, 3))
        assert current_id(app) == ids[3]
        await pilot.click(ArticleList, offset=(10, 3), times=2)
        await settle(pilot)
        assert isinstance(app.screen, article_screen.ArticleScreen)
        assert app.screen.article_id == ids[3]


async def test_help_lists_every_binding_from_the_bindings(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        for owner in (LibraryScreen, ArticleList):
            for binding in owner.BINDINGS:
                assert isinstance(binding, Binding)
                method = getattr(owner, f"action_{binding.action.split('(')[0]}")
                summary = (method.__doc__ or "").splitlines()[0]
                if "(" in binding.action:  # view('later'): the description tells them apart
                    summary = binding.description
                if binding.action != "clear_search":  # hidden until there is a search
                    assert summary and summary in text, binding.action
        assert "Everywhere" in text and "Quit skim" in text and "Find any command" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_quit_key_exits(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_empty_library_offers_samples_in_one_key(empty_library: Library) -> None:
    app = SkimApp(empty_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#empty-state", Static)
        assert empty.display
        text = str(empty.render())
        assert text.startswith("Your library is empty.")
        assert "Press S to import the 15 bundled sample articles" in text
        assert "skim add PATH" in text
        await pilot.press("S")
        await settle(pilot)
        assert empty_library.articles.count() == 15
        assert not empty.display
        assert screen(app).articles.total == 15
        assert screen(app).articles.has_focus


@pytest.mark.parametrize(
    ("key", "fragment"),
    [
        ("2", "Nothing saved for later.\n\nPress l"),
        ("3", "Nothing archived yet.\n\nPress a"),
        ("4", "No starred articles.\n\nPress s"),
    ],
)
async def test_every_empty_view_says_what_to_do(library: Library, key: str, fragment: str) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        empty = app.screen.query_one("#empty-state", Static)
        assert empty.display and fragment in str(empty.render())


@pytest.mark.slow
async def test_ten_thousand_rows_page_through_a_bounded_cache(big_library: Library) -> None:
    """10k rows: G/g/page-down reach the right rows while only a bounded page cache is held.

    How fast this is gets measured by `python -m benchmarks`, not asserted here.
    """
    app = SkimApp(big_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = screen(app).articles
        assert articles.total == 10_000
        await pilot.press("G")
        await settle(pilot)
        last = big_library.articles.find(
            ArticleQuery(state=TriageState.INBOX), limit=1, offset=9_999
        )[0]
        assert current_id(app) == last.id
        await pilot.press("g")
        await settle(pilot)
        for _ in range(30):
            await pilot.press("pagedown")
        await settle(pilot)
        assert articles.cursor > 500
        assert articles.current is not None
        assert len(articles._rows) <= MAX_CACHED_ROWS


@pytest.mark.slow
async def test_the_list_keeps_both_ends_read_so_g_and_G_land_on_rows(big_library: Library) -> None:
    """Once the list is counted its first and last rows are read, and paging does not drop them:
    G and g then show their row at once (no placeholder, no page read, no footer flicker)."""
    app = SkimApp(big_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = screen(app).articles
        assert articles.total == 10_000
        assert 9_999 in articles._rows and 0 in articles._rows
        for _ in range(30):
            await pilot.press("pagedown")
        await settle(pilot)
        assert 9_999 in articles._rows and 0 in articles._rows
        assert len(articles._rows) <= MAX_CACHED_ROWS
        last = big_library.articles.find(
            ArticleQuery(state=TriageState.INBOX), limit=1, offset=9_999
        )[0]
        articles.action_last()
        assert articles.current is not None and articles.current.id == last.id
        articles.action_first()
        assert articles.current is not None and articles.cursor == 0


async def test_bindings_can_be_remapped_by_id(library: Library) -> None:
    first = inbox_ids(library)[0]
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_keymap({"library.archive": "x"})
        await pilot.press("x")
        await settle(pilot)
        assert library.articles.meta(first).state == TriageState.ARCHIVE


def test_search_filters_override_the_view_and_bad_ones_raise() -> None:
    listing = Listing(view=View.INBOX, search='budget "city hall" is:later tag:x')
    query = listing.query()
    assert query.state == TriageState.LATER
    assert query.text == "budget" and query.phrases == ("city hall",) and query.tags == ("x",)
    assert Listing(view=View.STARRED, search="word").query().starred is True
    assert Listing(view=View.ARCHIVE).query() == ArticleQuery(state=TriageState.ARCHIVE)
    with pytest.raises(UsageError):
        Listing(search="colour:red").query()
    assert Listing(search="word").sort_label() == "by relevance"
    assert Listing(search="is:later").sort_label() == "added, newest first"


def test_writes_run_in_ticket_order_whatever_thread_runs_first() -> None:
    order = InOrder()
    tickets = [order.ticket() for _ in range(5)]
    done: list[int] = []

    def write(ticket: int) -> None:
        with order.turn(ticket):
            done.append(ticket)

    threads = [threading.Thread(target=write, args=(t,)) for t in reversed(tickets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert done == tickets


async def test_keys_typed_in_one_burst_after_slash_land_in_the_search(library: Library) -> None:
    before = library.articles.view_counts()
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "qa"), ("slash", "/")]:
            app.post_message(events.Key(key, character))  # as a terminal delivers a paste
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one("#search", Input).value == "qa/"
        assert library.articles.view_counts() == before
