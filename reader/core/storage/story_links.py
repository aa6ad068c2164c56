"""Story links made by hand: "these articles report one event" and "this one is not of its story".

Table ``story_links`` (migration 6, see ``_schema_coverage.py``) keeps each pair once, smaller id
first, as ``same`` or ``apart``. The links are the reader's word, so grouping honours them every
time it files an article, ``stories --regroup`` included (:func:`reader.core.stories.grouping.assign`
reads them through :class:`~reader.core.storage.stories.StorySession`). This module also moves an
article between stories at once, so a link shows without waiting for a regroup.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Collection, Sequence
from datetime import datetime

from reader.core.errors import UsageError
from reader.core.records import ManualLinks
from reader.core.storage._checks import require_articles
from reader.core.storage._convert import to_text
from reader.core.storage.database import Database, chunks

SAME = "same"
APART = "apart"


def links_of(db: sqlite3.Connection, article_id: int) -> ManualLinks:
    """The manual links of ``article_id``."""
    rows = db.execute(
        "SELECT article_id, other_id, kind FROM story_links WHERE article_id = ? OR other_id = ?",
        (article_id, article_id),
    ).fetchall()
    same = {b if a == article_id else a for a, b, kind in rows if kind == SAME}
    apart = {b if a == article_id else a for a, b, kind in rows if kind == APART}
    return ManualLinks(frozenset(same), frozenset(apart))


def stories_of(db: sqlite3.Connection, article_ids: Collection[int]) -> dict[int, int]:
    """The story id of each of these articles that is in a story."""
    result: dict[int, int] = {}
    for part in chunks(list(article_ids)):
        marks = ", ".join("?" * len(part))
        rows = db.execute(
            f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})", part
        )
        result.update((int(a), int(s)) for a, s in rows)
    return result


def move_to_story(db: sqlite3.Connection, article_id: int, story_id: int | None = None) -> bool:
    """Put a grouped article into story ``story_id``, or (None) into a story of its own.

    A story is always named by one of its own articles: when the article named the story it
    leaves, the others take the id of the oldest of them. Returns False when it is in no story.
    """
    row = db.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return False
    old = int(row[0])
    if old == story_id:
        return True
    story_id = article_id if story_id is None else story_id
    if old == article_id:
        db.execute(
            """
            UPDATE story_articles SET story_id = (
                SELECT min(article_id) FROM story_articles
                WHERE story_id = :old AND article_id != :id)
            WHERE story_id = :old AND article_id != :id
            """,
            {"old": old, "id": article_id},
        )
    db.execute(
        "UPDATE story_articles SET story_id = ? WHERE article_id = ?", (story_id, article_id)
    )
    return True


def _store_pairs(
    db: sqlite3.Connection, pairs: Sequence[tuple[int, int]], kind: str, now: datetime
) -> None:
    db.executemany(
        """
        INSERT INTO story_links (article_id, other_id, kind, made) VALUES (?, ?, ?, ?)
        ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, made = excluded.made
        """,
        [(min(a, b), max(a, b), kind, to_text(now)) for a, b in pairs if a != b],
    )


def _largest(db: sqlite3.Connection, story_ids: set[int]) -> int | None:
    """The story of ``story_ids`` with the most articles (ties: the smallest id)."""
    sizes = {
        story: int(
            db.execute(
                "SELECT count(*) FROM story_articles WHERE story_id = ?", (story,)
            ).fetchone()[0]
        )
        for story in story_ids
    }
    return min(sizes, key=lambda story: (-sizes[story], story), default=None)


class StoryLinkStore:
    """Links between articles that the reader made by hand, and moves that apply them."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def link(self, article_ids: Sequence[int], *, now: datetime) -> int | None:
        """Record that these articles report one event, and file them in one story now.

        They join the largest story any of them is in (ties: the oldest story); the other
        articles of the stories they leave stay where they are.

        Returns:
            The story they are in, or None when none of them has been grouped yet (grouping
            will put them together when it files them).

        Raises:
            UsageError: fewer than two distinct articles.
            NotFound: an id that is no live article.
        """
        with self._database.write() as db:
            ids = require_articles(db, article_ids, live=True)
            if len(ids) < 2:
                raise UsageError("link needs two or more different articles")
            _store_pairs(db, list(itertools.combinations(ids, 2)), SAME, now)
            stories = stories_of(db, ids)
            target = _largest(db, set(stories.values()))
            if target is not None:
                for article_id in ids:
                    move_to_story(db, article_id, target)
            return target

    def unlink(self, article_id: int, *, now: datetime) -> list[int]:
        """Take an article out of its story, for good: it is kept apart from the story's other
        articles (also by ``--regroup``) and its own links are dropped.

        Returns:
            The articles it was taken apart from.

        Raises:
            NotFound: no such live article.
        """
        with self._database.write() as db:
            require_articles(db, [article_id], live=True)
            story = stories_of(db, [article_id]).get(article_id)
            mates = (
                []
                if story is None
                else [
                    int(row[0])
                    for row in db.execute(
                        "SELECT article_id FROM story_articles WHERE story_id = ? AND article_id != ?",
                        (story, article_id),
                    )
                ]
            )
            db.execute(
                "DELETE FROM story_links WHERE kind = ? AND (article_id = ? OR other_id = ?)",
                (SAME, article_id, article_id),
            )
            _store_pairs(db, [(article_id, mate) for mate in mates], APART, now)
            move_to_story(db, article_id)
            return sorted(mates)

    def of(self, article_id: int) -> ManualLinks:
        """The links the reader made for ``article_id``."""
        with self._database.read() as db:
            return links_of(db, article_id)
