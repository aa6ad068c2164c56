"""The reader's highlights (``lib.annotations``): anchored by offsets and by quote with context."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core import anchoring
from reader.core.errors import InvalidArgument, UsageError
from reader.core.library.articles import Articles
from reader.core.library.shared import utc_now
from reader.core.models import Annotation
from reader.core.storage import Storage
from reader.core.types import Clock


class Annotations:
    """Highlights with notes and tags; removing one can be undone."""

    def __init__(self, storage: Storage, articles: Articles, *, clock: Clock = utc_now) -> None:
        """Keep highlights in ``storage``; ``articles`` gives the text they are anchored in."""
        self._storage = storage
        self._articles = articles
        self._clock = clock

    def of(self, article_id: int) -> list[Annotation]:
        """The highlights of an article, in text order."""
        return self._storage.annotations.of(article_id)

    def add(
        self, article_id: int, start: int, end: int, *, note: str = "", tags: Sequence[str] = ()
    ) -> Annotation:
        """Highlight ``body[start:end]`` of an article, with an optional note and tags."""
        body = self._articles.get(article_id).body
        if not 0 <= start < end <= len(body):
            raise UsageError(f"range {start}-{end} is outside the article (0-{len(body)})")
        selector = anchoring.select(body, start, end)
        return self._storage.annotations.add(
            article_id,
            start=start,
            end=end,
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            note=note,
            tags=tags,
            now=self._clock(),
        )

    def add_quote(
        self, article_id: int, quote: str, *, note: str = "", tags: Sequence[str] = ()
    ) -> Annotation:
        """Highlight the first passage of an article that matches ``quote`` (case and spacing aside).

        A passage that is already highlighted is not highlighted twice: the existing highlight is
        returned, with ``tags`` added to its tags and ``note`` added after its note (nothing of
        what it had is dropped).

        Raises:
            InvalidArgument: the quote is empty.
            UsageError: the quote does not occur in the article.
        """
        if not quote.strip():
            raise InvalidArgument("the quote is empty: give the passage to highlight")
        found = anchoring.find_quote(self._articles.get(article_id).body, quote)
        if found is None:
            raise UsageError(f"the quote does not occur in article {article_id}")
        start, end = found
        for existing in self.of(article_id):
            if not existing.orphaned and (existing.start, existing.end) == (start, end):
                return self._add_to_annotation(existing, note.strip(), tags)
        return self.add(article_id, start, end, note=note, tags=tags)

    def _add_to_annotation(
        self, existing: Annotation, note: str, tags: Sequence[str]
    ) -> Annotation:
        merged_tags = (*existing.tags, *tags)
        if note and note not in existing.note:
            merged_note = f"{existing.note}\n\n{note}" if existing.note else note
        else:
            merged_note = existing.note
        if merged_note == existing.note and set(merged_tags) == set(existing.tags):
            return existing
        return self.update(existing.id, note=merged_note, tags=merged_tags)

    def update(
        self,
        annotation_id: int,
        *,
        note: str | None = None,
        tags: Sequence[str] | None = None,
        expected_note: str | None = None,
    ) -> Annotation:
        """Change the note and/or tags of a highlight.

        ``expected_note`` is the note as the reader saw it when they started editing: if another
        program changed it since, nothing is saved and EditConflict carries the note as it is.
        """
        return self._storage.annotations.update(
            annotation_id, note=note, tags=tags, now=self._clock(), expected_note=expected_note
        )

    def delete(self, annotation_id: int) -> None:
        """Remove a highlight; :meth:`undelete` undoes it."""
        self._storage.annotations.delete(annotation_id, now=self._clock())

    def undelete(self, annotation_id: int) -> None:
        """Bring a removed highlight back."""
        self._storage.annotations.restore(annotation_id)
