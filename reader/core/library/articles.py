"""Adding, finding, reading and triaging articles (``lib.articles``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from reader.core import paths
from reader.core.errors import IngestError
from reader.core.library import details, shared
from reader.core.models import (
    AddResult,
    Article,
    ArticleDraft,
    ArticleMeta,
    ArticleQuery,
    Progress,
    TriageState,
    no_progress,
)
from reader.core.storage import Storage
from reader.core.text import content_hash, word_count
from reader.core.types import KEEP, Clock, ImportOutcome, Keep


class Articles:
    """Articles in and out of the library, their details, and the reader's triage state."""

    def __init__(self, storage: Storage, *, clock: Clock = shared.utc_now) -> None:
        """Keep articles in ``storage``; ``clock`` stamps when they were added, noted or deleted."""
        self._storage = storage
        self._clock = clock

    def add(self, draft: ArticleDraft) -> AddResult:
        """Store ``draft`` unless an article with the same URL or the same text is already there."""
        return self.add_many([draft])[0]

    def add_many(self, drafts: Sequence[ArticleDraft], *, group: bool = True) -> list[AddResult]:
        """Store many drafts in one transaction; duplicates (also within the batch) are reported.

        Args:
            group: file the new articles in stories before returning. With False they are stored
                and searchable but in no story yet: pass the ids of the created ones to
                ``lib.stories.group_new`` next. One left ungrouped (the process stopped first) is
                grouped by the next ``group_new`` or ``lib.stories.group_pending``.
        """
        items = [(d, content_hash(d.body), word_count(d.body)) for d in drafts]
        now = self._clock()
        outcomes = self._storage.articles.add_many(items, now=now)
        if group:
            shared.file_new(
                self._storage,
                [(o[0], d) for o, d in zip(outcomes, drafts, strict=True) if o[1] and not o[2]],
                now,
            )
        if len(drafts) > 50:
            self._storage.checkpoint()
        results: list[AddResult] = []
        for (article_id, created, reason), item in zip(outcomes, items, strict=True):
            if reason == "same URL":  # before get_meta: the title may change too
                reason = self._revise(article_id, item)
            meta = self._storage.articles.meta(article_id)
            results.append(AddResult(article=meta, created=created, reason=reason))
        return results

    def _revise(self, article_id: int, item: tuple[ArticleDraft, str, int]) -> str:
        """Take the new text of an article imported again from the same URL; say what happened.

        Highlights are re-anchored by quote and context; those that cannot be placed are kept as
        orphaned (see reader.core.storage.revisions).
        """
        draft, hash_, words = item
        revision = self._storage.revisions.revise_text(
            article_id, draft, content_hash=hash_, words=words
        )
        if revision is None:
            return "same URL"
        highlights = "highlight" if revision.reanchored == 1 else "highlights"
        return (
            f"updated (text changed; {revision.reanchored} {highlights} re-anchored, "
            f"{revision.orphaned} orphaned)"
        )

    def import_paths(
        self, sources: Iterable[Path], *, progress: Progress | None = None, group: bool = True
    ) -> list[ImportOutcome]:
        """Read files and directories (recursively) and store what they contain.

        A file that cannot be read is reported in its outcome and does not stop the others.

        Args:
            progress: told about each file as it is read (one step per file; the label is the
                file's path), then once more when everything is stored.
            group: file the new articles in stories before returning (see :meth:`add_many`).

        Raises:
            LibraryDamaged: SQLite's quick check (at most about half a second) finds the library
                damaged: nothing is imported into it.
        """
        from reader.core import ingest

        report = progress or no_progress
        self._storage.check_pages()
        # Folders are listed first, so the number of files is known before the first is read.
        listed: list[tuple[Path, list[Path]]] = [
            (source, list(ingest.iter_directory(source)) if source.is_dir() else [source])
            for source in sources
        ]
        total = sum(len(files) for _, files in listed)
        done = 0
        drafts: list[ArticleDraft] = []
        outcomes: list[ImportOutcome | None] = []
        for source, files in listed:
            if source.is_dir() and not files:
                outcomes.append(ImportOutcome(str(source), error=f"{source}: no articles found"))
            for file in files:
                report(done, total, str(file))
                try:
                    drafts.append(ingest.read_path(file))
                    outcomes.append(None)
                except IngestError as error:
                    outcomes.append(ImportOutcome(str(file), error=str(error)))
                done += 1
        # The last step, storing, is one transaction: it is reported as its own label.
        if drafts:
            report(done, total, f"storing {len(drafts)} articles")
        results = iter(self.add_many(drafts, group=group) if drafts else [])
        report(total, total, "")
        draft_iter = iter(drafts)
        return [
            outcome
            if outcome is not None
            else ImportOutcome(next(draft_iter).origin or "", result=next(results))
            for outcome in outcomes
        ]

    def import_samples(
        self, *, progress: Progress | None = None, group: bool = True
    ) -> list[ImportOutcome]:
        """Import the sample articles bundled with skim (their README is not an article)."""
        from reader.core import ingest

        folder = paths.bundled_dir("sample_articles")
        return self.import_paths(
            (p for p in ingest.iter_directory(folder) if p.name != "README.md"),
            progress=progress,
            group=group,
        )

    def get(self, article_id: int) -> Article:
        """The article with ``article_id`` (raises NotFound)."""
        return self._storage.articles.get(article_id)

    def meta(self, article_id: int) -> ArticleMeta:
        """The list row of one article (raises NotFound)."""
        return self._storage.articles.meta(article_id)

    def find(
        self,
        query: ArticleQuery | None = None,
        *,
        sort: str = "added",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleMeta]:
        """Articles matching ``query``, sorted (``added``, ``published``, ``title`` or ``source``)."""
        return self._storage.search.list_articles(
            query or ArticleQuery(), sort=sort, descending=descending, limit=limit, offset=offset
        )

    def count(self, query: ArticleQuery | None = None) -> int:
        """How many articles match ``query``."""
        return self._storage.search.count_articles(query or ArticleQuery())

    def view_counts(self) -> dict[str, int]:
        """Counts for the inbox, later, archive, starred and all views."""
        return self._storage.search.view_counts()

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of articles."""
        return self._storage.tags.counts()

    def set_state(self, ids: Sequence[int], state: TriageState) -> None:
        """Move articles to the inbox, later or archive."""
        self._storage.articles.set_state(ids, state)

    def set_starred(self, ids: Sequence[int], starred: bool) -> None:
        """Star or unstar articles."""
        self._storage.articles.set_starred(ids, starred)

    def set_tags(self, article_id: int, tags: Sequence[str]) -> None:
        """Replace an article's tags."""
        self._storage.tags.replace(article_id, tags)

    def change_tags(
        self, ids: Sequence[int], *, add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> None:
        """Add and remove tags on several articles at once, keeping their other tags."""
        self._storage.tags.change(ids, add=add, remove=remove)

    def set_read(self, ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read (opening one does) or unread."""
        self._storage.reading.set_read(ids, read)

    def record_progress(self, article_id: int, percent: int) -> bool:
        """Remember how far (0-100 %) the reader got; only the furthest point is kept.

        Returns whether the stored progress changed.
        """
        return self._storage.reading.record_progress(article_id, percent)

    def metas(self, ids: Sequence[int]) -> list[ArticleMeta]:
        """The list rows of the articles ``ids`` that exist and are not deleted, in that order."""
        return self._storage.reading.metas(ids)

    def restore_triage(self, rows: Sequence[ArticleMeta]) -> None:
        """Put state, star, read flag and tags back as ``rows`` show them, in one transaction.

        This is how a batch action on several articles is undone at once.
        """
        self._storage.reading.restore_triage(rows)

    def set_reading_position(self, article_id: int, position: int) -> None:
        """Remember where the reader stopped (a character offset)."""
        self._storage.articles.set_reading_position(article_id, position)

    def set_article_note(self, article_id: int, note: str, *, expected: str | None = None) -> None:
        """Replace the note about the whole article.

        ``expected`` is the note as the reader saw it when they started editing: if another
        program changed it since, nothing is saved and EditConflict carries the note as it is.
        """
        self._storage.articles.set_note(article_id, note, now=self._clock(), expected=expected)

    def edit_tags(self, article_id: int, before: Sequence[str], after: Sequence[str]) -> None:
        """Apply the reader's edit of an article's tags, from ``before`` to ``after``.

        Only the tags added and removed in the edit change: tags another program added or removed
        meanwhile stay as it left them (a three-way merge, so no edit is silently undone).
        """
        from reader.core.storage import normalise_tags

        old, new = set(normalise_tags(before)), set(normalise_tags(after))
        if old != new:
            self._storage.tags.change([article_id], add=sorted(new - old), remove=sorted(old - new))

    def delete(self, ids: Sequence[int]) -> None:
        """Delete articles; :meth:`undelete` undoes it."""
        self._storage.articles.delete(ids, now=self._clock())

    def undelete(self, ids: Sequence[int]) -> None:
        """Bring deleted articles back."""
        self._storage.articles.restore(ids)

    def last_deleted(self) -> list[int]:
        """The articles of the most recent delete that has not been undone (empty if none)."""
        return self._storage.articles.last_deleted()

    def edit_details(
        self,
        article_id: int,
        *,
        title: str | Keep = KEEP,
        published: datetime | Keep | None = KEEP,
        source: str | Keep | None = KEEP,
        author: str | Keep | None = KEEP,
        url: str | Keep | None = KEEP,
    ) -> ArticleMeta:
        """Correct some of an article's details, in one transaction; return its new list row.

        Search finds the article under its new title (and no longer under the old one), and a new
        title or day groups it in stories again (see reader.core.stories.groups.refile). Values
        are cleaned as an import cleans them (one line, no control characters); an empty source,
        author or URL — or None — clears it, as None clears the date.

        Raises:
            NotFound: no such article, or it is deleted.
            InvalidArgument: an empty title.
            UsageError: the URL belongs to another article.
        """
        from reader.core.stories import groups

        changes = details.changes(
            title=title, published=published, source=source, author=author, url=url
        )
        return self._storage.details.edit(article_id, changes, refile=groups.refile)
