"""What an export did, file by file: :class:`ExportReport` of :class:`FileOutcome`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FileStatus = Literal["written", "unchanged", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one file.

    Attributes:
        path: the file, as the user named its folder (``--out``) plus its name.
        status: ``written``, ``unchanged`` (already up to date), ``skipped`` (protected) or
            ``failed`` (could not be written).
        article_ids: the articles in the file.
        message: for skipped and failed files, a one-line reason naming the file. A skipped file
            is written by an export with ``force``; each client says how to ask for that.
    """

    path: Path
    status: FileStatus
    article_ids: tuple[int, ...]
    message: str = ""


@dataclass(frozen=True, slots=True)
class ExportReport:
    """The outcome of every file of one export, in the order they were handled.

    ``unrecorded`` says why the files written could not be recorded in the library (it is
    read-only, say): such files are then protected like files skim did not write.
    """

    files: tuple[FileOutcome, ...]
    unrecorded: str = ""

    def count(self, status: FileStatus) -> int:
        """How many files ended with ``status``."""
        return sum(1 for f in self.files if f.status == status)

    @property
    def complete(self) -> bool:
        """True when no file was skipped or failed."""
        return not any(f.status in ("skipped", "failed") for f in self.files)
