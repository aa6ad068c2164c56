"""Stories (``lib.stories``): articles about the same event, and how they compare."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.errors import UsageError
from reader.core.library.analysis import Analyses
from reader.core.library.articles import Articles
from reader.core.models import ArticleMeta
from reader.core.storage import Storage

if TYPE_CHECKING:
    from reader.core.stories.compare import Comparison
    from reader.core.stories.groups import Story


class Stories:
    """Story groups (see reader.core.stories) and comparisons of their articles."""

    def __init__(self, storage: Storage, articles: Articles, analysis: Analyses) -> None:
        """Group in ``storage``; comparisons read ``articles`` and their (cached) ``analysis``."""
        self._storage = storage
        self._articles = articles
        self._analysis = analysis

    def of(self, article_id: int) -> list[ArticleMeta]:
        """The articles of ``article_id``'s story, oldest first (just itself when it has none)."""
        members = self._storage.stories.members(article_id)
        if not members:
            self._storage.articles.meta(article_id)  # raises NotFound
        return members

    def find(self, *, min_size: int = 2, limit: int | None = None, offset: int = 0) -> list[Story]:
        """Stories with at least ``min_size`` articles, the most recently active first."""
        from reader.core.stories.groups import Story

        found = self._storage.stories.list_stories(min_size=min_size, limit=limit, offset=offset)
        return [Story(story_id, tuple(metas)) for story_id, metas in found]

    def sizes(self, ids: Sequence[int]) -> dict[int, int]:
        """How many articles each article's story has (1: no other source); for list rows."""
        return self._storage.stories.sizes(ids)

    def group_pending(self, *, limit: int | None = None) -> int:
        """Group articles stored before story grouping existed; returns how many were grouped."""
        from reader.core.stories import groups

        return groups.group_pending(self._storage.stories, limit=limit)

    def regroup(self) -> int:
        """Group every article again from scratch (after the grouping method changed)."""
        from reader.core.stories import groups

        return groups.regroup(self._storage.stories)

    def compare(self, ids: Sequence[int]) -> Comparison:
        """How two or more articles cover one story: highlights, entities, figures and quotes."""
        from reader.core.stories.compare import SourceText, compare

        unique = list(dict.fromkeys(ids))
        if len(unique) < 2:
            raise UsageError("give two or more different articles to compare")
        sources = []
        for article_id in unique:
            article = self._articles.get(article_id)
            analysis = self._analysis.of(article)
            sources.append(SourceText(article, analysis, self._analysis.summary(article)))
        return compare(sources)
