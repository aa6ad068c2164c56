"""The article screen and the world outside the terminal: the browser, the clipboard, $EDITOR.

:class:`ArticleOutside` does the work of the screen's `o`, `y`, `Y` and `ctrl+n` keys. The
browser is started in a thread worker (``webbrowser`` may wait for it); the clipboard is the
terminal's (Textual's ``copy_to_clipboard``, OSC 52); the external editor runs while the app is
suspended, as lazygit and tig do, and the note it leaves is stored through the library in a
worker.
"""

from __future__ import annotations

import subprocess
import tempfile
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from reader.core import Annotation, SkimError, editor_command, strip_controls
from reader.tui.messages import settings_of

if TYPE_CHECKING:
    from reader.core import Library
    from reader.tui.article.screen import ArticleScreen


class ArticleOutside:
    """The open, copy and external-editor keys of an article screen."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Act for the article shown on ``screen``."""
        self.screen = screen
        self.session = screen.session

    # -- browser ---------------------------------------------------------------------------------

    def open_url(self) -> None:
        """Open the article's web address in the browser (``$BROWSER`` is honoured)."""
        url = self._url()
        if url is None:
            return
        self.screen.app.run_worker(lambda: self._open(url), thread=True, group="browser")

    def _open(self, url: str) -> None:
        app = self.screen.app
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error as error:  # pragma: no cover - depends on the machine
            opened, reason = False, str(error)
        else:
            reason = "no browser was found (set $BROWSER)"
        if opened:
            app.call_from_thread(app.notify, f"Opened {url}", timeout=3)
        else:
            app.call_from_thread(app.notify, f"Could not open {url}: {reason}", severity="error")

    def _url(self) -> str | None:
        article = self.session.article
        if article is None:
            return None
        if not article.url:
            self.screen.notify("This article has no web address (m can add one).", timeout=3)
            return None
        return strip_controls(article.url)

    # -- clipboard -------------------------------------------------------------------------------

    def copy_text(self) -> None:
        """Copy the selection, else the highlight under the cursor, else the cursor sentence."""
        article, text = self.session.article, self.screen.article_text
        if article is None or text.cursor_range is None:
            return
        annotation = self.screen.annotation_under_cursor()
        if text.selecting and text.selection_range is not None:
            what, (start, end) = "the selection", text.selection_range
            copied = article.body[start:end]
        elif annotation is not None and not annotation.orphaned:
            what, copied = "the highlight", annotation.quote
        else:
            start, end = text.cursor_range
            what, copied = "the sentence", article.body[start:end]
        self.screen.app.copy_to_clipboard(copied)
        self.screen.notify(f"Copied {what} ({len(copied)} characters).", timeout=2)

    def copy_url(self) -> None:
        """Copy the article's web address."""
        url = self._url()
        if url is not None:
            self.screen.app.copy_to_clipboard(url)
            self.screen.notify(f"Copied {url}", timeout=2)

    # -- external editor -------------------------------------------------------------------------

    def edit_note(self) -> None:
        """Edit the note of the highlight under the cursor in the external editor.

        On a sentence (or selection) without a highlight, a highlight is made with the note,
        unless the editor leaves it empty.
        """
        article, text = self.session.article, self.screen.article_text
        where = text.selection_range
        if article is None or where is None:
            return
        annotation = self.screen.annotation_under_cursor()
        before = annotation.note if annotation is not None else ""
        after = self._run_editor(before)
        if after is None:
            return
        text.clear_selection()
        if after == before:
            self.screen.notify("The note is unchanged.", timeout=2)
            return
        self._store(annotation, where, before, after)

    def _run_editor(self, note: str) -> str | None:
        """Let the reader edit ``note`` in the editor; the text it leaves, or None on failure."""
        command, _source = editor_command(settings_of(self.screen.app))
        with tempfile.TemporaryDirectory(prefix="skim-note-") as folder:
            path = Path(folder) / "note.md"
            path.write_text(note, encoding="utf-8")
            try:
                with self.screen.app.suspend():
                    result = subprocess.run([*command, str(path)], check=False)
            except SuspendNotSupported:
                self.screen.notify(
                    "This terminal cannot hand over to an editor: n edits the note here.",
                    severity="warning",
                )
                return None
            except OSError as error:
                self.screen.notify(
                    f"Could not start the editor {command[0]!r} ({error.strerror or error}): "
                    "set $VISUAL or $EDITOR.",
                    severity="error",
                )
                return None
            if result.returncode != 0:
                self.screen.notify(
                    f"The editor exited with status {result.returncode}: the note is unchanged.",
                    severity="warning",
                )
                return None
            try:
                edited = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                self.screen.notify(f"Could not read the edited note: {error}", severity="error")
                return None
        # Editors end the file with a newline the reader did not type.
        return edited.rstrip("\n") if not note.endswith("\n") else edited

    def _store(
        self, annotation: Annotation | None, where: tuple[int, int], before: str, after: str
    ) -> None:
        app, article_id = self.screen.app, self.session.article_id

        def change(library: Library) -> None:
            try:
                if annotation is None:
                    library.annotations.add(article_id, *where, note=after)
                else:
                    library.annotations.update(annotation.id, note=after, expected_note=before)
            except SkimError as error:
                # The edited text must not be lost: it goes to the clipboard.
                app.call_from_thread(app.copy_to_clipboard, after)
                raise SkimError(f"{error} Your note is on the clipboard.") from error

        self.screen.writer.write(change, "annotations", "Note saved.")
