"""The facade: :class:`Library` is the one object the CLI and the TUI talk to.

Callers never reach storage, ingest or analysis directly. Every method is synchronous and may take
a while (SQLite, analysis): the TUI calls them from thread workers. A ``Library`` may be shared between
threads; storage keeps one SQLite connection per thread.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core import anchoring, paths
from reader.core.errors import IngestError, StorageError, UsageError
from reader.core.models import (
    AddResult,
    Analysis,
    Annotation,
    Article,
    ArticleDraft,
    ArticleMeta,
    ArticleQuery,
    Summary,
    TriageState,
)
from reader.core.serialize import (
    analysis_from_dict,
    analysis_to_dict,
    summary_from_dict,
    summary_to_dict,
)
from reader.core.storage import Storage
from reader.core.text import content_hash, word_count

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware, to the second (stored times need no microseconds)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What happened to one input of an import: a result, or the one-line reason it was refused."""

    origin: str
    result: AddResult | None = None
    error: str | None = None


class Library:
    """A reader's library of articles, annotations and cached analyses."""

    def __init__(self, storage: Storage, *, clock: Clock = utc_now) -> None:
        """Wrap ``storage``; tests pass their own storage and a fixed clock."""
        self._storage = storage
        self._clock = clock

    @property
    def path(self) -> Path:
        """The database file."""
        return self._storage.path

    def close(self) -> None:
        """Close database connections."""
        self._storage.close()

    # -- adding articles -------------------------------------------------------------------------

    def add(self, draft: ArticleDraft) -> AddResult:
        """Store ``draft`` unless an article with the same URL or the same text is already there."""
        return self.add_many([draft])[0]

    def add_many(self, drafts: Sequence[ArticleDraft]) -> list[AddResult]:
        """Store many drafts in one transaction; duplicates (also within the batch) are reported."""
        items = [(d, content_hash(d.body), word_count(d.body)) for d in drafts]
        outcomes = self._storage.add_articles(items, now=self._clock())
        if len(drafts) > 50:
            self._storage.checkpoint()
        return [
            AddResult(article=self._storage.get_meta(article_id), created=created, reason=reason)
            for article_id, created, reason in outcomes
        ]

    def import_paths(self, sources: Iterable[Path]) -> list[ImportOutcome]:
        """Read files and directories (recursively) and store what they contain.

        A file that cannot be read is reported in its outcome and does not stop the others.
        """
        from reader.core import ingest

        drafts: list[ArticleDraft] = []
        outcomes: list[ImportOutcome | None] = []
        for source in sources:
            files = list(ingest.iter_directory(source)) if source.is_dir() else [source]
            if source.is_dir() and not files:
                outcomes.append(ImportOutcome(str(source), error=f"{source}: no articles found"))
            for file in files:
                try:
                    drafts.append(ingest.read_path(file))
                    outcomes.append(None)
                except IngestError as error:
                    outcomes.append(ImportOutcome(str(file), error=str(error)))
        results = iter(self.add_many(drafts) if drafts else [])
        draft_iter = iter(drafts)
        return [
            outcome
            if outcome is not None
            else ImportOutcome(next(draft_iter).origin or "", result=next(results))
            for outcome in outcomes
        ]

    def import_samples(self) -> list[ImportOutcome]:
        """Import the sample articles bundled with skim (their README is not an article)."""
        from reader.core import ingest

        folder = paths.bundled_dir("sample_articles")
        return self.import_paths(p for p in ingest.iter_directory(folder) if p.name != "README.md")

    # -- reading the library ---------------------------------------------------------------------

    def get(self, article_id: int) -> Article:
        """The article with ``article_id`` (raises NotFound)."""
        return self._storage.get_article(article_id)

    def meta(self, article_id: int) -> ArticleMeta:
        """The list row of one article (raises NotFound)."""
        return self._storage.get_meta(article_id)

    def list(
        self,
        query: ArticleQuery | None = None,
        *,
        sort: str = "added",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleMeta]:
        """Articles matching ``query``, sorted (``added``, ``published``, ``title`` or ``source``)."""
        return self._storage.list_articles(
            query or ArticleQuery(), sort=sort, descending=descending, limit=limit, offset=offset
        )

    def count(self, query: ArticleQuery | None = None) -> int:
        """How many articles match ``query``."""
        return self._storage.count_articles(query or ArticleQuery())

    def view_counts(self) -> dict[str, int]:
        """Counts for the inbox, later, archive, starred and all views."""
        return self._storage.view_counts()

    def all_tags(self) -> builtins.list[tuple[str, int]]:
        """Every tag in use with its number of articles."""
        return self._storage.all_tags()

    # -- the reader's state ----------------------------------------------------------------------

    def set_state(self, ids: Sequence[int], state: TriageState) -> None:
        """Move articles to the inbox, later or archive."""
        self._storage.set_state(ids, state)

    def set_starred(self, ids: Sequence[int], starred: bool) -> None:
        """Star or unstar articles."""
        self._storage.set_starred(ids, starred)

    def set_tags(self, article_id: int, tags: Sequence[str]) -> None:
        """Replace an article's tags."""
        self._storage.set_tags(article_id, tags)

    def set_reading_position(self, article_id: int, position: int) -> None:
        """Remember where the reader stopped (a character offset)."""
        self._storage.set_reading_position(article_id, position)

    def set_article_note(self, article_id: int, note: str) -> None:
        """Replace the note about the whole article."""
        self._storage.set_article_note(article_id, note, now=self._clock())

    def delete(self, ids: Sequence[int]) -> None:
        """Delete articles; :meth:`restore` undoes it."""
        self._storage.delete_articles(ids, now=self._clock())

    def restore(self, ids: Sequence[int]) -> None:
        """Bring deleted articles back."""
        self._storage.restore_articles(ids)

    # -- annotations -----------------------------------------------------------------------------

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

    # -- analysis (cached) -----------------------------------------------------------------------

    def analysis(self, article: Article) -> Analysis:
        """Sentences, entities and numbers of ``article``, from the cache when possible."""
        from reader.core import analysis

        key = (article.content_hash, "analysis", analysis.analysis_version(), "")
        cached = self._storage.cache_get(*key)
        if cached is not None:
            return analysis_from_dict(json.loads(cached))
        result = analysis.analyze(article.body)
        self._storage.cache_put(*key, json.dumps(analysis_to_dict(result)))
        return result

    def summary(
        self,
        article: Article,
        *,
        algorithm: str | None = None,
        sentences: int | None = None,
        ratio: float | None = None,
    ) -> Summary:
        """An extractive summary of ``article`` (default algorithm, 3 sentences), cached."""
        from reader.core import analysis

        algorithm = algorithm or analysis.DEFAULT_ALGORITHM
        if sentences is None and ratio is None:
            sentences = analysis.DEFAULT_SENTENCES
        # The title is a parameter: edmundson's title method reads it.
        params = json.dumps(
            {"sentences": sentences, "ratio": ratio, "title": article.title}, sort_keys=True
        )
        key = (
            article.content_hash,
            f"summary:{algorithm}",
            analysis.summary_version(algorithm),
            params,
        )
        cached = self._storage.cache_get(*key)
        if cached is not None:
            return summary_from_dict(json.loads(cached))
        spans = self.analysis(article).sentences
        result = analysis.summarize(
            article.body,
            algorithm=algorithm,
            sentences=sentences,
            ratio=ratio,
            sentence_spans=spans,
            title=article.title,
        )
        self._storage.cache_put(*key, json.dumps(summary_to_dict(result)))
        return result

    # -- settings --------------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        """A stored preference (such as the theme), or None."""
        return self._storage.get_setting(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a preference."""
        self._storage.set_setting(key, value)


def open_library(data_dir: str | Path | None = None, *, clock: Clock = utc_now) -> Library:
    """Open (creating if needed) the library in ``data_dir`` or the default data directory."""
    directory = paths.data_dir(data_dir)
    try:
        paths.ensure_dir(directory)
    except OSError as error:
        raise StorageError(
            f"cannot create the data directory {directory}: {error.strerror}"
        ) from None
    return Library(Storage(paths.database_path(directory)), clock=clock)
