"""Triage from the library screen: move, star, tag and delete the selected article, and undo.

:class:`Triage` is a plain helper the screen owns (the screen keeps the actions, with the docstrings
the help shows). A change shows at once in the list; the write runs in a worker of the screen, in
the order the keys were pressed, and the list reloads after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from reader.core import ArticleMeta, ArticleQuery, SkimError, TriageState, UsageError
from reader.tui.library.listing import stays_in
from reader.tui.library.ordering import InOrder
from reader.tui.undo import Change, Undoable, UndoStack, short_title

if TYPE_CHECKING:
    from reader.core import Library
    from reader.tui.library.screen import LibraryScreen


class Triage:
    """The triage keys of one library screen, with their undo stack."""

    def __init__(self, screen: LibraryScreen) -> None:
        """Work on ``screen``'s list, with its library and workers."""
        self.screen = screen
        self.undo: UndoStack[Undoable] = UndoStack()
        self._order = InOrder()

    def move(self, state: TriageState) -> None:
        """Move the selected article (or the marked ones) to ``state`` (inbox, later, archive)."""
        if self.screen.marks:
            self.screen.marks.move(state)
            return
        meta = self.screen.articles.current
        if meta is None:
            return
        if meta.state == state:
            self.screen.notify(f"Already in {state.value}", timeout=2)
            return
        self.undo.push(Change("state", meta.id, meta.title, previous_state=meta.state))
        self._change_row(replace(meta, state=state), state=state)
        self.write(lambda library: library.articles.set_state([meta.id], state))
        where = "the inbox" if state == TriageState.INBOX else state.value.capitalize()
        self.screen.notify(f"Moved '{short_title(meta.title)}' to {where} — u to undo", timeout=3)

    def toggle_star(self) -> None:
        """Star or unstar the selected article (or the marked ones)."""
        if self.screen.marks:
            self.screen.marks.toggle_star()
            return
        meta = self.screen.articles.current
        if meta is None:
            return
        self.undo.push(Change("star", meta.id, meta.title, previous_starred=meta.starred))
        self._change_row(replace(meta, starred=not meta.starred), starred=not meta.starred)
        self.write(lambda library: library.articles.set_starred([meta.id], not meta.starred))
        done = "Unstarred" if meta.starred else "Starred"
        self.screen.notify(f"{done} '{short_title(meta.title)}' — u to undo", timeout=3)

    def toggle_read(self) -> None:
        """Mark the selected article (or the marked ones) read or unread."""
        if self.screen.marks:
            self.screen.marks.toggle_read()
            return
        meta = self.screen.articles.current
        if meta is None:
            return
        read = not meta.read
        self.undo.push(Change("read", meta.id, meta.title, previous_read=meta.read))
        self._change_row(replace(meta, read=read), read=read)
        self.write(lambda library: library.articles.set_read([meta.id], read))
        done = "read" if read else "unread"
        self.screen.notify(f"Marked '{short_title(meta.title)}' {done} — u to undo", timeout=3)

    def _change_row(self, changed: ArticleMeta, **fields: object) -> None:
        """Show a change at once: the row leaves the view (cursor stays at its index) or updates."""
        articles = self.screen.articles
        try:
            query = self.screen.listing.query()
        except UsageError:  # a half-typed search: the list still shows the last good one
            query = ArticleQuery()
        if stays_in(query, changed):
            articles.update_row(articles.cursor, **fields)
        else:
            articles.drop_row(articles.cursor)

    def delete(self) -> None:
        """Delete the selected article, or the marked ones (undo brings them back)."""
        if self.screen.marks:
            self.screen.marks.delete()
            return
        articles = self.screen.articles
        meta = articles.current
        if meta is None:
            return
        self.undo.push(Change("delete", meta.id, meta.title))
        articles.drop_row(articles.cursor)
        self.write(lambda library: library.articles.delete([meta.id]))
        self.screen.notify(f"Deleted '{short_title(meta.title)}' — u to undo", timeout=4)

    def edit_tags(self) -> None:
        """Ask for the tags of the selected article (or tags for the marked ones), then store them."""
        from reader.tui.dialogs.tag_editor import TagEditor

        if self.screen.marks:
            self.screen.marks.edit_tags()
            return
        meta = self.screen.articles.current
        if meta is None:
            return

        def done(tags: list[str] | None) -> None:
            if tags is None or tuple(tags) == meta.tags:
                return
            self.undo.push(Change("tags", meta.id, meta.title, previous_tags=meta.tags))
            self.write(lambda library: library.articles.edit_tags(meta.id, meta.tags, tags))

        title = f"Tags of '{short_title(meta.title)}'"
        self.screen.app.push_screen(TagEditor(meta.tags, title=title), done)

    def undo_last(self) -> None:
        """Take back the last triage, tag change or delete."""
        change = self.undo.pop()
        if change is None:
            self.screen.notify("Nothing to undo", timeout=2)
            return
        self.write(change.revert, follow=False)
        self.screen.notify(change.describe(), timeout=3)

    def import_samples(self) -> None:
        """Import the bundled sample articles and say how many arrived."""
        app, screen = self.screen.app, self.screen

        def run(library: Library) -> None:
            outcomes = library.articles.import_samples()
            added = sum(1 for o in outcomes if o.result is not None and o.result.created)
            known = sum(1 for o in outcomes if o.result is not None and not o.result.created)
            message = f"Imported {added} sample articles" + (
                f" ({known} already here)" if known else ""
            )
            app.call_from_thread(screen.notify, message, timeout=3)
            for outcome in outcomes:
                if outcome.error:
                    app.call_from_thread(screen.notify, outcome.error, severity="error")

        self.write(run)

    def write(self, change: Callable[[Library], object], *, follow: bool = True) -> None:
        """Run ``change`` in a worker, after the writes asked for before it, then reload."""
        screen, ticket = self.screen, self._order.ticket()

        def run() -> None:
            with self._order.turn(ticket):
                try:
                    change(screen.library)
                except SkimError as error:
                    screen.app.call_from_thread(screen.notify, str(error), severity="error")
            if not get_current_worker().is_cancelled:
                screen.app.call_from_thread(screen.reload, follow=follow)

        screen.run_worker(run, thread=True, group="writes", exit_on_error=False)
        screen.refresh_keys()
