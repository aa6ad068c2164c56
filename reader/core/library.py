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
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from reader.core.export.exporter import ExportReport
    from reader.core.export.notes_import import NotesImportReport
    from reader.core.feeds.lists import OpmlImport
    from reader.core.feeds.types import Feed, FeedUpdate
    from reader.core.importers.fetching import Progress
    from reader.core.importers.saved import SavedLink
    from reader.core.stories.compare import Comparison
    from reader.core.stories.groups import Story
    from reader.core.stories.tone import Tone
    from reader.core.web.fetch import FetchLimits

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
        now = self._clock()
        outcomes = self._storage.add_articles(items, now=now)
        self._group_new(
            [(o[0], d) for o, d in zip(outcomes, drafts, strict=True) if o[1] and not o[2]], now
        )
        if len(drafts) > 50:
            self._storage.checkpoint()
        results: builtins.list[AddResult] = []
        for (article_id, created, reason), item in zip(outcomes, items, strict=True):
            if reason == "same URL":  # before get_meta: the title may change too
                reason = self._revise(article_id, item)
            meta = self._storage.get_meta(article_id)
            results.append(AddResult(article=meta, created=created, reason=reason))
        return results

    def _revise(self, article_id: int, item: tuple[ArticleDraft, str, int]) -> str:
        """Take the new text of an article imported again from the same URL; say what happened.

        Highlights are re-anchored by quote and context; those that cannot be placed are kept as
        orphaned (see reader.core.storage.revisions).
        """
        draft, hash_, words = item
        revision = self._storage.revise_text(article_id, draft, content_hash=hash_, words=words)
        if revision is None:
            return "same URL"
        return (
            f"updated (text changed; {revision.reanchored} highlights re-anchored, "
            f"{revision.orphaned} orphaned)"
        )

    def change_token(self) -> int:
        """A number that changes whenever the library changes (also by another program).

        Cheap enough to poll every second; compare tokens taken on the same thread.
        """
        return self._storage.change_token()

    def backup(self, target: Path | None = None) -> Path:
        """Copy the library with SQLite's online backup API; returns the backup's path.

        ``target`` is a new file or a folder; by default the ``backups`` folder of the data dir.
        """
        from reader.core.storage.backup import backup_library

        if target is None:
            target = paths.ensure_dir(self.path.parent / "backups")
        return backup_library(self.path, target)

    def restore_from(self, source: Path) -> Path:
        """Replace the library by the backup ``source``; returns the safety copy of the old one.

        Raises:
            UsageError: ``source`` is not an intact skim library.
        """
        from reader.core.storage.backup import restore_library

        safety = restore_library(self.path, source)
        # A backup from an older skim is migrated now, not at some later open.
        Storage(self.path).close()
        return safety

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

        key = _analysis_key(article)
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
        key = _summary_key(article, algorithm, sentences, ratio)
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

    def analyse_many(self, ids: Sequence[int], *, processes: int | None = None) -> int:
        """Analyse and summarise (default algorithm) many articles on all cores, into the cache.

        Workers compute (see reader.core.analysis.batch); this process writes. Articles already
        cached are skipped. Returns how many were analysed.
        """
        from reader.core import analysis
        from reader.core.analysis.batch import analyse_all

        algorithm, sentences = analysis.DEFAULT_ALGORITHM, analysis.DEFAULT_SENTENCES
        todo: dict[str, Article] = {}
        for article_id in ids:
            article = self.get(article_id)
            if self._storage.cache_get(*_analysis_key(article)) is None:
                todo.setdefault(article.content_hash, article)
        jobs = [(hash_, a.body, a.title) for hash_, a in todo.items()]
        for hash_, found, summary in analyse_all(jobs, processes=processes):
            article = todo[hash_]
            self._storage.cache_put(*_analysis_key(article), found)
            self._storage.cache_put(*_summary_key(article, algorithm, sentences, None), summary)
        return len(jobs)

    # -- stories (articles about the same event; see reader.core.stories) ------------------------

    def _group_new(self, items: builtins.list[tuple[int, ArticleDraft]], added: datetime) -> None:
        """File newly stored articles in stories (a restored article keeps its old story)."""
        if items:
            from reader.core.stories import groups

            groups.group_drafts(self._storage, items, added)

    def story_of(self, article_id: int) -> builtins.list[ArticleMeta]:
        """The articles of ``article_id``'s story, oldest first (just itself when it has none)."""
        members = self._storage.story_members(article_id)
        if not members:
            self._storage.get_meta(article_id)  # raises NotFound
        return members

    def stories(
        self, *, min_size: int = 2, limit: int | None = None, offset: int = 0
    ) -> builtins.list[Story]:
        """Stories with at least ``min_size`` articles, the most recently active first."""
        from reader.core.stories.groups import Story

        found = self._storage.list_stories(min_size=min_size, limit=limit, offset=offset)
        return [Story(story_id, tuple(metas)) for story_id, metas in found]

    def story_sizes(self, ids: Sequence[int]) -> dict[int, int]:
        """How many articles each article's story has (1: no other source); for list rows."""
        return self._storage.story_sizes(ids)

    def group_pending(self, *, limit: int | None = None) -> int:
        """Group articles stored before story grouping existed; returns how many were grouped."""
        from reader.core.stories import groups

        return groups.group_pending(self._storage, limit=limit)

    def regroup_stories(self) -> int:
        """Group every article again from scratch (after the grouping method changed)."""
        from reader.core.stories import groups

        return groups.regroup(self._storage)

    def compare(self, ids: Sequence[int]) -> Comparison:
        """How two or more articles cover one story: highlights, entities, figures and quotes."""
        from reader.core.stories.compare import SourceText, compare

        unique = builtins.list(dict.fromkeys(ids))
        if len(unique) < 2:
            raise UsageError("give two or more different articles to compare")
        sources = []
        for article_id in unique:
            article = self.get(article_id)
            sources.append(SourceText(article, self.analysis(article), self.summary(article)))
        return compare(sources)

    def tone(self, article: Article) -> Tone:
        """The tone label of ``article`` (Neutral, Opinionated, Provocative, Alarming), with its
        evidence spans and each sentence marked OPINION or REPORT."""
        from reader.core.stories.tone import tone

        return tone(article.body, self.analysis(article).sentences)

    # -- the web, feeds and other tools (reader.core.web, reader.core.feeds, .importers) ---------
    # Fetching happens before anything is stored: a failure leaves the library unchanged.

    def add_url(self, url: str, *, limits: FetchLimits | None = None) -> AddResult:
        """Fetch the web page at ``url``, extract its article and store it (raises IngestError)."""
        from reader.core.web import read_url

        return self.add(read_url(url, limits=limits))

    def subscribe(
        self, source: str, *, full_text: bool = False, limits: FetchLimits | None = None
    ) -> FeedUpdate:
        """Subscribe to an RSS/Atom feed (an address, a page linking to one, or a file).

        Its current entries are imported; ``full_text`` completes teasers from the linked pages,
        now and on every update. Raises IngestError (unreadable) or UsageError (subscribed).
        """
        from reader.core.feeds import service

        result = service.subscribe(
            self._storage, source, full_text=full_text, limits=limits, now=self._clock()
        )
        self._after_import(result.new_articles)
        return result

    def feeds(self) -> builtins.list[Feed]:
        """Every subscription, oldest first."""
        return self._storage.list_feeds()

    def update_feeds(
        self,
        ids: Sequence[int] = (),
        *,
        full_text: bool | None = None,
        limits: FetchLimits | None = None,
    ) -> builtins.list[FeedUpdate]:
        """Import the new entries of every feed (or those in ``ids``); failures are reported per feed.

        ``full_text`` overrides each subscription's own setting for this update.
        """
        from reader.core.feeds import service

        results = service.update(
            self._storage, ids, full_text=full_text, limits=limits, now=self._clock()
        )
        self._after_import(sum(result.new_articles for result in results))
        return results

    def unsubscribe(self, feed_id: int) -> Feed:
        """Remove a subscription; the articles it brought stay (raises NotFound)."""
        return self._storage.remove_feed(feed_id)

    def import_opml(self, path: Path) -> OpmlImport:
        """Subscribe to the http(s) feeds listed in an OPML file, without fetching them yet."""
        from reader.core.feeds import lists

        return lists.import_opml(self._storage, path, now=self._clock())

    def export_opml(self) -> str:
        """The subscriptions as an OPML 2.0 document."""
        from reader.core.feeds import lists

        return lists.export_opml(self._storage, now=self._clock())

    def import_saved(
        self,
        path: Path,
        tool: str,
        *,
        limits: FetchLimits | None = None,
        progress: Progress | None = None,
    ) -> builtins.list[ImportOutcome]:
        """Import a Pocket or Instapaper export: fetch each saved page and store its article.

        Saved time, archive state, star, tags and Instapaper's selection (as the article note) are
        kept. Pages that cannot be fetched are reported in their outcome; the others are stored.
        """
        from reader.core.importers import fetching

        links, problems = self._saved_links(path, tool)
        outcomes = [ImportOutcome(str(path), error=problem) for problem in problems]
        if progress is not None:
            for outcome in outcomes:
                progress(outcome)
        outcomes += fetching.import_links(
            self._storage, links, limits=limits, now=self._clock(), progress=progress
        )
        self._after_import(sum(1 for o in outcomes if o.result is not None and o.result.created))
        return outcomes

    def preview_saved(
        self, path: Path, tool: str
    ) -> tuple[builtins.list[tuple[SavedLink, int | None]], builtins.list[str]]:
        """What :meth:`import_saved` would do, without the network: each link with the id of the
        article already holding its URL (None: it would be fetched), and the entries left out."""
        from reader.core.importers import fetching

        links, problems = self._saved_links(path, tool)
        return fetching.preview_links(self._storage, links), problems

    def _saved_links(
        self, path: Path, tool: str
    ) -> tuple[builtins.list[SavedLink], builtins.list[str]]:
        from reader.core.importers import read_saved_links
        from reader.core.ingest import decode
        from reader.core.ingest.common import label_for

        label = label_for(str(path))
        try:
            with path.open("rb") as handle:
                data = handle.read(decode.MAX_BYTES + 1)
        except FileNotFoundError:
            raise IngestError(f"{label}: no such file") from None
        except OSError as error:
            raise IngestError(
                f"{label}: cannot read the file ({error.strerror or error})"
            ) from None
        decode.check_size(len(data), label)
        return read_saved_links(data, tool=tool, label=label)

    def _after_import(self, created: int) -> None:
        # Articles stored outside add_many still join stories.
        if created:
            self.group_pending()

    # -- Markdown export -------------------------------------------------------------------------

    def export_markdown(
        self,
        ids: Sequence[int],
        *,
        out: Path,
        template: str = "default",
        force: bool = False,
        since: datetime | None = None,
    ) -> ExportReport:
        """Write articles with their highlights and notes as Markdown (see reader.core.export).

        Args:
            ids: the articles; a single ``out`` file lists them in this order.
            out: a folder (one file per article, created if needed) or a file ending in ``.md``.
            template: a built-in or user template name, or a template file's path.
            force: overwrite files edited since the last export (and files skim did not write).
            since: only articles added, or whose notes or highlights changed, since this time.

        Raises:
            NotFound: an id is not in the library.
            UsageError: no such template, a bad template, or a folder that cannot be created.
        """
        from reader.core.export.exporter import export_articles
        from reader.core.export.render import load_template

        return export_articles(
            self._storage,
            self.summary,
            ids,
            out=out,
            template=load_template(template, self.path.parent),
            now=self._clock(),
            force=force,
            since=since,
        )

    def import_notes(self, paths: Sequence[Path]) -> NotesImportReport:
        """Read notes and tags edited in exported Markdown files (or folders of them) back in.

        Highlights missing from a file are reported and kept; nothing is deleted.
        """
        from reader.core.export.exporter import refresh_record
        from reader.core.export.notes_import import import_notes
        from reader.core.export.render import load_template
        from reader.core.export.templating import TemplateError

        def after_file(path: Path, article_ids: builtins.list[int]) -> None:
            record = self._storage.export_record(str(path.resolve()))
            if record is None:
                return
            try:
                template = load_template(record.template, self.path.parent)
            except TemplateError:
                return  # the template is gone: the file simply stays "edited since export"
            refresh_record(self._storage, self.summary, path, article_ids, template)

        return import_notes(self, paths, after_file)

    # -- settings --------------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        """A stored preference (such as the theme), or None."""
        return self._storage.get_setting(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a preference."""
        self._storage.set_setting(key, value)


def _analysis_key(article: Article) -> tuple[str, str, str, str]:
    """The cache key of an article's sentences, entities and numbers."""
    from reader.core import analysis

    return (article.content_hash, "analysis", analysis.analysis_version(), "")


def _summary_key(
    article: Article, algorithm: str, sentences: int | None, ratio: float | None
) -> tuple[str, str, str, str]:
    """The cache key of an article's summary; the title is a parameter (Edmundson reads it)."""
    from reader.core import analysis

    params = json.dumps(
        {"sentences": sentences, "ratio": ratio, "title": article.title}, sort_keys=True
    )
    return (
        article.content_hash,
        f"summary:{algorithm}",
        analysis.summary_version(algorithm),
        params,
    )


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
