"""Next and previous article (J / K) from the article screen, in the order of the library list."""

from __future__ import annotations

from reader.core.library import Library
from reader.core.models import ArticleQuery, TriageState
from reader.tui.app import SkimApp
from reader.tui.article.screen import ArticleScreen
from reader.tui.library.screen import LibraryScreen
from reader.tui.messages import ArticleSequence
from tests.tui.helpers import RecordingApp, settle

SIZE = (100, 30)


def test_sequence_steps_through_a_window_and_past_it() -> None:
    rows = list(range(100, 300))
    reads: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[int]:
        reads.append((offset, limit))
        return rows[offset : offset + limit]

    sequence = ArticleSequence(fetch, 0)
    assert sequence.neighbour(100, -1) is None  # the first row has no previous one
    assert sequence.neighbour(100, 1) == 101 and sequence.index == 1
    assert sequence.neighbour(101, -1) == 100 and sequence.index == 0
    assert all(limit <= 2 * ArticleSequence.WINDOW + 1 for _, limit in reads)  # never the list
    far = ArticleSequence(fetch, 199)
    assert far.neighbour(299, 1) is None


def test_sequence_after_the_article_left_the_list_takes_the_row_at_its_place() -> None:
    rows = [1, 2, 3, 4]
    sequence = ArticleSequence(lambda offset, limit: rows[offset : offset + limit], 1)
    rows.remove(2)  # archived from the inbox while it was read
    assert sequence.neighbour(2, 1) == 3
    assert sequence.neighbour(3, -1) == 1


def inbox_ids(library: Library) -> list[int]:
    return [m.id for m in library.articles.find(ArticleQuery(state=TriageState.INBOX))]


def shown_id(app: SkimApp) -> int:
    assert isinstance(app.screen, ArticleScreen)
    return app.screen.article_id


async def test_shift_j_and_shift_k_follow_the_library_list(library: Library) -> None:
    ids = inbox_ids(library)
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert shown_id(app) == ids[1]
        await pilot.press("J")
        await settle(pilot)
        assert shown_id(app) == ids[2]
        await pilot.press("K", "K")
        await settle(pilot)
        assert shown_id(app) == ids[0]
        await pilot.press("K")
        await settle(pilot)
        assert shown_id(app) == ids[0]
        assert app.messages[-1] == "This is the first article of the list."
        # Archiving the article takes it out of the inbox; J still goes to the one after it.
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert shown_id(app) == ids[1]
        # Steps replace the article screen: one q goes back, to the article read last.
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        current = app.screen.articles.current
        assert current is not None and current.id == ids[1]


async def test_an_article_opened_alone_has_no_next(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ArticleScreen(inbox_ids(library)[0])
        await app.push_screen(screen)
        await settle(pilot)
        assert screen.check_action("next_article", (1,)) is None  # shown dimmed
        await pilot.press("J")
        await settle(pilot)
        assert app.screen is screen
