"""Browser bookmarks in the Netscape bookmark file format (``bookmarks.html``) → :class:`SavedLink`.

Every browser exports and imports this format: ``<DT><H3>Folder</H3><DL><p> … </DL><p>`` nests
folders, and ``<DT><A HREF=… ADD_DATE=… TAGS=…>Title</A>`` is one bookmark (``ADD_DATE`` in Unix
seconds; ``TAGS`` from Firefox, comma-separated). The folders a bookmark sits in become its tags,
except the browser's own roots (toolbar, menu, "Other bookmarks"), which say nothing about a topic.

Entries that are not web pages (``place:`` queries, ``javascript:`` bookmarklets, ``file:``) are
counted and skipped: they are not articles and were never meant to be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser

from reader.core.errors import IngestError
from reader.core.ingest.common import clean_tags
from reader.core.ingest.saved.links import SavedLink
from reader.core.ingest.web import is_web_address
from reader.core.models import TriageState
from reader.core.text import clean_line

_ROOT_FOLDER_FLAGS = ("personal_toolbar_folder", "unfiled_bookmarks_folder")
_ROOT_FOLDER_NAMES = frozenset(
    {
        "bookmarks bar",
        "bookmarks toolbar",
        "bookmarks menu",
        "other bookmarks",
        "mobile bookmarks",
        "favorites bar",
        "favourites bar",
    }
)


@dataclass(frozen=True, slots=True)
class Bookmarks:
    """The bookmarks of a file, and what was left out.

    Attributes:
        links: the web bookmarks, each URL once (the first time it is listed).
        skipped: how many entries were left out for not being web addresses.
        schemes: the schemes of those entries ("place", "javascript"), for the message.
    """

    links: tuple[SavedLink, ...]
    skipped: int
    schemes: tuple[str, ...]

    def notice(self, label: str) -> str | None:
        """The one line that says what was skipped, or None when nothing was."""
        if not self.skipped:
            return None
        kinds = ", ".join(f"{scheme}:" for scheme in self.schemes) or "no address"
        plural = "entry is" if self.skipped == 1 else "entries are"
        return f"{label}: skipped {self.skipped} {plural} not a web page ({kinds})"


def is_bookmark_file(text: str) -> bool:
    """Whether ``text`` declares itself a Netscape bookmark file (what browsers write)."""
    return "netscape-bookmark-file" in text[:1024].casefold()


def read_bookmarks(text: str, *, label: str) -> Bookmarks:
    """Parse a bookmark file's text.

    Raises:
        IngestError: the file holds no bookmarks at all.
    """
    parser = _BookmarkParser()
    parser.feed(text)
    parser.close()
    if not parser.entries:
        raise IngestError(f"{label}: no bookmarks found; is it a browser's bookmarks.html?")
    links: list[SavedLink] = []
    seen: set[str] = set()
    skipped = 0
    schemes: list[str] = []
    for number, entry in enumerate(parser.entries, start=1):
        if not is_web_address(entry.url):
            skipped += 1
            scheme = entry.url.partition(":")[0].casefold() if ":" in entry.url else ""
            if scheme and scheme.isascii() and scheme.isalnum() and scheme not in schemes:
                schemes.append(scheme)
            continue
        if entry.url in seen:
            continue
        seen.add(entry.url)
        links.append(
            SavedLink(
                url=entry.url,
                title=clean_line(entry.title) or None,
                added=_timestamp(entry.add_date),
                tags=clean_tags([*entry.tags, *entry.folders]),
                state=TriageState.INBOX,
                starred=False,
                note="",
                where=f"{label} bookmark {number}",
            )
        )
    return Bookmarks(tuple(links), skipped, tuple(schemes))


@dataclass(slots=True)
class _Entry:
    url: str
    add_date: str
    tags: list[str]
    folders: list[str]
    title: str = ""


@dataclass(slots=True)
class _Folder:
    name: str | None  # None: a browser root, which is not a tag
    flags: dict[str, str] = field(default_factory=dict)


class _BookmarkParser(HTMLParser):
    """Walks the file as a stream: a ``<DL>`` opens the folder named by the ``<H3>`` before it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[_Entry] = []
        self._open: list[str | None] = []
        self._heading: _Folder | None = None
        self._pending: str | None = None
        self._in_heading = False
        self._entry: _Entry | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "h3":
            self._heading = _Folder(name="", flags=values)
            self._in_heading = True
        elif tag == "dl":
            self._open.append(self._pending)
            self._pending = None
        elif tag == "a":
            self._entry = _Entry(
                url=values.get("href", "").strip(),
                add_date=values.get("add_date", ""),
                tags=[part for part in values.get("tags", "").split(",") if part.strip()],
                folders=[name for name in self._open if name],
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3" and self._heading is not None:
            name = clean_line(self._heading.name or "")
            root = any(flag in self._heading.flags for flag in _ROOT_FOLDER_FLAGS)
            self._pending = None if root or name.casefold() in _ROOT_FOLDER_NAMES else name
            self._heading, self._in_heading = None, False
        elif tag == "dl" and self._open:
            self._open.pop()
        elif tag == "a" and self._entry is not None:
            self.entries.append(self._entry)
            self._entry = None

    def handle_data(self, data: str) -> None:
        if self._in_heading and self._heading is not None:
            self._heading.name = (self._heading.name or "") + data
        elif self._entry is not None:
            self._entry.title += data


def _timestamp(raw: str) -> datetime | None:
    raw = raw.strip()
    if not raw.isdigit():
        return None
    seconds = int(raw)
    if seconds > 10**11:  # some exporters write microseconds (Chrome's own clock) or milliseconds
        seconds //= 1000 if seconds < 10**14 else 1_000_000
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, ValueError, OSError):
        return None
