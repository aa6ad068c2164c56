"""The note editor: a modal with a multi-line text area; ctrl+s saves, escape cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from reader.tui.spans import excerpt

QUOTE_CHARS = 400


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the new text, or None when cancelled."""

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
        & > #note-dialog {
            width: 80%;
            max-width: 90;
            height: auto;
            max-height: 90%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .note-title { text-style: bold; }
        & #note-quote { color: $text-muted; text-style: italic; max-height: 5; margin-bottom: 1; }
        & TextArea { height: 10; min-height: 3; }
        & .note-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note_editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_editor.cancel"),
    ]

    def __init__(self, note: str = "", *, quote: str | None = None, title: str = "Note") -> None:
        """Edit ``note``; ``quote`` is the passage the note belongs to (None for the article note)."""
        super().__init__()
        self._note = note
        self._quote = quote
        self._title = title

    def compose(self) -> ComposeResult:
        """The title, the quoted passage, the text area and a hint about the keys."""
        with Vertical(id="note-dialog"):
            yield Label(Content(self._title), classes="note-title")
            if self._quote:
                yield Static(Content(f"“{excerpt(self._quote, QUOTE_CHARS)}”"), id="note-quote")
            yield TextArea(self._note, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Label("ctrl+s save · escape cancel", classes="note-hint")

    def on_mount(self) -> None:
        """Put the caret at the end of the text, ready to type."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The text as edited so far."""
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        """Close and return the text (trailing blank lines dropped)."""
        self.dismiss(self.text.rstrip())

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
