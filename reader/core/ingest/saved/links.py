"""Read the saved-links exports of Pocket and Instapaper into :class:`SavedLink` values.

Formats understood:

- Pocket's HTML export (``ril_export.html``): ``<h1>Unread</h1><ul><li><a href time_added tags>``
  and ``<h1>Read Archive</h1>``; Instapaper's HTML export has the same shape ("Unread", "Archive",
  "Starred", and one heading per folder).
- Pocket's CSV export: ``title,url,time_added,tags,status`` (tags joined with "|", status
  "unread" or "archive").
- Instapaper's CSV export: ``URL,Title,Selection,Folder,Timestamp`` and, in newer files, ``Tags``.

These files hold links and titles, not article text; :mod:`reader.core.ingest.saved.fetching` reads
each page.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.core.errors import IngestError
from reader.core.ingest import decode
from reader.core.ingest.common import clean_tags
from reader.core.ingest.htmltree import parse_html
from reader.core.ingest.web import is_web_address
from reader.core.models import TriageState
from reader.core.text import clean_line

TOOLS = ("pocket", "instapaper")
_POCKET_COLUMNS = {"title", "url", "time_added", "tags", "status"}
_INSTAPAPER_COLUMNS = {"url", "title", "selection", "folder", "timestamp"}
# Folders that are a state, not a topic; any other folder becomes a tag.
_UNREAD_FOLDERS = {"unread", "my list", "home", ""}


@dataclass(frozen=True, slots=True)
class SavedLink:
    """One saved link and what the other tool knew about it.

    Attributes:
        where: the file and line (or entry number), for messages.
        note: the passage selected when saving (Instapaper's "Selection"), or "".
    """

    url: str
    title: str | None
    added: datetime | None
    tags: tuple[str, ...]
    state: TriageState
    starred: bool
    note: str
    where: str


def read_saved_links(data: bytes, *, tool: str, label: str) -> tuple[list[SavedLink], list[str]]:
    """Parse an export file of ``tool`` ("pocket" or "instapaper").

    Returns:
        The links, each URL once (the first time it is listed), and one problem line per entry that
        was left out (not a web address).

    Raises:
        IngestError: the file is not that tool's export, or lists no links.
    """
    if tool not in TOOLS:
        raise IngestError(f"unknown tool {tool!r}; use one of {', '.join(TOOLS)}")
    text = decode.decode_text(data, label)
    if text.lstrip().startswith("<"):
        links = _from_html(text, label)
    elif tool == "pocket":
        links = _from_pocket_csv(text, label)
    else:
        links = _from_instapaper_csv(text, label)
    kept: list[SavedLink] = []
    problems: list[str] = []
    seen: set[str] = set()
    for link in links:
        if not is_web_address(link.url):
            problems.append(
                f"{link.where}: {clean_line(link.url)[:80] or 'no URL'} is not a web address"
            )
        elif link.url not in seen:
            seen.add(link.url)
            kept.append(link)
    if not kept and not problems:
        raise IngestError(f"{label}: no saved links found; is it {tool.capitalize()}'s export?")
    return kept, problems


def _from_html(text: str, label: str) -> list[SavedLink]:
    links: list[SavedLink] = []
    section = ""
    for element in parse_html(text).iter():
        if element.tag in {"h1", "h2"}:
            section = element.text()
        elif element.tag == "a" and element.attrs.get("href"):
            folder = section.casefold()
            archived = "archive" in folder
            starred = "starred" in folder or "favorite" in folder
            folder_tag = () if archived or starred or folder in _UNREAD_FOLDERS else (section,)
            links.append(
                SavedLink(
                    url=element.attrs["href"].strip(),
                    title=clean_line(element.text()) or None,
                    added=_timestamp(element.attrs.get("time_added", "")),
                    tags=clean_tags([*_split_tags(element.attrs.get("tags", "")), *folder_tag]),
                    state=TriageState.ARCHIVE if archived else TriageState.INBOX,
                    starred=starred,
                    note="",
                    where=f"{label} link {len(links) + 1}",
                )
            )
    return links


def _rows(text: str, label: str, columns: set[str], tool: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if not columns <= header:
        expected = ", ".join(sorted(columns))
        raise IngestError(f"{label}: not {tool}'s CSV export (expected columns {expected})")
    try:
        return [
            (reader.line_num, {(k or "").strip().lower(): (v or "") for k, v in row.items() if k})
            for row in reader
        ]
    except csv.Error as error:
        raise IngestError(f"{label}: line {reader.line_num}: {clean_line(str(error))}") from None


def _from_pocket_csv(text: str, label: str) -> list[SavedLink]:
    return [
        SavedLink(
            url=row["url"].strip(),
            title=clean_line(row["title"]) or None,
            added=_timestamp(row["time_added"]),
            tags=clean_tags(_split_tags(row["tags"])),
            state=TriageState.ARCHIVE if "archive" in row["status"].lower() else TriageState.INBOX,
            starred=False,
            note="",
            where=f"{label} line {line}",
        )
        for line, row in _rows(text, label, _POCKET_COLUMNS, "Pocket")
    ]


def _from_instapaper_csv(text: str, label: str) -> list[SavedLink]:
    links: list[SavedLink] = []
    for line, row in _rows(text, label, _INSTAPAPER_COLUMNS, "Instapaper"):
        folder = clean_line(row["folder"])
        key = folder.casefold()
        archived, starred = key == "archive", key == "starred"
        folder_tag = () if archived or starred or key in _UNREAD_FOLDERS else (folder,)
        links.append(
            SavedLink(
                url=row["url"].strip(),
                title=clean_line(row["title"]) or None,
                added=_timestamp(row["timestamp"]),
                tags=clean_tags([*_split_tags(row.get("tags", "")), *folder_tag]),
                state=TriageState.ARCHIVE if archived else TriageState.INBOX,
                starred=starred,
                note=row["selection"].strip(),
                where=f"{label} line {line}",
            )
        )
    return links


def _split_tags(raw: str) -> list[str]:
    raw = raw.strip()
    if raw.startswith("["):  # Instapaper writes a JSON list
        try:
            values = json.loads(raw)
        except ValueError:
            values = None
        if isinstance(values, list):
            return [str(v) for v in values if isinstance(v, str | int)]
    separator = "|" if "|" in raw else ","
    return [part for part in raw.split(separator) if part.strip()]


def _timestamp(raw: str) -> datetime | None:
    raw = raw.strip()
    if not raw.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(raw), UTC)
    except (OverflowError, ValueError, OSError):
        return None
