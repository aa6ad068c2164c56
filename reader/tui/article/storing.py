"""Writing the article screen's changes to the library: highlights, notes, triage, position.

:class:`ArticleWriter` runs each change in an app worker (leaving the screen must not stop a
highlight made just before), one at a time, then re-reads what the change touched and hands it
to the screen's :class:`~reader.tui.article.loading.ArticleLoader` to show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING

from reader.core import SkimError
from reader.tui.article.loading import story_size
from reader.tui.article.progress import ProgressRecorder

if TYPE_CHECKING:
    from reader.core import Library
    from reader.tui.article.screen import ArticleScreen


class ArticleWriter:
    """The writes of an article screen, in the order they were made."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Write for ``screen``."""
        self.screen = screen
        self.session = screen.session
        self._lock = threading.Lock()
        self.progress = ProgressRecorder(screen)

    def write(self, change: Callable[[Library], object], then: str = "", notice: str = "") -> None:
        """Apply ``change`` to the library in a worker, then re-read what it touched.

        Args:
            change: Called with the library in a worker thread.
            then: ``"annotations"`` or ``"article"`` (with its story's size) to refresh that
                afterwards, or ``""``.
            notice: A notification shown once the change is stored (plain text, never markup).

        The worker belongs to the app, not to the screen: leaving the screen cancels the
        screen's workers, and a highlight made just before leaving must still be saved.
        """
        self.screen.app.run_worker(
            partial(self._write, change, then, notice), thread=True, group="article-write"
        )

    def _write(self, change: Callable[[Library], object], then: str, notice: str) -> None:
        # The lock keeps writes in order, so the last result shown is the last change made.
        screen, app = self.screen, self.screen.app
        library, article_id = screen.library, self.session.article_id
        with self._lock:
            try:
                change(library)
                if then == "annotations":
                    annotations = library.annotations.of(article_id)
                    app.call_from_thread(
                        screen.if_shown, screen.loader.annotations_changed, annotations
                    )
                elif then == "article":
                    article, sources = (
                        library.articles.get(article_id),
                        story_size(library, article_id),
                    )
                    app.call_from_thread(
                        screen.if_shown, screen.loader.article_changed, article, sources
                    )
                if notice:
                    app.call_from_thread(app.notify, notice, timeout=3)
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error")

    def save_position(self, *, leaving: bool) -> None:
        """Remember the offset of the first visible text, if it changed, and the progress."""
        self.progress.record(leaving=leaving)
        session = self.session
        # A read-only library cannot keep a reading position; saying so on every scroll would
        # bury the reader in error toasts (writes the reader asks for still report it).
        if session.article is None or self.screen.library.read_only:
            return
        position = self.screen.article_text.first_visible_offset
        if position == session.saved_position:
            return
        session.saved_position = position
        article_id, library, app = session.article_id, self.screen.library, self.screen.app

        def save() -> None:
            try:
                library.articles.set_reading_position(article_id, position)
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error")

        # A closing screen cancels its own workers, so the app runs the last save.
        node = app if leaving else self.screen
        node.run_worker(save, thread=True, group="reading-position", exit_on_error=False)

    def save_position_now(self, position: int) -> None:
        """Store ``position`` on this thread if it changed (when the app quits from the screen)."""
        self.progress.record_now()
        session = self.session
        if session.article is None or position == session.saved_position:
            return
        session.saved_position = position
        with suppress(SkimError):  # quitting: there is nowhere left to report it
            self.screen.library.articles.set_reading_position(session.article_id, position)
