"""Where articles come from besides files (``lib.sources``): web pages, feeds, OPML and other tools
(reader.core.ingest.web, reader.core.ingest.feeds, reader.core.ingest.saved).

Fetching happens before anything is stored: a failure leaves the library unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.library.articles import Articles
from reader.core.library.shared import file_imported, utc_now
from reader.core.models import AddResult, OutcomeHandler, Progress, no_progress
from reader.core.storage import Storage
from reader.core.types import Clock, ImportOutcome

if TYPE_CHECKING:
    from reader.core.ingest.feeds.lists import OpmlImport
    from reader.core.ingest.saved.links import SavedLink
    from reader.core.ingest.web.fetch import FetchLimits
    from reader.core.records import Feed, FeedUpdate


class Sources:
    """Articles from web pages, feed subscriptions, OPML, and Pocket/Instapaper exports."""

    def __init__(self, storage: Storage, articles: Articles, *, clock: Clock = utc_now) -> None:
        """Subscribe in ``storage``; a fetched page is stored through ``articles``."""
        self._storage = storage
        self._articles = articles
        self._clock = clock

    def add_url(self, url: str, *, limits: FetchLimits | None = None) -> AddResult:
        """Fetch the web page at ``url``, extract its article and store it (raises IngestError)."""
        from reader.core.ingest.web import read_url

        return self._articles.add(read_url(url, limits=limits, given_by_user=True))

    def subscribe(
        self, source: str, *, full_text: bool = False, limits: FetchLimits | None = None
    ) -> FeedUpdate:
        """Subscribe to an RSS/Atom feed (an address, a page linking to one, or a file).

        Its current entries are imported; ``full_text`` completes teasers from the linked pages,
        now and on every update. Raises IngestError (unreadable) or UsageError (subscribed).
        """
        from reader.core.ingest.feeds import service

        result = service.subscribe(
            self._storage, source, full_text=full_text, limits=limits, now=self._clock()
        )
        file_imported(self._storage, result.new_articles)
        return result

    def feeds(self) -> list[Feed]:
        """Every subscription, oldest first."""
        return self._storage.feeds.list_feeds()

    def update_feeds(
        self,
        ids: Sequence[int] = (),
        *,
        full_text: bool | None = None,
        limits: FetchLimits | None = None,
        progress: Progress | None = None,
    ) -> list[FeedUpdate]:
        """Import the new entries of every feed (or those in ``ids``); failures are reported per feed.

        ``full_text`` overrides each subscription's own setting for this update; ``progress`` is
        told about each feed before it is fetched (one step per feed).
        """
        from reader.core.ingest.feeds import service

        results = service.update(
            self._storage,
            ids,
            full_text=full_text,
            limits=limits,
            now=self._clock(),
            progress=progress or no_progress,
        )
        file_imported(self._storage, sum(result.new_articles for result in results))
        return results

    def unsubscribe(self, feed_id: int) -> Feed:
        """Remove a subscription; the articles it brought stay (raises NotFound)."""
        return self._storage.feeds.remove(feed_id)

    def import_opml(self, path: Path) -> OpmlImport:
        """Subscribe to the http(s) feeds listed in an OPML file, without fetching them yet."""
        from reader.core.ingest.feeds import lists

        return lists.import_opml(self._storage, path, now=self._clock())

    def export_opml(self) -> str:
        """The subscriptions as an OPML 2.0 document."""
        from reader.core.ingest.feeds import lists

        return lists.export_opml(self._storage, now=self._clock())

    def import_saved(
        self,
        path: Path,
        tool: str,
        *,
        limits: FetchLimits | None = None,
        on_outcome: OutcomeHandler | None = None,
        progress: Progress | None = None,
    ) -> list[ImportOutcome]:
        """Import a Pocket or Instapaper export: fetch each saved page and store its article.

        Saved time, archive state, star, tags and Instapaper's selection (as the article note) are
        kept. Pages that cannot be fetched are reported in their outcome; the others are stored.

        Args:
            on_outcome: called with each outcome once it is final (stored), so a long import can
                be followed as it runs.
            progress: told about each link before it is fetched (one step per link).
        """
        from reader.core.ingest.saved import fetching

        links, problems = self._saved_links(path, tool)
        outcomes = [ImportOutcome(str(path), error=problem) for problem in problems]
        if on_outcome is not None:
            for outcome in outcomes:
                on_outcome(outcome)
        outcomes += fetching.import_links(
            self._storage,
            links,
            limits=limits,
            now=self._clock(),
            on_outcome=on_outcome,
            progress=progress or no_progress,
        )
        created = sum(1 for o in outcomes if o.result is not None and o.result.created)
        file_imported(self._storage, created)
        return outcomes

    def preview_saved(
        self, path: Path, tool: str
    ) -> tuple[list[tuple[SavedLink, int | None]], list[str]]:
        """What :meth:`import_saved` would do, without the network: each link with the id of the
        article already holding its URL (None: it would be fetched), and the entries left out."""
        from reader.core.ingest.saved import fetching

        links, problems = self._saved_links(path, tool)
        return fetching.preview_links(self._storage, links), problems

    def _saved_links(self, path: Path, tool: str) -> tuple[list[SavedLink], list[str]]:
        from reader.core.ingest import decode
        from reader.core.ingest.common import label_for
        from reader.core.ingest.saved import read_saved_links

        label = label_for(str(path))
        data = decode.read_file(path, label)
        decode.check_size(len(data), label)
        return read_saved_links(data, tool=tool, label=label)
