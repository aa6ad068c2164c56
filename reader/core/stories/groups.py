"""Glue between the library and story grouping: fingerprint new articles and file them in stories.

The library (through :mod:`reader.core.library.shared`) calls :func:`group_drafts` right after
storing new articles (one write transaction for the batch) and :func:`group_pending` after feeds
and saved pages; an import that stores first and groups afterwards (``skim add``) calls
:func:`group_stored` with the new ids; ``lib.stories`` calls :func:`group_pending` for articles
stored before grouping existed (or by an import stopped before it grouped), and
``lib.articles.edit_details`` calls :func:`refile` when the reader corrects a title or date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from reader.core.models import ArticleDraft, ArticleMeta, Progress, no_progress
from reader.core.stories.fingerprint import day_of, fingerprint
from reader.core.stories.grouping import Assignment, assign, assign_many

if TYPE_CHECKING:
    from reader.core.records import Fingerprint
    from reader.core.storage.stories import Filing, StorySession, StoryStore

#: Articles grouped per write transaction by :func:`group_pending`.
BATCH = 500


@dataclass(frozen=True, slots=True)
class Story:
    """Articles of the library that report one event, oldest first.

    Attributes:
        id: the story's id (the id of the article that started it).
        articles: its live articles, by published (else added) date.
    """

    id: int
    articles: tuple[ArticleMeta, ...]

    @property
    def size(self) -> int:
        """How many articles (sources) the story has."""
        return len(self.articles)

    @property
    def title(self) -> str:
        """The title of the story's first article."""
        return self.articles[0].title if self.articles else ""


def group_drafts(
    stories: StoryStore, items: Sequence[tuple[int, ArticleDraft]], added: datetime
) -> list[Assignment]:
    """Group newly stored articles, in the order given.

    Args:
        stories: the library's story store.
        items: ``(article id, the draft it was stored from)``.
        added: when they were added. Not an article's day: a draft with no published date
            is filed by the event date of its text, else as undated.
    """
    del added  # kept for callers; the import day says nothing about the event
    if not items:
        return []
    prints = [
        (article_id, fingerprint(d.title, d.body, day_of(d.published or d.event_date)))
        for article_id, d in items
    ]
    return stories.with_index(partial(assign_many, items=prints))


def group_stored(
    stories: StoryStore, ids: Sequence[int], *, progress: Progress = no_progress
) -> int:
    """Group articles already stored, in the order given, :data:`BATCH` per write transaction.

    This is how an import files its new articles after storing them: the same fingerprints and
    the same order as :func:`group_drafts` at storing time, hence the same stories. Articles that
    are already in a story (a restored one) or deleted are skipped, so running it twice is harmless.

    Args:
        stories: the library's story store.
        ids: the articles, in the order they were stored.
        progress: told ``(done, total, "")`` after each batch.

    Returns:
        How many were grouped.
    """
    done = 0
    for start in range(0, len(ids), BATCH):
        rows = stories.ungrouped_among(ids[start : start + BATCH])
        if rows:
            stories.with_index(partial(assign_many, items=_prints(rows)))
        done += len(rows)
        progress(min(start + BATCH, len(ids)), len(ids), "")
    return done


def group_pending(stories: StoryStore, *, limit: int | None = None) -> int:
    """Group live articles that are in no story yet (oldest first); return how many were grouped.

    Args:
        stories: the library's story store.
        limit: stop after this many (None: all).
    """
    done = 0
    while limit is None or done < limit:
        size = BATCH if limit is None else min(BATCH, limit - done)
        rows = stories.ungrouped(size)
        if not rows:
            break
        stories.with_index(partial(assign_many, items=_prints(rows)))
        done += len(rows)
    return done


def refile(
    session: StorySession, article_id: int, before: Filing, after: Filing
) -> Assignment | None:
    """Group an edited article again, inside the write transaction that edited it.

    Grouping reads the title, the text and the day; when the edit changed neither the title nor
    the day, the article stays where it is. Otherwise it leaves its story (which keeps its other
    articles) and is grouped as if it had just been added. An article that was in no story yet is
    left to :func:`group_pending`.

    Returns:
        Where the article went, or None when it was not grouped again.
    """
    old_day, new_day = day_of(before.when), day_of(after.when)
    if before.title == after.title and old_day == new_day:
        return None
    old = fingerprint(before.title, before.body, old_day)
    if not session.forget(article_id, old.all_terms()):
        return None
    return assign(session, article_id, fingerprint(after.title, after.body, new_day))


def regroup(stories: StoryStore) -> int:
    """Forget all stories and group every live article again (after the method changed)."""
    stories.clear()
    return group_pending(stories)


def _prints(
    rows: Sequence[tuple[int, str, str, str | None, str | None]],
) -> list[tuple[int, Fingerprint]]:
    """The fingerprints of stored rows ``(id, title, body, published, event date)``."""
    return [
        (article_id, fingerprint(title, body, _day(published, event)))
        for article_id, title, body, published, event in rows
    ]


def _day(published: str | None, event: str | None) -> int:
    """The day of stored times: the published date, else the inferred event date, else unknown."""
    if published:
        return day_of(datetime.fromisoformat(published))
    return day_of(date.fromisoformat(event) if event else None)
