"""Editing an article's title or date groups it in stories again; other details leave it be."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import timedelta
from unittest import mock

from reader.core.library import Library
from reader.core.stories import grouping
from tests.stories.test_library_stories import DAY, FERRY_A, FERRY_B

MONTH_LATER = dataclasses.replace(FERRY_B, published=DAY + timedelta(days=30))


def _index(library: Library) -> tuple[list[tuple[object, ...]], ...]:
    """Everything story grouping has stored, in a comparable form."""
    with sqlite3.connect(library.path) as db:
        return tuple(
            sorted(db.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("story_articles", "story_postings", "story_terms")
        )


def _story_ids(library: Library, article_id: int) -> list[int]:
    return [meta.id for meta in library.stories.of(article_id)]


def test_a_corrected_date_brings_a_report_into_its_story_and_out_again(library: Library) -> None:
    first = library.articles.add(FERRY_A).article.id
    second = library.articles.add(MONTH_LATER).article.id
    assert _story_ids(library, second) == [second]  # a month apart: not the same event
    apart = _index(library)

    library.articles.edit_details(second, published=FERRY_B.published)
    assert _story_ids(library, second) == [first, second]
    assert library.stories.sizes([first, second]) == {first: 2, second: 2}

    library.articles.edit_details(second, published=MONTH_LATER.published)
    assert _story_ids(library, second) == [second]
    assert _story_ids(library, first) == [first]
    # Leaving a story takes back everything filing it stored: the index is as it was.
    assert _index(library) == apart


def test_a_corrected_title_regroups_by_the_new_title(library: Library) -> None:
    """A pasted article has no title and today's date; the reader's correction files it."""
    first = library.articles.add(FERRY_A).article.id
    pasted = library.articles.add(
        dataclasses.replace(
            FERRY_B,
            title="000 9acc5c5fcf149964",
            body="Passengers were taken off by boat overnight. Divers inspected the hull.",
        )
    ).article.id
    assert _story_ids(library, pasted) == [pasted]
    library.articles.edit_details(
        pasted, title="Aegean Star ferry aground off Naxos: 312 passengers safe"
    )
    assert _story_ids(library, pasted) == [first, pasted]


def test_the_article_that_started_a_story_can_leave_it(library: Library) -> None:
    first = library.articles.add(FERRY_A).article.id
    second = library.articles.add(FERRY_B).article.id
    assert _story_ids(library, second) == [first, second]
    # The story was named after `first`; when it leaves, the story keeps `second` under a new
    # id, so `first` starting a story of its own does not pull `second` back in.
    library.articles.edit_details(first, published=DAY + timedelta(days=40))
    assert _story_ids(library, first) == [first]
    assert _story_ids(library, second) == [second]
    assert {story.id for story in library.stories.find(min_size=1)} == {first, second}
    library.articles.edit_details(first, published=FERRY_A.published)
    assert _story_ids(library, first) == [first, second]
    assert [story.id for story in library.stories.find()] == [second]


def test_details_grouping_does_not_read_keep_the_article_in_its_story(library: Library) -> None:
    first = library.articles.add(FERRY_A).article.id
    second = library.articles.add(FERRY_B).article.id
    before = _index(library)
    published = DAY + timedelta(hours=6)  # FERRY_B's day still
    with mock.patch.object(grouping, "probe", wraps=grouping.probe) as probed:
        library.articles.edit_details(
            second,
            source="Other Wire",
            author="Someone",
            url="https://x.example/",
            published=published,
        )
    probed.assert_not_called()  # same title, same day: nothing to decide again
    assert _index(library) == before
    assert _story_ids(library, second) == [first, second]


def test_an_article_not_yet_grouped_is_left_to_group_pending(library: Library) -> None:
    aid = library.articles.add(FERRY_A).article.id
    with sqlite3.connect(library.path) as db:
        db.execute("DELETE FROM story_articles")
    library.articles.edit_details(aid, title="Ferry aground")
    assert library.stories.group_pending() == 1
