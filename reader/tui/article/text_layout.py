"""The ArticleText's display lines: the body wrapped to a width, with the spans clipped per line.

A plain object (no Textual): :class:`~reader.tui.article.article_text.ArticleText` owns one and
asks it where an offset is drawn, which lines a change of spans touches, which offset a click
falls on, and what a viewport of ``height`` lines from line ``top`` shows or must scroll to.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from textual.content import Span

from reader.tui import spans as sp
from reader.tui.spans import Range

GUTTER = 2  # the cursor marker and a space, left of the text


class TextLayout:
    """Display lines of a body at one width, each with its spans and a stamp bumped on change."""

    def __init__(self) -> None:
        """Start with one empty line and no width (nothing can be drawn yet)."""
        self.lines: list[Range] = [(0, 0)]
        self.line_spans: list[list[Span]] = [[]]
        self.line_stamps: list[int] = [0]  # bumped when one line's spans change
        self.text_width = 0  # 0: not wrapped yet (or to be wrapped again)
        self.margin = 0
        self._line_starts: list[int] = [0]

    def fit(self, body: str, spans: list[Span], available: int, max_width: int) -> bool:
        """Wrap ``body`` for ``available`` cells (at most ``max_width`` of text), if needed.

        Returns:
            False when the space is too narrow to draw anything (the layout is left as it was).
        """
        if available <= GUTTER:
            return False
        text_width = min(max_width, available - GUTTER - 1)
        self.margin = max(0, (available - text_width - GUTTER) // 2)
        if text_width != self.text_width:
            self.text_width = text_width
            self.lines = sp.wrap(body, text_width)
            self._line_starts = [start for start, _ in self.lines]
            self.line_spans = sp.spans_by_line(self.lines, spans)
            self.line_stamps = [0] * len(self.lines)
        return True

    def restyle(self, spans: list[Span]) -> list[Range] | None:
        """Clip new ``spans`` to the lines; the runs of lines whose spans changed.

        Returns:
            The ``(first, end)`` runs of changed lines (their stamps are bumped), or None when
            every line must be drawn again (the stamps were reset).
        """
        old, self.line_spans = self.line_spans, sp.spans_by_line(self.lines, spans)
        if len(old) != len(self.line_spans):
            self.line_stamps = [0] * len(self.lines)
            return None
        runs = sp.changed_runs(old, self.line_spans)
        for first, last in runs:
            for index in range(first, last):
                self.line_stamps[index] += 1
        return runs

    def line_of(self, offset: int) -> int:
        """The display line holding ``offset``."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def lines_of(self, span: Range) -> Range:
        """The first and last display lines (inclusive) that ``span`` covers."""
        return self.line_of(span[0]), self.line_of(max(span[0], span[1] - 1))

    def offset_at(self, column: int, index: int) -> int | None:
        """The offset drawn at ``column`` (counted from the widget's left) of line ``index``."""
        if not self.text_width or not 0 <= index < len(self.lines):
            return None
        start, end = self.lines[index]
        column -= self.margin + GUTTER
        return start + max(0, min(column, end - start - 1)) if end > start else None

    def starting_on(self, ranges: Sequence[Range], top: int, height: int) -> list[int]:
        """Indexes of the ``ranges`` that start on the ``height`` display lines from ``top``."""
        if not self.text_width:
            return []
        return [
            i for i, (start, _) in enumerate(ranges) if top <= self.line_of(start) < top + height
        ]

    def scroll_target(
        self, span: Range, top: int, height: int, *, downward: bool, centre: bool
    ) -> int | None:
        """The line to scroll to so ``span`` is seen, or None when it is seen already.

        See :func:`~reader.tui.spans.scroll_target` for where it is put.
        """
        first, last = self.lines_of(span)
        return sp.scroll_target(
            first, last, top=top, height=height, downward=downward, centre=centre
        )
