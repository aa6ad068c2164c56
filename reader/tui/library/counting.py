"""Counting in the background: the number of articles a search found, and the views' sizes.

:class:`Counting` is a plain helper the library screen owns. Counting every match of a broad
search costs more than reading its first page (at 100,000 articles, a word in most of them takes
~10x longer to count than to rank a page), so the list shows its first rows at once, with "N+
found", and the count follows from a worker. The views' sizes do not change when the search
does: they are counted again only when the library may have changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from reader.core import SkimError
from reader.tui.library.view_tabs import ViewTabs

if TYPE_CHECKING:
    from reader.tui.library.listing import Listing
    from reader.tui.library.screen import LibraryScreen


class Counting:
    """The count workers of one library screen."""

    def __init__(self, screen: LibraryScreen) -> None:
        """Count for ``screen``, in its workers, and give it the results."""
        self.screen = screen

    def count(self, listing: Listing) -> None:
        """Count the articles of ``listing``; the screen gets the number if it still shows it."""
        screen = self.screen
        library = screen.library

        def run() -> None:
            try:
                total = library.articles.count(listing.query())
            except SkimError:  # the load of the same listing has reported it already
                return
            if not get_current_worker().is_cancelled:
                screen.app.call_from_thread(screen.loader.counted, listing, total)

        screen.run_worker(run, thread=True, exclusive=True, group="count", exit_on_error=False)

    def cancel(self) -> None:
        """Forget a count still running (the total it would bring is known or out of date)."""
        self.screen.workers.cancel_group(self.screen, "count")

    def count_views(self) -> None:
        """Count the articles of every view, for the tabs."""
        screen = self.screen
        library = screen.library

        def run() -> None:
            try:
                counts = library.articles.view_counts()
            except SkimError as error:
                screen.app.call_from_thread(screen.notify, str(error), severity="error")
                return
            if not get_current_worker().is_cancelled:
                screen.app.call_from_thread(self._views_counted, counts)

        screen.run_worker(
            run, thread=True, exclusive=True, group="view-counts", exit_on_error=False
        )

    def _views_counted(self, counts: dict[str, int]) -> None:
        self.screen.query_one(ViewTabs).counts = counts
