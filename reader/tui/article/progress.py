"""Reading progress: an opened article becomes read, and the furthest point seen is recorded.

The percentage is of display lines: the last line on screen over all lines. It is recorded with
the reading position (now and then, and when leaving), only when it grows, so scrolling back to
re-read something never lowers what the library list shows.
"""

from __future__ import annotations

import math
from contextlib import suppress
from typing import TYPE_CHECKING

from reader.core import SkimError

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from reader.core import Article, Library
    from reader.tui.article.screen import ArticleScreen


def percent_seen(text: ScrollView) -> int:
    """How much of ``text`` has been on screen, counting everything above its last visible line."""
    total = text.virtual_size.height
    height = text.scrollable_content_region.height
    if total <= 0 or height <= 0:
        return 0
    bottom = round(text.scroll_y) + height
    return max(0, min(100, math.floor(100 * bottom / total)))


def mark_opened(library: Library, article: Article) -> None:
    """Mark ``article`` read (from the worker that loads it); a failure only costs the flag."""
    if article.read or library.read_only:
        return
    # The article still opens; the list shows it unread until the next time.
    with suppress(SkimError):
        library.articles.set_read([article.id])


class ProgressRecorder:
    """Records the furthest percentage of an article the reader has seen."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Record for ``screen``'s article and text."""
        self.screen = screen
        self._recorded = 0

    def _percent(self) -> int | None:
        """The percentage to store now, or None when there is nothing new to store."""
        article = self.screen.session.article
        if article is None or self.screen.library.read_only:
            return None
        percent = percent_seen(self.screen.article_text)
        return percent if percent > max(self._recorded, article.progress) else None

    def record(self, *, leaving: bool) -> None:
        """Store the percentage seen, in a worker, if it grew."""
        percent = self._percent()
        if percent is None:
            return
        self._recorded = percent
        screen = self.screen
        article_id, library, app = screen.session.article_id, screen.library, screen.app

        def save() -> None:
            try:
                library.articles.record_progress(article_id, percent)
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error")

        # A closing screen cancels its own workers, so the app runs the last save.
        node = app if leaving else screen
        node.run_worker(save, thread=True, group="reading-progress", exit_on_error=False)

    def record_now(self) -> None:
        """Store the percentage seen on this thread (the app is quitting from the article)."""
        percent = self._percent()
        if percent is None:
            return
        self._recorded = percent
        with suppress(SkimError):  # quitting: there is nowhere left to report it
            self.screen.library.articles.record_progress(self.screen.session.article_id, percent)
