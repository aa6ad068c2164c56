"""How one article is drawn as a line of the library list: columns that fit the width."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.core import (
    DEFAULT_DATE_FORMAT,
    INFERRED_MARK,
    ArticleMeta,
    TriageState,
    clean_line,
    reading_minutes,
)

# The inbox is where articles start, so it needs no mark; the other states do.
STATE_GLYPHS = {TriageState.LATER: "◷", TriageState.ARCHIVE: "✓"}
STAR_GLYPH = "★"
NOTES_GLYPH = "✎"
STORY_GLYPH = "⧉"
MARK_GLYPH = "●"  # a row marked for a batch action
#: A title column this wide spells out "3 sources"; a narrower one shows "⧉3".
STORY_WORDS_MIN_TITLE = 40
DATE_WIDTH = 11  # "05 May 2024"
MINUTES_WIDTH = 4  # "120m"
NOTES_WIDTH = 3  # "✎12"
PROGRESS_WIDTH = 4  # "100%"
# Below these widths the optional columns give way to the title.
SOURCE_MIN_WIDTH = 68
DATE_MIN_WIDTH = 46
PROGRESS_MIN_WIDTH = 56
TAGS_MIN_WIDTH = 110


@dataclass(frozen=True, slots=True)
class RowStyles:
    """Rich styles for the parts of a row (from the list's component classes)."""

    base: Style
    dim: Style
    star: Style
    cursor: Style | None = None  # applied last, over every part, on the selected row
    mark: Style | None = None  # the mark of a row chosen for a batch action (else ``star``)


@dataclass(frozen=True, slots=True)
class Columns:
    """Widths of the variable columns for one list width (0 means the column is hidden)."""

    title: int
    source: int
    date: int
    progress: int = 0
    tags: int = 0


def columns(width: int) -> Columns:
    """Fit the columns into ``width`` cells; the title always gets what is left."""
    fixed = 5 + 2 + MINUTES_WIDTH + 1 + NOTES_WIDTH + 1  # " ★ • " … "  12m ✎3 "
    date = DATE_WIDTH if width >= DATE_MIN_WIDTH else 0
    if date:
        fixed += date + 2
    progress = PROGRESS_WIDTH if width >= PROGRESS_MIN_WIDTH else 0
    if progress:
        fixed += progress + 1
    source = min(24, max(8, (width - fixed) // 4)) if width >= SOURCE_MIN_WIDTH else 0
    if source:
        fixed += source + 2
    tags = min(20, max(8, (width - fixed) // 3)) if width >= TAGS_MIN_WIDTH else 0
    if tags:
        fixed += tags + 2
    return Columns(
        title=max(1, width - fixed), source=source, date=date, progress=progress, tags=tags
    )


def format_progress(percent: int) -> str:
    """How far the reader got: "" before they started, else "40%"."""
    return f"{percent}%" if percent > 0 else ""


def format_tags(tags: tuple[str, ...], width: int) -> str:
    """As many whole tags as fit in ``width`` cells ("#a #b"), ending in "…" when some do not."""
    shown = ""
    for index, tag in enumerate(tags):
        word = f"#{tag}" if not shown else f" #{tag}"
        last = index == len(tags) - 1
        if cell_len(shown + word) + (0 if last else 1) > width:
            return fit(shown + " …" if shown else f"#{tag}", width)
        shown += word
    return fit(shown, width)


def fit(text: str, width: int) -> str:
    """``text`` cropped (with an ellipsis) or padded to exactly ``width`` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def format_date(meta: ArticleMeta, field: str, date_format: str = DEFAULT_DATE_FORMAT) -> str:
    """The date shown for ``meta``: the day it was added, or when ``field`` is published its
    :attr:`~reader.core.ArticleMeta.day` (published, else the event's day, marked by
    :func:`date_mark`), else "undated" — never the day it was imported.

    In ``date_format`` (strftime), cut to the date column's width.
    """
    when = meta.added if field != "published" else meta.day
    if when is None:
        return fit("undated", DATE_WIDTH)
    return fit(clean_line(when.strftime(date_format)), DATE_WIDTH)


def date_mark(meta: ArticleMeta, field: str) -> str:
    """``INFERRED_MARK`` before a published column's date inferred from the text, else "".

    It takes a cell of the gap before the column, as ``skim list`` and ``skim stories`` do.
    """
    return INFERRED_MARK if field == "published" and meta.day_inferred else ""


def story_mark(size: int, title_width: int) -> str:
    """The mark of an article whose story has ``size`` sources ("" when it stands alone)."""
    if size < 2:
        return ""
    return f"{size} sources" if title_width >= STORY_WORDS_MIN_TITLE else f"{STORY_GLYPH}{size}"


def render_row(
    meta: ArticleMeta,
    width: int,
    styles: RowStyles,
    *,
    date_field: str,
    date_format: str = DEFAULT_DATE_FORMAT,
    story_size: int = 1,
    marked: bool = False,
) -> Strip:
    """Draw one article as a strip exactly ``width`` cells wide.

    Text from the article (title, source, tags) is placed in segments as is, never parsed as
    markup. A story with other sources is marked at the end of the title column, so rows
    without one lose no room to it. An unread article has a bold title; a marked one a dot first.
    """
    cols = columns(width)
    notes = f"{NOTES_GLYPH}{meta.notes}" if meta.notes else ""
    mark = story_mark(story_size, cols.title)
    if mark and cell_len(mark) + 2 > cols.title:
        mark = ""  # a title column this narrow keeps the title
    title_width = cols.title - cell_len(mark) - 1 if mark else cols.title
    title_style = styles.base if meta.read else styles.base + Style(bold=True)
    parts: list[tuple[str, Style]] = [
        (MARK_GLYPH if marked else " ", styles.mark or styles.star),
        (STAR_GLYPH if meta.starred else " ", styles.star),
        (" ", styles.base),
        (STATE_GLYPHS.get(meta.state, " "), styles.dim),
        (" ", styles.base),
        (fit(clean_line(meta.title), title_width), title_style),
    ]
    if mark:
        parts += [(" ", styles.base), (mark, styles.dim)]
    if cols.tags:
        tags = format_tags(tuple(clean_line(tag) for tag in meta.tags), cols.tags)
        parts += [("  ", styles.base), (tags, styles.dim)]
    if cols.source:
        parts += [
            ("  ", styles.base),
            (fit(clean_line(meta.source or ""), cols.source), styles.dim),
        ]
    if cols.date:
        mark = date_mark(meta, date_field)
        gap = [(" ", styles.base), (mark, styles.dim)] if mark else [("  ", styles.base)]
        parts += [*gap, (format_date(meta, date_field, date_format), styles.dim)]
    parts += [
        ("  ", styles.base),
        (f"{reading_minutes(meta.words)}m".rjust(MINUTES_WIDTH), styles.dim),
        (" ", styles.base),
    ]
    if cols.progress:
        parts += [
            (format_progress(meta.progress).rjust(PROGRESS_WIDTH), styles.dim),
            (" ", styles.base),
        ]
    parts += [
        (fit(notes, NOTES_WIDTH), styles.dim),
        (" ", styles.base),
    ]
    segments = [
        Segment(text, style + styles.cursor if styles.cursor else style)
        for text, style in parts
        if text
    ]
    return Strip(segments).adjust_cell_length(width, styles.cursor or styles.base)


def placeholder_row(width: int, styles: RowStyles) -> Strip:
    """A row whose data is still being fetched."""
    style = styles.dim + styles.cursor if styles.cursor else styles.dim
    return Strip([Segment(fit("     …", width), style)], width)
