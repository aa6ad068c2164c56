"""Articles brought over from other tools (Pocket, Instapaper), with the state they had there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reader.core.models import ArticleDraft, TriageState
from reader.core.storage._convert import to_text
from reader.core.storage._fts import reindexing
from reader.core.storage.articles import AddOutcome, add_row
from reader.core.storage.changes import record_change
from reader.core.storage.database import Database


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    """A draft plus what the other tool knew about it.

    Attributes:
        added: when it was saved there (kept as skim's "added"), or None for now.
        state: its triage state there.
        starred: whether it was starred/favourited there.
        note: a passage the reader had selected there, kept as the article note.
    """

    draft: ArticleDraft
    content_hash: str
    words: int
    added: datetime | None = None
    state: TriageState = TriageState.INBOX
    starred: bool = False
    note: str = ""


class ImportStore:
    """Adding articles from other tools and finding an article by its URL."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def add(self, items: Sequence[ImportedArticle], *, now: datetime) -> list[AddOutcome]:
        """Store articles with their saved time, state, star and note, in one transaction.

        Duplicates are reported as ``ArticleStore.add_many`` reports them and left as they are; only a
        newly stored article takes the other tool's state (a restored one keeps its own).
        """
        outcomes: list[AddOutcome] = []
        with self._database.write() as db:
            for item in items:
                outcome = add_row(db, item.draft, item.content_hash, item.words, now)
                outcomes.append(outcome)
                article_id, created, reason = outcome
                if not created or reason:
                    continue
                db.execute(
                    "UPDATE articles SET added = ?, state = ?, starred = ? WHERE id = ?",
                    (
                        to_text(item.added or now),
                        item.state.value,
                        int(item.starred),
                        article_id,
                    ),
                )
                if item.note.strip():
                    with reindexing(db, [article_id]):
                        db.execute(
                            "UPDATE articles SET note = ?, note_updated = ? WHERE id = ?",
                            (item.note.strip(), to_text(now), article_id),
                        )
                    record_change(db, [article_id], now)
        return outcomes

    def find_by_url(self, url: str) -> int | None:
        """The id of the live article with this URL, if any."""
        with self._database.read() as db:
            row = db.execute(
                "SELECT id FROM articles WHERE url = ? AND deleted_at IS NULL", (url,)
            ).fetchone()
        return None if row is None else int(row["id"])

    def find_by_title(self, title: str) -> list[int]:
        """The ids of live articles with this title (case aside), oldest first."""
        with self._database.read() as db:
            rows = db.execute(
                "SELECT id FROM articles WHERE title = ? COLLATE NOCASE AND deleted_at IS NULL "
                "ORDER BY id",
                (title,),
            ).fetchall()
        return [int(row["id"]) for row in rows]
