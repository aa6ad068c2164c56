"""Shared helpers of the storage tests (importable as ``tests.storage.helpers``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from reader.core.models import ArticleDraft

#: The clock of the storage tests.
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)

#: The ``add`` fixture: add an article from ``draft`` arguments and return its id.
AddFn = Callable[..., int]


def draft(title: str = "A title", body: str | None = None, **fields: Any) -> ArticleDraft:
    """A draft whose body defaults to something unique to its title (so it is no duplicate)."""
    return ArticleDraft(
        title=title, body=body if body is not None else f"Text of {title}.", **fields
    )


def write_many(path: str, worker: int, count: int, barrier: Any, errors: Any) -> None:
    """Add ``count`` articles, each with an annotation, to the library at ``path``.

    Run in a child process by the concurrency test: waits at ``barrier`` so that the writers start
    together, and reports any failure on the ``errors`` queue (tracebacks do not cross processes).
    """
    import traceback
    from pathlib import Path

    from reader.core.models import TriageState
    from reader.core.storage import Storage
    from reader.core.text import content_hash, word_count

    try:
        storage = Storage(Path(path))
        barrier.wait(timeout=30)
        for i in range(count):
            body = f"Writer {worker} wrote article number {i} about harbours."
            article_id, created, reason = storage.articles.add(
                draft(f"Writer {worker} #{i}", body, tags=(f"writer-{worker}",)),
                content_hash=content_hash(body),
                words=word_count(body),
                now=T0,
            )
            assert created, reason
            storage.annotations.add(
                article_id,
                start=0,
                end=6,
                quote="Writer",
                prefix="",
                suffix=" ",
                note=f"note {worker}-{i}",
                tags=("check",),
                now=T0,
            )
            if i % 10 == 0:
                storage.articles.set_state([article_id], TriageState.LATER)
                storage.search.list_articles(storage_query(), limit=20)
        storage.close()
    except BaseException:
        errors.put(f"writer {worker}: {traceback.format_exc()}")
        raise


def storage_query() -> Any:
    """A query that uses full-text search, for readers running alongside writers."""
    from reader.core.models import ArticleQuery

    return ArticleQuery(text="harbour")
