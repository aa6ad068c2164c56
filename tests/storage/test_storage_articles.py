"""Adding articles (duplicates, restore), reading them back, and the reader's state."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest

from reader.core.errors import NotFound, StorageError, UsageError
from reader.core.models import TriageState
from reader.core.storage import Storage, articles, normalise_tags
from reader.core.storage._fts import index_articles
from reader.core.text import content_hash
from tests.storage.helpers import T0, AddFn, draft


def _add(storage: Storage, title: str, body: str, **fields: object) -> tuple[int, bool, str]:
    item = draft(title, body, **fields)
    return storage.articles.add(item, content_hash=content_hash(body), words=3, now=T0)


def test_add_and_get_round_trips_every_field(storage: Storage) -> None:
    published = datetime(2024, 4, 30, 18, 0, tzinfo=timezone(timedelta(hours=2)))
    article_id, created, reason = _add(
        storage,
        "Harbour reopens",
        "The harbour reopened on Monday.",
        source="The Harbour Times",
        author="A. Writer",
        url="https://example.org/harbour",
        published=published,
        updated=published + timedelta(hours=1),
        tags=("Local", " ports "),
        origin="https://example.org/harbour",
    )
    assert (created, reason) == (True, "")
    article = storage.articles.get(article_id)
    assert article.title == "Harbour reopens"
    assert article.body == "The harbour reopened on Monday."
    assert (article.source, article.author) == ("The Harbour Times", "A. Writer")
    assert article.url == article.origin == "https://example.org/harbour"
    assert article.published == published and article.published.tzinfo == UTC
    assert article.updated == published + timedelta(hours=1)
    assert article.added == T0
    assert article.content_hash == content_hash("The harbour reopened on Monday.")
    assert article.words == 3
    assert article.state is TriageState.INBOX
    assert (article.starred, article.reading_position, article.note) == (False, 0, "")
    assert article.tags == ("local", "ports")
    meta = storage.articles.meta(article_id)
    assert (meta.id, meta.title, meta.tags, meta.notes, meta.words) == (
        article_id,
        "Harbour reopens",
        ("local", "ports"),
        0,
        3,
    )


def test_naive_datetimes_are_taken_as_utc(storage: Storage) -> None:
    article_id, _, _ = _add(storage, "t", "body", published=datetime(2024, 1, 2, 3, 4))
    assert storage.articles.get(article_id).published == datetime(2024, 1, 2, 3, 4, tzinfo=UTC)


def test_same_url_is_a_duplicate(storage: Storage) -> None:
    first, _, _ = _add(storage, "One", "first text", url="https://x.test/a")
    assert _add(storage, "Two", "other text", url="https://x.test/a") == (first, False, "same URL")
    assert storage.search.view_counts()["all"] == 1


def test_same_text_is_a_duplicate(storage: Storage) -> None:
    first, _, _ = _add(storage, "One", "Same words here.", url="https://x.test/a")
    assert _add(storage, "Copy", "same  WORDS here", url="https://x.test/b") == (
        first,
        False,
        "same text",
    )


def test_articles_without_url_are_not_duplicates_of_each_other(storage: Storage) -> None:
    assert _add(storage, "One", "first text")[1]
    assert _add(storage, "Two", "second text", url="")[1]  # an empty URL counts as none
    assert storage.search.view_counts()["all"] == 2


def test_batch_reports_duplicates_within_itself(storage: Storage) -> None:
    items = [
        (draft("A", "alpha text", url="https://x.test/a"), content_hash("alpha text"), 2),
        (draft("B", "beta text"), content_hash("beta text"), 2),
        (draft("A again", "new text", url="https://x.test/a"), content_hash("new text"), 2),
        (draft("B again", "Beta text."), content_hash("Beta text."), 2),
    ]
    results = storage.articles.add_many(items, now=T0)
    assert [(created, reason) for _, created, reason in results] == [
        (True, ""),
        (True, ""),
        (False, "same URL"),
        (False, "same text"),
    ]
    assert results[2][0] == results[0][0] and results[3][0] == results[1][0]
    assert storage.search.view_counts()["all"] == 2


def test_failed_batch_stores_nothing(storage: Storage, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing_index(db: sqlite3.Connection, ids: object) -> None:
        calls.append(ids)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        index_articles(db, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(articles, "index_articles", failing_index)
    items = [(draft(t, f"{t} text"), content_hash(f"{t} text"), 2) for t in ("A", "B", "C")]
    with pytest.raises(StorageError, match="could not be used: disk I/O error"):
        storage.articles.add_many(items, now=T0)
    assert storage.search.view_counts()["all"] == 0
    monkeypatch.undo()
    assert [created for _, created, _ in storage.articles.add_many(items, now=T0)] == [True] * 3


def test_adding_a_deleted_article_again_restores_it(storage: Storage) -> None:
    article_id, _, _ = _add(storage, "One", "the text", url="https://x.test/a", tags=("old",))
    storage.articles.set_note(article_id, "keep me", now=T0)
    storage.articles.delete([article_id], now=T0)
    assert _add(storage, "One", "the text", tags=("new",)) == (article_id, True, "restored")
    article = storage.articles.get(article_id)
    assert (article.note, article.tags) == ("keep me", ("new", "old"))
    # matched by URL only: the stored version comes back
    storage.articles.delete([article_id], now=T0)
    assert _add(storage, "One v2", "changed text", url="https://x.test/a")[1:] == (True, "restored")
    assert storage.articles.get(article_id).body == "the text"


def test_missing_and_deleted_articles_are_not_found(storage: Storage, add: AddFn) -> None:
    article_id = add("One")
    with pytest.raises(NotFound, match="no article 999"):
        storage.articles.get(999)
    storage.articles.delete([article_id], now=T0)
    with pytest.raises(NotFound):
        storage.articles.get(article_id)
    with pytest.raises(NotFound):
        storage.articles.meta(article_id)
    storage.articles.restore([article_id])
    assert storage.articles.get(article_id).title == "One"


def test_soft_delete_hides_from_lists_and_counts(storage: Storage, add: AddFn) -> None:
    keep, gone = add("Keep"), add("Gone", tags=("x",))
    storage.articles.delete([gone], now=T0)
    assert storage.search.view_counts()["all"] == 1
    assert storage.tags.counts() == []
    storage.articles.restore([gone, keep])  # restoring a live article does nothing
    assert storage.search.view_counts()["all"] == 2
    assert storage.tags.counts() == [("x", 1)]


def test_bulk_changes_are_all_or_nothing(storage: Storage, add: AddFn) -> None:
    one, two = add("One"), add("Two")
    with pytest.raises(NotFound, match="no article 999"):
        storage.articles.set_state([one, 999, two], TriageState.ARCHIVE)
    assert storage.search.view_counts()["archive"] == 0
    with pytest.raises(NotFound, match="no articles 7, 8"):
        storage.articles.delete([7, 8], now=T0)
    with pytest.raises(NotFound):
        storage.articles.restore([12345])


def test_state_star_position_and_note(storage: Storage, add: AddFn) -> None:
    one, two = add("One"), add("Two")
    storage.articles.set_state([one, two, one], TriageState.LATER)
    storage.articles.set_state([two], "archive")  # type: ignore[arg-type]
    storage.articles.set_starred([one], True)
    storage.articles.set_reading_position(one, 42)
    storage.articles.set_note(one, "  worth rereading \n", now=T0)
    article = storage.articles.get(one)
    assert (article.state, article.starred, article.reading_position, article.note) == (
        TriageState.LATER,
        True,
        42,
        "worth rereading",
    )
    assert storage.articles.meta(one).notes == 1
    assert storage.articles.get(two).state is TriageState.ARCHIVE
    storage.articles.set_starred([one], False)
    assert not storage.articles.meta(one).starred
    storage.articles.set_note(one, "   ", now=T0)
    assert storage.articles.meta(one).notes == 0


def test_bad_state_and_position_are_usage_errors(storage: Storage, add: AddFn) -> None:
    one = add("One")
    with pytest.raises(UsageError, match="unknown state 'done'"):
        storage.articles.set_state([one], "done")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="negative"):
        storage.articles.set_reading_position(one, -1)
    with pytest.raises(NotFound):
        storage.articles.set_reading_position(999, 1)


def test_empty_id_lists_do_nothing(storage: Storage) -> None:
    storage.articles.set_state([], TriageState.ARCHIVE)
    storage.articles.set_starred([], True)
    storage.articles.delete([], now=T0)
    storage.articles.restore([])


def test_tags_are_normalised_replaced_and_counted(storage: Storage, add: AddFn) -> None:
    one, two = add("One"), add("Two")
    storage.tags.replace(one, ["  Long   Reads ", "news", "NEWS", "", "\x1b[31mred"])
    assert storage.articles.get(one).tags == ("long reads", "news", "red")
    storage.tags.replace(two, ["news"])
    assert storage.tags.counts() == [("long reads", 1), ("news", 2), ("red", 1)]
    storage.tags.replace(one, [])
    assert storage.articles.get(one).tags == ()
    with pytest.raises(NotFound):
        storage.tags.replace(999, ["x"])


def test_normalise_tags() -> None:
    assert normalise_tags(["B", "a", " b "]) == ("a", "b")
    assert normalise_tags(["\t", ""]) == ()
