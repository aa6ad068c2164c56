"""Existence checks shared by the stores: a missing or deleted row is a :class:`NotFound`."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.core.errors import NotFound
from reader.core.storage.database import chunks


def require_live_article(db: sqlite3.Connection, article_id: int) -> None:
    """Raise NotFound unless article ``article_id`` exists and is not deleted."""
    row = db.execute(
        "SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL", (article_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"there is no article {article_id}")


def require_articles(db: sqlite3.Connection, ids: Sequence[int], *, live: bool) -> list[int]:
    """Return ``ids`` without repeats, after checking that every one is an article.

    With ``live``, deleted articles count as missing (they are invisible to the reader).

    Raises:
        NotFound: naming the first few missing ids.
    """
    unique = list(dict.fromkeys(ids))
    found: set[int] = set()
    condition = " AND deleted_at IS NULL" if live else ""
    for part in chunks(unique):
        marks = ", ".join("?" * len(part))
        rows = db.execute(f"SELECT id FROM articles WHERE id IN ({marks}){condition}", part)
        found.update(row[0] for row in rows)
    missing = [article_id for article_id in unique if article_id not in found]
    if missing:
        shown = ", ".join(str(article_id) for article_id in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        noun = "article" if len(missing) == 1 else "articles"
        raise NotFound(f"there is no {noun} {shown}{more}")
    return unique
