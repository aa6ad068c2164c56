"""Subscription lists in and out: importing an OPML file, exporting one (written atomically)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.errors import IngestError
from reader.core.ingest import decode
from reader.core.ingest.common import label_for
from reader.core.ingest.feeds.opml import parse_opml, render_opml
from reader.core.ingest.web import is_web_address
from reader.core.records import Feed
from reader.core.storage import Storage

MAX_OPML_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class OpmlImport:
    """What importing an OPML file did.

    Attributes:
        added: the new subscriptions (not fetched yet: ``skim feed update`` fetches them).
        existing: feeds of the file that were already subscribed.
        skipped: one line per outline that was not imported, with the reason.
    """

    added: tuple[Feed, ...]
    existing: tuple[Feed, ...]
    skipped: tuple[str, ...]


def import_opml(storage: Storage, path: Path, *, now: datetime) -> OpmlImport:
    """Subscribe to every feed listed in the OPML file at ``path``, without fetching them.

    Only ``http(s)`` feeds are taken: a list from elsewhere must not make skim read local files.

    Raises:
        IngestError: the file cannot be read or is not OPML (nothing is stored).
    """
    label = label_for(str(path))
    data = decode.read_file(path, label, limit=MAX_OPML_BYTES, kind="feed list")
    if len(data) > MAX_OPML_BYTES:
        raise IngestError(
            f"{label}: larger than {MAX_OPML_BYTES // 1024 // 1024} MB, not a feed list"
        )
    outlines = parse_opml(data, label=label)
    wanted = [o for o in outlines if is_web_address(o.url)]
    skipped = tuple(
        f"{label}: skipped {o.url}: not an http(s) address" for o in outlines if o not in wanted
    )
    results = storage.feeds.add_subscriptions(
        [(o.url, o.title or o.url, o.site_url) for o in wanted], now=now
    )
    feeds = {feed.id: feed for feed in storage.feeds.list_feeds()}
    return OpmlImport(
        added=tuple(feeds[feed_id] for feed_id, created in results if created),
        existing=tuple(feeds[feed_id] for feed_id, created in results if not created),
        skipped=skipped,
    )


def export_opml(storage: Storage, *, now: datetime) -> str:
    """The subscriptions as an OPML 2.0 document."""
    return render_opml(storage.feeds.list_feeds(), created=now)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new one, never half.

    Raises:
        IngestError: the folder does not exist or cannot be written.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise IngestError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise IngestError(f"cannot write {path}: {error.strerror or error}") from None
