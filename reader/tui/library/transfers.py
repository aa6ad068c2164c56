"""Export and import from the library screen: the `e` and `A` keys.

:class:`Transfers` is a plain helper the screen owns (the screen keeps the actions, with the
docstrings the help shows). Every call to the library runs in a thread worker of the screen; the
dialogs only collect what the reader wants.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import (
    EXPORT_FOLDER_SETTING,
    ImportOutcome,
    SkimError,
    UsageError,
    default_export_folder,
)
from reader.tui.library.listing import Listing, all_ids
from reader.tui.messages import settings_of
from reader.tui.transfers import (
    ExportRequest,
    export_summary,
    first_line,
    import_summary,
)

if TYPE_CHECKING:
    from reader.tui.library.screen import LibraryScreen


class Transfers:
    """Export the current view, and import a path or a URL, for one library screen."""

    def __init__(self, screen: LibraryScreen) -> None:
        """Work for ``screen``: its library, its workers, its notifications."""
        self.screen = screen

    # -- export ----------------------------------------------------------------------------------

    def export(self, listing: Listing) -> None:
        """Ask where to export every article of ``listing`` (its ids read now), then export."""
        self._prepare(lambda: all_ids(self.screen.library, listing))

    def export_ids(self, ids: list[int]) -> None:
        """Ask where to export the articles ``ids`` (the marked ones), then export."""
        self._prepare(lambda: ids)

    def _prepare(self, read_ids: Callable[[], list[int]]) -> None:
        screen = self.screen
        library, app = screen.library, screen.app
        settings = settings_of(app)

        def prepare() -> None:
            # The ids are read now, so the export is of the view as it was when the key was pressed.
            try:
                ids = read_ids()
                remembered = library.get_setting(EXPORT_FOLDER_SETTING)
                folder = default_export_folder(settings, remembered)[0]
            except SkimError as error:
                app.call_from_thread(screen.notify, first_line(str(error)), severity="error")
                return
            if not ids:
                app.call_from_thread(screen.notify, "No articles in this view to export", timeout=3)
                return
            app.call_from_thread(self._ask_export, ids, folder)

        screen.run_worker(prepare, thread=True, exclusive=True, group="export", exit_on_error=False)

    def _ask_export(self, ids: list[int], folder: Path) -> None:
        from reader.tui.dialogs.export_dialog import ExportDialog

        def done(request: ExportRequest | None) -> None:
            if request is not None:
                noun = "article" if len(ids) == 1 else "articles"
                self.screen.notify(f"Exporting {len(ids)} {noun} to {request.folder}…", timeout=3)
                self._export(ids, request)

        template = settings_of(self.screen.app).export_template
        self.screen.app.push_screen(ExportDialog(len(ids), folder, template), done)

    def _export(self, ids: list[int], request: ExportRequest) -> None:
        screen = self.screen
        library, app = screen.library, screen.app

        def export() -> None:
            try:
                report = library.exports.markdown(
                    ids,
                    out=request.folder,
                    template=request.template,
                    force=request.force,
                    filename=request.filename or None,
                )
                library.set_setting(EXPORT_FOLDER_SETTING, str(request.folder))
            except SkimError as error:
                app.call_from_thread(screen.notify, first_line(str(error)), severity="error")
                return
            message, warn = export_summary(report, request.folder)
            severity = "warning" if warn else "information"
            app.call_from_thread(screen.notify, message, severity=severity, timeout=8)

        # Not exclusive: a second export must not hide the outcome of one still writing files.
        screen.run_worker(export, thread=True, group="export", exit_on_error=False)

    # -- import ----------------------------------------------------------------------------------

    def ask_import(self) -> None:
        """Ask for a file, a folder or a web address, then import it."""
        from reader.tui.dialogs.import_dialog import ImportDialog

        def done(source: str | None) -> None:
            if source:
                self.screen.notify(f"Importing {source}…", timeout=3)
                self._import(source)

        self.screen.app.push_screen(ImportDialog(), done)

    def _import(self, source: str) -> None:
        screen = self.screen
        library, app = screen.library, screen.app

        def run() -> None:
            # Imported here, not at the top: it loads the whole ingest stack (Markdown, YAML,
            # HTML parsers), which the library's first frame does not need.
            from reader.core import sort_inputs

            outcomes: list[ImportOutcome]
            try:
                inputs = sort_inputs([source])
                if inputs.stdin:
                    raise UsageError("- (standard input) can be imported only with skim add -")
                if inputs.addresses:
                    added = library.sources.add_url(inputs.addresses[0])
                    outcomes = [ImportOutcome(source, result=added)]
                else:
                    outcomes = library.articles.import_paths(list(inputs.paths))
            except SkimError as error:
                outcomes = [ImportOutcome(source, error=str(error))]
            message, failed = import_summary(outcomes)
            severity = "warning" if failed else "information"
            app.call_from_thread(screen.notify, message, severity=severity, timeout=6)
            if any(o.result is not None and o.result.created for o in outcomes):
                app.call_from_thread(screen.reload)

        screen.run_worker(run, thread=True, group="import", exit_on_error=False)
