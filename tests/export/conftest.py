"""Fixtures of the export tests: a library on a clock the test moves, with annotated articles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft
from tests.export.helpers import BODY, T0


class Clock:
    """A clock that stands still until the test moves it."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int = 60) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def library(tmp_path: Path, clock: Clock) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=clock)
    yield lib
    lib.close()


@pytest.fixture
def seeded(library: Library) -> list[int]:
    """Two annotated articles (the sea wall story and a bridge story) and one without notes."""
    first = library.articles.add(
        ArticleDraft(
            title="Harbour council approves $12 million sea wall",
            body=BODY,
            source="The Harbour Times",
            url="https://example.com/sea-wall",
            tags=("climate",),
        )
    ).article.id
    library.annotations.add_quote(
        first, "a $12 million sea wall", note="Check the cost.", tags=["money"]
    )
    library.annotations.add_quote(
        first, "protect about 4,000 homes", note="Which homes?", tags=["long reads"]
    )
    library.articles.set_article_note(first, "Compare with the 2019 plan.")
    second = library.articles.add(
        ArticleDraft(
            title="Riverside bridge to close for repairs",
            body="The Riverside bridge will close for six weeks from May.\n\nBuses will divert.",
        )
    ).article.id
    library.annotations.add_quote(second, "close for six weeks", note="Longer than last time.")
    third = library.articles.add(
        ArticleDraft(title="Ferry strike called off", body="The ferry strike was called off.")
    ).article.id
    return [first, second, third]
