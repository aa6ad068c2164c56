"""Run the real app headless and report, as one JSON line, when its screens first paint.

Usage: ``python -m benchmarks.probe DATA_DIR [--open ID [--no-background] [--after-queue |
--after-warm-up]] [--import-dir DIR]``

The clock starts at the first statement of this module, before Textual or skim is imported, so
``first_frame`` covers imports, opening the library, mounting, the first rows' query and drawing.
A "painted" list is the first ``ArticleList.render_line`` that draws a real row (not a loading
placeholder); a painted article is the first ``ArticleText.render_line`` once the text is set, and
"analysed" the first one after the summary arrived (entities, numbers and summary coloured).
``--no-background`` turns the reader's background analysis off (a first open pays the analysis);
``--after-queue`` opens the article once the background analysis has ended (it reads the cache),
``--after-warm-up`` once the warm-up has loaded the analysers (on a busy machine that takes longer
than the second a reader is given to pick an article).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402  (after the clock starts, on purpose)
import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, cast  # noqa: E402

from textual.strip import Strip  # noqa: E402

from reader.core import load_settings  # noqa: E402
from reader.core.library import Library, open_library  # noqa: E402
from reader.tui.app import SkimApp  # noqa: E402
from reader.tui.library.article_list import ArticleList  # noqa: E402
from reader.tui.library.screen import LibraryScreen  # noqa: E402

IMPORTED = time.perf_counter()
LAG_TICK = 0.01  # seconds between event-loop lag samples
IMPORT_CHUNK = 50  # files per import_paths call, so the list can show progress
IDLE_SECONDS = 0.5  # lag sampled before the import starts
PICK_SECONDS = 1.0  # from the first frame to opening an article


class ProbeApp(SkimApp):
    """SkimApp that records its first paints and then runs the requested scenario."""

    def __init__(self, library: Library, args: argparse.Namespace) -> None:
        settings = load_settings()
        if args.no_background:
            settings = replace(settings, background_analysis=False)
        super().__init__(library, settings=settings)
        self.args = args
        self.marks: dict[str, float] = {}
        self.result: dict[str, Any] = {}

    def mark(self, name: str) -> None:
        """Remember the first time ``name`` happened (seconds since the process started)."""
        if name not in self.marks:
            self.marks[name] = time.perf_counter() - START
            if name == "first_frame":
                self.call_later(self._after_first_frame)
            elif name == "analysed":
                self.call_later(self._finish)

    async def _after_first_frame(self) -> None:
        if self.args.open is not None and (self.args.after_queue or self.args.after_warm_up):
            self.set_interval(0.05, self._open_when_ready)
        elif self.args.open is not None:
            # A reader takes a moment to pick an article: open it then, not at once. (A timer,
            # not a sleep here: sleeping in a handler would hold up the app's other messages.)
            self.set_timer(PICK_SECONDS, self._open_article)
        elif self.args.import_dir is not None:
            self.run_worker(self._measure_lag(), group="probe-lag")
        else:
            self._finish()

    async def _open_when_ready(self) -> None:
        queue = self.background_analysis
        if "open" in self.marks:
            return
        if self.args.after_queue and queue.analysed and not queue.running:
            self.result["queue_analysed"] = queue.analysed
            await self._open_article()
        elif self.args.after_warm_up and "warmed_up" in self.marks:
            await self._open_article()

    async def _open_article(self) -> None:
        from reader.tui.article.screen import ArticleScreen

        self.marks["open"] = time.perf_counter() - START
        await self.push_screen(ArticleScreen(self.args.open))

    async def _measure_lag(self) -> None:
        """Sample the event loop's lag: first idle (the machine's own noise), then importing."""
        worst = 0.0
        idle_until = time.perf_counter() + IDLE_SECONDS
        while time.perf_counter() < idle_until:
            worst = max(worst, await _lag())
        self.result["idle_stall"] = worst
        self.run_worker(self._import, thread=True, group="probe-import")
        worst, samples = 0.0, 0
        while "imported" not in self.marks:
            worst = max(worst, await _lag())
            samples += 1
        self.result.update(max_stall=worst, lag_samples=samples)
        self._finish()

    def _import(self) -> None:
        files = sorted(Path(self.args.import_dir).glob("*.md"))
        started = time.perf_counter()
        stored = 0
        for i in range(0, len(files), IMPORT_CHUNK):
            outcomes = self.library.articles.import_paths(files[i : i + IMPORT_CHUNK])
            stored += sum(1 for o in outcomes if o.result is not None and o.result.created)
            self.call_from_thread(cast(LibraryScreen, self.screen).reload)
        self.result.update(stored=stored, import_seconds=time.perf_counter() - started)
        self.call_from_thread(self.mark, "imported")

    def _finish(self) -> None:
        self.result["rss_mb"] = peak_rss_mb()
        self.exit()


def peak_rss_mb() -> float:
    """This process's own peak resident set, in MB (``VmHWM`` in ``/proc/self/status``).

    Not ``getrusage(...).ru_maxrss``: Linux keeps that figure across ``fork`` and ``exec``, so a
    probe started by a 300 MB benchmark process would report the parent's 300 MB as its own.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("/proc/self/status has no VmHWM line: peak RSS is measured on Linux only")


async def _lag() -> float:
    """How much later than asked a short sleep ended: the time the event loop was blocked."""
    before = time.perf_counter()
    await asyncio.sleep(LAG_TICK)
    return time.perf_counter() - before - LAG_TICK


def _patch(app: ProbeApp) -> None:
    """Hook the two line renderers that make the frames we time, and the warm-up's end."""
    from reader.tui import app as app_module

    warm_up = app_module.warm_up  # type: ignore[attr-defined]

    def timed_warm_up(algorithm: str | None = None) -> None:
        warm_up(algorithm)
        app.marks["warmed_up"] = time.perf_counter() - START  # from its thread: no call_later

    app_module.warm_up = timed_warm_up  # type: ignore[attr-defined]
    list_line = ArticleList.render_line

    def article_list_line(self: ArticleList, y: int) -> Strip:
        strip = list_line(self, y)
        if y == 0 and self.total and self._rows.get(round(self.scroll_y)) is not None:
            app.mark("first_frame")
        return strip

    ArticleList.render_line = article_list_line  # type: ignore[method-assign]
    if app.args.open is None:
        return
    from reader.tui.article.article_text import ArticleText

    story_line = ArticleText.render_line

    def story_render_line(self: ArticleText, y: int) -> Strip:
        strip = story_line(self, y)
        if self.body:
            app.mark("article_text")
            session = getattr(self.screen, "session", None)
            if session is not None and session.summary is not None:
                app.mark("analysed")
        return strip

    ArticleText.render_line = story_render_line  # type: ignore[method-assign]


def main() -> int:
    """Run the scenario and print the marks (seconds since process start) as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("--open", type=int, help="open this article after the first frame")
    parser.add_argument("--no-background", action="store_true", help="no background analysis")
    parser.add_argument(
        "--after-queue", action="store_true", help="open once the background analysis ended"
    )
    parser.add_argument(
        "--after-warm-up", action="store_true", help="open once the warm-up has ended"
    )
    parser.add_argument("--import-dir", help="import these .md files after the first frame")
    args = parser.parse_args()
    library = open_library(args.data_dir)
    app = ProbeApp(library, args)
    _patch(app)
    try:
        app.run(headless=True, size=(120, 40))
    finally:
        library.close()
    print(json.dumps({"imports": IMPORTED - START, **app.marks, **app.result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
