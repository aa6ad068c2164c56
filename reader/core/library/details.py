"""Correcting an article's details: title, published date, source, author and URL.

An import guesses what a file does not say — a ``.txt`` without a title line is named after the
file, a pasted article gets no date and is filed under the day it was added — and the reader
corrects it here. The same cleaning as at import applies, so a correction is never less safe than
what an import would have stored. :meth:`Articles.edit_details
<reader.core.library.articles.Articles.edit_details>` stores what :func:`changes` returns.
"""

from __future__ import annotations

from datetime import datetime

from reader.core.errors import InvalidArgument
from reader.core.text import clean_line
from reader.core.types import Keep

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


def changes(
    *,
    title: str | Keep,
    published: datetime | Keep | None,
    source: str | Keep | None,
    author: str | Keep | None,
    url: str | Keep | None,
) -> dict[str, str | datetime | None]:
    """The details to store, cleaned as an import cleans them; :data:`KEEP` leaves one alone.

    Raises:
        InvalidArgument: an empty title.
    """
    found: dict[str, str | datetime | None] = {}
    if not isinstance(title, Keep):
        found["title"] = clean_line(title)
        if not found["title"]:
            raise InvalidArgument("a title cannot be empty")
    if not isinstance(published, Keep):
        found["published"] = published
    for field, value in (("source", source), ("author", author), ("url", url)):
        if not isinstance(value, Keep):
            found[field] = _line(value)
    return found
