"""Exporting the open article to Markdown from the article screen (ctrl+e).

:class:`MarkdownExport` runs the export in an app worker, so leaving the screen does not stop
it, and turns the core's report into notifications. When the file was edited since the last
export the core skips it; a second ctrl+e within :data:`FORCE_WINDOW` seconds overwrites it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import EXPORT_FOLDER_SETTING, SkimError, default_export_folder
from reader.tui.messages import settings_of

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen

FORCE_WINDOW = 10.0  # seconds in which a second ctrl+e overwrites a protected file


class MarkdownExport:
    """The ctrl+e key of an article screen."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Export the article shown on ``screen``."""
        self.screen = screen
        self._force_until = 0.0  # monotonic time until which ctrl+e overwrites an edited file

    def start(self) -> None:
        """Export the article with its highlights and notes to a Markdown file."""
        if self.screen.session.article is None:
            return
        force = time.monotonic() < self._force_until
        self._force_until = 0.0
        article_id, library, app = (
            self.screen.session.article_id,
            self.screen.library,
            self.screen.app,
        )

        settings = settings_of(app)

        def export() -> None:
            try:
                remembered = library.get_setting(EXPORT_FOLDER_SETTING)
                folder = default_export_folder(settings, remembered)[0]
                report = library.exports.markdown(
                    [article_id], out=folder, template=settings.export_template, force=force
                )
            except SkimError as error:
                app.call_from_thread(app.notify, str(error), severity="error")
                return
            for outcome in report.files:
                app.call_from_thread(self._exported, outcome.status, outcome.path, outcome.message)

        app.run_worker(export, thread=True, group="article-export", exit_on_error=False)

    def _exported(self, status: str, path: Path, message: str) -> None:
        app = self.screen.app
        if status == "written":
            app.notify(f"Exported to {path}", timeout=5)
        elif status == "unchanged":
            app.notify(f"Already up to date: {path}", timeout=4)
        elif status == "skipped":
            # A second ctrl+e within the window exports with force.
            self._force_until = time.monotonic() + FORCE_WINDOW
            shown = f"{message}; press ctrl+e again to overwrite it"
            app.notify(shown, severity="warning", timeout=FORCE_WINDOW)
        else:
            app.notify(message or f"Could not write {path}", severity="error")
