"""Fixtures for the storage tests: a fresh library file per test and a way to add articles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from reader.core.storage import Storage
from reader.core.text import content_hash, word_count
from tests.storage.helpers import T0, AddFn, draft


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    store = Storage(tmp_path / "library.sqlite3")
    yield store
    store.close()


@pytest.fixture
def add(storage: Storage) -> AddFn:
    """Add an article built from ``draft(...)`` arguments; ``minutes`` sets its added time."""

    def add_one(
        title: str = "A title", body: str | None = None, *, minutes: int = 0, **fields: Any
    ) -> int:
        item = draft(title, body, **fields)
        article_id, created, reason = storage.articles.add(
            item,
            content_hash=content_hash(item.body),
            words=word_count(item.body),
            now=T0 + timedelta(minutes=minutes),
        )
        assert created, reason
        return article_id

    return add_one
