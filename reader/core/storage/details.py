"""An article's details — title, published date, source, author, URL — corrected by the reader."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime

from reader.core.errors import NotFound, UsageError
from reader.core.models import ArticleMeta
from reader.core.storage._convert import (
    META_COLUMNS,
    from_text,
    meta_from_row,
    optional_date,
    optional_text,
)
from reader.core.storage._fts import reindexing
from reader.core.storage.database import Database
from reader.core.storage.stories import Filing, StorySession

#: The columns an edit may change.
DETAIL_FIELDS = ("title", "published", "source", "author", "url")

#: A change to one detail: text for title, source, author and url; a time for published; None
#: clears a field (except the title).
DetailValue = str | datetime | None

#: Files an edited article in stories again (see reader.core.stories.groups.refile).
Refile = Callable[[StorySession, int, Filing, Filing], object]


def _stored(field: str, value: DetailValue) -> str | None:
    if field == "published":
        if value is not None and not isinstance(value, datetime):
            raise TypeError("published must be a datetime or None")
        return optional_text(value)
    if isinstance(value, datetime):
        raise TypeError(f"{field} must be text or None")
    if field == "title" and not value:
        raise UsageError("an article needs a title")
    return value


def _check_url_free(db: sqlite3.Connection, article_id: int, url: str) -> None:
    # URLs are unique, deleted articles included (adding one again restores it).
    holder = db.execute(
        "SELECT id, deleted_at FROM articles WHERE url = ? AND id != ?", (url, article_id)
    ).fetchone()
    if holder is not None:
        deleted = " (deleted; skim undelete brings it back)" if holder["deleted_at"] else ""
        raise UsageError(f"article {holder['id']}{deleted} already has the URL {url}")


class DetailStore:
    """Correcting the details an import got wrong (a file name as title, today as date)."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def edit(
        self, article_id: int, changes: Mapping[str, DetailValue], *, refile: Refile
    ) -> ArticleMeta:
        """Change some details of a live article in one transaction, and return its new row.

        The full-text index follows the new title, and when the title or the day changed,
        ``refile`` groups the article in stories again within the same transaction. Values equal
        to the stored ones are left alone; when nothing differs, nothing is written.

        Raises:
            NotFound: no such article, or it is deleted.
            UsageError: an empty title, or a URL another article has.
        """
        unknown = set(changes) - set(DETAIL_FIELDS)
        if unknown:
            raise ValueError(f"not an article detail: {', '.join(sorted(unknown))}")
        wanted = {field: _stored(field, value) for field, value in changes.items()}
        with self._database.write() as db:
            row = db.execute(
                f"""
                SELECT {", ".join(DETAIL_FIELDS)}, body, event_date FROM articles
                WHERE id = ? AND deleted_at IS NULL
                """,
                (article_id,),
            ).fetchone()
            if row is None:
                raise NotFound(f"there is no article {article_id}")
            changed = {field: value for field, value in wanted.items() if value != row[field]}
            if changed.get("url") is not None:
                _check_url_free(db, article_id, str(changed["url"]))
            if changed:
                assignments = ", ".join(f"{field} = :{field}" for field in changed)
                with reindexing(db, [article_id]):
                    db.execute(
                        f"UPDATE articles SET {assignments} WHERE id = :id",
                        {**changed, "id": article_id},
                    )
                before = dict(row)
                refile(StorySession(db), article_id, _filing(before), _filing(before | changed))
            meta = db.execute(
                f"SELECT {META_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
            ).fetchone()
        return meta_from_row(meta)


def _filing(row: Mapping[str, str | None]) -> Filing:
    title, body, published, event = row["title"], row["body"], row["published"], row["event_date"]
    assert title is not None and body is not None  # NOT NULL columns
    when = from_text(published) if published else optional_date(event)
    return Filing(title, body, when)
