"""Records that storage keeps and another room computes: feeds, export records, story fingerprints.

They live here, below storage and the rooms that make them, so that storage imports no room above it
(the feeds, export and stories code import storage, never the other way round).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from reader.core.models import AddResult, ImportOutcome


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription.

    Attributes:
        id: the subscription's number (``skim feed remove ID``).
        url: the feed's address, or the absolute path of a local feed file.
        title: the feed's own title (or the address, until it names itself).
        site_url: the web site the feed belongs to, if it says.
        added: when the subscription was made.
        last_checked: when it was last fetched successfully (None before the first update).
        full_text: whether teaser entries are completed by fetching the linked page.
        articles: how many articles came from it.
    """

    id: int
    url: str
    title: str
    site_url: str | None
    added: datetime
    last_checked: datetime | None
    full_text: bool
    articles: int = 0


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """What subscribing to or updating one feed did.

    Attributes:
        feed: the subscription (after the update); for a failed ``subscribe``, a placeholder with
            id 0 naming the source.
        added: the entries stored (``created`` False for those that were already in the library).
        warnings: one-line notes that did not stop the update (a malformed feed that could still be
            read, an entry without text, a full text that could not be fetched).
        error: why the feed could not be read at all; then nothing was changed.
        not_modified: the server said nothing changed since the last update.
    """

    feed: Feed
    added: tuple[AddResult, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    not_modified: bool = False

    @property
    def new_articles(self) -> int:
        """How many entries became new articles."""
        return sum(1 for result in self.added if result.created)


@dataclass(frozen=True, slots=True)
class ServiceImport:
    """What importing another service's export did (``skim import-from omnivore|wallabag``).

    Attributes:
        outcomes: one per entry (stored, already there, or refused), plus one ``skipped`` line per
            entry left out on purpose (deleted in the service).
        highlights: highlights placed in the text and stored.
        highlights_in_note: highlights whose passage is not in skim's text, kept in the article
            note instead.
    """

    outcomes: tuple[ImportOutcome, ...]
    highlights: int = 0
    highlights_in_note: int = 0


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """What skim last wrote to one file.

    Attributes:
        path: the file's absolute path.
        directory: the absolute path of its folder (an article keeps its file name in a folder).
        article_id: the article in the file; None for a file holding several articles.
        sha256: hex SHA-256 of the bytes written (or of the user's edits, once imported).
        exported: the time written into the file as ``exported``.
        template: the template, as :func:`reader.core.export.render.load_template` finds it again.
    """

    path: str
    directory: str
    article_id: int | None
    sha256: str
    exported: datetime
    template: str


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What grouping compares of one article.

    Attributes:
        terms: content-word stem → count (title words counted twice).
        names: name tokens, casefolded, possessives dropped, each prefixed with ``@``.
        numbers: canonical numbers (``#45000``, ``#2:15``) of at least :data:`reader.core.stories.fingerprint.MIN_NUMBER`.
        day: the article's day (``date.toordinal()`` of when it was published, else added).
    """

    terms: Mapping[str, int]
    names: frozenset[str]
    numbers: frozenset[str]
    day: int

    def all_terms(self) -> set[str]:
        """Every distinct term of the three kinds (what document frequencies count)."""
        return {*self.terms, *self.names, *self.numbers}

    def to_json(self) -> str:
        """Compact JSON for storage."""
        return json.dumps(
            {"t": dict(self.terms), "n": sorted(self.names), "d": sorted(self.numbers)},
            separators=(",", ":"),
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, day: int) -> Fingerprint:
        """Inverse of :meth:`to_json`."""
        data = json.loads(text)
        return cls(
            terms={str(k): int(v) for k, v in data["t"].items()},
            names=frozenset(data["n"]),
            numbers=frozenset(data["d"]),
            day=day,
        )


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An already grouped article as the index keeps it."""

    article_id: int
    story_id: int
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class ManualLinks:
    """The links the reader made for one article.

    Attributes:
        same: articles it was linked with (filed in one story).
        apart: articles it was taken apart from (never in one story with it).
    """

    same: frozenset[int] = frozenset()
    apart: frozenset[int] = frozenset()
