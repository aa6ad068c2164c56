"""Stories: articles about the same event, how they compare, and each article's tone."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.errors import UsageError
from reader.core.library.analysis import AnalysisMixin
from reader.core.models import Article, ArticleMeta

if TYPE_CHECKING:
    from reader.core.analysis.tone.label import Tone
    from reader.core.stories.compare import Comparison
    from reader.core.stories.groups import Story


class StoriesMixin(AnalysisMixin):
    """Story groups (see reader.core.stories), comparisons and tone labels."""

    def story_of(self, article_id: int) -> builtins.list[ArticleMeta]:
        """The articles of ``article_id``'s story, oldest first (just itself when it has none)."""
        members = self._storage.story_members(article_id)
        if not members:
            self._storage.get_meta(article_id)  # raises NotFound
        return members

    def stories(
        self, *, min_size: int = 2, limit: int | None = None, offset: int = 0
    ) -> builtins.list[Story]:
        """Stories with at least ``min_size`` articles, the most recently active first."""
        from reader.core.stories.groups import Story

        found = self._storage.list_stories(min_size=min_size, limit=limit, offset=offset)
        return [Story(story_id, tuple(metas)) for story_id, metas in found]

    def story_sizes(self, ids: Sequence[int]) -> dict[int, int]:
        """How many articles each article's story has (1: no other source); for list rows."""
        return self._storage.story_sizes(ids)

    def group_pending(self, *, limit: int | None = None) -> int:
        """Group articles stored before story grouping existed; returns how many were grouped."""
        from reader.core.stories import groups

        return groups.group_pending(self._storage, limit=limit)

    def regroup_stories(self) -> int:
        """Group every article again from scratch (after the grouping method changed)."""
        from reader.core.stories import groups

        return groups.regroup(self._storage)

    def compare(self, ids: Sequence[int]) -> Comparison:
        """How two or more articles cover one story: highlights, entities, figures and quotes."""
        from reader.core.stories.compare import SourceText, compare

        unique = builtins.list(dict.fromkeys(ids))
        if len(unique) < 2:
            raise UsageError("give two or more different articles to compare")
        sources = []
        for article_id in unique:
            article = self.get(article_id)
            sources.append(SourceText(article, self.analysis(article), self.summary(article)))
        return compare(sources)

    def tone(self, article: Article) -> Tone:
        """The tone label of ``article`` (Neutral, Opinionated, Provocative, Alarming), with its
        evidence spans and each sentence marked OPINION or REPORT."""
        from reader.core.analysis.tone.label import tone

        return tone(article.body, self.analysis(article).sentences)
