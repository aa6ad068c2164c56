"""Annotations: create, read, update, soft delete and restore, and how they count as notes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reader.core.errors import NotFound, UsageError
from reader.core.models import Annotation
from reader.core.storage import Storage
from tests.storage.helpers import T0, AddFn

BODY = "The council met on Monday. The mayor spoke about the harbour budget."


def _annotate(
    storage: Storage, article_id: int, start: int, end: int, **fields: object
) -> Annotation:
    values: dict[str, object] = {"prefix": "", "suffix": "", "note": "", "tags": (), "now": T0}
    values.update(fields)
    return storage.annotations.add(
        article_id,
        start=start,
        end=end,
        quote=BODY[start:end],
        **values,  # type: ignore[arg-type]
    )


def test_add_and_read_back(storage: Storage, add: AddFn) -> None:
    article_id = add("Council", BODY)
    created = _annotate(
        storage,
        article_id,
        4,
        11,
        prefix="The ",
        suffix=" met",
        note=" who? ",
        tags=("People", "x"),
    )
    assert (created.article_id, created.start, created.end) == (article_id, 4, 11)
    assert (created.quote, created.prefix, created.suffix) == ("council", "The ", " met")
    assert (created.note, created.tags, created.orphaned) == ("who?", ("people", "x"), False)
    assert created.created == created.updated == T0
    assert storage.annotations.get(created.id) == created


def test_annotations_are_listed_in_text_order(storage: Storage, add: AddFn) -> None:
    article_id = add("Council", BODY)
    later = _annotate(storage, article_id, 31, 36)
    early = _annotate(storage, article_id, 0, 3)
    same_start = _annotate(storage, article_id, 0, 11)
    assert [a.id for a in storage.annotations.of(article_id)] == [early.id, same_start.id, later.id]
    assert storage.annotations.of(add("Other")) == []


def test_update_note_and_tags(storage: Storage, add: AddFn) -> None:
    article_id = add("Council", BODY)
    annotation = _annotate(storage, article_id, 0, 3, note="first", tags=("a",))
    later = T0 + timedelta(hours=1)
    updated = storage.annotations.update(annotation.id, note="second", now=later)
    assert (updated.note, updated.tags, updated.updated, updated.created) == (
        "second",
        ("a",),
        later,
        T0,
    )
    updated = storage.annotations.update(annotation.id, tags=["B", "b"], now=later)
    assert (updated.note, updated.tags) == ("second", ("b",))


def test_soft_delete_and_restore(storage: Storage, add: AddFn) -> None:
    article_id = add("Council", BODY)
    annotation = _annotate(storage, article_id, 0, 3)
    storage.annotations.delete(annotation.id, now=T0)
    assert storage.annotations.of(article_id) == []
    with pytest.raises(NotFound):
        storage.annotations.get(annotation.id)
    with pytest.raises(NotFound):
        storage.annotations.update(annotation.id, note="x", now=T0)
    with pytest.raises(NotFound):
        storage.annotations.delete(annotation.id, now=T0)
    storage.annotations.restore(annotation.id)
    assert storage.annotations.of(article_id) == [annotation]
    with pytest.raises(NotFound, match="no deleted annotation"):
        storage.annotations.restore(annotation.id)


def test_notes_count_in_list_rows(storage: Storage, add: AddFn) -> None:
    article_id = add("Council", BODY)
    first = _annotate(storage, article_id, 0, 3)
    _annotate(storage, article_id, 4, 11, note="with a note")
    storage.articles.set_note(article_id, "overall", now=T0)
    assert storage.articles.meta(article_id).notes == 3
    storage.annotations.delete(first.id, now=T0)
    assert storage.articles.meta(article_id).notes == 2


def test_annotations_of_deleted_articles_are_hidden(storage: Storage, add: AddFn) -> None:
    article_id = add("Council", BODY)
    annotation = _annotate(storage, article_id, 0, 3)
    storage.articles.delete([article_id], now=T0)
    with pytest.raises(NotFound):
        storage.annotations.get(annotation.id)
    with pytest.raises(NotFound):
        storage.annotations.of(article_id)
    with pytest.raises(NotFound):
        _annotate(storage, article_id, 0, 3)
    storage.articles.restore([article_id])
    assert storage.annotations.get(annotation.id) == annotation


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (6, 2), (0, len(BODY) + 1)])
def test_bad_ranges_are_refused(storage: Storage, add: AddFn, start: int, end: int) -> None:
    article_id = add("Council", BODY)
    with pytest.raises(UsageError, match="outside the article"):
        _annotate(storage, article_id, start, end)
    assert storage.annotations.of(article_id) == []


def test_missing_ids(storage: Storage) -> None:
    with pytest.raises(NotFound, match="no article 5"):
        _annotate(storage, 5, 0, 1)
    with pytest.raises(NotFound, match="no annotation 9"):
        storage.annotations.get(9)
    with pytest.raises(NotFound):
        storage.annotations.of(5)
