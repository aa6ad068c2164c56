"""The note editor: a modal with a multi-line text area; ctrl+s saves, escape cancels.

Given a ``save`` function, the editor stores the note itself (in a worker) and closes only once it
is stored, so nothing typed is lost on the way:

- another skim changed the note while the reader was typing (EditConflict): theirs is shown and
  nothing is overwritten until the reader chooses: ctrl+o saves theirs over, ctrl+t keeps theirs
  (the typed text goes to the clipboard), ctrl+b puts both in the editor to merge and save;
- the library cannot be written (a full disk, a read-only or locked library): the error is shown
  and the text stays; ctrl+s tries again, ctrl+g copies it, and escape must be pressed twice.

The editor closes with the note as now stored (theirs, if kept), or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from reader.core import EditConflict, SkimError, clean_line
from reader.tui.spans import excerpt

QUOTE_CHARS = 400
THEIRS_CHARS = 300
NoteSave = Callable[[str, str], object]
"""Stores ``(text, expected)``: the text typed, and the note the editor started from (or was last
shown). Runs in a worker thread; raises EditConflict when the stored note is no longer
``expected``, another SkimError when it cannot store."""


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the stored (or, without ``save``, typed) text, or None."""

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
        & #note-problem { color: $warning; max-height: 8; display: none; }
        & #note-problem.-shown { display: block; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note-editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note-editor.cancel"),
        Binding("ctrl+o", "overwrite", "Save mine over theirs", id="note-editor.overwrite"),
        Binding("ctrl+t", "keep_theirs", "Keep theirs", id="note-editor.keep-theirs"),
        Binding("ctrl+b", "both", "Keep both", id="note-editor.both"),
        Binding("ctrl+g", "copy", "Copy my text", id="note-editor.copy"),
    ]

    def __init__(
        self,
        note: str = "",
        *,
        quote: str | None = None,
        title: str = "Note",
        save: NoteSave | None = None,
    ) -> None:
        """Edit ``note``; ``quote`` is the passage the note belongs to (None for the article note).

        Without ``save`` the editor only returns the text typed; the caller stores it.
        """
        super().__init__()
        self._note = note
        self._quote = quote
        self._title = title
        self._save = save
        self._expected = note  # what the stored note must still be for a save to go through
        self._theirs: str | None = None  # another program's note, after a conflict
        self._saving = False
        self._unsaved = False  # a save failed or conflicted: escape asks before dropping text
        self._warned = False

    def compose(self) -> ComposeResult:
        """The title, the quoted passage, the text area, problems, and a hint about the keys."""
        with Vertical(id="note-dialog"):
            yield Label(Content(self._title), classes="note-title")
            if self._quote:
                yield Static(Content(f"“{excerpt(self._quote, QUOTE_CHARS)}”"), id="note-quote")
            yield TextArea(self._note, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static("", id="note-problem")
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The conflict keys only after a conflict; copying only once something went wrong."""
        if action in ("overwrite", "keep_theirs", "both"):
            return self._theirs is not None
        if action == "copy":
            return self._unsaved
        return True

    def action_save(self) -> None:
        """Store the text (trailing blank lines dropped) and close; stay open if it fails."""
        text = self.text.rstrip()
        if self._save is None:
            self.dismiss(text)
            return
        if self._saving:
            return
        self._saving = True
        self.run_worker(
            partial(self._store, self._save, text, self._expected),
            thread=True,
            group="note-save",
            exit_on_error=False,
        )

    def _store(self, save: NoteSave, text: str, expected: str) -> None:
        """In a worker: store, then report back to the UI thread."""
        try:
            save(text, expected)
        except EditConflict as conflict:
            self.app.call_from_thread(self._conflict, conflict.current)
        except SkimError as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self._saved, text)

    def _saved(self, text: str) -> None:
        self._saving = False
        if self.is_attached:
            self.dismiss(text)

    def _conflict(self, theirs: str) -> None:
        self._saving = False
        self._theirs = self._expected = theirs  # the next save replaces exactly what is shown
        shown = excerpt(clean_line(theirs), THEIRS_CHARS) if theirs else "(they removed it)"
        self._problem(
            f"Another skim changed this note while you were writing; yours is not saved yet.\n"
            f"Theirs: “{shown}”\n"
            "ctrl+o save yours over theirs · ctrl+t keep theirs (yours is copied to the "
            "clipboard) · ctrl+b keep both, to edit and save"
        )

    def _failed(self, message: str) -> None:
        self._saving = False
        self._problem(
            f"Not saved: {clean_line(message)}\n"
            "Your text is still here: ctrl+s tries again · ctrl+g copies it to the clipboard"
        )

    def _problem(self, text: str) -> None:
        self._unsaved, self._warned = True, False
        problem = self.query_one("#note-problem", Static)
        problem.update(Content(text))
        problem.add_class("-shown")
        self.refresh_bindings()

    def action_overwrite(self) -> None:
        """Save your text over the note another program wrote."""
        if self._theirs is not None:
            self.action_save()

    def action_keep_theirs(self) -> None:
        """Keep the note another program wrote; your text goes to the clipboard."""
        if self._theirs is not None:
            self.app.copy_to_clipboard(self.text)
            self.dismiss(self._theirs)

    def action_both(self) -> None:
        """Put their note and yours in the editor, to merge and save with ctrl+s."""
        if self._theirs is None:
            return
        area = self.query_one(TextArea)
        mine, theirs = self.text.strip(), self._theirs.strip()
        area.text = "\n\n".join(part for part in (theirs, mine) if part)
        area.move_cursor(area.document.end)
        self._theirs = None
        self._problem("Their note and yours are both in the editor: ctrl+s saves them.")

    def action_copy(self) -> None:
        """Copy your text to the clipboard."""
        self.app.copy_to_clipboard(self.text)
        self.notify("Your note is copied to the clipboard.", timeout=3)

    def action_cancel(self) -> None:
        """Close without saving (after a failed save, escape must be pressed twice)."""
        if self._saving:
            return
        if self._unsaved and not self._warned and self.text.strip():
            self._warned = True
            self._problem_hint("Your text is not saved: escape again drops it, ctrl+g copies it.")
            return
        self.dismiss(None)

    def _problem_hint(self, text: str) -> None:
        self.query_one(".note-hint", Label).update(Content(text))
