"""Correcting an article's details through the facade: search follows, bad edits change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.core import ArticleDraft, ArticleQuery, InvalidArgument, NotFound, UsageError
from reader.core.library import Library, open_library, parse_published

FIXED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
PASTED = ArticleDraft(
    title="000 9acc5c5fcf149964",
    body="The harbour crane collapsed on Tuesday. Dockworkers said nobody was hurt.",
)
OTHER = ArticleDraft(
    title="Library opens late",
    body="The city library opened two hours late because of a burst pipe.",
    source="Town Crier",
    url="https://example.org/library",
)


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: FIXED)
    yield lib
    lib.close()


def _found(library: Library, words: str) -> list[int]:
    return [meta.id for meta in library.articles.find(ArticleQuery(text=words))]


def test_a_new_title_is_searchable_and_the_old_one_is_not(library: Library) -> None:
    aid = library.articles.add(PASTED).article.id
    assert _found(library, "9acc5c5fcf149964") == [aid]
    meta = library.articles.edit_details(aid, title="Crane collapses at the harbour")
    assert meta.title == "Crane collapses at the harbour"
    assert library.articles.get(aid).title == "Crane collapses at the harbour"
    assert _found(library, "collapses harbour") == [aid]
    assert _found(library, "9acc5c5fcf149964") == []
    assert _found(library, "dockworkers") == [aid]  # the text is still indexed


def test_every_detail_can_be_set_and_cleared(library: Library) -> None:
    aid = library.articles.add(PASTED).article.id
    when = datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    meta = library.articles.edit_details(
        aid, published=when, source="Dock News", author="A. Writer", url="https://dock.example/1"
    )
    assert (meta.published, meta.source, meta.author, meta.url) == (
        datetime(2024, 3, 5, 13, 30, tzinfo=UTC),
        "Dock News",
        "A. Writer",
        "https://dock.example/1",
    )
    assert meta.title == PASTED.title  # what was not given is kept
    meta = library.articles.edit_details(aid, published=None, source="", author=None, url="  ")
    assert (meta.published, meta.source, meta.author, meta.url) == (None, None, None, None)


def test_values_are_cleaned_as_an_import_cleans_them(library: Library) -> None:
    aid = library.articles.add(PASTED).article.id
    meta = library.articles.edit_details(
        aid, title="  Crane\x1b[2J  falls\n\tagain \x07", source="\x07Dock"
    )
    assert meta.title == "Crane falls again"
    assert meta.source == "Dock"
    naive = library.articles.edit_details(aid, published=datetime(2024, 3, 5, 9, 0))
    assert naive.published == datetime(2024, 3, 5, 9, 0, tzinfo=UTC)


def test_refused_edits_change_nothing(library: Library) -> None:
    aid = library.articles.add(PASTED).article.id
    other = library.articles.add(OTHER).article.id
    before = library.articles.get(aid)
    with pytest.raises(InvalidArgument, match="title"):
        library.articles.edit_details(aid, title=" \x1b[0m ", source="Changed")
    with pytest.raises(UsageError, match=f"article {other} already has the URL"):
        library.articles.edit_details(aid, url=OTHER.url, title="Changed")
    with pytest.raises(NotFound):
        library.articles.edit_details(9999, title="Changed")
    assert library.articles.get(aid) == before
    assert _found(library, "changed") == []
    library.articles.delete([other])
    with pytest.raises(UsageError, match="deleted"):  # a deleted article still holds its URL
        library.articles.edit_details(aid, url=OTHER.url)
    with pytest.raises(NotFound):
        library.articles.edit_details(other, title="Deleted articles are not edited")
    assert library.articles.get(aid) == before


def test_an_edit_that_changes_nothing_writes_nothing(library: Library) -> None:
    aid = library.articles.add(OTHER).article.id
    token = library.change_token()
    meta = library.articles.edit_details(aid, title=OTHER.title, source=OTHER.source, url=OTHER.url)
    assert meta == library.articles.meta(aid)
    assert library.change_token() == token
    library.articles.edit_details(aid, author="Someone")
    assert library.change_token() != token


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("2024-03-05 14:30", datetime(2024, 3, 5, 14, 30, tzinfo=UTC)),
        ("5 March 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("Mar 5, 2024, 2:30 PM EST", datetime(2024, 3, 5, 19, 30, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 14:30:00 +0000", datetime(2024, 3, 5, 14, 30, tzinfo=UTC)),
        ("  ", None),
        ("", None),
    ],
)
def test_published_dates_are_read_as_an_import_reads_them(
    text: str, expected: datetime | None
) -> None:
    found = parse_published(text)
    assert found == expected
    assert found is None or found.utcoffset() is not None


@pytest.mark.parametrize("text", ["yesterday", "2024-13-40", "March 2024", "\x1b[31m2024"])
def test_a_date_that_cannot_be_read_is_one_clear_line(text: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        parse_published(text)
    message = str(caught.value)
    assert message.startswith("not a date: ") and "2024-03-05" in message
    assert "\n" not in message and "\x1b" not in message
