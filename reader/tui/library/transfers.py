"""The library screen's export, import and story actions (a base class of LibraryScreen).

Kept apart from library_screen.py, which owns the list, views and triage. Every call to the
library runs in a thread worker; the dialogs only collect what the reader wants.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from reader.core import ImportOutcome, SkimError, UsageError, sort_inputs
from reader.tui.library.article_list import ArticleList
from reader.tui.library.listing import Listing, all_ids
from reader.tui.messages import OpenStory, library_of
from reader.tui.transfers import (
    EXPORT_FOLDER_SETTING,
    ExportRequest,
    default_export_folder,
    export_summary,
    first_line,
    import_summary,
)

if TYPE_CHECKING:
    from reader.core import Library


class LibraryTransfers(Screen[None]):
    """Export the current view, import a path or a URL, and open the story of an article."""

    listing: Listing

    if TYPE_CHECKING:

        def reload(self, *, follow: bool = True) -> None:
            """Reload the list (LibraryScreen)."""

    @property
    def library(self) -> Library:
        """The app's library."""
        return library_of(self.app)

    # -- export ----------------------------------------------------------------------------------

    def action_export(self) -> None:
        """Export every article of the current view (and search) to Markdown."""
        self._prepare_export(self.listing)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _prepare_export(self, listing: Listing) -> None:
        # The ids are read now, so the export is of the view as it was when the key was pressed.
        try:
            ids = all_ids(self.library, listing)
            folder = default_export_folder(self.library.get_setting(EXPORT_FOLDER_SETTING))
        except SkimError as error:
            self.app.call_from_thread(self.notify, first_line(str(error)), severity="error")
            return
        if not ids:
            self.app.call_from_thread(self.notify, "No articles in this view to export", timeout=3)
            return
        self.app.call_from_thread(self._ask_export, ids, folder)

    def _ask_export(self, ids: list[int], folder: Path) -> None:
        from reader.tui.dialogs.export_dialog import ExportDialog

        def done(request: ExportRequest | None) -> None:
            if request is not None:
                noun = "article" if len(ids) == 1 else "articles"
                self.notify(f"Exporting {len(ids)} {noun} to {request.folder}…", timeout=3)
                self._export(ids, request)

        self.app.push_screen(ExportDialog(len(ids), folder), done)

    # Not exclusive: a second export must not hide the outcome of one still writing files.
    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, ids: list[int], request: ExportRequest) -> None:
        try:
            report = self.library.exports.markdown(
                ids, out=request.folder, template=request.template, force=request.force
            )
            self.library.set_setting(EXPORT_FOLDER_SETTING, str(request.folder))
        except SkimError as error:
            self.app.call_from_thread(self.notify, first_line(str(error)), severity="error")
            return
        message, warn = export_summary(report, request.folder)
        severity = "warning" if warn else "information"
        self.app.call_from_thread(self.notify, message, severity=severity, timeout=8)

    # -- import ----------------------------------------------------------------------------------

    def action_import(self) -> None:
        """Import a file, a folder or a web page (an http(s) address)."""
        from reader.tui.dialogs.import_dialog import ImportDialog

        def done(source: str | None) -> None:
            if source:
                self.notify(f"Importing {source}…", timeout=3)
                self._import(source)

        self.app.push_screen(ImportDialog(), done)

    @work(thread=True, group="import", exit_on_error=False)
    def _import(self, source: str) -> None:
        outcomes: list[ImportOutcome]
        try:
            inputs = sort_inputs([source])
            if inputs.stdin:
                raise UsageError("- (standard input) can be imported only with skim add -")
            if inputs.addresses:
                outcomes = [
                    ImportOutcome(source, result=self.library.sources.add_url(inputs.addresses[0]))
                ]
            else:
                outcomes = self.library.articles.import_paths(list(inputs.paths))
        except SkimError as error:
            outcomes = [ImportOutcome(source, error=str(error))]
        message, failed = import_summary(outcomes)
        self.app.call_from_thread(
            self.notify, message, severity="warning" if failed else "information", timeout=6
        )
        if any(o.result is not None and o.result.created for o in outcomes):
            self.app.call_from_thread(self.reload)

    # -- stories ---------------------------------------------------------------------------------

    def story_available(self) -> bool:
        """Whether the selected article's story has other sources (as far as the rows tell)."""
        current = self.query_one(ArticleList).current
        return current is not None and self.query_one(ArticleList).story_size(current.id) > 1

    def action_story(self) -> None:
        """Compare the sources of the selected article's story."""
        current = self.query_one(ArticleList).current
        if current is None:
            return
        if not self.story_available():
            self.notify("No other source of this story is in your library", timeout=3)
            return
        self.post_message(OpenStory(current.id))
