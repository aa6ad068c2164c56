"""Analysing articles before they are opened, while the reader is idle.

A newly imported article used to show its text at once but its colours and Highlights only after
its analysis, up to 1.5 s later. :class:`BackgroundAnalysis` analyses and summarises, in a thread,
the newest articles whose analysis is not cached yet, exactly as opening them would, so opening
one reads the cache. It never makes the reader wait:

- it starts after the warm-up, and again when the library changes (an import here or a
  ``skim add`` elsewhere), and ends when nothing is left among the 1,000 newest articles (what
  is cached is skipped, so a restart resumes where the last run stopped);
- before each article it waits until neither a key press (or a click) nor an analysis the
  reader asked for has come for :data:`QUIET_SECONDS`: an article opened before its turn is
  analysed by its own screen at once, and the queue holds back meanwhile (at most the one article
  in progress competes with it). Analysis holds Python's interpreter lock, so running it while
  the reader types made key presses up to twice as slow to show.
"""

from __future__ import annotations

import time

from textual.app import App
from textual.worker import Worker, get_current_worker

from reader.core import Library, SkimError
from reader.tui.changes import POLL_SECONDS, ChangeWatcher

#: Articles asked for at a time (the list is read again after each batch: newer imports go first).
BATCH = 10
#: Seconds without a reader's own analysis before the queue takes the next article.
QUIET_SECONDS = 1.0
#: How often the waiting queue looks again (and notices it was cancelled).
WAIT_SECONDS = 0.1


class BackgroundAnalysis:
    """The reader's queue of articles to analyse ahead of their opening (one worker at a time)."""

    def __init__(self, app: App[None], library: Library) -> None:
        """Analyse ``library``'s articles in workers of ``app``."""
        self._app = app
        self._library = library
        self._worker: Worker[None] | None = None
        self._watcher: ChangeWatcher | None = None
        #: Ids the queue tried this run (with an unusable cache they would never leave the list).
        self._tried: set[int] = set()
        self.analysed = 0
        """How many articles the queue analysed this run."""
        self._last_input = -float("inf")

    @property
    def running(self) -> bool:
        """Whether the queue's worker is at work."""
        return self._worker is not None and not self._worker.is_finished

    def start(self) -> None:
        """Start the queue (unless it runs), and look again whenever the library changes.

        Call it on the UI thread.
        """
        if self._watcher is None:
            self._watcher = ChangeWatcher(self._library)
            self._app.set_interval(POLL_SECONDS, self._poll)
        if not self.running:
            self._worker = self._app.run_worker(
                self._run, thread=True, group="background-analysis", exit_on_error=False
            )

    def reader_active(self) -> None:
        """Note a key press or click: the queue waits until the reader pauses (UI thread)."""
        self._last_input = time.monotonic()

    def _poll(self) -> None:
        if self._watcher is not None and self._watcher.changed() and not self.running:
            self.start()

    def _run(self) -> None:
        worker = get_current_worker()
        analysis = self._library.analysis
        while not worker.is_cancelled:
            try:
                ids = analysis.unanalysed(BATCH, skip=self._tried)
            except SkimError:
                return  # the library is unreadable: its screens say so
            if not ids:
                return
            for article_id in ids:
                if not self._wait_for_quiet(worker):
                    return
                self._tried.add(article_id)
                try:
                    if analysis.prepare(article_id):
                        self.analysed += 1
                except SkimError:
                    continue  # deleted meanwhile, or its text cannot be analysed: opening says so

    def _wait_for_quiet(self, worker: Worker[None]) -> bool:
        """Wait until the reader's own analyses paused; False when the worker was cancelled."""
        while (
            self._library.analysis.idle_for() < QUIET_SECONDS
            or time.monotonic() - self._last_input < QUIET_SECONDS
        ):
            if worker.is_cancelled:
                return False
            time.sleep(WAIT_SECONDS)
        return not worker.is_cancelled
