"""The find bar of the article screen: what to find, and how many matches there are.

It only reports what the reader does (messages up); the screen searches and tells it the match
count (an attribute down).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static


class FindBar(Horizontal):
    """A one-line bar under the text: ``Find: [query]  3/12``."""

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        background: $panel;
        & > #find-label { width: auto; padding: 0 1; color: $text-muted; }
        & > #find-input {
            width: 1fr;
            height: 1;
            border: none;
            padding: 0;
            background: $panel;
            &:focus { background: $boost; }
        }
        & > #find-count { width: auto; min-width: 12; padding: 0 1; color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # shift+F3 is left out: xterm-like terminals send it as a cursor position report.
        Binding(
            "down,f3", "step(1)", "Next match", key_display="enter ↓", id="article.find-bar-next"
        ),
        Binding(
            "up,shift+enter",
            "step(-1)",
            "Previous match",
            key_display="↑",
            id="article.find-bar-prev",
        ),
        Binding("tab", "leave", "Back to the text", id="article.find-bar-leave"),
        Binding("escape", "cancel", "Close find", id="article.find-bar-close"),
    ]

    count: reactive[str] = reactive("")
    """The match count shown at the right (``3/12``, ``no matches``)."""

    class Changed(Message):
        """The text to find changed."""

        def __init__(self, query: str) -> None:
            """Carry the new text."""
            super().__init__()
            self.query = query

    class Step(Message):
        """The reader asked for the next (1) or previous (-1) match."""

        def __init__(self, direction: int) -> None:
            """Carry the direction."""
            super().__init__()
            self.direction = direction

    class Closed(Message):
        """The bar gave the keys back to the text; ``clear`` when the matches should go too."""

        def __init__(self, *, clear: bool) -> None:
            """Carry whether to forget the matches."""
            super().__init__()
            self.clear = clear

    def compose(self) -> ComposeResult:
        """The label, the input and the count."""
        yield Static("Find:", id="find-label")
        yield Input(id="find-input", placeholder="text to find (enter: next match)")
        yield Static("", id="find-count", markup=False)

    @property
    def is_open(self) -> bool:
        """Whether the bar is shown."""
        return self.display

    @property
    def input(self) -> Input:
        """The text box."""
        return self.query_one(Input)

    def open(self, query: str) -> None:
        """Show the bar with ``query`` selected, so typing replaces it."""
        self.display = True
        box = self.input
        with box.prevent(Input.Changed):
            box.value = query
        # Focus now, not after a refresh (what focus() does): the keys typed right after `/`
        # must reach the bar, not the text (where `b` pages up and `q` goes back).
        self.screen.set_focus(box)
        box.select_all()

    def close(self, *, clear: bool) -> None:
        """Hide the bar when ``clear``; otherwise it stays, showing the count."""
        if clear:
            self.display = False
            with self.input.prevent(Input.Changed):
                self.input.value = ""
            self.count = ""

    def watch_count(self, count: str) -> None:
        """Show the match count."""
        self.query_one("#find-count", Static).update(count)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, direction: int) -> None:
        """Go to the next or previous match."""
        self.post_message(self.Step(direction))

    def action_leave(self) -> None:
        """Go back to the text, keeping the matches (F3 / ctrl+g step through them)."""
        self.post_message(self.Closed(clear=False))

    def action_cancel(self) -> None:
        """Close the bar and clear the matches."""
        self.post_message(self.Closed(clear=True))
