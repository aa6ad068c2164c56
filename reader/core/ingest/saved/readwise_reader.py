"""Readwise Reader's CSV export → :class:`SavedLink` values (the pages are fetched, as for Pocket).

The export has one row per document: ``Title, URL, ID, Document tags, Saved date, Reading progress,
Location, Seen``. ``Location`` is where the document sits in Reader: ``new``, ``later`` and
``shortlist`` are the inbox (the shortlist is also starred), ``archive`` is archived, and ``feed``
holds items of subscribed feeds the reader never saved: those are skipped with a count (subscribe
to the feed in skim instead). ``Document tags`` may be written as a list (``['a', 'b']``).
"""

from __future__ import annotations

import csv
import io
import re

from reader.core.errors import IngestError
from reader.core.ingest.common import clean_tags
from reader.core.ingest.dates import parse_date
from reader.core.ingest.decode import decode_text
from reader.core.ingest.saved.links import SavedLink
from reader.core.ingest.web import is_web_address
from reader.core.models import TriageState
from reader.core.text import clean_line

_COLUMNS = {"title", "url", "document tags", "saved date", "location"}
_TAG = re.compile(r"""['"]?\s*([^'",\[\]]+?)\s*['"]?\s*(?:,|$)""")


def read_readwise_reader(data: bytes, *, label: str) -> tuple[list[SavedLink], str | None]:
    """Parse the CSV; return the links (each URL once) and the line saying what was skipped.

    Raises:
        IngestError: the file is not Reader's CSV export, or cannot be parsed.
    """
    reader = csv.DictReader(io.StringIO(decode_text(data, label)))
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if not header >= _COLUMNS:
        expected = ", ".join(sorted(_COLUMNS))
        raise IngestError(
            f"{label}: not Readwise Reader's CSV export (expected columns {expected})"
        )
    links: list[SavedLink] = []
    seen: set[str] = set()
    feed = not_web = 0
    try:
        for row in reader:
            values = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
            url = values["url"].strip()
            location = values["location"].strip().casefold()
            if location == "feed":
                feed += 1
                continue
            if not is_web_address(url):
                not_web += 1
                continue
            if url in seen:
                continue
            seen.add(url)
            links.append(
                SavedLink(
                    url=url,
                    title=clean_line(values["title"]) or None,
                    added=parse_date(values["saved date"]),
                    tags=clean_tags(_TAG.findall(values["document tags"].strip().strip("[]"))),
                    state=TriageState.ARCHIVE if location == "archive" else TriageState.INBOX,
                    starred=location == "shortlist",
                    note="",
                    where=f"{label} line {reader.line_num}",
                )
            )
    except csv.Error as error:
        raise IngestError(f"{label}: line {reader.line_num}: {clean_line(str(error))}") from None
    parts = []
    if feed:
        parts.append(f"{feed} feed {'item' if feed == 1 else 'items'} never saved")
    if not_web:
        parts.append(f"{not_web} {'entry' if not_web == 1 else 'entries'} without a web address")
    notice = f"{label}: skipped {' and '.join(parts)}" if parts else None
    if not links and notice is None:
        raise IngestError(f"{label}: no documents found; is it Readwise Reader's CSV export?")
    return links, notice
