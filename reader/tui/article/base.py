"""The data side of the article screen: what it knows, the workers that fetch and store it.

:class:`ArticleBase` holds the article, its analysis, summary and highlights, and talks to the
library only from thread workers; results come back through ``call_from_thread`` after a
cancellation check. :class:`reader.tui.article.screen.ArticleScreen` adds the layout and
the keys on top.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.core import Analysis, Annotation, Article, SkimError, Summary, TriageState
from reader.tui import spans as sp
from reader.tui.article.article_text import ArticleText
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.legend import Legend
from reader.tui.article.notes_panel import NotesPanel
from reader.tui.changes import POLL_SECONDS, ChangeWatcher
from reader.tui.messages import library_of

if TYPE_CHECKING:
    from reader.core import Library
    from reader.tui.dialogs.details_editor import Details


@dataclass(frozen=True, slots=True)
class Undo:
    """How to take back one change: restore a highlight, a triage state, a star or details."""

    kind: str  # "annotation", "state", "star" or "details"
    value: int | TriageState | bool | Details


class ArticleBase(Screen[None]):
    """State and workers of the article screen (no keys, no layout)."""

    sources = 1
    """How many articles the article's story has (1: no other source in the library)."""

    def __init__(self, article_id: int) -> None:
        """Prepare to show the article with ``article_id``."""
        super().__init__()
        self.article_id = article_id
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.summary: Summary | None = None
        self.annotations: list[Annotation] = []
        self.algorithm = ""
        self.sentence_count = 0
        self.colour = True
        self.undo_stack: list[Undo] = []
        self._saved_position: int | None = None
        self._write_lock = threading.Lock()
        self._article_text: ArticleText | None = None

    @property
    def library(self) -> Library:
        """The app's library."""
        return library_of(self.app)

    @property
    def article_text(self) -> ArticleText:
        """The ArticleText widget (kept: it still knows the reading position after being unmounted)."""
        if self._article_text is None:
            self._article_text = self.query_one(ArticleText)
        return self._article_text

    def annotation_under_cursor(self) -> Annotation | None:
        """The highlight overlapping the cursor sentence (or the selection)."""
        where = self.article_text.selection_range
        return sp.annotation_at(self.annotations, *where) if where else None

    # -- workers ---------------------------------------------------------------------------------

    def _deliver(self, callback: Callable[..., None], *args: Any) -> None:
        """From a worker thread: run ``callback`` on the UI thread unless the worker was cancelled."""
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._if_shown, callback, *args)

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Read the article, its highlights and the library's summary choice, then analyse it."""
        try:
            article = self.library.get(self.article_id)
            annotations = self.library.annotations(self.article_id)
            algorithm, sentences = self.library.summary_choice()
        except SkimError as error:
            self._deliver(self._failed, str(error), True)
            return
        self._deliver(self._loaded, article, annotations, algorithm, sentences)
        try:
            result = self.library.analysis(article)
        except SkimError as error:
            self._deliver(self._failed, f"Analysis failed: {error}", False)
            return
        self._deliver(self._analysed, result)

    @work(thread=True, exclusive=True, group="summary")
    def _summarise(self, article: Article, algorithm: str, sentences: int) -> None:
        try:
            result = self.library.summary(article, algorithm=algorithm, sentences=sentences)
        except SkimError as error:
            self._deliver(self._summary_failed, str(error))
            return
        self._deliver(self._summarised, result)

    def write(self, change: Callable[[Library], object], then: str = "", notice: str = "") -> None:
        """Apply ``change`` to the library in a worker, then re-read what it touched.

        Args:
            change: Called with the library in a worker thread.
            then: ``"annotations"`` or ``"article"`` (with its story's size) to refresh that
                afterwards, or ``""``.
            notice: A notification shown once the change is stored (plain text, never markup).

        The worker belongs to the app, not to this screen: leaving the screen cancels the
        screen's workers, and a highlight made just before leaving must still be saved.
        """
        self.app.run_worker(
            partial(self._write, change, then, notice), thread=True, group="article-write"
        )

    def _write(self, change: Callable[[Library], object], then: str, notice: str) -> None:
        # The lock keeps writes in order, so the last result shown is the last change made.
        library, article_id = self.library, self.article_id
        with self._write_lock:
            try:
                result = change(library)
                if then == "annotations":
                    annotations = library.annotations(article_id)
                    self.app.call_from_thread(
                        self._if_shown, self._annotations_changed, annotations, result
                    )
                elif then == "article":
                    article, sources = library.get(article_id), _story_size(library, article_id)
                    self.app.call_from_thread(
                        self._if_shown, self._article_changed, article, sources
                    )
                if notice:
                    self.app.call_from_thread(self.app.notify, notice, timeout=3, markup=False)
            except SkimError as error:
                self.app.call_from_thread(
                    self.app.notify, str(error), severity="error", markup=False
                )

    def _if_shown(self, callback: Callable[..., None], *args: Any) -> None:
        """Run ``callback`` only while this screen is still mounted (results can outlive it)."""
        if self.is_attached:
            callback(*args)

    # -- results ---------------------------------------------------------------------------------

    def _failed(self, message: str, fatal: bool) -> None:
        self.notify(message, severity="error", timeout=6, markup=False)
        if fatal:
            self.dismiss()

    def _loaded(
        self, article: Article, annotations: list[Annotation], algorithm: str, sentences: int
    ) -> None:
        self.article = article
        self.annotations = annotations
        self.algorithm, self.sentence_count = algorithm, sentences
        self._saved_position = article.reading_position
        self.query_one(ArticleHeader).show(article)
        self.article_text.set_text(article.body, article.reading_position)
        self.query_one(HighlightsPanel).show_loading(algorithm, sentences)
        self._show_annotations()

    def _analysed(self, analysis: Analysis) -> None:
        self.analysis = analysis
        if analysis.sentences:
            self.article_text.set_sentences(analysis.sentences)
        self.show_legend()
        self.request_summary()
        self.refresh_bindings()

    def _summarised(self, summary: Summary) -> None:
        self.summary = summary
        self.query_one(HighlightsPanel).show_summary(summary)
        self.restyle()

    def _summary_failed(self, message: str) -> None:
        self.query_one(HighlightsPanel).show_error(message)

    def _annotations_changed(self, annotations: list[Annotation], result: object) -> None:
        self.annotations = annotations
        self._show_annotations()

    def _article_changed(self, article: Article, sources: int) -> None:
        # A new title or date (edited here or by `skim edit`) may have moved it to another story.
        self.article, self.sources = article, sources
        header = self.query_one(ArticleHeader)
        header.show(article)
        header.show_story(header.tone, sources)
        self._show_annotations()

    # -- changes other programs make (a `skim note` or `skim add` in another terminal) ------------

    def watch_outside_changes(self) -> None:
        """Show notes and text that other programs change while the article is open (on mount)."""
        watcher = ChangeWatcher(self.library)
        self.set_interval(POLL_SECONDS, lambda: self._poll_changes(watcher))

    def _poll_changes(self, watcher: ChangeWatcher) -> None:
        if self.article is not None and self.is_current and watcher.changed():
            self._reread()

    @work(thread=True, exclusive=True, group="outside-changes", exit_on_error=False)
    def _reread(self) -> None:
        try:
            article = self.library.get(self.article_id)
            annotations = self.library.annotations(self.article_id)
            sources = _story_size(self.library, self.article_id)
        except SkimError:
            return  # deleted elsewhere: leaving stays the reader's decision
        self._deliver(self._outside_change, article, annotations, sources)

    def _outside_change(
        self, article: Article, annotations: list[Annotation], sources: int
    ) -> None:
        if self.article is not None and article.content_hash != self.article.content_hash:
            self.load()  # re-imported with new text: lay it out and analyse it again
            return
        self.annotations = annotations
        self._article_changed(article, sources)

    def _show_annotations(self) -> None:
        if self.article is not None:
            self.query_one(NotesPanel).show(self.article.note, self.annotations)
        self.restyle()

    def restyle(self) -> None:
        """Give the ArticleText its spans again (after highlights, summary or colouring changed)."""
        self.article_text.set_spans(
            sp.text_spans(self.analysis, self.annotations, self.summary, colour=self.colour)
        )

    def show_legend(self) -> None:
        """Describe the colours of the kinds of entity and number in this article."""
        if self.analysis is None:
            return
        labels = {str(s.label) for s in (*self.analysis.entities, *self.analysis.numbers)}
        legend = self.query_one(Legend)
        legend.show(labels, colour=self.colour)
        legend.display = True

    def request_summary(self) -> None:
        """Compute the summary for the current algorithm and length, in a worker."""
        if self.article is None or self.analysis is None:
            return
        self.query_one(HighlightsPanel).show_loading(self.algorithm, self.sentence_count)
        self._summarise(self.article, self.algorithm, self.sentence_count)

    # -- reading position ------------------------------------------------------------------------

    def save_position(self, *, leaving: bool) -> None:
        """Remember the offset of the first visible text, if it changed."""
        if self.article is None:
            return
        position = self.article_text.first_visible_offset
        if position == self._saved_position:
            return
        self._saved_position = position
        article_id, library, app = self.article_id, self.library, self.app

        def save() -> None:
            try:
                library.set_reading_position(article_id, position)
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error")

        # A closing screen cancels its own workers, so the app runs the last save.
        node = self.app if leaving else self
        node.run_worker(save, thread=True, group="reading-position", exit_on_error=False)

    def on_unmount(self) -> None:
        """If the app quits from this screen (ctrl+q), keep the reading position all the same.

        This write runs on the UI thread: nothing is left to keep responsive while quitting.
        """
        if self.article is None or self._article_text is None:
            return
        position = self._article_text.first_visible_offset
        if position != self._saved_position:
            self._saved_position = position
            with suppress(SkimError):  # quitting: there is nowhere left to report it
                self.library.set_reading_position(self.article_id, position)


def _story_size(library: Library, article_id: int) -> int:
    return library.story_sizes([article_id]).get(article_id, 1)
