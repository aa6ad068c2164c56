"""The record of one file an export wrote: what lets the next export spot a file the user edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """What skim last wrote to one file.

    Attributes:
        path: the file's absolute path.
        directory: the absolute path of its folder (an article keeps its file name in a folder).
        article_id: the article in the file; None for a file holding several articles.
        sha256: hex SHA-256 of the bytes written (or of the user's edits, once imported).
        exported: the time written into the file as ``exported``.
        template: the template, as :func:`reader.core.export.render.load_template` finds it again.
    """

    path: str
    directory: str
    article_id: int | None
    sha256: str
    exported: datetime
    template: str
