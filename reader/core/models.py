"""Public value types of skim's core: articles, annotations, queries, progress and import outcomes.

Frozen dataclasses and enums shared by every layer. What analysing a text gives (labels, spans,
summaries) is in :mod:`reader.core.results`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol


class TriageState(enum.StrEnum):
    """Where an article sits in the reader's workflow."""

    INBOX = "inbox"
    LATER = "later"
    ARCHIVE = "archive"


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article as read from a file, stdin or the web, before it is stored."""

    title: str
    body: str
    source: str | None = None
    author: str | None = None
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    tags: tuple[str, ...] = ()
    origin: str | None = None  # where it came from: a path, "-" for stdin, or a URL
    #: When there is no published date: the day the event happened, inferred from the text
    #: (:func:`reader.core.ingest.eventdates.event_date`); None when the text does not say.
    event_date: date | None = None
    #: The publisher's own summary of its story (the bullets under "Highlights" on a pasted page).
    publisher_summary: tuple[str, ...] = ()
    #: The publisher's own label for the story's tone ("Provocative"), as the page showed it.
    publisher_tone: str | None = None


#: What every list puts before an undated article's date when it was inferred from its text (the
#: article header and ``skim show`` say "inferred from the text"); never the day it was imported.
INFERRED_MARK = "~"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What a list row needs to know about a stored article (no body text)."""

    id: int
    title: str
    source: str | None
    author: str | None
    url: str | None
    published: datetime | None
    added: datetime
    state: TriageState
    starred: bool
    tags: tuple[str, ...]
    notes: int  # number of annotations, plus one if the article note is not empty
    words: int
    read: bool = False  # opened (or marked read) by the reader
    progress: int = 0  # the furthest the reader scrolled, in percent of the text
    #: As on :class:`Article`: the day of the event when there is no published date (None when
    #: unknown), and whether it was inferred from the text. Never the day it was imported.
    event_date: date | None = None
    event_date_inferred: bool = False

    @property
    def day(self) -> datetime | date | None:
        """The date a list shows: published, else the event's day (None: undated).

        Never the day the article was added: lists that mean that show ``added``.
        """
        return self.published if self.published is not None else self.event_date

    @property
    def day_inferred(self) -> bool:
        """Whether :attr:`day` was inferred from the text (lists mark it with ``INFERRED_MARK``)."""
        return self.published is None and self.event_date is not None and self.event_date_inferred

    def day_text(self, date_format: str) -> str:
        """:attr:`day` in ``date_format``, after :data:`INFERRED_MARK` when inferred; "undated"."""
        if self.day is None:
            return "undated"
        return f"{INFERRED_MARK if self.day_inferred else ''}{self.day:{date_format}}"


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article with its full text and the reader's state."""

    id: int
    title: str
    body: str
    source: str | None
    author: str | None
    url: str | None
    published: datetime | None
    updated: datetime | None
    added: datetime
    content_hash: str
    words: int
    state: TriageState
    starred: bool
    tags: tuple[str, ...]
    reading_position: int  # character offset of the first visible text
    note: str  # the article note, "" when none
    origin: str | None = None
    #: The day of the event when it was inferred from the text (no published date): shown as
    #: "inferred"; None otherwise.
    event_date: date | None = None
    event_date_inferred: bool = False
    #: The publisher's own summary bullets and tone label, kept from a pasted page ((), None: none).
    publisher_summary: tuple[str, ...] = ()
    publisher_tone: str | None = None
    #: Whether the reader has opened (or marked read) the article, and how far they scrolled (%).
    read: bool = False
    progress: int = 0


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlighted passage, anchored by offsets and by its quote with context.

    The quote with ``prefix`` and ``suffix`` (W3C TextQuoteSelector) lets the highlight be placed again
    if the article text changes; ``orphaned`` is true when that failed, and the annotation is kept.
    """

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime
    orphaned: bool = False


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Library.articles.add`` did with a draft."""

    article: ArticleMeta
    created: bool  # False when the draft duplicated an article already stored
    reason: str = ""  # why it was not created ("same URL", "same text")


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One word or phrase of a full-text search."""

    text: str
    phrase: bool = False  # an exact phrase; otherwise a word, matched as a prefix ("econ*")


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """A filter over the library; every field narrows the result.

    ``text`` (words, each matched as a prefix), ``phrases``, ``any_of`` and ``excluded`` are the
    free-text part of a search (FTS5 over title, body and notes). An article must contain every
    word and phrase, at least one term of each ``any_of`` group, and none of the ``excluded``
    terms.
    """

    state: TriageState | None = None
    starred: bool | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    has_notes: bool | None = None
    read: bool | None = None
    text: str = ""
    phrases: tuple[str, ...] = field(default=())
    any_of: tuple[tuple[SearchTerm, ...], ...] = ()
    excluded: tuple[SearchTerm, ...] = ()

    @property
    def wants_words(self) -> bool:
        """Whether the search asks for words (results are then ranked by relevance).

        Excluded terms alone rank nothing: they only leave articles out.
        """
        return bool(self.text.strip() or self.phrases or self.any_of)


#: What a library asks for the current time (tests pass a fixed one).
Clock = Callable[[], datetime]


class Progress(Protocol):
    """How a long library call (an import of many files, a feed update, an export) reports progress.

    Called with ``done`` of ``total`` steps finished and a ``label`` naming the step in hand
    (empty once all are done): first with ``done == 0`` before any work, last with ``done ==
    total``. Plain numbers and text, so any client can draw it (a bar, a status line, a log).
    """

    def __call__(self, done: int, total: int, label: str) -> None:
        """Report that ``done`` of ``total`` steps are finished; ``label`` names the next one."""


#: What an import calls with each outcome as soon as it is final (``skim import-from`` prints them).
OutcomeHandler = Callable[["ImportOutcome"], None]


def no_progress(done: int, total: int, label: str) -> None:
    """A :class:`Progress` that reports nowhere (the default of the library calls that take one)."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What happened to one input of an import: a result, or the one-line reason it was refused.

    Attributes:
        skipped: inputs left out on purpose, not failures (bookmarks that are not web pages), in
            one line with their count; neither ``result`` nor ``error`` is then set.
    """

    origin: str
    result: AddResult | None = None
    error: str | None = None
    skipped: str | None = None


class Keep(enum.Enum):
    """The default of each ``Library.articles.edit_details`` argument: leave that detail alone."""

    KEEP = "keep"


KEEP = Keep.KEEP
