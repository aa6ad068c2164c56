"""The reader's highlights: anchored by offsets and by quote with context."""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from reader.core import anchoring
from reader.core.errors import UsageError
from reader.core.library.articles import ArticlesMixin
from reader.core.models import Annotation


class AnnotationsMixin(ArticlesMixin):
    """Highlights with notes and tags; removing one can be undone."""

    def annotations(self, article_id: int) -> builtins.list[Annotation]:
        """The highlights of an article, in text order."""
        return self._storage.annotations(article_id)

    def annotate(
        self, article_id: int, start: int, end: int, *, note: str = "", tags: Sequence[str] = ()
    ) -> Annotation:
        """Highlight ``body[start:end]`` of an article, with an optional note and tags."""
        body = self.get(article_id).body
        if not 0 <= start < end <= len(body):
            raise UsageError(f"range {start}-{end} is outside the article (0-{len(body)})")
        selector = anchoring.select(body, start, end)
        return self._storage.add_annotation(
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

    def annotate_quote(
        self, article_id: int, quote: str, *, note: str = "", tags: Sequence[str] = ()
    ) -> Annotation:
        """Highlight the first passage of an article that matches ``quote`` (case and spacing aside)."""
        found = anchoring.find_quote(self.get(article_id).body, quote)
        if found is None:
            raise UsageError(f"the quote does not occur in article {article_id}")
        return self.annotate(article_id, found[0], found[1], note=note, tags=tags)

    def update_annotation(
        self, annotation_id: int, *, note: str | None = None, tags: Sequence[str] | None = None
    ) -> Annotation:
        """Change the note and/or tags of a highlight."""
        return self._storage.update_annotation(
            annotation_id, note=note, tags=tags, now=self._clock()
        )

    def delete_annotation(self, annotation_id: int) -> None:
        """Remove a highlight; :meth:`restore_annotation` undoes it."""
        self._storage.delete_annotation(annotation_id, now=self._clock())

    def restore_annotation(self, annotation_id: int) -> None:
        """Bring a removed highlight back."""
        self._storage.restore_annotation(annotation_id)
