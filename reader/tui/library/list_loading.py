"""Loading the library list: the rows around the cursor in a worker, then the list, tabs and status.

:class:`ListLoader` is a plain helper the library screen owns. It reads the screen's current
:class:`~reader.tui.library.listing.Listing` with :func:`~reader.tui.library.listing.load` in a
thread worker and gives the rows to the :class:`~reader.tui.library.article_list.ArticleList`,
keeping the cursor on its article when rows arrive above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from reader.core import SkimError, UsageError
from reader.tui.library.empty_state import EmptyState
from reader.tui.library.listing import Listing, Loaded, empty_message, fetcher, load
from reader.tui.library.view_tabs import ViewTabs

if TYPE_CHECKING:
    from reader.tui.library.screen import LibraryScreen


class ListLoader:
    """The listing worker of one library screen, and what it knows about the rows shown."""

    def __init__(self, screen: LibraryScreen) -> None:
        """Load rows for ``screen``'s list."""
        self.screen = screen
        self.exact = True  # whether the list's total is the exact number of its articles
        # (cursor index, article id) when a load started: rows arriving above keep it on the article.
        self._follow: tuple[int, int] | None = None
        self._shown: Listing | None = None  # the listing the rows on screen belong to

    def reload(self, *, follow: bool, views: bool) -> None:
        """Fetch the rows around the cursor for the screen's listing, in a worker, then counts.

        See :meth:`LibraryScreen.reload <reader.tui.library.screen.LibraryScreen.reload>`.
        """
        screen = self.screen
        articles = screen.articles
        if views:
            screen.counting.count_views()
        current = articles.current if follow and screen.listing == self._shown else None
        self._follow = (articles.cursor, current.id) if current is not None else None
        listing, cursor, height = screen.listing, articles.cursor, max(articles.size.height, 50)
        screen.run_worker(
            lambda: self._load(listing, cursor, height),
            thread=True,
            exclusive=True,
            group="listing",
            exit_on_error=False,
        )

    def _load(self, listing: Listing, cursor: int, height: int) -> None:
        screen, app = self.screen, self.screen.app
        try:
            loaded = load(screen.library, listing, cursor, height)
        except UsageError as error:  # a bad filter: say so, keep showing the last good list
            app.call_from_thread(screen.search_bar.show_error, str(error))
            return
        except SkimError as error:
            app.call_from_thread(screen.notify, str(error), severity="error")
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._apply, loaded)

    def _apply(self, loaded: Loaded) -> None:
        screen = self.screen
        if loaded.listing != screen.listing:
            return  # the reader changed the view or the search meanwhile
        screen.search_bar.show_error("")
        rows = {loaded.offset + i: meta for i, meta in enumerate(loaded.rows)}
        articles = screen.articles
        follow, self._follow = self._follow, None
        self._shown = loaded.listing
        # Not if the reader moved the cursor while the rows were loading: their move wins.
        if follow is not None and follow[0] != articles.cursor:
            follow = None
        articles.reset(
            loaded.total, rows, fetcher(screen.library, loaded.listing), loaded.story_sizes
        )
        moved = [i for i, meta in rows.items() if follow is not None and meta.id == follow[1]]
        if moved:
            articles.cursor = moved[0]  # new rows above it must not move the reader's place
        if loaded.counts:
            screen.query_one(ViewTabs).counts = loaded.counts
        self.exact = loaded.counted
        if loaded.counted:
            screen.counting.cancel()
        else:
            screen.counting.count(loaded.listing)
        screen.show_status(loaded.total)
        empty = screen.query_one(EmptyState)
        empty.display = loaded.total == 0
        articles.display = loaded.total > 0
        if loaded.total == 0:
            library_size = loaded.counts.get("all", 0)
            empty.show_text(empty_message(loaded.listing, library_size, loaded.samples))
        elif screen.focused is None or (
            screen.focused is screen.search_bar.input and not screen.search_bar.is_open
        ):
            # With the list hidden (an empty library), focus falls to the closed search box
            # when a dialog closes; the rows that just arrived must take the keys instead.
            articles.focus()
        screen.refresh_keys()

    def counted(self, listing: Listing, total: int) -> None:
        """The count of ``listing``'s articles arrived (from :class:`Counting`'s worker)."""
        screen = self.screen
        if listing != self._shown or listing != screen.listing:
            return  # the reader moved on meanwhile
        self.exact = True
        screen.articles.set_total(total)
        screen.show_status(total)
