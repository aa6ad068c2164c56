"""The library list's view and sort, remembered between runs.

At start the list shows the view and sort the reader left (the state file, see
:mod:`reader.core.state`), else the config file's ``[library] view`` and ``sort``. Each change of
view or order is written from a thread worker; a failed write is ignored (it is a convenience).
"""

from __future__ import annotations

from textual.dom import DOMNode

from reader.core import ListState, Settings, read_list_state, write_list_state
from reader.tui.library.listing import Listing, View


class ListMemory:
    """Reads the remembered view and sort once, and writes them when they change."""

    def __init__(self) -> None:
        """Nothing read yet."""
        self._last: ListState | None = None

    def first_listing(self, settings: Settings) -> Listing:
        """The listing to start with: the remembered one, else the config's view and sort.

        Read on the UI thread: the file is a few bytes, and the first rows need the answer.
        """
        state = read_list_state()
        if state is None:
            # Dates newest first, names A–Z, as the sort key does.
            descending = settings.sort in ("added", "published")
            state = ListState(settings.view, settings.sort, descending)
        else:
            self._last = state
        return Listing(view=View(state.view), sort=state.sort, descending=state.descending)

    def remember(self, host: DOMNode, listing: Listing) -> None:
        """Write ``listing``'s view and sort in a worker of ``host``, if they changed."""
        state = ListState(listing.view.value, listing.sort, listing.descending)
        if state == self._last:
            return
        self._last = state
        host.run_worker(
            lambda: write_list_state(state),
            thread=True,
            group="list-memory",
            exit_on_error=False,
        )
