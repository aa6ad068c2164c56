"""Linking the open article with another that reports the same event, or unlinking it (``L``).

:class:`StoryLinking` opens the :class:`~reader.tui.dialogs.story_picker.StoryPicker` and applies
the choice through the library (``lib.stories.link`` / ``unlink``) in a worker. Links made by hand
are kept when stories are grouped again (``skim stories --regroup``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core import Article, SkimError
from reader.tui.article.loading import story_size
from reader.tui.dialogs.story_picker import StoryChoice, StoryPicker

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen


class StoryLinking:
    """The ``L`` key of an article screen."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Link the article shown on ``screen``."""
        self.screen = screen

    def start(self) -> None:
        """Ask which article covers the same event (or whether to take this one out of its story)."""
        article = self.screen.session.article
        if article is not None:
            self.screen.app.push_screen(StoryPicker(article.id, article.title), self._chosen)

    def _chosen(self, choice: StoryChoice | None) -> None:
        if choice is None:
            return
        article_id, library, app = (
            self.screen.session.article_id,
            self.screen.library,
            self.screen.app,
        )

        def apply() -> None:
            try:
                if choice.action == "unlink":
                    apart = library.stories.unlink(article_id)
                elif choice.other is not None:
                    library.stories.link([article_id, choice.other])
                article = library.articles.get(article_id)
                sources = story_size(library, article_id)
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error")
                return
            if choice.action == "unlink":
                message = f"Taken out of its story ({len(apart)} other sources kept apart)"
            else:
                message = f"Linked: this story now has {sources} sources"
            app.call_from_thread(self._applied, message, article, sources)

        app.run_worker(apply, thread=True, group="story-linking", exit_on_error=False)

    def _applied(self, message: str, article: Article, sources: int) -> None:
        if self.screen.is_attached:
            self.screen.loader.article_changed(article, sources)
        self.screen.app.notify(message, timeout=4)
