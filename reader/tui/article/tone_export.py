"""The article among others: its tone with the evidence, the sources covering its story, export.

:class:`ArticleStory` sits between :class:`reader.tui.article.annotations.ArticleAnnotations`
and :class:`reader.tui.article.screen.ArticleScreen` (which binds the keys). The tone and
the story size are computed in a worker once the analysis has arrived (the tone of the longest
sample takes ~250 ms); export runs in an app worker, so leaving the screen does not stop it.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import work

from reader.core import Analysis, Annotation, Article, SkimError, Tone
from reader.tui import spans as sp
from reader.tui.article import tone_view
from reader.tui.article.annotations import ArticleAnnotations
from reader.tui.article.header import ArticleHeader
from reader.tui.article.legend import Legend
from reader.tui.messages import OpenStory
from reader.tui.transfers import EXPORT_FOLDER_SETTING, default_export_folder

FORCE_WINDOW = 10.0  # seconds in which a second ctrl+e overwrites a protected file


class ArticleStory(ArticleAnnotations):
    """Tone mode, story size and Markdown export on the article screen."""

    tone: Tone | None = None
    tone_mode = False
    _force_until = 0.0  # monotonic time until which ctrl+e overwrites an edited file

    # -- tone and sources ------------------------------------------------------------------------

    def _loaded(
        self, article: Article, annotations: list[Annotation], algorithm: str, sentences: int
    ) -> None:
        # New text (a re-import) makes the old evidence offsets meaningless until re-assessed.
        self.tone = None
        super()._loaded(article, annotations, algorithm, sentences)

    def _analysed(self, analysis: Analysis) -> None:
        super()._analysed(analysis)
        if self.article is not None:
            self._assess(self.article)

    @work(thread=True, exclusive=True, group="tone")
    def _assess(self, article: Article) -> None:
        """Label the tone and count the story's sources (after the analysis is cached)."""
        try:
            tone = self.library.tone(article)
            sources = self.library.story_sizes([article.id]).get(article.id, 1)
        except SkimError as error:
            self._deliver(self._assess_failed, str(error))
            return
        self._deliver(self._assessed, tone, sources)

    def _assessed(self, tone: Tone, sources: int) -> None:
        self.tone, self.sources = tone, sources
        self.query_one(ArticleHeader).show_story(str(tone.label), sources)
        if self.tone_mode:
            self.restyle()
        self.refresh_bindings()

    def _assess_failed(self, message: str) -> None:
        self.notify(f"Tone: {message}", severity="warning", timeout=4, markup=False)

    def restyle(self) -> None:
        """Give the ArticleText its spans: in tone mode the evidence replaces the entity colours."""
        if not self.tone_mode or self.tone is None:
            super().restyle()
            return
        self.article_text.set_spans(
            [
                *sp.text_spans(None, [], self.summary),
                *tone_view.tone_spans(self.tone),
                *sp.text_spans(None, self.annotations, None),
            ]
        )

    def show_legend(self) -> None:
        """Describe the ArticleText's colours (the tone marks in tone mode)."""
        super().show_legend()
        self.query_one(Legend).tone = self.tone_mode and self.tone is not None

    def action_tone(self) -> None:
        """Show the words and sentences behind the tone label, or stop showing them."""
        if self.tone is None:
            return
        self.tone_mode = not self.tone_mode
        self.restyle()
        self.show_legend()
        if self.tone_mode:
            self.notify(tone_view.explanation(self.tone), timeout=8, markup=False)

    def action_story(self) -> None:
        """Compare this article with the other sources covering its story."""
        if self.sources < 2:
            self.notify("No other source of this story is in your library", timeout=3)
            return
        self.post_message(OpenStory(self.article_id))

    # -- Markdown export -------------------------------------------------------------------------

    def action_export(self) -> None:
        """Export this article with its highlights and notes to a Markdown file."""
        if self.article is None:
            return
        force = time.monotonic() < self._force_until
        self._force_until = 0.0
        article_id, library, app = self.article_id, self.library, self.app

        def export() -> None:
            try:
                folder = default_export_folder(library.get_setting(EXPORT_FOLDER_SETTING))
                report = library.export_markdown([article_id], out=folder, force=force)
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error", markup=False)
                return
            for outcome in report.files:
                app.call_from_thread(self._exported, outcome.status, outcome.path, outcome.message)

        self.app.run_worker(export, thread=True, group="article-export", exit_on_error=False)

    def _exported(self, status: str, path: Path, message: str) -> None:
        if status == "written":
            self.app.notify(f"Exported to {path}", timeout=5, markup=False)
        elif status == "unchanged":
            self.app.notify(f"Already up to date: {path}", timeout=4, markup=False)
        elif status == "skipped":
            # The core speaks to the command line; here a second ctrl+e is the --force.
            self._force_until = time.monotonic() + FORCE_WINDOW
            hint = "press ctrl+e again to overwrite it"
            shown = message.replace("use --force to overwrite", hint)
            if shown == message:
                shown = f"{message} ({hint})"
            self.app.notify(shown, severity="warning", timeout=FORCE_WINDOW, markup=False)
        else:
            self.app.notify(message or f"Could not write {path}", severity="error", markup=False)
