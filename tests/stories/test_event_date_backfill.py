"""Articles stored before event dates were read from the text get theirs at ``regroup``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)

# As an older skim stored a pasted article: no published date, no event date.
OLD_UNDATED = ArticleDraft(
    title="Kim vows toughest anti-US policy at party plenum",
    body="North Korea's Kim Jong Un vowed a tough line at a plenary meeting held in Pyongyang "
    "from December 23 to 27, 2024, the state news agency said.\n\nAnalysts said over 10,000 "
    "troops had been sent to Russia.",
)
NO_DATE_IN_TEXT = ArticleDraft(
    title="A museum opens", body="A museum of lighthouse keepers opened in a boathouse."
)
DATED = ArticleDraft(
    title="Dated report",
    body="It happened on March 3, 2021.",
    published=datetime(2024, 12, 28, 6, 0, tzinfo=UTC),
)


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: NOW)
    yield lib
    lib.close()


def test_regroup_infers_event_dates_of_articles_that_have_none(library: Library) -> None:
    old, plain, dated = (
        library.articles.add(d).article.id for d in (OLD_UNDATED, NO_DATE_IN_TEXT, DATED)
    )
    assert library.articles.get(old).event_date is None
    library.stories.regroup()
    article = library.articles.get(old)
    assert article.event_date == date(2024, 12, 27) and article.event_date_inferred
    # No date in the text: still unknown, never the import day; a published date is left alone.
    assert library.articles.get(plain).event_date is None
    assert library.articles.get(dated).event_date is None


def test_backfill_counts_what_it_dated_and_is_idempotent(library: Library) -> None:
    library.articles.add(OLD_UNDATED)
    library.articles.add(NO_DATE_IN_TEXT)
    assert library.stories.backfill_event_dates() == 1
    assert library.stories.backfill_event_dates() == 0
