"""Marked rows of the library list, and the batch actions that act on all of them at once.

:class:`Marks` is a plain helper the library screen owns, as :class:`~.triage.Triage` is. While
rows are marked, the triage keys (later, archive, inbox, star, tags, delete) and export act on the
marks instead of the row under the cursor. Each batch action is one write through the facade (one
transaction) and pushes one :class:`BatchChange` onto the triage undo stack, so one `u` takes the
whole action back. A triage action uses the marks up; export keeps them (export, then archive).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core import ArticleMeta, SkimError, TriageState
from reader.tui.library.listing import all_ids

if TYPE_CHECKING:
    from reader.core import Library
    from reader.tui.library.screen import LibraryScreen

#: Actions that act on the marked rows, when there are some, instead of the cursor's row.
BATCH_ACTIONS = frozenset({"later", "archive", "inbox", "star", "read", "tags", "delete", "export"})

#: A batch write: the library and the rows as they were just before (live articles only).
BatchWrite = Callable[["Library", list[ArticleMeta]], object]


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


@dataclass(slots=True)
class BatchChange:
    """One action on several articles, undone as a whole."""

    done: str
    """What the action did ("Archived 3 articles")."""
    ids: tuple[int, ...]
    deleted: bool = False
    before: list[ArticleMeta] = field(default_factory=list)
    """The rows as they were, read by the worker just before it wrote (the write waits for it)."""

    def describe(self) -> str:
        """What undoing this does, for a notification."""
        count = len(self.before) if self.before else len(self.ids)
        return f"Put back {_articles(count)} as they were"

    def revert(self, library: Library) -> None:
        """Undo the whole action in one transaction (runs in a worker thread)."""
        if self.deleted:
            library.articles.undelete([row.id for row in self.before])
        elif self.before:
            library.articles.restore_triage(self.before)


def split_tag_edit(tags: Sequence[str]) -> tuple[list[str], list[str]]:
    """Tags typed for several articles: ``-name`` removes a tag, anything else adds it."""
    add = [tag for tag in tags if not tag.startswith("-")]
    remove = [tag[1:] for tag in tags if tag.startswith("-") and len(tag) > 1]
    return add, remove


class Marks:
    """The articles marked in one library screen, and the actions that use them."""

    def __init__(self, screen: LibraryScreen) -> None:
        """Mark rows of ``screen``'s list; batch writes go through its triage helper."""
        self.screen = screen
        self.ids: dict[int, None] = {}  # insertion-ordered: the order the reader marked them in

    def __bool__(self) -> bool:
        return bool(self.ids)

    def check_action(self, action: str) -> bool | None:
        """The screen's answer for ``action`` where marks decide it, else None (it decides)."""
        if action in BATCH_ACTIONS and self.ids:
            return True
        if action == "clear_marks":
            return True if self.ids else None  # dimmed, yet listed in the help
        if action == "mark_all":
            return self.screen.articles.total > 0
        return None

    def _show(self) -> None:
        self.screen.articles.show_marks(frozenset(self.ids))
        self.screen.show_status(self.screen.articles.total)
        self.screen.refresh_bindings()

    def toggle(self) -> None:
        """Mark or unmark the row under the cursor, and move down to the next one."""
        articles = self.screen.articles
        meta = articles.current
        if meta is None:
            return
        if meta.id in self.ids:
            del self.ids[meta.id]
        else:
            self.ids[meta.id] = None
        articles.cursor += 1
        self._show()

    def mark_all(self) -> None:
        """Mark every article of the current view and search (read in a worker)."""
        screen, listing = self.screen, self.screen.listing
        library, app = screen.library, screen.app

        def read() -> None:
            try:
                ids = all_ids(library, listing)
            except SkimError as error:
                app.call_from_thread(screen.notify, str(error), severity="error")
                return
            app.call_from_thread(self._marked_all, ids)

        screen.run_worker(read, thread=True, exclusive=True, group="marks", exit_on_error=False)

    def _marked_all(self, ids: list[int]) -> None:
        self.ids.update(dict.fromkeys(ids))
        self._show()
        self.screen.notify(f"Marked {_articles(len(self.ids))}", timeout=2)

    def clear(self) -> None:
        """Unmark every row."""
        if self.ids:
            self.ids.clear()
            self._show()

    # -- batch actions ---------------------------------------------------------------------------

    def _apply(self, done: str, write: BatchWrite, *, deleted: bool = False) -> None:
        """Run ``write`` on the marked articles in a worker, push one undo entry, clear the marks."""
        ids = tuple(self.ids)
        entry = BatchChange(done, ids, deleted=deleted)
        triage = self.screen.triage
        triage.undo.push(entry)

        def run(library: Library) -> None:
            before = library.articles.metas(ids)
            entry.before = before
            if before:
                write(library, before)

        triage.write(run)
        self.clear()
        self.screen.notify(f"{done} — u to undo", timeout=3)

    def move(self, state: TriageState) -> None:
        """Move every marked article to ``state``."""
        where = "the inbox" if state == TriageState.INBOX else state.value.capitalize()
        self._apply(
            f"Moved {_articles(len(self.ids))} to {where}",
            lambda library, rows: library.articles.set_state([r.id for r in rows], state),
        )

    def toggle_star(self) -> None:
        """Star every marked article, or unstar them all when all are starred already."""

        def write(library: Library, rows: list[ArticleMeta]) -> None:
            starred = not all(row.starred for row in rows)
            library.articles.set_starred([row.id for row in rows], starred)

        self._apply(f"Starred or unstarred {_articles(len(self.ids))}", write)

    def toggle_read(self) -> None:
        """Mark every marked article read, or unread when all are read already."""

        def write(library: Library, rows: list[ArticleMeta]) -> None:
            library.articles.set_read([row.id for row in rows], not all(r.read for r in rows))

        self._apply(f"Marked {_articles(len(self.ids))} read or unread", write)

    def delete(self) -> None:
        """Delete every marked article."""
        self._apply(
            f"Deleted {_articles(len(self.ids))}",
            lambda library, rows: library.articles.delete([r.id for r in rows]),
            deleted=True,
        )

    def edit_tags(self) -> None:
        """Ask for tags to add (``-name`` to remove) to every marked article."""
        from reader.tui.dialogs.tag_editor import TagEditor

        count = len(self.ids)

        def done(tags: list[str] | None) -> None:
            if not tags:
                return
            add, remove = split_tag_edit(tags)
            self._apply(
                f"Changed the tags of {_articles(count)}",
                lambda library, rows: library.articles.change_tags(
                    [r.id for r in rows], add=add, remove=remove
                ),
            )

        title = f"Tags to add to {_articles(count)} (-name removes one)"
        self.screen.app.push_screen(TagEditor((), title=title), done)

    def export(self) -> None:
        """Export the marked articles, in the order they were marked (the marks stay)."""
        self.screen.transfers.export_ids(list(self.ids))
