"""Readwise's highlights CSV → :class:`ForeignEntry` values, one per book or article.

The export has one row per highlight: ``Highlight, Book Title, Book Author, Amazon Book ID, Note,
Color, Tags, Location Type, Location, Highlighted at, Document tags``. It carries no text beyond the
highlights and, for most sources, no address: the rows of one title and author are one entry, which
is matched to an article already in the library by its address when a ``URL`` column exists, else
by its title. A book or article skim does not have becomes an entry of its own whose text is its
highlights, so nothing is lost (Kindle books have no page to fetch).
"""

from __future__ import annotations

import csv
import io

from reader.core.errors import IngestError
from reader.core.ingest.decode import decode_text
from reader.core.ingest.services.entries import ForeignEntry, ForeignExport, ForeignHighlight, when
from reader.core.text import clean_line

_COLUMNS = {"highlight", "book title", "book author", "note", "tags", "highlighted at"}
_URL_COLUMNS = ("url", "source url", "document url")


def read_readwise(data: bytes, *, label: str) -> ForeignExport:
    """Read Readwise's highlights CSV export.

    Raises:
        IngestError: the file is not that CSV (its columns are missing) or cannot be parsed.
    """
    reader = csv.DictReader(io.StringIO(decode_text(data, label)))
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if not header >= _COLUMNS:
        expected = ", ".join(sorted(_COLUMNS))
        raise IngestError(f"{label}: not Readwise's highlights CSV (expected columns {expected})")
    groups: dict[tuple[str, str], list[dict[str, str]]] = {}
    try:
        for row in reader:
            values = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
            key = (clean_line(values["book title"]), clean_line(values["book author"]))
            groups.setdefault(key, []).append(values)
    except csv.Error as error:
        raise IngestError(f"{label}: line {reader.line_num}: {clean_line(str(error))}") from None
    entries = []
    for (title, author), rows in groups.items():
        marks = tuple(
            ForeignHighlight(
                quote=row["highlight"].strip(),
                note=row["note"].strip(),
                tags=_split(row["tags"]),
            )
            for row in rows
            if row["highlight"].strip()
        )
        # The first address any row gives, under any of the column names (a row may leave it blank).
        addresses = (clean_line(row.get(name, "")) for row in rows for name in _URL_COLUMNS)
        url = next((address for address in addresses if address), "")
        dates = [d for row in rows if (d := when(row["highlighted at"])) is not None]
        entries.append(
            ForeignEntry(
                where=f"{label}: {title or 'untitled'}",
                url=url or None,
                title=title or None,
                body="\n\n".join(mark.quote for mark in marks),
                author=author or None,
                added=min(dates) if dates else None,
                tags=tuple(tag for row in rows for tag in _split(row.get("document tags", ""))),
                highlights=marks,
                match_title=True,
            )
        )
    return ForeignExport(tuple(entries))


def _split(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())
