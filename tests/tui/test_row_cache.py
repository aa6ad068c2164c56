"""The library list's page cache, without Textual."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core import ArticleMeta, TriageState
from reader.tui.library.listing import PAGE_SIZE, Page
from reader.tui.library.row_cache import MAX_CACHED_ROWS, RowCache


def meta(article_id: int) -> ArticleMeta:
    return ArticleMeta(
        id=article_id,
        title=f"Article {article_id}",
        source=None,
        author=None,
        url=None,
        published=None,
        added=datetime(2025, 7, 1, tzinfo=UTC),
        state=TriageState.INBOX,
        starred=False,
        tags=(),
        notes=0,
        words=100,
    )


def test_pages_asked_for_are_not_asked_for_again_until_stored() -> None:
    cache = RowCache()
    assert cache.wanted_pages(0, PAGE_SIZE + 1) == {0, 1}
    cache.claim(0)
    assert cache.wanted_pages(0, PAGE_SIZE + 1) == {1}
    assert cache.store(cache.generation, 0, Page([meta(i) for i in range(PAGE_SIZE)], {3: 2}))
    assert cache.wanted_pages(0, PAGE_SIZE) == set()
    assert cache.story_size(3) == 2 and cache.story_size(4) == 1


def test_a_page_read_for_an_old_listing_is_ignored() -> None:
    cache = RowCache()
    old = cache.generation
    cache.reset({}, lambda offset, limit: Page([]), None)
    assert not cache.store(old, 0, Page([meta(1)]))
    assert cache.rows == {}


def test_dropping_a_row_moves_the_later_ones_up() -> None:
    cache = RowCache()
    cache.reset({0: meta(10), 1: meta(11), 2: meta(12)}, lambda offset, limit: Page([]), None)
    cache.drop(1)
    assert {i: m.id for i, m in cache.rows.items()} == {0: 10, 1: 12}


def test_update_changes_a_cached_row_only() -> None:
    cache = RowCache()
    cache.reset({0: meta(10)}, lambda offset, limit: Page([]), None)
    changed = cache.update(0, {"starred": True})
    assert changed is not None and changed.starred and cache.rows[0].starred
    assert cache.update(5, {"starred": True}) is None


def test_eviction_keeps_the_rows_nearest_the_middle_and_both_ends() -> None:
    total = MAX_CACHED_ROWS * 3
    cache = RowCache()
    rows = {i: meta(i) for i in range(total)}
    cache.reset(rows, lambda offset, limit: Page([]), {i: 2 for i in range(total)})
    cache.evict(total // 2, total)
    assert len(cache.rows) <= MAX_CACHED_ROWS
    assert total // 2 in cache.rows and PAGE_SIZE not in cache.rows
    assert {0, PAGE_SIZE - 1, total - PAGE_SIZE, total - 1} <= set(cache.rows)
    assert total - PAGE_SIZE - 1 not in cache.rows
    assert set(cache.story_sizes) == {m.id for m in cache.rows.values()}
    assert cache.end_pages(total) == set()


def test_the_first_and_last_rows_are_wanted_until_read() -> None:
    cache = RowCache()
    total = 10 * PAGE_SIZE + PAGE_SIZE // 2  # the last rows straddle two pages
    assert cache.end_pages(total) == {0, 9, 10}
    cache.claim(10)
    assert cache.end_pages(total) == {0, 9}
    assert cache.end_pages(0) == set()
