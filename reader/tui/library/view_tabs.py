"""The row of views (Inbox, Later, Archive, Starred, All) with their counts, and a status on the right."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from reader.tui.library.listing import View


class ViewTabs(Widget):
    """One line: the views with counts (the active one stands out) and a short status."""

    DEFAULT_CSS = """
    ViewTabs {
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    """

    active: reactive[View] = reactive(View.INBOX)
    """The view being shown."""

    counts: reactive[Mapping[str, int]] = reactive(dict, always_update=True)
    """Articles per view (keys are View values); missing counts are not shown yet."""

    status: reactive[str] = reactive("")
    """Text at the right end (the sort order, the search)."""

    class Chosen(Message):
        """The reader clicked a view."""

        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    def _parts(self) -> list[tuple[View, str]]:
        parts = []
        for view in View:
            count = self.counts.get(view.value)
            parts.append(
                (view, f" {view.label} {count} " if count is not None else f" {view.label} ")
            )
        return parts

    def render(self) -> RenderResult:
        """Draw the tabs, then the status flush right if it fits."""
        pieces: list[tuple[str, str] | str] = []
        for view, text in self._parts():
            style = "bold $text-primary on $background" if view == self.active else ""
            pieces.append((text, style))
        tabs = Content.assemble(*pieces)
        gap = self.size.width - tabs.cell_length - cell_len(self.status) - 1
        if self.status and gap >= 1:
            return tabs + Content(" " * gap) + Content.styled(self.status, "$text-muted") + " "
        return tabs

    def on_click(self, event: events.Click) -> None:
        """Clicking a tab chooses its view."""
        x = 0
        for view, text in self._parts():
            x += cell_len(text)
            if event.x < x:
                self.post_message(self.Chosen(view))
                return
