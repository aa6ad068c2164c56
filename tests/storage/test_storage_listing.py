"""Listing articles: sorting, paging, filters, counts and the sidebar view counts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.core.errors import UsageError
from reader.core.models import ArticleQuery, TriageState
from reader.core.storage import Storage
from tests.storage.helpers import T0, AddFn


def _titles(storage: Storage, query: ArticleQuery | None = None, **options: object) -> list[str]:
    rows = storage.search.list_articles(query or ArticleQuery(), **options)  # type: ignore[arg-type]
    return [row.title for row in rows]


@pytest.fixture
def sample(storage: Storage, add: AddFn) -> dict[str, int]:
    """Five articles with distinct added times, some without source or publication date."""
    ids = {
        "banana": add(
            "banana",
            minutes=1,
            source="The Harbour Times",
            published=datetime(2024, 3, 1, tzinfo=UTC),
        ),
        "Apple": add("Apple", minutes=2, source="city desk"),
        "cherry": add("cherry", minutes=3, published=datetime(2024, 1, 1, tzinfo=UTC)),
        "Élan": add(
            "Élan", minutes=4, source="Harbour weekly", published=datetime(2024, 2, 1, tzinfo=UTC)
        ),
        "date": add("date", minutes=5, source="Country Post"),
    }
    return ids


def test_sort_by_added(storage: Storage, sample: dict[str, int]) -> None:
    assert _titles(storage) == ["date", "Élan", "cherry", "Apple", "banana"]
    assert _titles(storage, descending=False) == ["banana", "Apple", "cherry", "Élan", "date"]


def test_sort_by_published_puts_undated_last(storage: Storage, sample: dict[str, int]) -> None:
    assert _titles(storage, sort="published") == ["banana", "Élan", "cherry", "date", "Apple"]
    assert _titles(storage, sort="published", descending=False) == [
        "cherry",
        "Élan",
        "banana",
        "Apple",
        "date",
    ]


def test_sort_by_title_ignores_case(storage: Storage, sample: dict[str, int]) -> None:
    assert _titles(storage, sort="title", descending=False)[:4] == [
        "Apple",
        "banana",
        "cherry",
        "date",
    ]


def test_sort_by_source_ignores_case_and_puts_none_last(
    storage: Storage, sample: dict[str, int]
) -> None:
    assert _titles(storage, sort="source", descending=False) == [
        "Apple",
        "date",
        "Élan",
        "banana",
        "cherry",
    ]
    assert _titles(storage, sort="source")[-1] == "cherry"


def test_ties_are_broken_by_id(storage: Storage, add: AddFn) -> None:
    first, second = add("Same", "one body"), add("same", "another body")
    rows = storage.search.list_articles(ArticleQuery(), sort="title", descending=False)
    assert [row.id for row in rows] == [first, second]
    rows = storage.search.list_articles(ArticleQuery(), sort="added")
    assert [row.id for row in rows] == [second, first]


def test_paging(storage: Storage, sample: dict[str, int]) -> None:
    everything = _titles(storage)
    pages = [_titles(storage, limit=2, offset=offset) for offset in (0, 2, 4)]
    assert pages[0] + pages[1] + pages[2] == everything
    assert _titles(storage, limit=0) == []


def test_bad_sort_and_paging_are_usage_errors(storage: Storage) -> None:
    with pytest.raises(UsageError, match="unknown sort 'words'"):
        storage.search.list_articles(ArticleQuery(), sort="words")
    with pytest.raises(UsageError):
        storage.search.list_articles(ArticleQuery(), offset=-1)


def test_filters_and_counts(storage: Storage, sample: dict[str, int]) -> None:
    storage.articles.set_state([sample["Apple"], sample["cherry"]], TriageState.LATER)
    storage.articles.set_state([sample["date"]], TriageState.ARCHIVE)
    storage.articles.set_starred([sample["cherry"], sample["date"]], True)
    storage.tags.replace(sample["banana"], ["fruit", "yellow"])
    storage.tags.replace(sample["cherry"], ["fruit"])

    cases = {
        ArticleQuery(state=TriageState.LATER): ["cherry", "Apple"],
        ArticleQuery(state=TriageState.INBOX): ["Élan", "banana"],
        ArticleQuery(starred=True): ["date", "cherry"],
        ArticleQuery(starred=False, state=TriageState.LATER): ["Apple"],
        ArticleQuery(tags=("Fruit",)): ["cherry", "banana"],
        ArticleQuery(tags=("fruit", "yellow")): ["banana"],
        ArticleQuery(tags=("fruit", "missing")): [],
        ArticleQuery(source="HARBOUR"): ["Élan", "banana"],
        ArticleQuery(source="harbour t"): ["banana"],
    }
    for query, expected in cases.items():
        assert _titles(storage, query) == expected, query
        assert storage.search.count_articles(query) == len(expected), query


def test_source_filter_folds_non_ascii_case(storage: Storage, add: AddFn) -> None:
    add("One", source="ÉCOLE Daily")
    assert _titles(storage, ArticleQuery(source="école")) == ["One"]


def test_has_notes_counts_note_and_live_annotations(storage: Storage, add: AddFn) -> None:
    plain, noted, highlighted = add("plain"), add("noted"), add("highlighted")
    storage.articles.set_note(noted, "a thought", now=T0)
    annotation = storage.annotations.add(
        highlighted, start=0, end=4, quote="Text", prefix="", suffix="", note="", tags=(), now=T0
    )
    assert _titles(storage, ArticleQuery(has_notes=True)) == ["highlighted", "noted"]
    assert _titles(storage, ArticleQuery(has_notes=False)) == ["plain"]
    assert {row.title: row.notes for row in storage.search.list_articles(ArticleQuery())} == {
        "plain": 0,
        "noted": 1,
        "highlighted": 1,
    }
    storage.annotations.delete(annotation.id, now=T0)
    assert _titles(storage, ArticleQuery(has_notes=False)) == ["highlighted", "plain"]
    assert plain


def test_view_counts(storage: Storage, sample: dict[str, int]) -> None:
    assert storage.search.view_counts() == {
        "inbox": 5,
        "later": 0,
        "archive": 0,
        "starred": 0,
        "all": 5,
    }
    storage.articles.set_state([sample["Apple"]], TriageState.LATER)
    storage.articles.set_state([sample["date"]], TriageState.ARCHIVE)
    storage.articles.set_starred([sample["date"], sample["cherry"]], True)
    storage.articles.delete([sample["cherry"]], now=T0)
    assert storage.search.view_counts() == {
        "inbox": 2,
        "later": 1,
        "archive": 1,
        "starred": 1,
        "all": 4,
    }


def test_view_counts_of_an_empty_library(storage: Storage) -> None:
    assert storage.search.view_counts() == {
        "inbox": 0,
        "later": 0,
        "archive": 0,
        "starred": 0,
        "all": 0,
    }
