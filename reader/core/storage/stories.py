"""Stories: which story each article belongs to, and the inverted index grouping retrieves with.

Tables (migration 2, see _schema.py): ``story_articles`` (story id, day and stored fingerprint of
each grouped article), ``story_postings`` (term → articles, by day) and ``story_terms`` (document
frequency of each term; the row with the empty term counts the fingerprinted articles). The
grouping logic itself is in :mod:`reader.core.stories.grouping`; this module only stores.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from reader.core.models import ArticleMeta
from reader.core.records import Fingerprint, ManualLinks, StoredArticle
from reader.core.storage._convert import META_COLUMNS, meta_from_row
from reader.core.storage.database import Database, chunks
from reader.core.storage.story_links import links_of, stories_of

_T = TypeVar("_T")
_COUNT_TERM = ""  # story_terms row holding the number of fingerprinted articles


@dataclass(frozen=True, slots=True)
class Filing:
    """What story grouping files an article by: its title, its text and its date.

    Attributes:
        when: the published date, else the event date inferred from the text; None when
            neither is known (never the day it was added).
    """

    title: str
    body: str
    when: datetime | date | None


class StorySession:
    """The :class:`~reader.core.stories.grouping.StoryIndex` of one open write transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        """Work inside ``db``'s current transaction."""
        self._db = db

    def document_count(self) -> int:
        """How many articles have been fingerprinted."""
        row = self._db.execute("SELECT df FROM story_terms WHERE term = ?", (_COUNT_TERM,))
        found = row.fetchone()
        return 0 if found is None else int(found[0])

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        """Number of fingerprinted articles containing each term (unknown terms are absent)."""
        result: dict[str, int] = {}
        for part in chunks(list(terms)):
            marks = ", ".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT term, df FROM story_terms WHERE term IN ({marks})", part
            )
            result.update((str(term), int(df)) for term, df in rows)
        return result

    def candidates(
        self, terms: Collection[str], first_day: int, last_day: int, limit: int
    ) -> list[tuple[int, int]]:
        """Articles of the day range, or undated (day 0), posted under the most of ``terms``, most
        first."""
        if not terms:
            return []
        counts: dict[int, int] = {}
        for part in chunks(list(terms)):
            marks = ", ".join("?" * len(part))
            rows = self._db.execute(
                f"""
                SELECT article_id, count(*) FROM story_postings
                WHERE term IN ({marks}) AND (day BETWEEN ? AND ? OR day = 0)
                GROUP BY article_id
                """,
                (*part, first_day, last_day),
            )
            for article_id, shared in rows:
                counts[article_id] = counts.get(article_id, 0) + int(shared)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:limit]

    def stored(self, article_ids: Collection[int]) -> dict[int, StoredArticle]:
        """Story and fingerprint of each of these articles that has been grouped."""
        result: dict[int, StoredArticle] = {}
        for part in chunks(list(article_ids)):
            marks = ", ".join("?" * len(part))
            rows = self._db.execute(
                f"""
                SELECT article_id, story_id, day, fingerprint FROM story_articles
                WHERE article_id IN ({marks})
                """,
                part,
            )
            for article_id, story_id, day, text in rows:
                result[article_id] = StoredArticle(
                    article_id, story_id, Fingerprint.from_json(text, day)
                )
        return result

    def manual_links(self, article_id: int) -> ManualLinks:
        """The links the reader made for ``article_id`` (see :mod:`.story_links`)."""
        return links_of(self._db, article_id)

    def stories_of(self, article_ids: Collection[int]) -> dict[int, int]:
        """The story of each of these articles that is in one."""
        return stories_of(self._db, article_ids)

    def record(
        self,
        article_id: int,
        story_id: int,
        score: float,
        fingerprint: Fingerprint,
        postings: Collection[str],
        all_terms: Collection[str],
    ) -> None:
        """Store an article's story, fingerprint and postings, and count its terms."""
        self._db.execute(
            """
            INSERT OR REPLACE INTO story_articles (article_id, story_id, day, score, fingerprint)
            VALUES (?, ?, ?, ?, ?)
            """,
            (article_id, story_id, fingerprint.day, score, fingerprint.to_json()),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO story_postings (term, day, article_id) VALUES (?, ?, ?)",
            [(term, fingerprint.day, article_id) for term in postings],
        )
        self._db.executemany(
            """
            INSERT INTO story_terms (term, df) VALUES (?, 1)
            ON CONFLICT (term) DO UPDATE SET df = df + 1
            """,
            [(term,) for term in (*all_terms, _COUNT_TERM)],
        )

    def forget(self, article_id: int, all_terms: Collection[str]) -> bool:
        """Take a grouped article out of its story and the index, as if it had never been filed.

        Args:
            article_id: the article.
            all_terms: the terms :meth:`record` counted for it (its full fingerprint's).

        Returns:
            False when the article was in no story (then nothing changes).

        A story keeps its other articles. When the article was the one that named the story, the
        story takes the id of its oldest remaining article: a story id is always the id of one of
        its own articles, so the article can start a new story under its own id afterwards.
        """
        row = self._db.execute(
            "SELECT story_id, day, fingerprint FROM story_articles WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return False
        story_id, day, stored = row
        # Postings were drawn from the stored fingerprint's terms: delete them by primary key.
        posted = Fingerprint.from_json(stored, day).all_terms()
        self._db.executemany(
            "DELETE FROM story_postings WHERE term = ? AND day = ? AND article_id = ?",
            [(term, day, article_id) for term in posted],
        )
        self._db.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
        counted = [(term,) for term in (*all_terms, _COUNT_TERM)]
        self._db.executemany(
            "UPDATE story_terms SET df = df - 1 WHERE term = ? AND df > 0", counted
        )
        self._db.executemany("DELETE FROM story_terms WHERE term = ? AND df <= 0", counted)
        if story_id == article_id:
            self._db.execute(
                """
                UPDATE story_articles SET story_id = (
                    SELECT min(article_id) FROM story_articles WHERE story_id = :old)
                WHERE story_id = :old
                """,
                {"old": story_id},
            )
        return True


class StoryStore:
    """Story membership of articles, and the index story grouping uses."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def with_index(self, work: Callable[[StorySession], _T]) -> _T:
        """Run ``work`` with the story index, in one write transaction."""
        with self._database.write() as db:
            return work(StorySession(db))

    def ungrouped(self, limit: int) -> list[tuple[int, str, str, str | None, str | None]]:
        """Up to ``limit`` live articles not yet in a story, oldest first.

        Returns:
            ``(id, title, body, published, event date)`` as stored text (None when unknown).
        """
        with self._database.read() as db:
            rows = db.execute(
                """
                SELECT a.id, a.title, a.body, a.published, a.event_date FROM articles a
                WHERE a.deleted_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
                ORDER BY coalesce(a.published, a.added), a.id LIMIT ?
                """,
                (limit,),
            ).fetchall()
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def ungrouped_among(
        self, ids: Sequence[int]
    ) -> list[tuple[int, str, str, str | None, str | None]]:
        """Those of ``ids`` that are live and in no story yet, in the order given, as
        :meth:`ungrouped` returns them (an article grouped or deleted meanwhile is left out)."""
        found: dict[int, tuple[int, str, str, str | None, str | None]] = {}
        with self._database.read() as db:
            for part in chunks(list(ids)):
                marks = ", ".join("?" * len(part))
                for r in db.execute(
                    f"""
                    SELECT a.id, a.title, a.body, a.published, a.event_date FROM articles a
                    WHERE a.id IN ({marks}) AND a.deleted_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
                    """,
                    part,
                ):
                    found[r[0]] = (r[0], r[1], r[2], r[3], r[4])
        return [found[i] for i in dict.fromkeys(ids) if i in found]

    def clear(self) -> None:
        """Forget every story and the whole index (before grouping everything again)."""
        with self._database.write() as db:
            for table in ("story_articles", "story_postings", "story_terms"):
                db.execute(f"DELETE FROM {table}")

    def members(self, article_id: int) -> list[ArticleMeta]:
        """The live articles of ``article_id``'s story (itself alone if it is in none), by date."""
        with self._database.read() as db:
            rows = db.execute(
                f"""
                SELECT {META_COLUMNS} FROM articles a
                WHERE a.deleted_at IS NULL AND (a.id = :id OR a.id IN (
                    SELECT t.article_id FROM story_articles s
                    JOIN story_articles t ON t.story_id = s.story_id
                    WHERE s.article_id = :id))
                ORDER BY coalesce(a.published, a.added), a.id
                """,
                {"id": article_id},
            ).fetchall()
        return [meta_from_row(row) for row in rows]

    def sizes(self, article_ids: Sequence[int]) -> dict[int, int]:
        """For each id, how many live articles its story has (1 when it stands alone)."""
        sizes = {article_id: 1 for article_id in article_ids}
        with self._database.read() as db:
            for part in chunks(list(dict.fromkeys(article_ids))):
                marks = ", ".join("?" * len(part))
                rows = db.execute(
                    f"""
                    SELECT s.article_id, (
                        SELECT count(*) FROM story_articles t
                        JOIN articles a ON a.id = t.article_id AND a.deleted_at IS NULL
                        WHERE t.story_id = s.story_id)
                    FROM story_articles s WHERE s.article_id IN ({marks})
                    """,
                    part,
                )
                sizes.update((article_id, max(1, int(size))) for article_id, size in rows)
        return sizes

    def list_stories(
        self, *, min_size: int, limit: int | None, offset: int
    ) -> list[tuple[int, list[ArticleMeta]]]:
        """Stories with at least ``min_size`` live articles, latest activity first.

        Each story is its id and its articles in date order.
        """
        with self._database.read() as db:
            story_rows = db.execute(
                """
                SELECT s.story_id FROM story_articles s
                JOIN articles a ON a.id = s.article_id AND a.deleted_at IS NULL
                GROUP BY s.story_id HAVING count(*) >= ?
                ORDER BY max(coalesce(a.published, a.added)) DESC, s.story_id DESC
                LIMIT ? OFFSET ?
                """,
                (min_size, -1 if limit is None else limit, offset),
            ).fetchall()
            story_ids = [row[0] for row in story_rows]
            members: dict[int, list[ArticleMeta]] = {story_id: [] for story_id in story_ids}
            for part in chunks(story_ids):
                marks = ", ".join("?" * len(part))
                rows = db.execute(
                    f"""
                    SELECT {META_COLUMNS}, s.story_id AS story FROM story_articles s
                    JOIN articles a ON a.id = s.article_id AND a.deleted_at IS NULL
                    WHERE s.story_id IN ({marks})
                    ORDER BY coalesce(a.published, a.added), a.id
                    """,
                    part,
                ).fetchall()
                for row in rows:
                    members[row["story"]].append(meta_from_row(row))
        return [(story_id, members[story_id]) for story_id in story_ids]
