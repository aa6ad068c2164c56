"""The incremental search box: an input that reports what was typed after a short pause."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

#: Seconds of quiet typing before the search runs: fast enough to feel live, and a fast typist
#: does not start a query per key.
SEARCH_DELAY = 0.15
PLACEHOLDER = 'words, "a phrase", -word, a OR b, is:later, tag:x, source:x, has:notes'


class SearchBar(Vertical):
    """A hidden-until-opened search input with a one-line error under it."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        height: auto;
        & > #search {
            height: 1;
            border: none;
            padding: 0 1;
            background: $surface;
            &:focus { background: $boost; }
        }
        & > #search-error {
            display: none;
            height: 1;
            padding: 0 1;
            color: $text-error;
            background: $error-muted;
        }
    }
    """

    class Changed(Message):
        """The reader paused typing; ``value`` is the search so far."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class Submitted(Message):
        """The reader pressed enter."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        """Create the (hidden) search bar."""
        super().__init__(id=id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """The input and its error line."""
        yield Input(placeholder=PLACEHOLDER, id="search")
        yield Static(id="search-error")

    @property
    def input(self) -> Input:
        """The text input."""
        return self.query_one("#search", Input)

    @property
    def is_open(self) -> bool:
        """Whether the bar is shown."""
        return self.display

    def open(self) -> None:
        """Show the bar and focus the input."""
        self.display = True
        # Focus now, not after a refresh (what focus() does): the keys typed right after `/`
        # must reach the input, not the list (where `q` means quit).
        self.screen.set_focus(self.input)

    def close(self) -> None:
        """Forget the text and any error, and hide the bar (no Changed message is sent)."""
        self._stop_timer()
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.show_error("")
        self.display = False

    def show_error(self, message: str) -> None:
        """Show a one-line problem with the search, or hide it when ``message`` is empty."""
        error = self.query_one("#search-error", Static)
        error.update(Content(message))
        error.display = bool(message)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @on(Input.Changed, "#search")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._stop_timer()
        value = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self.post_message(self.Changed(value)))

    @on(Input.Submitted, "#search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._stop_timer()
        self.post_message(self.Submitted(event.value))
