"""Stories (``lib.stories``): articles about the same event, and how they compare."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.errors import UsageError
from reader.core.library import shared
from reader.core.library.analysis import Analyses
from reader.core.library.articles import Articles
from reader.core.models import ArticleMeta, Clock, Progress, no_progress
from reader.core.records import ManualLinks
from reader.core.storage import Storage

if TYPE_CHECKING:
    from reader.core.stories.compare import Comparison
    from reader.core.stories.groups import Story


class Stories:
    """Story groups (see reader.core.stories) and comparisons of their articles."""

    def __init__(
        self,
        storage: Storage,
        articles: Articles,
        analysis: Analyses,
        *,
        clock: Clock = shared.utc_now,
    ) -> None:
        """Group in ``storage``; comparisons read ``articles`` and their (cached) ``analysis``."""
        self._storage = storage
        self._articles = articles
        self._analysis = analysis
        self._clock = clock

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

    def group_new(self, ids: Sequence[int], *, progress: Progress | None = None) -> int:
        """File articles just stored with ``group=False`` in stories, in the order they were stored.

        The stories come out as if they had been grouped while storing. Ids already in a story
        (an article restored, or grouped meanwhile) are skipped. Articles an earlier import stored
        but never grouped (it was stopped in between) are grouped too, afterwards.

        Args:
            ids: the new articles, in the order they were stored.
            progress: told ``(done, total, "")`` after each batch of the new articles.

        Returns:
            How many articles were grouped.
        """
        from reader.core.stories import groups

        done = groups.group_stored(self._storage.stories, ids, progress=progress or no_progress)
        return done + groups.group_pending(self._storage.stories)

    def regroup(self) -> int:
        """Group every article again from scratch (after the grouping method changed).

        Links made by hand (:meth:`link`, :meth:`unlink`) are kept and honoured. Undated articles
        stored before skim read event dates from the text get theirs first
        (:meth:`backfill_event_dates`), so they can join the stories they belong to.
        """
        from reader.core.stories import groups

        self.backfill_event_dates()
        return groups.regroup(self._storage.stories)

    def backfill_event_dates(self) -> int:
        """Infer the event date of stored articles that have no date at all, from their text.

        Articles imported before event dates existed have neither; those whose first paragraphs
        say when the event happened get that day, marked as inferred. Returns how many got one.
        """
        from reader.core.ingest.eventdates import event_date

        found = [
            (article_id, day)
            for article_id, body, url in self._storage.event_dates.missing()
            if (day := event_date(body, url=url)) is not None
        ]
        self._storage.event_dates.set_inferred(found)
        return len(found)

    def link(self, ids: Sequence[int]) -> int | None:
        """Say that these articles report the same event: they are filed in one story, for good.

        The link outlives ``regroup``. They join the largest story any of them is in.

        Returns:
            The id of the story they are now in; None when none of them is grouped yet.

        Raises:
            UsageError: fewer than two different articles.
            NotFound: an id that is no article (or a deleted one).
        """
        return self._storage.story_links.link(list(ids), now=self._clock())

    def unlink(self, article_id: int) -> list[int]:
        """Take an article out of its story, for good (``regroup`` keeps it apart too).

        Returns:
            The articles it was taken apart from (empty when it had no other source).

        Raises:
            NotFound: no such article (or a deleted one).
        """
        return self._storage.story_links.unlink(article_id, now=self._clock())

    def links(self, article_id: int) -> ManualLinks:
        """The links made by hand for ``article_id``: linked with, and kept apart from.

        Raises:
            NotFound: no such article (or a deleted one).
        """
        self._storage.articles.meta(article_id)  # raises NotFound
        return self._storage.story_links.of(article_id)

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
