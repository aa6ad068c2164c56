"""The ArticleText's display lines drawn as strips, with their spans, and cached until they change.

A plain object (no widget): :class:`~reader.tui.article.article_text.ArticleText` owns one beside
its :class:`~reader.tui.article.text_layout.TextLayout` and asks it for the strip of a line. Each
line is drawn as ``Content(line_text, spans)`` (never markup, so brackets in the text show
literally). A strip is kept until its cursor, selection, width or spans change or the drawer is
cleared, so moving the cursor redraws only the lines it leaves and enters. On the ~5,000-word
sample a whole 47-line screen draws cold in ~4-7 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.css.stylesheet import Stylesheet
from textual.strip import Strip
from textual.style import Style

from reader.tui import spans as sp
from reader.tui.article.text_layout import TextLayout
from reader.tui.spans import Range

LineKey = tuple[int, Range | None, Range | None, int, int]


@dataclass(frozen=True, slots=True)
class LineStyles:
    """The widget's styles a line is drawn in, read from it only when a line must be drawn."""

    base: RichStyle
    """The widget's own style: text colour and background."""
    marker: RichStyle
    """The cursor marker left of the text."""
    visual: Style
    """The widget's style, under the spans of the text."""
    stylesheet: Stylesheet
    """Resolves the theme variables the spans are styled with (``$entity-person``)."""

    def parse(self, style: str | Style) -> Style:
        """The style ``style`` names, or no style at all when it cannot be parsed."""
        try:
            return self.stylesheet.parse_style(style)
        except Exception:  # an unknown theme variable must not break drawing the text
            return Style.null()


class LineDrawer:
    """Strips of the display lines of a :class:`TextLayout`, drawn once and then kept."""

    def __init__(self, layout: TextLayout) -> None:
        """Draw the lines of ``layout`` (the widget's, shared with it)."""
        self._layout = layout
        self._strips: LRUCache[LineKey, Strip] = LRUCache(1024)

    def clear(self) -> None:
        """Forget every drawn line: the text, its wrapping or the theme changed."""
        self._strips.clear()

    def line(
        self,
        body: str,
        index: int,
        cursor: Range | None,
        selection: Range | None,
        width: int,
        styles: Callable[[], LineStyles],
    ) -> Strip:
        """The strip of line ``index``, drawn unless it was drawn already in the same state.

        Args:
            body: The whole text the layout was made of.
            index: The display line.
            cursor: The cursor sentence (offsets in ``body``), if it is shown.
            selection: The selection, if one is shown.
            width: Cells to fill.
            styles: Gives the widget's styles; asked only when the line must be drawn.
        """
        line = self._layout.lines[index]
        cursor, selection = sp.clip(cursor, line), sp.clip(selection, line)
        key = (index, cursor, selection, width, self._layout.line_stamps[index])
        strip = self._strips.get(key)
        if strip is None:
            strip = self.draw(body, index, cursor, selection, width, styles())
            self._strips[key] = strip
        return strip

    def draw(
        self,
        body: str,
        index: int,
        cursor: Range | None,
        selection: Range | None,
        width: int,
        styles: LineStyles,
    ) -> Strip:
        """Draw line ``index``: margin, cursor marker, then the text with its spans.

        ``cursor`` and ``selection`` are clipped to the line, relative to its start.
        """
        start, end = self._layout.lines[index]
        line_spans = list(self._layout.line_spans[index])
        if selection is not None:
            line_spans.append(Span(selection[0], selection[1], sp.SELECTION_STYLE))
        if cursor is not None:
            line_spans.append(Span(cursor[0], cursor[1], sp.CURSOR_STYLE))
        base = styles.base
        marker = "▌ " if cursor is not None or selection is not None else "  "
        segments = [Segment(" " * self._layout.margin, base), Segment(marker, styles.marker)]
        content = Content(body[start:end], line_spans)
        segments.extend(
            Segment(text, style.rich_style)
            for text, style in content.render(styles.visual, end="", parse_style=styles.parse)
        )
        return Strip(segments).extend_cell_length(width, base).crop(0, width)
