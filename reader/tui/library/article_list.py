"""The library list: a line-API scroll view that draws only the visible rows from a page cache.

Textual's ListView, DataTable and OptionList do work for every row up front, which takes seconds
at 10,000+ rows. This widget knows only the row count; rows come in pages of :data:`PAGE_SIZE`
from a ``fetch(offset, limit)`` callable run in a thread worker, and a bounded cache
(:mod:`~reader.tui.library.row_cache`) keeps the pages around the viewport. Rows not yet fetched
are drawn as a placeholder for a moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, get_current_worker

from reader.core import DEFAULT_DATE_FORMAT, ArticleMeta, SkimError
from reader.tui.failures import report_failure
from reader.tui.library.article_row import RowStyles, placeholder_row, render_row
from reader.tui.library.listing import PAGE_SIZE, Fetch, Page
from reader.tui.library.row_cache import MAX_CACHED_ROWS, RowCache

__all__ = ["MAX_CACHED_ROWS", "ArticleList"]


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """A virtualised list of articles with a row cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--row",
        "article-list--dim",
        "article-list--star",
        "article-list--mark",
        "article-list--cursor",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $background;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .article-list--row { color: $foreground; }
        & > .article-list--dim { color: $text-muted; }
        & > .article-list--star { color: $text-warning; }
        & > .article-list--mark { color: $text-accent; text-style: bold; }
        & > .article-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .article-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g,home", "first", "First article", show=False, id="library.first"),
        Binding("G,end", "last", "Last article", show=False, id="library.last"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="library.page-down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="library.page-up"),
        Binding("enter", "open", "Open", id="library.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the selected row."""

    date_field: reactive[str] = reactive("added")
    """Which date the rows show: ``added`` or ``published``."""

    date_format: str = DEFAULT_DATE_FORMAT
    """How the rows show dates (the config's ``[library] date_format``), set before rows arrive."""

    class Highlighted(Message):
        """The cursor moved, or the row under it arrived."""

        def __init__(self, index: int, article: ArticleMeta | None) -> None:
            super().__init__()
            self.index = index
            self.article = article

    class Opened(Message):
        """The reader asked to open an article (enter or a double click)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Create an empty list; :meth:`reset` gives it rows."""
        super().__init__(id=id, classes=classes)
        self.total = 0
        self.cache = RowCache()
        self._marked: frozenset[int] = frozenset()  # ids of the rows marked for a batch action

    @property
    def _rows(self) -> dict[int, ArticleMeta]:
        """The cached rows by index (read by tests and benchmarks)."""
        return self.cache.rows

    # -- data ------------------------------------------------------------------------------------

    def reset(
        self,
        total: int,
        rows: Mapping[int, ArticleMeta],
        fetch: Fetch,
        story_sizes: Mapping[int, int] | None = None,
    ) -> None:
        """Show a new listing of ``total`` rows; ``rows`` maps indices to rows already known.

        ``story_sizes`` gives, by article id, the sources of stories with more than one.
        """
        self.cache.reset(rows, fetch, story_sizes)
        self.total = total
        self.virtual_size = Size(self.size.width, total)
        self.cursor = self.cursor  # clamp to the new total and announce the row under it
        self.refresh()

    def set_total(self, total: int) -> None:
        """Give the list its exact number of rows (counted after the first rows came)."""
        if total == self.total:
            return
        self.total = total
        self.virtual_size = Size(self.size.width, total)
        self.cursor = self.cursor
        self.refresh()  # drawing asks for the pages now in reach

    @property
    def current(self) -> ArticleMeta | None:
        """The article under the cursor, or None when there is none (or it is still loading)."""
        return self.cache.rows.get(self.cursor) if self.total else None

    def show_marks(self, ids: frozenset[int]) -> None:
        """Draw a dot on the rows of ``ids`` (the articles marked for a batch action)."""
        self._marked = ids
        self.refresh()

    def story_size(self, article_id: int) -> int:
        """How many articles the story of a loaded row has (1: no other source, or not known)."""
        return self.cache.story_size(article_id)

    def drop_row(self, index: int) -> None:
        """Drop a row at once (it left the view); the next :meth:`reset` brings the truth."""
        if not 0 <= index < self.total:
            return
        self.cache.drop(index)
        self.total -= 1
        self.virtual_size = Size(self.size.width, self.total)
        self.cursor = self.cursor
        self.refresh()

    def update_row(self, index: int, **changes: object) -> None:
        """Change fields of a cached row in place (e.g. ``starred=True``) until the next reset."""
        meta = self.cache.update(index, changes)
        if meta is not None:
            self._refresh_row(index)
            if index == self.cursor:
                self.post_message(self.Highlighted(index, meta))

    def _wanted_pages(self) -> set[int]:
        """Pages with missing rows in and around the viewport (neighbours are prefetched), and
        at both ends of the list (for ``g`` and ``G``)."""
        top = round(self.scroll_y)
        first = max(0, top - PAGE_SIZE // 2)
        last = min(self.total, top + self.size.height + PAGE_SIZE // 2)
        return self.cache.wanted_pages(first, last) | self.cache.end_pages(self.total)

    def _request_pages(self) -> None:
        for page in sorted(self._wanted_pages()):
            self.cache.claim(page)
            self._load_page(self.cache.generation, page, self.cache.fetch)

    @work(thread=True, group="article-pages", exit_on_error=False)
    def _load_page(self, generation: int, page: int, fetch: Fetch) -> None:
        try:
            loaded = fetch(page * PAGE_SIZE, PAGE_SIZE)  # story sizes read in this worker too
        except SkimError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._page_loaded, generation, page, loaded)

    def _page_loaded(self, generation: int, page: int, loaded: Page) -> None:
        if not self.cache.store(generation, page, loaded):
            return
        self.cache.evict(round(self.scroll_y) + self.size.height // 2, self.total)
        start = page * PAGE_SIZE
        if start <= self.cursor < start + len(loaded.rows):
            self.post_message(self.Highlighted(self.cursor, self.cache.rows[self.cursor]))
        self.refresh()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a worker that failed unexpectedly."""
        report_failure(self, event)

    # -- drawing ---------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the visible rows, and ask for any that are not cached yet."""
        if self._wanted_pages():
            self.call_later(self._request_pages)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Draw the row at line ``y`` of the viewport."""
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.get_component_rich_style("article-list--row")
        if index >= self.total:
            return Strip.blank(width, base)
        styles = RowStyles(
            base=base,
            # Full (not partial) styles: muted colours are blended with the real background.
            dim=self.get_component_rich_style("article-list--dim"),
            star=self.get_component_rich_style("article-list--star"),
            mark=self.get_component_rich_style("article-list--mark"),
            cursor=(
                self.get_component_rich_style("article-list--cursor")
                if index == self.cursor
                else None
            ),
        )
        meta = self.cache.rows.get(index)
        if meta is None:
            return placeholder_row(width, styles)
        return render_row(
            meta,
            width,
            styles,
            date_field=self.date_field,
            date_format=self.date_format,
            story_size=self.story_size(meta.id),
            marked=meta.id in self._marked,
        )

    def _refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index - round(self.scroll_y), self.size.width, 1))

    def on_resize(self) -> None:
        """Keep the virtual width equal to the widget (rows are cropped, never scrolled sideways)."""
        self.virtual_size = Size(self.size.width, self.total)
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        """Repaint the cursor row in its focused colours."""
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        """Repaint the cursor row in its unfocused colours."""
        self._refresh_row(self.cursor)

    def watch_date_field(self) -> None:
        """Repaint the dates."""
        self.refresh()

    # -- cursor ----------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a row (or at 0 when the list is empty)."""
        return max(0, min(value, self.total - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Repaint both rows, bring the new one into view and tell the screen."""
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(new, self.current))

    def _scroll_to_cursor(self) -> None:
        if self.total:
            self.scroll_to_region(
                Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True
            )

    def action_cursor_down(self) -> None:
        """Select the next article."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Select the previous article."""
        self.cursor -= 1

    def action_first(self) -> None:
        """Select the first article."""
        self.cursor = 0

    def action_last(self) -> None:
        """Select the last article."""
        self.cursor = self.total - 1

    def action_page_down(self) -> None:
        """Move the cursor down by a screenful."""
        self.cursor += max(1, self.size.height - 1)

    def action_page_up(self) -> None:
        """Move the cursor up by a screenful."""
        self.cursor -= max(1, self.size.height - 1)

    def action_open(self) -> None:
        """Open the selected article."""
        if (meta := self.current) is not None:
            self.post_message(self.Opened(meta.id))

    def on_click(self, event: events.Click) -> None:
        """A click selects a row; a double click opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if index >= self.total:
            return
        self.cursor = index
        if event.chain >= 2:
            self.action_open()
