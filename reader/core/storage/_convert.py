"""Conversions between stored values (text, integers) and the public models.

Times are stored as fixed-width ISO 8601 UTC text, so comparing the text compares the times.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

from reader.core.models import Annotation, Article, ArticleMeta, TriageState

#: Triage states by stored value: a dict lookup is ~20x faster than calling the enum, per row.
_STATES = {state.value: state for state in TriageState}

# Tags travel from SQL as one group_concat'ed string; normalised tags never contain this character.
TAG_SEPARATOR = "\x1f"

#: Columns of ``articles a`` that make an :class:`ArticleMeta`, in the order meta_from_row reads them
#: (first in the SELECT: it reads them by position).
META_COLUMNS = f"""
    a.id, a.title, a.source, a.author, a.url, a.published, a.added, a.state, a.starred, a.words,
    a.is_read, a.progress, a.event_date, a.event_date_inferred,
    (SELECT group_concat(tag, '{TAG_SEPARATOR}') FROM tags WHERE article_id = a.id) AS tag_list,
    (SELECT count(*) FROM annotations WHERE article_id = a.id AND deleted_at IS NULL)
        + (a.note != '') AS note_count
"""

#: Columns of ``annotations n`` that make an :class:`Annotation`.
ANNOTATION_COLUMNS = f"""
    n.id, n.article_id, n.start_offset, n.end_offset, n.quote, n.prefix, n.suffix, n.note,
    n.created, n.updated, n.orphaned,
    (SELECT group_concat(tag, '{TAG_SEPARATOR}') FROM annotation_tags WHERE annotation_id = n.id)
        AS tag_list
"""


def to_text(moment: datetime) -> str:
    """Store ``moment`` as ISO 8601 UTC text; a naive datetime is taken to be in UTC already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def optional_text(moment: datetime | None) -> str | None:
    """:func:`to_text`, passing None through."""
    return None if moment is None else to_text(moment)


def from_text(text: str) -> datetime:
    """Read a stored time back as a timezone-aware UTC datetime."""
    moment = datetime.fromisoformat(text)
    # Stored times end in "Z", which reads back as UTC already: a list of 10,000 rows converts
    # 20,000 times, and astimezone would copy each one for nothing.
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


def optional_datetime(text: str | None) -> datetime | None:
    """:func:`from_text`, passing None through."""
    return None if text is None else from_text(text)


def split_tags(joined: str | None) -> tuple[str, ...]:
    """The sorted tags of a ``tag_list`` column."""
    return tuple(sorted(joined.split(TAG_SEPARATOR))) if joined else ()


def meta_from_row(row: sqlite3.Row) -> ArticleMeta:
    """Build an :class:`ArticleMeta` from a row that starts with :data:`META_COLUMNS`."""
    # By position, not by name: a lookup by column name costs more than the rest of the row
    # (``skim list`` reads 10,000 of them).
    (
        article_id, title, source, author, url, published, added, state, starred, words,
        is_read, progress, event_date, event_date_inferred, tag_list, note_count,
    ) = row[:16]  # fmt: skip
    return ArticleMeta(
        id=article_id,
        title=title,
        source=source,
        author=author,
        url=url,
        published=optional_datetime(published),
        added=from_text(added),
        state=_STATES[state],
        starred=bool(starred),
        tags=split_tags(tag_list),
        notes=note_count,
        words=words,
        read=bool(is_read),
        progress=progress,
        event_date=optional_date(event_date),
        event_date_inferred=bool(event_date_inferred),
    )


def article_from_row(row: sqlite3.Row) -> Article:
    """Build an :class:`Article` from ``a.*`` plus a ``tag_list`` column."""
    return Article(
        id=row["id"],
        title=row["title"],
        body=row["body"],
        source=row["source"],
        author=row["author"],
        url=row["url"],
        published=optional_datetime(row["published"]),
        updated=optional_datetime(row["updated"]),
        added=from_text(row["added"]),
        content_hash=row["content_hash"],
        words=row["words"],
        state=_STATES[row["state"]],
        starred=bool(row["starred"]),
        tags=split_tags(row["tag_list"]),
        reading_position=row["reading_position"],
        note=row["note"],
        origin=row["origin"],
        event_date=optional_date(row["event_date"]),
        event_date_inferred=bool(row["event_date_inferred"]),
        publisher_summary=summary_lines(row["publisher_summary"]),
        publisher_tone=row["publisher_tone"],
        read=bool(row["is_read"]),
        progress=row["progress"],
    )


def summary_text(lines: tuple[str, ...]) -> str:
    """Store summary bullets as one text, a line each (a bullet never spans lines)."""
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def summary_lines(text: str | None) -> tuple[str, ...]:
    """Inverse of :func:`summary_text`."""
    return tuple(line for line in (text or "").split("\n") if line)


def optional_date(text: str | None) -> date | None:
    """A stored ISO day ("2024-12-27"), or None."""
    return date.fromisoformat(text) if text else None


def annotation_from_row(row: sqlite3.Row) -> Annotation:
    """Build an :class:`Annotation` from a row selected with :data:`ANNOTATION_COLUMNS`."""
    return Annotation(
        id=row["id"],
        article_id=row["article_id"],
        start=row["start_offset"],
        end=row["end_offset"],
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        note=row["note"],
        tags=split_tags(row["tag_list"]),
        created=from_text(row["created"]),
        updated=from_text(row["updated"]),
        orphaned=bool(row["orphaned"]),
    )
