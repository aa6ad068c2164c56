"""ArticleText: an article's text, wrapped to a comfortable width, styled, with a sentence cursor.

A line-API widget: the text is wrapped once per width into ``(start, end)`` ranges of the body and
only the visible lines are drawn. The widget keeps the text, its spans and the reading position
and does the Textual work (scrolling, redrawing, messages); plain helpers it owns do the rest:
the wrapping is a :class:`~reader.tui.article.text_layout.TextLayout` (a re-wrap of the
~5,000-word sample takes ~5 ms), drawing a line with its spans and keeping the drawn lines a
:class:`~reader.tui.article.line_drawer.LineDrawer`, and the sentences, the cursor and the
selection a :class:`~reader.tui.article.sentence_cursor.SentenceCursor`.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Span
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.theme import Theme

from reader.tui import spans as sp
from reader.tui.article.line_drawer import LineDrawer, LineStyles
from reader.tui.article.sentence_cursor import SentenceCursor
from reader.tui.article.text_layout import TextLayout
from reader.tui.spans import Range


class ArticleText(ScrollView, can_focus=True, inherit_bindings=False):
    """The article text with entity colours, highlights, summary marks and a sentence cursor.

    It takes none of a scrolling container's keys: the arrows, page and home/end keys are the
    article screen's bindings, so they appear in `?`, follow the keymap and scroll at once.
    """

    DEFAULT_CSS = """
    ArticleText {
        height: 1fr;
        scrollbar-gutter: stable;
        overflow-x: hidden;
        & > .article-text--marker { color: $accent; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-text--marker"}

    #: Widest line of text, in cells (a comfortable measure for reading).
    MAX_WIDTH = 80

    class CursorMoved(Message):
        """The sentence cursor moved (or the sentences changed)."""

        def __init__(self, article_text: ArticleText, cursor: Range | None) -> None:
            """Carry the new cursor range (None when the text has no sentences)."""
            super().__init__()
            self.article_text = article_text
            self.cursor = cursor

        @property
        def control(self) -> ArticleText:
            """The ArticleText that sent the message."""
            return self.article_text

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """Create an empty ArticleText; give it text with :meth:`set_text`."""
        super().__init__(name=name, id=id, classes=classes)
        self._body = ""
        self._layout = TextLayout()
        self._spans: list[Span] = []
        self._cursor = SentenceCursor()
        self._position = 0  # offset to keep at the top when the text is wrapped again
        self._position_line: int | None = None  # the line scrolled to for it, while unmoved
        self._drawer = LineDrawer(self._layout)

    # -- data in ---------------------------------------------------------------------------------

    @property
    def body(self) -> str:
        """The text shown."""
        return self._body

    def set_text(self, body: str, position: int = 0) -> None:
        """Show ``body`` with ``body[position:]`` at the top; sentences start as a rough guess."""
        self._body = body
        self._position = max(0, min(position, len(body)))
        sentences = sp.rough_sentences(body)
        # The first sentence that starts on screen, so the cursor is seen whole when reopening.
        self._cursor.reset(sentences, sp.first_from(sentences, self._position))
        self._spans = []
        self._layout.text_width = 0  # forces a wrap at the current width
        self._relayout()
        self._post_cursor()

    def set_sentences(self, sentences: tuple[Range, ...]) -> None:
        """Use the analysed sentences; the cursor stays on the sentence it was in."""
        old = self.cursor_range
        here = old[0] if old else self.first_visible_offset
        self._cursor.reset(sentences, sp.index_at(sentences, here))
        self._invalidate()
        self._post_cursor()

    @property
    def spans(self) -> list[Span]:
        """The styled spans in use, in drawing order."""
        return self._spans

    def set_spans(self, spans: list[Span]) -> None:
        """Replace the styled spans (entity colours, highlights, summary marks).

        Only the lines whose spans changed are drawn again: one more summary sentence or a new
        highlight repaints its own lines (none, when they are off screen), not the whole screen.
        """
        self._spans = spans
        runs = self._layout.restyle(spans)
        if runs is None:
            self._invalidate()
            return
        if self._layout.text_width:
            for first, last in runs:
                self.refresh_lines(first, last - first)

    # -- cursor and selection --------------------------------------------------------------------

    @property
    def sentences(self) -> tuple[Range, ...]:
        """Sentence ranges of the text (rough until the analysis arrives)."""
        return self._cursor.sentences

    @property
    def cursor_range(self) -> Range | None:
        """The sentence under the cursor."""
        return self._cursor.range

    @property
    def selecting(self) -> bool:
        """Whether a multi-sentence selection is being made."""
        return self._cursor.selecting

    @property
    def selection_range(self) -> Range | None:
        """The selection (sentences, or characters), or the cursor sentence when not selecting."""
        return self._cursor.selection

    def move_cursor(self, delta: int) -> None:
        """Move the cursor ``delta`` sentences; from off-screen it first comes into view."""
        if not self.sentences:
            return
        if self._cursor.chars is not None:  # sentence keys go back to selecting whole sentences
            self.clear_selection()
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        visible = self._layout.starting_on(self.sentences, top, height)
        self._set_cursor(self._cursor.target(delta, visible), downward=delta > 0)

    def start_selection(self) -> None:
        """Start a selection at the cursor; when one is started already, extend it by a sentence."""
        if self._cursor.anchor is None:
            self._cursor.anchor = self._cursor.index
            self._refresh_range(self.cursor_range)
        else:
            self.move_cursor(1)

    def clear_selection(self) -> None:
        """Forget the selection (the cursor stays)."""
        selection = self.selection_range
        self._cursor.unselect()
        self._refresh_range(selection)

    def select_characters(self, span: Range) -> None:
        """Select exactly ``span`` of the text (a phrase, a figure) and show it."""
        self._refresh_range(self.selection_range)
        self._cursor.anchor, self._cursor.chars = None, span
        self._refresh_range(span)
        self._scroll_into_view(span, downward=True, centre=False)

    def jump_to(self, offset: int) -> None:
        """Put the cursor on the sentence at ``offset`` and scroll it into view."""
        index = sp.index_at(self.sentences, offset)
        if index is not None:
            self.clear_selection()
            self._set_cursor(index, downward=True, centre=True)
        else:
            self.scroll_to_offset(offset)

    # -- scrolling -------------------------------------------------------------------------------

    @property
    def first_visible_offset(self) -> int:
        """Offset in the body of the first character on screen (the reading position)."""
        if self._layout.text_width == 0:
            return self._position
        index = min(round(self.scroll_y), len(self._layout.lines) - 1)
        if index == self._position_line:
            # Not scrolled since the position was set: keep it exact, so reopening or resizing
            # never drifts back to the start of a line.
            return self._position
        return self._layout.lines[index][0]

    def scroll_to_offset(self, offset: int, *, top_margin: int = 0) -> None:
        """Scroll so the line holding ``offset`` is near the top."""
        self._position = offset
        if self._layout.text_width:
            self._scroll_to_line(self._layout.line_of(offset) - top_margin)

    def line_of(self, offset: int) -> int:
        """The display line holding ``offset`` (at the current width)."""
        return self._layout.line_of(offset)

    # -- layout and drawing ----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the text again when the width changes, keeping the same text at the top."""
        if self._layout.text_width:
            self._position = self.first_visible_offset
        self._relayout()

    def _relayout(self) -> None:
        available = self.scrollable_content_region.width
        if not self._layout.fit(self._body, self._spans, available, self.MAX_WIDTH):
            return
        self.virtual_size = Size(available, len(self._layout.lines))
        self._invalidate()
        self._scroll_to_line(self._layout.line_of(self._position))

    def _scroll_to_line(self, line: int) -> None:
        self.scroll_to(y=max(0, line), animate=False, force=True)
        self._position_line = max(0, line)

    def on_mount(self) -> None:
        """Redraw in the new colours whenever the theme changes."""
        self.app.theme_changed_signal.subscribe(self, self._on_theme_changed)

    def _on_theme_changed(self, theme: Theme) -> None:
        self._invalidate()

    def _invalidate(self) -> None:
        self._drawer.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw display line ``y`` of the viewport."""
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        if index >= len(self._layout.lines) or not self._layout.text_width:
            return Strip.blank(width, self.rich_style)
        # A selection by characters shows over the cursor sentence, not under it.
        cursor = self.cursor_range if self._cursor.chars is None else None
        selection = self.selection_range if self.selecting else None
        return self._drawer.line(self._body, index, cursor, selection, width, self._line_styles)

    def _line_styles(self) -> LineStyles:
        base = self.rich_style
        marker = base + self.get_component_rich_style("article-text--marker")
        return LineStyles(base, marker, self.visual_style, self.app.stylesheet)

    # -- helpers ---------------------------------------------------------------------------------

    def _set_cursor(self, index: int, *, downward: bool, centre: bool = False) -> None:
        before = self.selection_range
        self._cursor.index = index
        self._refresh_range(before)
        self._refresh_range(self.selection_range)
        cursor = self.cursor_range
        if cursor is not None:
            self._scroll_into_view(cursor, downward=downward, centre=centre)
        self._post_cursor()

    def _scroll_into_view(self, span: Range, *, downward: bool, centre: bool) -> None:
        if not self._layout.text_width:
            self._position = span[0]
            return
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        target = self._layout.scroll_target(span, top, height, downward=downward, centre=centre)
        if target is not None:
            self.scroll_to(y=target, animate=False)

    def _refresh_range(self, span: Range | None) -> None:
        if span is None or not self._layout.text_width:
            return
        first, last = self._layout.lines_of(span)
        self.refresh_lines(first, last - first + 1)

    def _post_cursor(self) -> None:
        self.post_message(self.CursorMoved(self, self.cursor_range))

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked sentence."""
        offset = self._layout.offset_at(event.x, round(self.scroll_y) + event.y)
        index = sp.index_at(self.sentences, offset) if offset is not None else None
        if index is not None:
            self.clear_selection()
            self._set_cursor(index, downward=True)
