"""The library screen: views with counts, the article list, search, sorting and triage with undo.

:class:`LibraryScreen` keeps the layout, the keys and the messages of its widgets; the work is
done by plain helpers it owns: :class:`~reader.tui.library.list_loading.ListLoader` (rows),
:class:`~reader.tui.library.counting.Counting`, :class:`~reader.tui.library.triage.Triage`,
:class:`~reader.tui.library.marks.Marks` and :class:`~reader.tui.library.transfers.Transfers`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.worker import Worker

from reader.core import TriageState, UsageError
from reader.tui.changes import POLL_SECONDS, ChangeWatcher
from reader.tui.failures import report_failure
from reader.tui.key_footer import KeyFooter
from reader.tui.library.article_list import ArticleList
from reader.tui.library.bindings import LIBRARY_BINDINGS, LIBRARY_HELP
from reader.tui.library.counting import Counting
from reader.tui.library.empty_state import EmptyState
from reader.tui.library.list_loading import ListLoader
from reader.tui.library.list_memory import ListMemory
from reader.tui.library.listing import Listing, View, id_fetcher
from reader.tui.library.marks import Marks
from reader.tui.library.search_bar import SearchBar
from reader.tui.library.transfers import Transfers
from reader.tui.library.triage import Triage
from reader.tui.library.view_tabs import ViewTabs
from reader.tui.messages import ArticleSequence, OpenArticle, OpenStory, library_of, settings_of

if TYPE_CHECKING:
    from reader.core import Library

_ROW_ACTIONS = {
    "open",
    "later",
    "archive",
    "inbox",
    "star",
    "read",
    "mark",
    "tags",
    "delete",
    "story",
}


class LibraryScreen(Screen[None]):
    """All articles, one view at a time, with keyboard triage, export, import and stories."""

    HELP = LIBRARY_HELP

    BINDINGS: ClassVar[list[BindingType]] = LIBRARY_BINDINGS

    def __init__(self) -> None:
        """Start on the inbox, newest first, until :meth:`on_mount` reads the remembered list."""
        super().__init__()
        self.listing = Listing()
        self.memory = ListMemory()
        self.triage = Triage(self)
        self.transfers = Transfers(self)
        self.marks = Marks(self)
        self.counting = Counting(self)
        self.loader = ListLoader(self)
        self._keys_state: tuple[bool, ...] = ()
        self._watcher: ChangeWatcher | None = None
        self._sequence: ArticleSequence | None = None  # the list the open article steps through

    @property
    def library(self) -> Library:
        """The app's library."""
        return library_of(self.app)

    @property
    def articles(self) -> ArticleList:
        """The list widget."""
        return self.query_one(ArticleList)

    def compose(self) -> ComposeResult:
        """Tabs, search box (hidden until `/`), the list or an empty state, and the footer."""
        yield ViewTabs(id="view-tabs")
        yield SearchBar(id="search-bar")
        yield ArticleList(id="articles")
        yield EmptyState(id="empty-state")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the list; rows arrive from a worker after the first frame."""
        settings = settings_of(self.app)
        self.listing = self.memory.first_listing(settings)
        self.articles.date_format = settings.date_format
        self.articles.focus()
        self.show_status()
        self._watcher = ChangeWatcher(self.library)
        self.set_interval(POLL_SECONDS, self._poll_changes)

    def _poll_changes(self) -> None:
        """Reload when another program changed the library, keeping the cursor's article."""
        # Not `is_current`: that holds for the screen right under the top one as well, so an
        # article open over the list reloaded it (a layout behind the article, then a repaint of
        # the whole article screen) after each of the article's own writes. Coming back reloads.
        if self._watcher is not None and self.app.screen is self and self._watcher.changed():
            self.reload()

    def on_screen_resume(self) -> None:
        """Reload when coming back (an article may have changed), on the article read last."""
        sequence, self._sequence = self._sequence, None
        if sequence is not None and sequence.index != sequence.start:
            self.articles.cursor = sequence.index
        self.reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a worker that failed unexpectedly."""
        report_failure(self, event)

    # -- loading ---------------------------------------------------------------------------------

    def reload(self, *, follow: bool = True, views: bool = True) -> None:
        """Fetch the rows around the cursor for the current listing, in a worker, then counts.

        With ``follow``, the cursor stays on its article even if rows arrive above it (another
        program added articles); without, it stays at its index (undo puts a row back there).
        With ``views``, the tabs' counts are read again too (the library may have changed).
        """
        if self._watcher is not None:
            self._watcher.sync()  # the load will see every change made up to now
        self.loader.reload(follow=follow, views=views)

    def _set_listing(self, listing: Listing, *, keep_cursor: bool = False) -> None:
        self.listing = listing
        self.memory.remember(self, listing)
        if not keep_cursor:
            self.articles.cursor = 0
        self.show_status()
        self.reload(views=False)  # another view, order or search: the library is the same

    def show_status(self, found: int | None = None) -> None:
        """Show the view at once; the order, the number found and marked once rows arrive."""
        tabs = self.query_one(ViewTabs)
        tabs.active = self.listing.view
        if found is None:
            return
        label = self.listing.sort_label()
        number = f"{found:,}" if self.loader.exact else f"{found:,}+"  # "+": still being counted
        status = f"{number} found · {label}" if self.listing.search.strip() else label
        marked = len(self.marks.ids)
        tabs.status = f"{marked} marked · {status}" if marked else status
        self.articles.date_field = "published" if self.listing.sort == "published" else "added"

    # -- views, sorting, search ------------------------------------------------------------------

    def action_view(self, name: str) -> None:
        """Show one of the views."""
        self._set_listing(replace(self.listing, view=View(name)))

    def action_next_view(self, step: int) -> None:
        """Show the view to the right (or left) of the current one."""
        views = list(View)
        index = (views.index(self.listing.view) + step) % len(views)
        self._set_listing(replace(self.listing, view=views[index]))

    @on(ViewTabs.Chosen)
    def _view_clicked(self, event: ViewTabs.Chosen) -> None:
        self._set_listing(replace(self.listing, view=event.view))

    def action_sort(self) -> None:
        """Cycle the order: date added, date published, title, source."""
        self._set_listing(self.listing.next_sort())
        self.notify(f"Sorted by {self.listing.sort_label()}", timeout=2)

    def action_reverse(self) -> None:
        """Reverse the order."""
        self._set_listing(replace(self.listing, descending=not self.listing.descending))

    @property
    def search_bar(self) -> SearchBar:
        """The search box."""
        return self.query_one(SearchBar)

    def action_search(self) -> None:
        """Open the search box (results follow as you type)."""
        self.search_bar.open()
        self.refresh_keys()

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        if event.value != self.listing.search:
            self._set_listing(replace(self.listing, search=event.value))

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        self._search_changed(SearchBar.Changed(event.value))
        self.articles.focus()

    def action_clear_search(self) -> None:
        """Empty and hide the search box."""
        self.search_bar.close()
        self.articles.focus()
        self.refresh_keys()
        if self.listing.search:
            self._set_listing(replace(self.listing, search=""))

    # -- triage ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim what needs a selected article or an undo entry; hide "clear search" when idle."""
        marks = self.marks.check_action(action)
        if marks is not None:
            return marks
        if action in _ROW_ACTIONS:
            if not self.articles.total:
                return False  # an empty list: keep the footer calm
            return True if self.articles.current is not None else None
        if action == "export":
            return self.articles.total > 0
        if action == "search":  # in the search box, "/" is just a character
            return self.focused is not self.search_bar.input
        if action == "clear_search":
            return bool(self.listing.search or self.search_bar.is_open)
        return True

    @on(ArticleList.Highlighted)
    def _highlighted(self) -> None:
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """Refresh the footer only when what check_action answers changes (it is not free)."""
        state = (
            self.articles.total > 0,
            self.articles.current is not None,
            bool(self.listing.search or self.search_bar.is_open),
        )
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        try:
            ids = id_fetcher(self.library, self.listing)
        except UsageError:  # a bad search shows no rows to open; be safe all the same
            self._sequence = None
        else:
            self._sequence = ArticleSequence(ids, self.articles.cursor)
        self.post_message(OpenArticle(event.article_id, self._sequence))

    def action_open(self) -> None:
        """Open the selected article."""
        self.articles.action_open()

    def action_later(self) -> None:
        """Keep the selected article for later."""
        self.triage.move(TriageState.LATER)

    def action_archive(self) -> None:
        """Archive the selected article."""
        self.triage.move(TriageState.ARCHIVE)

    def action_inbox(self) -> None:
        """Put the selected article back in the inbox."""
        self.triage.move(TriageState.INBOX)

    def action_star(self) -> None:
        """Star or unstar the selected article."""
        self.triage.toggle_star()

    def action_read(self) -> None:
        """Mark the selected article (or the marked ones) read or unread."""
        self.triage.toggle_read()

    def action_mark(self) -> None:
        """Mark the selected article for a batch action (or unmark it), then move down."""
        self.marks.toggle()

    def action_mark_all(self) -> None:
        """Mark every article in the view (and search)."""
        self.marks.mark_all()

    def action_clear_marks(self) -> None:
        """Unmark every article."""
        self.marks.clear()

    def action_delete(self) -> None:
        """Delete the selected article (u brings it back)."""
        self.triage.delete()

    def action_tags(self) -> None:
        """Edit the tags of the selected article."""
        self.triage.edit_tags()

    def action_undo(self) -> None:
        """Undo the last triage, tag change or delete."""
        self.triage.undo_last()

    def action_import_samples(self) -> None:
        """Import the bundled sample articles."""
        self.triage.import_samples()

    # -- export, import, stories -----------------------------------------------------------------

    def action_export(self) -> None:
        """Export the marked articles, or every article of the view (and search), to Markdown."""
        if self.marks:
            self.marks.export()
        else:
            self.transfers.export(self.listing)

    def action_import(self) -> None:
        """Import a file, a folder or a web page (an http(s) address)."""
        self.transfers.ask_import()

    def story_available(self) -> bool:
        """Whether the selected article's story has other sources (as far as the rows tell)."""
        current = self.articles.current
        return current is not None and self.articles.story_size(current.id) > 1

    def action_story(self) -> None:
        """Compare the sources of the selected article's story."""
        current = self.articles.current
        if current is None:
            return
        if not self.story_available():
            self.notify("No other source of this story is in your library", timeout=3)
            return
        self.post_message(OpenStory(current.id))
