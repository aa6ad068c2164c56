"""Reading the article screen's data from the library, and showing it once it arrives.

:class:`ArticleLoader` starts the screen's reading workers (the article, its analysis, the
summary, the tone, and what other programs change meanwhile). Each worker talks to the library
in a thread; its result comes back through ``call_from_thread`` after a cancellation check, goes
into the :class:`~reader.tui.article.session.ArticleSession` and onto the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from reader.core import Analysis, Annotation, Article, SkimError, Summary, Tone
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.legend import Legend
from reader.tui.article.notes_panel import NotesPanel
from reader.tui.article.progress import mark_opened
from reader.tui.changes import POLL_SECONDS, ChangeWatcher

if TYPE_CHECKING:
    from reader.core import Library
    from reader.tui.article.screen import ArticleScreen


class ArticleLoader:
    """The reading workers of an article screen and what their results change on it."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Read for ``screen`` (its workers belong to it: leaving it cancels them)."""
        self.screen = screen
        self.session = screen.session
        self._watcher: ChangeWatcher | None = None

    @property
    def library(self) -> Library:
        """The app's library."""
        return self.screen.library

    def _start(self, work: Callable[[], None], group: str, *, exit_on_error: bool = True) -> None:
        """Run ``work`` in a thread, replacing any worker of the same group still running."""
        self.screen.run_worker(
            work, thread=True, exclusive=True, group=group, exit_on_error=exit_on_error
        )

    def _deliver(self, callback: Callable[..., None], *args: Any) -> None:
        """From a worker thread: run ``callback`` on the UI thread unless the worker was cancelled."""
        if not get_current_worker().is_cancelled:
            self.screen.app.call_from_thread(self.screen.if_shown, callback, *args)

    # -- the article and its analysis ------------------------------------------------------------

    def load(self) -> None:
        """Read the article, its highlights and the library's summary choice, then analyse it."""
        self._start(self._load, "load")

    def _load(self) -> None:
        # The reader waits from here on: the background analysis holds back (not only once the
        # analysis starts, which comes after reading the article and marking it opened).
        with self.library.analysis.reader_waiting():
            self._load_and_analyse()

    def _load_and_analyse(self) -> None:
        article_id = self.session.article_id
        try:
            article = self.library.articles.get(article_id)
            annotations = self.library.annotations.of(article_id)
            algorithm, sentences = self.library.analysis.summary_choice()
        except SkimError as error:
            self._deliver(self._failed, str(error), True)
            return
        mark_opened(self.library, article)
        try:
            ready = self.library.analysis.cached(article, algorithm=algorithm, sentences=sentences)
        except SkimError:
            ready = None  # computed below, where a failure is shown
        if ready is not None:
            # Both cached (the background analysis got there first): the text is drawn once,
            # coloured, instead of plain and then again ~60 ms later.
            self._deliver(
                self._loaded_analysed, article, annotations, (algorithm, sentences), *ready
            )
            return
        self._deliver(self._loaded, article, annotations, algorithm, sentences)
        try:
            result = self.library.analysis.of(article)
        except SkimError as error:
            self._deliver(self._failed, f"Analysis failed: {error}", False)
            return
        # The summary in the same worker: one trip to the UI and one repaint, not two (when
        # both are cached, the second trip was most of the time to the coloured text).
        summary: Summary | str
        try:
            summary = self.library.analysis.summary(
                article, algorithm=algorithm, sentences=sentences
            )
        except SkimError as error:
            summary = str(error)
        self._deliver(self._analysed, result, summary, (algorithm, sentences))

    def _failed(self, message: str, fatal: bool) -> None:
        self.screen.notify(message, severity="error", timeout=6)
        if fatal:
            self.screen.dismiss()

    def _loaded(
        self, article: Article, annotations: list[Annotation], algorithm: str, sentences: int
    ) -> None:
        if self._watcher is not None:
            self._watcher.sync()  # what was just read is current, and marking it read is no news
        self.session.loaded(article, annotations, algorithm, sentences)
        self.screen.query_one(ArticleHeader).show(article)
        self.screen.article_text.set_text(article.body, article.reading_position)
        self.screen.find.text_arrived()
        self.screen.query_one(HighlightsPanel).show_loading(algorithm, sentences)
        self.screen.query_one(HighlightsPanel).show_publisher(article.publisher_summary)
        self.show_annotations()

    def _loaded_analysed(
        self,
        article: Article,
        annotations: list[Annotation],
        choice: tuple[str, int],
        analysis: Analysis,
        summary: Summary,
    ) -> None:
        self._loaded(article, annotations, *choice)
        self._analysed(analysis, summary, choice)

    def _analysed(
        self, analysis: Analysis, summary: Summary | str, choice: tuple[str, int]
    ) -> None:
        session = self.session
        session.analysis = analysis
        if analysis.sentences:
            self.screen.article_text.set_sentences(analysis.sentences)
        self.show_legend()
        if choice != (session.algorithm, session.sentence_count):
            self.request_summary()  # changed meanwhile (S, + or -)
        elif isinstance(summary, str):
            self._summary_failed(summary)
        else:
            self._summarised(summary)
        self.screen.refresh_bindings()
        if session.article is not None:
            # After the coloured text is drawn: the tone (~250 ms at most) would slow that down.
            self.screen.call_after_refresh(
                self.screen.if_shown, self._start, partial(self._assess, session.article), "tone"
            )

    # -- the summary -----------------------------------------------------------------------------

    def request_summary(self) -> None:
        """Compute the summary for the current algorithm and length, in a worker."""
        session = self.session
        if session.article is None or session.analysis is None:
            return
        self.screen.query_one(HighlightsPanel).show_loading(
            session.algorithm, session.sentence_count
        )
        work = partial(self._summarise, session.article, session.algorithm, session.sentence_count)
        self._start(work, "summary")

    def _summarise(self, article: Article, algorithm: str, sentences: int) -> None:
        try:
            result = self.library.analysis.summary(
                article, algorithm=algorithm, sentences=sentences
            )
        except SkimError as error:
            self._deliver(self._summary_failed, str(error))
            return
        self._deliver(self._summarised, result)

    def _summarised(self, summary: Summary) -> None:
        self.session.summary = summary
        self.screen.query_one(HighlightsPanel).show_summary(summary)
        self.restyle()

    def _summary_failed(self, message: str) -> None:
        self.screen.query_one(HighlightsPanel).show_error(message)

    # -- tone and sources (the tone of the longest sample takes ~250 ms) -------------------------

    def _assess(self, article: Article) -> None:
        """Label the tone and count the story's sources (after the analysis is cached)."""
        try:
            tone = self.library.analysis.tone(article)
            sources = self.library.stories.sizes([article.id]).get(article.id, 1)
        except SkimError as error:
            self._deliver(self._assess_failed, str(error))
            return
        self._deliver(self._assessed, tone, sources)

    def _assessed(self, tone: Tone, sources: int) -> None:
        self.session.tone, self.session.sources = tone, sources
        self.screen.query_one(ArticleHeader).show_story(str(tone.label), sources)
        if self.session.tone_mode:
            self.restyle()
        self.screen.refresh_bindings()

    def _assess_failed(self, message: str) -> None:
        self.screen.notify(f"Tone: {message}", severity="warning", timeout=4)

    # -- changes other programs make (a `skim note` or `skim add` in another terminal) ------------

    def watch_outside_changes(self) -> None:
        """Show notes and text that other programs change while the article is open (on mount)."""
        self._watcher = watcher = ChangeWatcher(self.library)
        self.screen.set_interval(POLL_SECONDS, lambda: self._poll_changes(watcher))

    def _poll_changes(self, watcher: ChangeWatcher) -> None:
        if self.session.article is not None and self.screen.is_current and watcher.changed():
            self._start(self._reread, "outside-changes", exit_on_error=False)

    def _reread(self) -> None:
        article_id = self.session.article_id
        try:
            article = self.library.articles.get(article_id)
            annotations = self.library.annotations.of(article_id)
            sources = story_size(self.library, article_id)
        except SkimError:
            return  # deleted elsewhere: leaving stays the reader's decision
        self._deliver(self._outside_change, article, annotations, sources)

    def _outside_change(
        self, article: Article, annotations: list[Annotation], sources: int
    ) -> None:
        current = self.session.article
        if current is not None and article.content_hash != current.content_hash:
            self.load()  # re-imported with new text: lay it out and analyse it again
            return
        if (
            current is not None
            and annotations == self.session.annotations
            and sources == self.session.sources
            and same_on_screen(current, article)
        ):
            # Most often the screen's own write (the summary length, the reading position):
            # showing it again would lay out the header and restyle the whole text for nothing.
            self.session.article = article
            return
        self.session.annotations = annotations
        self.article_changed(article, sources)

    # -- showing what changed --------------------------------------------------------------------

    def annotations_changed(self, annotations: list[Annotation]) -> None:
        """Show the highlights as they are now stored."""
        self.session.annotations = annotations
        self.show_annotations()

    def article_changed(self, article: Article, sources: int) -> None:
        """Show the article's details, tags and notes as they are now stored."""
        # A new title or date (edited here or by `skim edit`) may have moved it to another story.
        self.session.article, self.session.sources = article, sources
        header = self.screen.query_one(ArticleHeader)
        header.show(article)
        header.show_story(header.tone, sources)
        self.show_annotations()

    def show_annotations(self) -> None:
        """Show the article note and highlights in the Notes panel and the text."""
        if self.session.article is not None:
            self.screen.query_one(NotesPanel).show(
                self.session.article.note, self.session.annotations
            )
        self.restyle()

    def restyle(self) -> None:
        """Give the ArticleText its spans again (after highlights, summary or colouring changed)."""
        # Find matches go last, so they show over highlights and colours.
        spans = [*self.session.spans(), *self.screen.find.finder.spans()]
        self.screen.article_text.set_spans(spans)

    def show_legend(self) -> None:
        """Describe the colours of the text (the tone marks in tone mode)."""
        if self.session.analysis is None:
            return
        legend = self.screen.query_one(Legend)
        legend.show(
            self.session.legend_labels(),
            colour=self.session.colour,
            tone=self.session.showing_tone,
        )
        legend.display = True


def same_on_screen(shown: Article, stored: Article) -> bool:
    """Whether ``stored`` differs from ``shown`` only in what the screen does not show (where
    the reader is and how far they read)."""
    return (
        replace(
            stored,
            reading_position=shown.reading_position,
            read=shown.read,
            progress=shown.progress,
        )
        == shown
    )


def story_size(library: Library, article_id: int) -> int:
    """How many articles the story of ``article_id`` has (1 when it stands alone)."""
    return library.stories.sizes([article_id]).get(article_id, 1)
