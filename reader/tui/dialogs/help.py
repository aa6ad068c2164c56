"""The `?` help: every key of the screen underneath, generated from its bindings, plus its notes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from reader.tui.keys import KeyHelp


def key_rows(entries: list[KeyHelp]) -> Iterator[Widget]:
    """Keys and what they do: this screen's first, then the ones that work everywhere.

    One row per action, key column and description side by side, so long descriptions wrap
    under themselves rather than under the keys.
    """
    for heading, group in (
        ("On this screen", [e for e in entries if not e.everywhere]),
        ("Everywhere", [e for e in entries if e.everywhere]),
    ):
        if not group:
            continue
        yield Static(Content.styled(heading, "bold $text-primary"), classes="help-heading")
        for entry in group:
            yield Horizontal(
                Static(Content(" ".join(entry.keys)), classes="help-key"),
                Static(Content(entry.help or entry.description), classes="help-text"),
                classes="help-row" if entry.enabled else "help-row -disabled",
            )


class HelpScreen(ModalScreen[None]):
    """A dismissible panel listing keys; built from the bindings, so it is never out of date."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > #help {
            width: 90%;
            max-width: 96;
            height: 90%;
            border: round $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        & .help-heading { margin: 1 0 0 0; }
        & .help-row { height: auto; }
        & .help-key { width: 16; padding: 0 0 0 2; color: $text-accent; text-style: bold; }
        & .help-text { width: 1fr; }
        & .-disabled > .help-text { color: $text-muted; }
        & #help-notes { margin: 1 0 0 0; background: $surface; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    AUTO_FOCUS = "#help"  # so arrows and page keys scroll the help

    def __init__(self, entries: list[KeyHelp], notes: str | None = None) -> None:
        """Show ``entries``; ``notes`` is optional Markdown written by the screen's author."""
        super().__init__()
        self._entries = entries
        self._notes = notes

    def compose(self) -> ComposeResult:
        """The keys, then the notes."""
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys — escape to close"
            scroll.border_subtitle = "ctrl+p finds any command by name"
            yield from key_rows(self._entries)
            if self._notes:
                # Imported here: the Markdown widget costs ~50 ms at start-up, and help is rare.
                from textual.widgets import Markdown

                yield Markdown(self._notes, id="help-notes")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
