"""Omnivore's export zip → :class:`ForeignEntry` values (no network: the text is in the zip).

The zip Omnivore wrote holds, per batch of items, ``metadata_<from>_to_<to>.json``: a list of
``{id, slug, title, description, author, url, state, readingProgress, thumbnail, labels, savedAt,
updatedAt, publishedAt}``; per item ``content/<slug>.html`` (the readable text) and, when it has
highlights, ``highlights/<slug>.md``. That file has one block per highlight, separated by blank
lines: ``> quote`` (blank lines inside the quote written as ``> ``), then optionally a line of
``#label`` words and the reader's note. A note with no quote (a note on the whole article) is a
block of its own before any highlight.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path, PurePosixPath

from reader.core.errors import IngestError
from reader.core.ingest.decode import MAX_BYTES
from reader.core.ingest.services.entries import (
    ForeignEntry,
    ForeignExport,
    ForeignHighlight,
    html_text,
    line,
    names,
    when,
)
from reader.core.models import TriageState

_METADATA = re.compile(r"(?:^|/)metadata_\d+_to_\d+\.json$")
_SLUG = re.compile(r"^[^/\\\x00]+$")
_LABELS = re.compile(r"^#\S+(?:\s+#\S+)*$")


def read_omnivore(path: Path, *, label: str) -> ForeignExport:
    """Read Omnivore's export zip at ``path``.

    Raises:
        IngestError: the file is missing, not a zip, or holds no Omnivore metadata.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise IngestError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{label}: is a directory, not a zip file") from None
    except (zipfile.BadZipFile, OSError):
        raise IngestError(f"{label}: not a zip file; is it Omnivore's export?") from None
    with archive:
        members = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        metadata = sorted(name for name in members if _METADATA.search(name))
        if not metadata:
            raise IngestError(f"{label}: no metadata_*.json inside; is it Omnivore's export?")
        entries: list[ForeignEntry] = []
        skipped: list[str] = []
        for name in metadata:
            folder = posixpath.dirname(name)
            try:
                items = json.loads(_read(archive, members[name], label))
            except ValueError:
                raise IngestError(f"{label}: {name} is not JSON") from None
            if not isinstance(items, list):
                raise IngestError(f"{label}: {name} is not a list of items")
            for number, item in enumerate(items, start=1):
                where = f"{label} {PurePosixPath(name).name} item {number}"
                if not isinstance(item, dict):
                    skipped.append(f"{where}: not an item")
                    continue
                if str(item.get("state", "")).casefold() == "deleted":
                    skipped.append(f"{where}: deleted in Omnivore")
                    continue
                entries.append(_entry(archive, members, folder, item, where, label))
    return ForeignExport(tuple(entries), tuple(skipped))


def _entry(
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    folder: str,
    item: dict[str, object],
    where: str,
    label: str,
) -> ForeignEntry:
    slug = item.get("slug")
    html = highlights = ""
    if isinstance(slug, str) and _SLUG.match(slug):
        html = _member(archive, members, posixpath.join(folder, "content", f"{slug}.html"), label)
        md = posixpath.join(folder, "highlights", f"{slug}.md")
        highlights = _member(archive, members, md, label)
    note, marks = parse_highlights(highlights)
    state = str(item.get("state", "")).casefold()
    return ForeignEntry(
        where=where,
        url=line(item.get("url")),
        title=line(item.get("title")),
        body=html_text(html) if html.strip() else "",
        author=line(item.get("author")),
        published=when(item.get("publishedAt")),
        added=when(item.get("savedAt")),
        tags=names(item.get("labels")),
        state=TriageState.ARCHIVE if state == "archived" else TriageState.INBOX,
        note=note,
        highlights=marks,
    )


def parse_highlights(markdown: str) -> tuple[str, tuple[ForeignHighlight, ...]]:
    """The article note and the highlights of an Omnivore ``highlights/<slug>.md`` file."""
    article_notes: list[str] = []
    marks: list[tuple[list[str], list[str], list[str]]] = []  # quote lines, tags, note blocks
    for block in re.split(r"\n[ \t]*\n", markdown.replace("\r\n", "\n")):
        text = block.strip("\n")
        if not text.strip():
            continue
        if text.startswith(">"):
            quote = [
                row[1:].removeprefix(" ") if row.startswith(">") else row
                for row in text.split("\n")
            ]
            marks.append((quote, [], []))
        elif marks and not marks[-1][2] and _LABELS.match(text.strip()):
            marks[-1][1].extend(word[1:] for word in text.split())
        elif marks:
            marks[-1][2].append(text.strip())
        else:
            article_notes.append(text.strip())
    highlights = tuple(
        ForeignHighlight(
            quote="\n".join(row.rstrip() for row in quote).strip(),
            note="\n\n".join(note),
            tags=tuple(tags),
        )
        for quote, tags, note in marks
        if "".join(quote).strip()
    )
    return "\n\n".join(article_notes), highlights


def _member(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str, label: str
) -> str:
    info = members.get(name)
    return "" if info is None else _read(archive, info, label)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> str:
    # The size in the directory can lie; reading stops one byte past the cap either way.
    if info.file_size > MAX_BYTES:
        raise IngestError(f"{label}: {info.filename} is larger than skim reads")
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise IngestError(f"{label}: {info.filename} cannot be read ({error})") from None
    if len(data) > MAX_BYTES:
        raise IngestError(f"{label}: {info.filename} is larger than skim reads")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(f"{label}: {info.filename} is not UTF-8 text") from None
