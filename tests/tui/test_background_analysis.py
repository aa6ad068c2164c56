"""The reader's background analysis: new articles are analysed before they are opened, and an
article opened before its turn is analysed by its own screen first."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.core import ArticleDraft, Settings
from reader.core.library import Library
from reader.tui import background
from reader.tui.app import SkimApp
from reader.tui.article.screen import ArticleScreen
from tests.tui.helpers import fill_library, settle_until

TIMEOUT = 60.0  # seconds: the queue analyses 16 samples, slowly on a busy machine


def _app(library: Library, tmp_path: Path, *, background: bool = True) -> SkimApp:
    return SkimApp(
        library,
        settings=Settings(path=tmp_path / "config.toml", background_analysis=background),
    )


async def _until(pilot: Pilot[Any], condition: Any, what: str) -> None:
    """Let the app run until ``condition()`` holds (the queue's worker never makes settle wait
    for less than all of it, so this polls)."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        await pilot.pause(0.05)


async def test_the_queue_fills_the_cache_newest_first(library: Library, tmp_path: Path) -> None:
    total = library.articles.count()
    assert library.analysis.unanalysed(100) != []
    app = _app(library, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        queue = app.background_analysis
        await _until(pilot, lambda: queue.analysed > 0, "the queue started")
        await _until(pilot, lambda: not queue.running, "the queue ended")
        assert queue.analysed == total
        assert library.analysis.unanalysed(100) == []
        # An article imported while the reader runs is analysed too (the queue looks again).
        added = library.articles.add(
            ArticleDraft(title="Late news", body="Mayor Elena Ruiz said 40 homes were at risk.")
        )
        await _until(pilot, lambda: queue.analysed == total + 1, "the new article was analysed")
        assert library.analysis.unanalysed(100) == []
        assert added.article.id not in library.analysis.unanalysed(100)


def _record_starts(library: Library, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[float]]:
    """When the queue starts each article, when the reader starts waiting, when the summary ends."""
    times: dict[str, list[float]] = {"queue": [], "reader": [], "summarised": []}
    analysis = library.analysis
    prepare, waiting, summary = analysis.prepare, analysis.reader_waiting, analysis.summary

    def timed_prepare(article_id: int) -> bool:
        times["queue"].append(time.perf_counter())
        return prepare(article_id)

    def timed_waiting() -> Any:
        times["reader"].append(time.perf_counter())
        return waiting()

    def timed_summary(*args: Any, **kwargs: Any) -> Any:
        try:
            return summary(*args, **kwargs)
        finally:
            times["summarised"].append(time.perf_counter())

    monkeypatch.setattr(analysis, "prepare", timed_prepare)
    monkeypatch.setattr(analysis, "reader_waiting", timed_waiting)
    monkeypatch.setattr(analysis, "summary", timed_summary)
    return times


async def test_opening_before_its_turn_analyses_the_article_first(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = library.articles.count()
    oldest = library.analysis.unanalysed(100)[-1]  # the queue's last
    app = _app(library, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        queue = app.background_analysis
        await _until(pilot, lambda: queue.analysed > 0, "the queue started")
        assert queue.running
        started = _record_starts(library, monkeypatch)
        screen = ArticleScreen(oldest)
        await app.push_screen(screen)
        await _until(pilot, lambda: screen.session.summary is not None, "the summary arrived")
        # The queue held back meanwhile: no article of its own started while the reader waited.
        opened, summarised = started["reader"][0], started["summarised"][0]
        assert not [t for t in started["queue"] if opened < t < summarised]
        analysis = screen.session.analysis
        assert analysis is not None and analysis.sentences
        assert queue.analysed < total - 1  # the queue was still going
        await settle_until(pilot, lambda: not queue.running)
        # The screen analysed its article; the queue found it done and did all the others.
        assert queue.analysed == total - 1
        assert library.analysis.unanalysed(100) == []


async def test_the_queue_holds_back_while_keys_are_pressed(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_library(library, 300)  # short articles: unchecked, the queue does dozens a second
    # A pause the keys below never leave, even when a loaded machine makes a key take a second
    # to go through (CI failed with the real 1 s: the queue slipped in between two keys).
    monkeypatch.setattr(background, "QUIET_SECONDS", 5.0)
    app = _app(library, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        queue = app.background_analysis
        for key in "jk" * 8:  # one key every 0.2 s from the start, for 3.2 s
            await pilot.press(key)
            await pilot.pause(0.2)
        assert queue.running  # started after the warm-up, and waiting
        assert queue.analysed == 0
        monkeypatch.setattr(background, "QUIET_SECONDS", 0.2)
        await _until(pilot, lambda: not queue.running, "the queue ended once keys stopped")
        assert queue.analysed == library.articles.count()


async def test_the_config_turns_the_queue_off(library: Library, tmp_path: Path) -> None:
    app = _app(library, tmp_path, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(2.0)  # the warm-up has run (0.5 s after start-up)
        await settle_until(pilot)
        assert app.background_analysis.analysed == 0
        assert not app.background_analysis.running
    assert len(library.analysis.unanalysed(100)) == library.articles.count()
