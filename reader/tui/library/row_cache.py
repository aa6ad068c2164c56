"""The library list's page cache: which rows are known, which pages are being read, what to drop.

A plain object (no Textual): :class:`~reader.tui.library.article_list.ArticleList` owns one, asks
it which pages the viewport lacks, runs the reads in its workers and hands the pages back here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from reader.core import ArticleMeta
from reader.tui.library.listing import PAGE_SIZE, Fetch, Page

#: Rows kept in memory; beyond this, rows far from the viewport are dropped.
MAX_CACHED_ROWS = 1_000


def _no_rows(offset: int, limit: int) -> Page:
    return Page([])


class RowCache:
    """Rows of the list by index, the size of their stories, and the pages still being read."""

    def __init__(self) -> None:
        """Start empty, with a fetch that finds nothing."""
        self.rows: dict[int, ArticleMeta] = {}
        self.story_sizes: dict[int, int] = {}  # article id -> sources, for stories of 2 or more
        self.fetch: Fetch = _no_rows
        self.generation = 0  # bumped whenever cached indices stop being valid
        self._pending: set[int] = set()  # pages being fetched

    def reset(
        self, rows: Mapping[int, ArticleMeta], fetch: Fetch, story_sizes: Mapping[int, int] | None
    ) -> None:
        """Forget everything for a new listing: ``rows`` already known, ``fetch`` for the rest."""
        self.generation += 1
        self._pending.clear()
        self.rows = dict(rows)
        self.story_sizes = dict(story_sizes or {})
        self.fetch = fetch

    def story_size(self, article_id: int) -> int:
        """How many articles the story of a loaded row has (1: no other source, or not known)."""
        return self.story_sizes.get(article_id, 1)

    def drop(self, index: int) -> None:
        """Drop the row at ``index``; the rows after it move up by one."""
        self.generation += 1  # pages in flight were counted with the old indices
        self._pending.clear()
        self.rows = {
            (i if i < index else i - 1): meta for i, meta in self.rows.items() if i != index
        }

    def update(self, index: int, changes: Mapping[str, object]) -> ArticleMeta | None:
        """Change fields of the cached row at ``index``; the changed row, or None if not cached."""
        meta = self.rows.get(index)
        if meta is None:
            return None
        self.rows[index] = dataclasses.replace(meta, **changes)  # type: ignore[arg-type]
        return self.rows[index]

    def wanted_pages(self, first: int, last: int) -> set[int]:
        """Pages with rows missing between indices ``first`` and ``last`` not already asked for."""
        return {i // PAGE_SIZE for i in range(first, last) if i not in self.rows} - self._pending

    def claim(self, page: int) -> None:
        """Note that ``page`` is being read, so it is not asked for twice."""
        self._pending.add(page)

    def store(self, generation: int, page: int, loaded: Page) -> bool:
        """Keep the rows of a page read for ``generation``; False if the listing changed since."""
        if generation != self.generation:
            return False
        self._pending.discard(page)
        start = page * PAGE_SIZE
        self.rows.update((start + i, meta) for i, meta in enumerate(loaded.rows))
        self.story_sizes.update(loaded.story_sizes)
        return True

    def end_pages(self, total: int) -> set[int]:
        """Pages with rows missing among the first and the last :data:`PAGE_SIZE` of ``total``.

        The list keeps both ends read: ``g`` and ``G`` then land on rows already there, so the
        jump draws at once instead of drawing placeholders, reading a page and drawing again
        (the footer was laid out twice on the way, as the keys that need a row went dim and
        back: 40–200 ms for ``G`` at 10,000 rows).
        """
        first = self.wanted_pages(0, min(total, PAGE_SIZE))
        return first | self.wanted_pages(max(0, total - PAGE_SIZE), total)

    def evict(self, middle: int, total: int) -> None:
        """Past :data:`MAX_CACHED_ROWS`, keep only the rows nearest index ``middle``, and the
        first and last :data:`PAGE_SIZE` of ``total`` (see :meth:`end_pages`)."""
        if len(self.rows) <= MAX_CACHED_ROWS:
            return
        reach = MAX_CACHED_ROWS // 2 - PAGE_SIZE  # the ends' two pages fit in the bound too
        near = range(middle - reach, middle + reach)
        self.rows = {
            i: meta
            for i, meta in self.rows.items()
            if i in near or i < PAGE_SIZE or i >= total - PAGE_SIZE
        }
        kept = {meta.id for meta in self.rows.values()}
        self.story_sizes = {k: n for k, n in self.story_sizes.items() if k in kept}
