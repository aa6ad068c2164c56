"""Helpers for the TUI tests: a fixed clock, generated articles, waiting for workers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

from reader.core.library import Library
from reader.core.models import ArticleDraft
from reader.tui.app import SkimApp

FIXED_NOW = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
_BUSY = (WorkerState.PENDING, WorkerState.RUNNING)
SOURCES = ("Harbour Times", "Baltic Wire", "Northern Ledger", "Circuit & Signal", "Field Notes")


def fixed_clock() -> datetime:
    """The same instant every time, so stored dates and snapshots do not depend on today."""
    return FIXED_NOW


def generated_drafts(count: int, *, start: int = 0) -> list[ArticleDraft]:
    """``count`` small distinct articles, with varied sources and publication dates."""
    return [
        ArticleDraft(
            title=f"Generated article {i:05d} about topic {i % 97}",
            body=f"Article {i} reports on subject {i * 7919 % 100003}. " * 3
            + f"It closes with remark {i}.",
            source=SOURCES[i % len(SOURCES)],
            published=FIXED_NOW - timedelta(hours=i),
        )
        for i in range(start, start + count)
    ]


def fill_library(library: Library, count: int) -> None:
    """Add ``count`` generated articles quickly (one transaction per 2,000)."""
    for start in range(0, count, 2_000):
        library.articles.add_many(generated_drafts(min(2_000, count - start), start=start))


async def wait_for_workers(pilot: Pilot[Any]) -> None:
    """Wait for the app's started workers to end; a cancelled one has ended too.

    Textual's ``workers.wait_for_complete()`` raises ``WorkerCancelled`` when a worker it waits on
    is cancelled meanwhile (an exclusive worker replaced by a newer one, a screen's workers when
    it closes): timing the tests cannot control, which made them fail on a busy machine. A worker
    that failed still fails the test.
    """
    started = [worker for worker in pilot.app.workers if worker.state != WorkerState.PENDING]
    results = await asyncio.gather(*(w.wait() for w in started), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, WorkerCancelled):
            raise result


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until workers (and the reloads they start) are done and the screen is repainted."""
    await pilot.pause()
    for _ in range(10):
        if not any(worker.state in _BUSY for worker in pilot.app.workers):
            break
        await wait_for_workers(pilot)
        await pilot.pause()  # results arrive by call_from_thread and may start more workers


async def settle_until(pilot: Pilot[Any], until: Callable[[], bool] = lambda: True) -> None:
    """Let workers (and the workers their results start) finish, until ``until()`` holds."""
    for _ in range(200):
        await wait_for_workers(pilot)
        await pilot.pause()
        if until() and not any(w.is_running for w in pilot.app.workers):
            return
    raise AssertionError("the screen did not settle")


class RecordingApp(SkimApp):
    """The app, remembering every notification it showed."""

    def __init__(self, library: Library) -> None:
        super().__init__(library)
        self.messages: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:
        """Remember ``message``, then show it."""
        self.messages.append(message)
        super().notify(message, **kwargs)
