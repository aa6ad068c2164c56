"""Next and previous article (J / K): the article screen steps through the list it came from.

The library screen sends the list along with the article (an
:class:`~reader.tui.messages.ArticleSequence`); the neighbour is read in a worker and the app is
asked to show it in place of this screen, so escape still goes back to the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core import SkimError
from reader.tui.messages import OpenArticle

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen
    from reader.tui.messages import ArticleSequence


class ArticleSteps:
    """The next/previous article keys of an article screen."""

    def __init__(self, screen: ArticleScreen, sequence: ArticleSequence | None) -> None:
        """Step from the article on ``screen`` through ``sequence`` (None: opened alone)."""
        self.screen = screen
        self.sequence = sequence

    def step(self, direction: int) -> None:
        """Open the next (1) or previous (-1) article of the list, if there is one."""
        if self.sequence is None:
            self.screen.notify("Opened on its own: there is no list to step through.", timeout=2)
            return
        self.screen.run_worker(
            lambda: self._find(direction), thread=True, group="article-step", exclusive=True
        )

    def _find(self, direction: int) -> None:
        screen, app = self.screen, self.screen.app
        assert self.sequence is not None
        try:
            found = self.sequence.neighbour(screen.article_id, direction)
        except SkimError as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            return
        app.call_from_thread(screen.if_shown, self._go, found, direction)

    def _go(self, found: int | None, direction: int) -> None:
        if found is None:
            where = "last" if direction > 0 else "first"
            self.screen.notify(f"This is the {where} article of the list.", timeout=2)
            return
        self.screen.writer.save_position(leaving=True)
        self.screen.post_message(OpenArticle(found, self.sequence, replace=True))
