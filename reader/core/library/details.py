"""Correcting an article's details: title, published date, source, author and URL.

An import guesses what a file does not say — a ``.txt`` without a title line is named after the
file, a pasted article gets no date and is filed under the day it was added — and the reader
corrects it here. The same cleaning as at import applies, so a correction is never less safe than
what an import would have stored.
"""

from __future__ import annotations

from datetime import datetime

from reader.core.errors import InvalidArgument
from reader.core.library._base import LibraryBase
from reader.core.models import ArticleMeta
from reader.core.text import clean_line
from reader.core.types import KEEP, Keep

DATE_EXAMPLES = "2024-03-05, 2024-03-05 14:30, 5 March 2024 or Mar 5, 2024 2:30 PM EST"


def parse_published(text: str) -> datetime | None:
    """Read a published date typed by the reader, in any form an import understands.

    A time without a zone is taken as UTC; a date alone is midnight UTC.

    Returns:
        The date, or None for empty text (which clears the date).

    Raises:
        InvalidArgument: the text is not a date (the message gives examples).
    """
    from reader.core.ingest.dates import parse_date

    if not text.strip():
        return None
    found = parse_date(text)
    if found is None:
        raise InvalidArgument(f"not a date: {clean_line(text)!r}; write it like {DATE_EXAMPLES}")
    return found


def _line(value: str | None) -> str | None:
    """A source, author or URL as stored: one clean line, None when blank."""
    return (clean_line(value) or None) if value is not None else None


class DetailsMixin(LibraryBase):
    """:meth:`edit_details`, for titles and dates an import could not know."""

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

        changes: dict[str, str | datetime | None] = {}
        if not isinstance(title, Keep):
            changes["title"] = clean_line(title)
            if not changes["title"]:
                raise InvalidArgument("a title cannot be empty")
        if not isinstance(published, Keep):
            changes["published"] = published
        for field, value in (("source", source), ("author", author), ("url", url)):
            if not isinstance(value, Keep):
                changes[field] = _line(value)
        return self._storage.edit_details(article_id, changes, refile=groups.refile)
