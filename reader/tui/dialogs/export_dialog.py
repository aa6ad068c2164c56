"""The export dialog: which folder, which template, how to name files, whether to overwrite."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from reader.core import BUILTIN_TEMPLATES
from reader.tui.transfers import ExportRequest, export_folder


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Ask where and how to export; dismisses with an :class:`ExportRequest`, or None."""

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
        & > #export-dialog {
            width: 80%;
            max-width: 76;
            height: auto;
            max-height: 100%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .dialog-title { text-style: bold; }
        & .dialog-hint { color: $text-muted; }
        & #export-error { color: $text-error; display: none; }
        & RadioSet { layout: horizontal; width: auto; border: none; margin-top: 1; }
        & Checkbox { border: none; }
        & #export-buttons { height: auto; align-horizontal: right; }
        & Button { margin-left: 2; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export-dialog.cancel"),
    ]

    def __init__(self, count: int, folder: Path, template: str = "default") -> None:
        """Offer to export ``count`` articles, to ``folder`` with ``template`` unless changed.

        A ``template`` that is not built in (the config file may name one of the reader's own)
        is offered after the built-in ones.
        """
        super().__init__()
        self._count = count
        self._folder = folder
        self._template = template

    def compose(self) -> ComposeResult:
        """The title, the folder box, the templates, the file-name box, force and the buttons."""
        noun = "article" if self._count == 1 else "articles"
        with Vertical(id="export-dialog"):
            yield Label(Content(f"Export {self._count} {noun} to Markdown"), classes="dialog-title")
            yield Label("Folder (one file per article)")
            yield Input(str(self._folder), id="export-folder")
            yield Label("", id="export-error")
            with RadioSet(id="export-template"):
                for name in BUILTIN_TEMPLATES:
                    yield RadioButton(
                        f"{name} template",
                        value=name == self._template,
                        name=name,
                        id=f"template-{name}",
                    )
                if self._template not in BUILTIN_TEMPLATES:
                    yield RadioButton(
                        Content(f"{self._template} template"),  # a file name: not markup
                        value=True,
                        name=self._template,
                        id="template-configured",
                    )
            yield Label("File names of new files (empty: the title as a slug)")
            yield Input(
                placeholder="a template, e.g. {{title}} or {{published|date}} {{title}}",
                id="export-filename",
            )
            yield Checkbox("force: overwrite files edited since the last export", id="export-force")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)
            yield Label("enter export · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        """Start in the folder box, ready to edit or confirm."""
        self.query_one("#export-folder", Input).focus()

    def _request(self) -> ExportRequest | None:
        folder = export_folder(self.query_one("#export-folder", Input).value)
        if folder is None:
            error = self.query_one("#export-error", Label)
            error.update("Type a folder to export to.")
            error.display = True
            return None
        pressed = self.query_one(RadioSet).pressed_button
        template = pressed.name if pressed is not None and pressed.name else BUILTIN_TEMPLATES[0]
        filename = self.query_one("#export-filename", Input).value.strip()
        return ExportRequest(folder, template, self.query_one(Checkbox).value, filename)

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-ok")
    def _submit(self) -> None:
        request = self._request()
        if request is not None:
            self.dismiss(request)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
