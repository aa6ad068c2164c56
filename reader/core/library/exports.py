"""Markdown export of articles with their notes, and reading edited notes back (``lib.exports``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.library.analysis import Analyses
from reader.core.library.annotations import Annotations
from reader.core.library.articles import Articles
from reader.core.library.shared import utc_now
from reader.core.models import Progress, no_progress
from reader.core.storage import Storage
from reader.core.types import Clock

if TYPE_CHECKING:
    from reader.core.export.exporter import ExportReport
    from reader.core.export.notes_import import NotesImportReport


class Exports:
    """Notes out to Markdown (see reader.core.export) and back in."""

    def __init__(
        self,
        storage: Storage,
        *,
        articles: Articles,
        annotations: Annotations,
        analysis: Analyses,
        clock: Clock = utc_now,
    ) -> None:
        """Export from ``storage``, with summaries from ``analysis``; notes read back in go to
        ``articles`` and ``annotations``."""
        self._storage = storage
        self._articles = articles
        self._annotations = annotations
        self._analysis = analysis
        self._clock = clock

    def markdown(
        self,
        ids: Sequence[int],
        *,
        out: Path,
        template: str = "default",
        force: bool = False,
        since: datetime | None = None,
        filename: str | None = None,
        progress: Progress | None = None,
    ) -> ExportReport:
        """Write articles with their highlights and notes as Markdown (see reader.core.export).

        Args:
            ids: the articles; a single ``out`` file lists them in this order.
            out: a folder (one file per article, created if needed) or a file ending in ``.md``.
            template: a built-in or user template name, or a template file's path.
            force: overwrite files edited since the last export (and files skim did not write).
            since: only articles added, or whose notes or highlights changed, since this time.
            filename: a template naming new files in a folder (``{{title}}``); files exported
                before keep their names. Default: a slug of the title.
            progress: told about each article as it is written (one step per article).

        Raises:
            NotFound: an id is not in the library.
            UsageError: no such template, a bad template, or a folder that cannot be created;
                the ``logseq`` template into one file.
        """
        from reader.core.errors import UsageError
        from reader.core.export.exporter import export_articles, is_single_file
        from reader.core.export.render import filename_template, load_template

        if template == "logseq" and is_single_file(out):
            # import-notes finds a Logseq page by its page properties, which only start a file.
            raise UsageError("the logseq template writes one page per article: give a folder")
        return export_articles(
            self._storage.exports,
            self._analysis.summary,
            ids,
            out=out,
            template=load_template(template, self._storage.path.parent),
            now=self._clock(),
            force=force,
            since=since,
            filename=filename_template(filename) if filename else None,
            progress=progress or no_progress,
        )

    def import_notes(self, paths: Sequence[Path]) -> NotesImportReport:
        """Read notes and tags edited in exported Markdown files (or folders of them) back in.

        Highlights missing from a file are reported and kept; nothing is deleted.
        """
        from reader.core.export.exporter import refresh_record
        from reader.core.export.notes_import import import_notes
        from reader.core.export.render import load_template
        from reader.core.export.templating import TemplateError

        def after_file(path: Path, article_ids: list[int]) -> None:
            record = self._storage.exports.record(str(path.parent.resolve() / path.name))
            if record is None:
                return
            try:
                template = load_template(record.template, self._storage.path.parent)
            except TemplateError:
                return  # the template is gone: the file simply stays "edited since export"
            refresh_record(
                self._storage.exports, self._analysis.summary, path, article_ids, template
            )

        return import_notes(self._articles, self._annotations, paths, after_file)
