"""What the library list shows: a view, a sort order and a search, turned into a query.

Pure functions (no Textual): the screen builds a :class:`Listing` on the UI thread and its
worker turns it into rows with the facade.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reader.core import ArticleMeta, ArticleQuery, Library, SkimError, TriageState, UsageError

SORTS = ("added", "published", "title", "source")
#: Rows fetched at a time, by the list and for the first screenful.
PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class Page:
    """Rows read together, with the size of each one's story when it has other sources."""

    rows: list[ArticleMeta]
    story_sizes: dict[int, int] = field(default_factory=dict)  # article id -> sources (>= 2)


Fetch = Callable[[int, int], Page]
"""Return up to ``limit`` rows starting at ``offset`` (called from a worker thread)."""


class View(enum.StrEnum):
    """A saved filter of the library, shown as a tab."""

    INBOX = "inbox"
    LATER = "later"
    ARCHIVE = "archive"
    STARRED = "starred"
    ALL = "all"

    @property
    def label(self) -> str:
        """The tab's title."""
        return self.value.capitalize()


_VIEW_QUERIES = {
    View.INBOX: ArticleQuery(state=TriageState.INBOX),
    View.LATER: ArticleQuery(state=TriageState.LATER),
    View.ARCHIVE: ArticleQuery(state=TriageState.ARCHIVE),
    View.STARRED: ArticleQuery(starred=True),
    View.ALL: ArticleQuery(),
}


@dataclass(frozen=True, slots=True)
class Listing:
    """The list's parameters: which view, in which order, narrowed by which search."""

    view: View = View.INBOX
    sort: str = "added"
    descending: bool = True
    search: str = ""

    def query(self) -> ArticleQuery:
        """The view's filter narrowed by the search; ``is:`` in the search overrides the view.

        Raises:
            UsageError: the search has a bad filter.
        """
        base = _VIEW_QUERIES[self.view]
        if not self.search.strip():
            return base
        from reader.core import parse_query

        found = parse_query(self.search)
        return replace(
            found,
            state=found.state if found.state is not None else base.state,
            starred=found.starred if found.starred is not None else base.starred,
        )

    def next_sort(self) -> Listing:
        """The next sort order, with its natural direction (dates newest first, names A–Z)."""
        sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        return replace(self, sort=sort, descending=sort in ("added", "published"))

    def sort_label(self) -> str:
        """A short description of the order, for the status line."""
        if self.searching_text():
            return "by relevance"
        if self.sort in ("added", "published"):
            return f"{self.sort}, {'newest' if self.descending else 'oldest'} first"
        return f"{self.sort} {'Z–A' if self.descending else 'A–Z'}"

    def searching_text(self) -> bool:
        """Whether the search has words or phrases (storage then ranks by relevance)."""
        try:
            query = self.query()
        except UsageError:  # a bad search is reported by the screen
            return False
        return query.wants_words


def stays_in(query: ArticleQuery, meta: ArticleMeta) -> bool:
    """Whether ``meta`` (after a change of state or star) still belongs to the listing.

    Only the fields triage changes are checked; words and tags do not change with triage.
    """
    if query.state is not None and meta.state != query.state:
        return False
    if query.read is not None and meta.read != query.read:
        return False
    return query.starred is None or meta.starred == query.starred


def empty_message(listing: Listing, library_size: int, samples: int) -> str:
    """What an empty list says, always with what to do next (keys in backticks)."""
    if library_size == 0:
        offer = (
            f"Press `S` to import the {samples} bundled sample articles, or run `skim add PATH`."
            if samples
            else "Run `skim add PATH` to import articles."
        )
        return f"Your library is empty.\n\n{offer}"
    if listing.search.strip():
        return (
            f"No articles in {listing.view.label} match this search.\n\n"
            "Change the search, press `5` to search all articles, or `escape` to clear it."
        )
    return {
        View.INBOX: "Inbox zero: nothing waits for you.\n\nPress `5` to see all articles, "
        "or run `skim add PATH` to import more.",
        View.LATER: "Nothing saved for later.\n\nPress `l` on an article to keep it for later.",
        View.ARCHIVE: "Nothing archived yet.\n\nPress `a` on an article to archive it.",
        View.STARRED: "No starred articles.\n\nPress `s` on an article to star it.",
        View.ALL: "No articles.\n\nRun `skim add PATH` to import some.",
    }[listing.view]


