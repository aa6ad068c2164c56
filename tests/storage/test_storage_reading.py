"""Read flags, reading progress and restoring triage state (reader.core.storage.reading), the
migration that adds them, and the is:read / is:unread filters."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.errors import NotFound, QueryError, UsageError
from reader.core.models import ArticleQuery, TriageState
from reader.core.query import parse_query
from reader.core.storage import Storage
from reader.core.storage._migrations import MIGRATIONS, migrate
from tests.storage.helpers import AddFn


def test_new_articles_are_unread_and_unstarted(storage: Storage, add: AddFn) -> None:
    one = add("One")
    meta = storage.articles.meta(one)
    article = storage.articles.get(one)
    assert (meta.read, meta.progress) == (False, 0)
    assert (article.read, article.progress) == (False, 0)


def test_set_read_marks_several_and_back(storage: Storage, add: AddFn) -> None:
    one, two, three = add("One"), add("Two"), add("Three")
    storage.reading.set_read([one, two], True)
    assert [storage.articles.meta(i).read for i in (one, two, three)] == [True, True, False]
    storage.reading.set_read([two], False)
    assert storage.articles.get(two).read is False


def test_set_read_changes_nothing_when_an_id_is_missing(storage: Storage, add: AddFn) -> None:
    one = add("One")
    with pytest.raises(NotFound):
        storage.reading.set_read([one, 999], True)
    assert storage.articles.meta(one).read is False


def test_progress_keeps_the_furthest_point(storage: Storage, add: AddFn) -> None:
    one = add("One")
    assert storage.reading.record_progress(one, 40) is True
    assert storage.reading.record_progress(one, 25) is False  # scrolling back up
    assert storage.articles.meta(one).progress == 40
    assert storage.reading.record_progress(one, 100) is True
    assert storage.articles.get(one).progress == 100


@pytest.mark.parametrize("percent", [-1, 101])
def test_progress_outside_0_to_100_is_refused(storage: Storage, add: AddFn, percent: int) -> None:
    one = add("One")
    with pytest.raises(UsageError, match="percentage"):
        storage.reading.record_progress(one, percent)


def test_restore_triage_puts_state_star_read_and_tags_back(storage: Storage, add: AddFn) -> None:
    one, two = add("One", tags=("a",)), add("Two")
    before = storage.reading.metas([one, two])
    storage.articles.set_state([one, two], TriageState.ARCHIVE)
    storage.articles.set_starred([one, two], True)
    storage.reading.set_read([one, two], True)
    storage.tags.change([one, two], add=["batch"], remove=["a"])
    storage.reading.restore_triage(before)
    assert storage.reading.metas([one, two]) == before


def test_restore_triage_is_all_or_nothing(storage: Storage, add: AddFn) -> None:
    one, two = add("One"), add("Two")
    before = storage.reading.metas([one, two])
    storage.articles.set_state([one], TriageState.LATER)
    storage.articles.delete([two], now=before[0].added)
    with pytest.raises(NotFound):
        storage.reading.restore_triage([replace(before[0]), before[1]])
    assert storage.articles.meta(one).state == TriageState.LATER


def test_metas_keep_the_order_asked_and_skip_deleted(storage: Storage, add: AddFn) -> None:
    one, two, three = add("One"), add("Two"), add("Three")
    storage.articles.delete([two], now=storage.articles.meta(one).added)
    assert [m.id for m in storage.reading.metas([three, two, one, three])] == [three, one]


def test_search_filters_on_the_read_flag(storage: Storage, add: AddFn) -> None:
    one, two = add("One"), add("Two")
    storage.reading.set_read([one], True)
    unread = storage.search.list_articles(parse_query("is:unread"))
    read = storage.search.list_articles(parse_query("is:read"))
    assert [m.id for m in unread] == [two]
    assert [m.id for m in read] == [one]
    assert storage.search.count_articles(ArticleQuery(read=False)) == 1


def test_query_reads_is_read_and_is_unread() -> None:
    assert parse_query("is:unread").read is False
    assert parse_query("IS:Read tax").read is True
    with pytest.raises(QueryError, match="conflicting filters is:read and is:unread"):
        parse_query("is:read is:unread")


def test_migration_marks_articles_worked_on_as_read(tmp_path: Path) -> None:
    """A library from before read flags: articles with a position, a note or a highlight are read."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, path, MIGRATIONS[:6])
    rows = [
        ("untouched", 0, ""),
        ("scrolled", 120, ""),
        ("noted", 0, "a note"),
        ("highlighted", 0, ""),
        ("highlight deleted", 0, ""),
    ]
    for n, (title, position, note) in enumerate(rows):
        db.execute(
            "INSERT INTO articles (title, body, added, content_hash, reading_position, note) "
            "VALUES (?, 'text', '2024-05-01T09:30:00.000000Z', ?, ?, ?)",
            (title, f"hash{n}", position, note),
        )
    for title, deleted in (("highlighted", None), ("highlight deleted", "2024-05-02")):
        db.execute(
            "INSERT INTO annotations (article_id, start_offset, end_offset, quote, created, "
            "updated, deleted_at) SELECT id, 0, 4, 'text', 'x', 'x', ? FROM articles "
            "WHERE title = ?",
            (deleted, title),
        )
    db.close()

    storage = Storage(path)
    try:
        read = {m.title: m.read for m in storage.search.list_articles(ArticleQuery())}
    finally:
        storage.close()
    assert read == {
        "untouched": False,
        "scrolled": True,
        "noted": True,
        "highlighted": True,
        "highlight deleted": False,
    }
