"""The import dialog: one box for a file, a folder or a web address."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class ImportDialog(ModalScreen[str | None]):
    """Ask what to import; dismisses with the text typed (a path or an http(s) URL), or None."""

    DEFAULT_CSS = """
    ImportDialog {
        align: center middle;
        & > #import-dialog {
            width: 80%;
            max-width: 76;
            height: auto;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .dialog-title { text-style: bold; }
        & .dialog-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import-dialog.cancel"),
    ]

    def compose(self) -> ComposeResult:
        """The title, the box and a hint."""
        with Vertical(id="import-dialog"):
            yield Label("Import articles", classes="dialog-title")
            yield Static("A file (.txt .md .html), a folder of them, or an http(s) address")
            yield Input(placeholder="~/Downloads/article.html or https://…", id="import-source")
            yield Label("enter import · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        """Focus the box."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.dismiss(text)

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)
