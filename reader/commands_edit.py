"""``skim edit ID``: correct an article's details and print what changed."""

from __future__ import annotations

import argparse
from datetime import datetime

from reader.core.errors import InvalidArgument
from reader.core.library import KEEP, Library, parse_published
from reader.terminal import safe

#: The options of ``skim edit``, in the order changes are printed.
FIELDS = ("title", "published", "source", "author", "url")


def edit(library: Library, args: argparse.Namespace) -> int:
    """``skim edit ID [--title T] [--published DATE] [--source S] [--author A] [--url U]``."""
    given = {field: getattr(args, field) for field in FIELDS if getattr(args, field) is not None}
    if not given:
        raise InvalidArgument(
            "say what to change: --title, --published, --source, --author or --url"
        )
    # The date is read before anything is written: a typo must not leave half an edit behind.
    published = parse_published(given["published"]) if "published" in given else KEEP
    before = library.meta(args.id)
    after = library.edit_details(
        args.id,
        title=given.get("title", KEEP),
        published=published,
        source=given.get("source", KEEP),
        author=given.get("author", KEEP),
        url=given.get("url", KEEP),
    )
    lines = [
        f"{after.id}\t{field}\t{_shown(getattr(before, field))} → {_shown(getattr(after, field))}"
        for field in FIELDS
        if getattr(before, field) != getattr(after, field)
    ]
    print("\n".join(lines) if lines else f"{after.id}\tunchanged\t{safe(after.title)}")
    return 0


def _shown(value: str | datetime | None) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return safe(value)
