"""Articles: adding (with duplicate detection), reading one, and changing the reader's state."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta

from reader.core.errors import EditConflict, NotFound, UsageError
from reader.core.models import Article, ArticleDraft, ArticleMeta, TriageState
from reader.core.storage._checks import require_articles, require_live_article
from reader.core.storage._convert import (
    META_COLUMNS,
    TAG_SEPARATOR,
    article_from_row,
    from_text,
    meta_from_row,
    optional_text,
    summary_text,
    to_text,
)
from reader.core.storage._fts import index_articles, reindexing
from reader.core.storage.changes import record_change
from reader.core.storage.database import Database, chunks
from reader.core.storage.tags import add_article_tags, store_article_tags

#: What ArticleStore.add returns: (article id, whether it is new to the reader, why not / "restored").
AddOutcome = tuple[int, bool, str]


def add_row(
    db: sqlite3.Connection, draft: ArticleDraft, content_hash: str, words: int, now: datetime
) -> AddOutcome:
    """Store ``draft`` inside the caller's transaction, as :meth:`ArticleStore.add` describes."""
    url = draft.url or None
    duplicate = db.execute(
        """
        SELECT id, coalesce(url = :url, 0) AS same_url FROM articles
        WHERE (url = :url OR content_hash = :hash) AND deleted_at IS NULL
        ORDER BY same_url DESC LIMIT 1
        """,
        {"url": url, "hash": content_hash},
    ).fetchone()
    if duplicate is not None:
        return duplicate["id"], False, "same URL" if duplicate["same_url"] else "same text"

    # A deleted article still holds its URL and hash (so that it can be restored). Adding it again
    # means the reader wants it back: restore it, with its notes, rather than store a copy.
    deleted = db.execute(
        """
        SELECT id FROM articles WHERE url = :url OR content_hash = :hash
        ORDER BY content_hash = :hash DESC, deleted_at DESC LIMIT 1
        """,
        {"url": url, "hash": content_hash},
    ).fetchone()
    if deleted is not None:
        db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (deleted["id"],))
        add_article_tags(db, deleted["id"], draft.tags)
        record_change(db, [deleted["id"]], now)
        return deleted["id"], True, "restored"

    cursor = db.execute(
        """
        INSERT INTO articles (title, body, source, author, url, published, updated, added,
                              content_hash, words, origin, event_date, event_date_inferred,
                              publisher_summary, publisher_tone)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            draft.title,
            draft.body,
            draft.source,
            draft.author,
            url,
            optional_text(draft.published),
            optional_text(draft.updated),
            to_text(now),
            content_hash,
            words,
            draft.origin,
            draft.event_date.isoformat() if draft.event_date else None,
            int(draft.event_date is not None),
            summary_text(draft.publisher_summary),
            draft.publisher_tone,
        ),
    )
    article_id = cursor.lastrowid
    assert article_id is not None  # an INSERT into a rowid table always sets it
    store_article_tags(db, article_id, draft.tags)
    index_articles(db, [article_id])
    record_change(db, [article_id], now)
    return article_id, True, ""


def require_unchanged(current: str, expected: str) -> None:
    """Raise EditConflict unless a stored note is still the one the reader started from.

    The text itself is compared, not a time: stored times have whole seconds, and two saves in
    one second would look alike.
    """
    if current != expected:
        raise EditConflict(
            "another program changed this note while you were editing it; nothing was saved",
            current,
        )


def _triage_state(state: TriageState | str) -> TriageState:
    try:
        return TriageState(state)
    except ValueError:
        choices = ", ".join(s.value for s in TriageState)
        raise UsageError(f"unknown state {state!r}; use one of {choices}") from None


class ArticleStore:
    """Adding articles, reading one, and the reader's state (triage, star, position, note)."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def add(
        self, draft: ArticleDraft, *, content_hash: str, words: int, now: datetime
    ) -> AddOutcome:
        """Store ``draft`` unless it duplicates an article already in the library.

        A duplicate has the same URL (when the draft has one) or the same ``content_hash`` as a
        non-deleted article; it is not stored again. A draft matching a *deleted* article restores
        that article as it was (text, notes and state), adds the draft's tags, and counts as created.

        Returns:
            ``(id, created, reason)``: reason is ``""`` for a new article, ``"restored"``, or, when
            not created, ``"same URL"`` / ``"same text"``.
        """
        with self._database.write() as db:
            return add_row(db, draft, content_hash, words, now)

    def add_many(
        self, items: Sequence[tuple[ArticleDraft, str, int]], *, now: datetime
    ) -> list[AddOutcome]:
        """Store many ``(draft, content_hash, words)`` in one transaction, as :meth:`add` does.

        A later item that duplicates an earlier one of the same batch is reported as a duplicate.
        """
        with self._database.write() as db:
            return [add_row(db, draft, hash_, words, now) for draft, hash_, words in items]

    def get(self, article_id: int) -> Article:
        """The article with its full text.

        Raises:
            NotFound: no such article, or it is deleted.
        """
        with self._database.read() as db:
            row = db.execute(
                f"""
                SELECT a.*, (SELECT group_concat(tag, '{TAG_SEPARATOR}') FROM tags
                             WHERE article_id = a.id) AS tag_list
                FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL
                """,
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"there is no article {article_id}")
        return article_from_row(row)

    def meta(self, article_id: int) -> ArticleMeta:
        """What a list row shows of one article.

        Raises:
            NotFound: no such article, or it is deleted.
        """
        with self._database.read() as db:
            row = db.execute(
                f"SELECT {META_COLUMNS} FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL",
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"there is no article {article_id}")
        return meta_from_row(row)

    def set_state(self, ids: Sequence[int], state: TriageState) -> None:
        """Move articles to the inbox, later or archive (all of them, or none if one is missing)."""
        value = _triage_state(state).value
        self._update_live(ids, "state = ?", (value,))

    def set_starred(self, ids: Sequence[int], starred: bool) -> None:
        """Star or unstar articles (all of them, or none if one is missing)."""
        self._update_live(ids, "starred = ?", (int(bool(starred)),))

    def set_reading_position(self, article_id: int, position: int) -> None:
        """Remember the character offset of the first text the reader sees."""
        if position < 0:
            raise UsageError(f"a reading position cannot be negative ({position})")
        self._update_live([article_id], "reading_position = ?", (position,))

    def set_note(
        self, article_id: int, note: str, *, now: datetime, expected: str | None = None
    ) -> None:
        """Replace the note about a whole article (surrounding white space is dropped).

        With ``expected`` (the note as the reader last saw it), nothing is written unless the
        stored note is still exactly that.

        Raises:
            NotFound: no such article, or it is deleted.
            EditConflict: the note is no longer ``expected`` (another program changed it).
        """
        with self._database.write() as db:
            require_live_article(db, article_id)
            if expected is not None:
                (current,) = db.execute(
                    "SELECT note FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                require_unchanged(current, expected)
            with reindexing(db, [article_id]):
                db.execute(
                    "UPDATE articles SET note = ?, note_updated = ? WHERE id = ?",
                    (note.strip(), to_text(now), article_id),
                )
            record_change(db, [article_id], now)

    def delete(self, ids: Sequence[int], *, now: datetime) -> None:
        """Delete articles softly: they disappear until :meth:`restore` brings them back.

        Each delete gets a deletion time later than every earlier one (the clock has whole
        seconds), so :meth:`last_deleted` can tell two deletes in the same second apart.
        """
        with self._database.write() as db:
            unique = require_articles(db, ids, live=True)
            latest = db.execute("SELECT max(deleted_at) FROM articles").fetchone()[0]
            moment = to_text(now)
            if latest is not None and latest >= moment:
                moment = to_text(from_text(latest) + timedelta(microseconds=1))
            _update_rows(db, unique, "deleted_at = ?", (moment,))

    def restore(self, ids: Sequence[int]) -> None:
        """Undelete articles; restoring one that is not deleted does nothing.

        Raises:
            NotFound: one of the ids was never an article (then nothing changes).
        """
        with self._database.write() as db:
            _update_rows(db, require_articles(db, ids, live=False), "deleted_at = NULL", ())

    def last_deleted(self) -> list[int]:
        """The ids deleted at the latest deletion time, in id order (empty if nothing is deleted)."""
        with self._database.read() as db:
            rows = db.execute(
                """
                SELECT id FROM articles
                WHERE deleted_at = (SELECT max(deleted_at) FROM articles) ORDER BY id
                """
            ).fetchall()
        return [row[0] for row in rows]

    def newest(self, limit: int, *, before: int | None = None) -> list[tuple[int, str, str]]:
        """``(id, content_hash, title)`` of up to ``limit`` live articles, newest added first.

        ``before``: only articles with a smaller id (the last id of the previous page).
        """
        with self._database.read() as db:
            rows = db.execute(
                """
                SELECT id, content_hash, title FROM articles
                WHERE deleted_at IS NULL AND id < ? ORDER BY id DESC LIMIT ?
                """,
                (before if before is not None else 2**62, limit),
            ).fetchall()
        return [(row[0], row[1], row[2]) for row in rows]

    def _update_live(self, ids: Sequence[int], assignment: str, values: tuple[object, ...]) -> None:
        # One transaction: a missing id raises NotFound before anything is changed.
        with self._database.write() as db:
            _update_rows(db, require_articles(db, ids, live=True), assignment, values)


def _update_rows(
    db: sqlite3.Connection, ids: Sequence[int], assignment: str, values: tuple[object, ...]
) -> None:
    """Apply ``SET assignment`` to the articles ``ids`` (in chunks: SQLite caps the parameters)."""
    for part in chunks(ids):
        marks = ", ".join("?" * len(part))
        db.execute(f"UPDATE articles SET {assignment} WHERE id IN ({marks})", (*values, *part))