@dataclass(frozen=True, slots=True)
class Loaded:
    """One listing as read from the library: rows near the cursor and what is known of the total.

    ``total`` is exact when ``counted``; otherwise it is the rows known so far (the page was full)
    and the screen counts the rest in a worker, since counting a broad search costs more than
    reading its first page.
    """

    listing: Listing
    counts: dict[str, int]  # views' sizes: only read when the list is empty (to say why)
    total: int
    offset: int
    rows: list[ArticleMeta]
    samples: int  # bundled sample articles on offer (only counted when the library is empty)
    story_sizes: dict[int, int] = field(default_factory=dict)  # see Page
    counted: bool = True


def load(library: Library, listing: Listing, cursor: int, height: int) -> Loaded:
    """Read what the list needs to show ``listing`` with the cursor at ``cursor`` (in a worker).

    Raises:
        UsageError: the search has a bad filter.
        SkimError: the library could not be read.
    """
    query = listing.query()
    fetch = fetcher(library, listing)
    limit = PAGE_SIZE + height
    offset = max(0, cursor - PAGE_SIZE // 2)
    page = fetch(offset, limit)
    rows = page.rows
    counted = len(rows) < limit  # a short page ends the result (searches often are that short)
    total = offset + len(rows)
    if offset and not rows:  # the cursor was past the end: count, and show the end
        total = library.articles.count(query)
        offset = max(0, total - limit)
        page = fetch(offset, limit)
        rows = page.rows
        counted = True
    counts, samples = {}, 0
    if total == 0:  # an empty list says why: an empty library or an empty view
        counts = library.articles.view_counts()
        samples = 0 if counts.get("all") else count_samples()
    return Loaded(listing, counts, total, offset, rows, samples, page.story_sizes, counted)


def fetcher(library: Library, listing: Listing) -> Fetch:
    """A function that reads rows of ``listing`` by offset, for the list's page cache.

    Each page comes with its rows' story sizes, read in the same worker (one query per page).

    Raises:
        UsageError: the search has a bad filter.
    """
    query = listing.query()

    def fetch(offset: int, limit: int) -> Page:
        rows = library.articles.find(
            query, sort=listing.sort, descending=listing.descending, limit=limit, offset=offset
        )
        sizes = library.stories.sizes([meta.id for meta in rows]) if rows else {}
        return Page(rows, {article_id: n for article_id, n in sizes.items() if n > 1})

    return fetch


def id_fetcher(library: Library, listing: Listing) -> Callable[[int, int], list[int]]:
    """A function that reads the ids of ``listing``'s rows by offset (next/previous article).

    Raises:
        UsageError: the search has a bad filter.
    """
    query = listing.query()

    def fetch(offset: int, limit: int) -> list[int]:
        rows = library.articles.find(
            query, sort=listing.sort, descending=listing.descending, limit=limit, offset=offset
        )
        return [meta.id for meta in rows]

    return fetch


def all_ids(library: Library, listing: Listing) -> list[int]:
    """Every article of ``listing`` in its order, not only the rows loaded (for export).

    Raises:
        UsageError: the search has a bad filter.
    """
    query = listing.query()
    rows = library.articles.find(query, sort=listing.sort, descending=listing.descending)
    return [meta.id for meta in rows]


def count_samples() -> int:
    """How many sample articles are bundled (the empty library offers them)."""
    from reader.core import bundled_dir, iter_directory

    try:
        return len(list(iter_directory(bundled_dir("sample_articles"))))
    except SkimError:
        return 0
