"""Export and import from the library screen, as data: requests, defaults and one-line summaries.

No Textual here: the dialogs build the requests, the screen's workers run them and show these
summaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core import ExportReport, ImportOutcome


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the export dialog asks for."""

    folder: Path
    template: str = "default"
    force: bool = False
    #: A template naming new files (``{{title}}``); "" for the title's slug.
    filename: str = ""


def export_folder(text: str) -> Path | None:
    """The folder typed in the dialog (``~`` expanded), or None when the box is empty."""
    text = text.strip()
    return Path(text).expanduser() if text else None


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def export_summary(report: ExportReport, folder: Path) -> tuple[str, bool]:
    """One line about an export, and whether it deserves a warning (something was not written).

    Skipped files were edited since the last export (or not written by skim): the line says
    that "force" overwrites them.
    """
    if not report.files:
        return f"Nothing to export to {folder}", False
    parts = [f"{report.count('written')} written", f"{report.count('unchanged')} unchanged"]
    skipped, failed = report.count("skipped"), report.count("failed")
    if skipped:
        parts.append(f"{skipped} skipped (edited since the last export; tick force to overwrite)")
    if failed:
        first = next(f.message for f in report.files if f.status == "failed")
        parts.append(f"{failed} failed: {first}")
    return f"Exported {_files(len(report.files))} to {folder}: " + ", ".join(parts), not (
        report.complete
    )


def import_summary(outcomes: Sequence[ImportOutcome]) -> tuple[str, bool]:
    """One line about an import, and whether something failed.

    For example ``Imported 3, 1 already there, 1 failed: notes.bin: looks like a binary file``.
    """
    added = sum(1 for o in outcomes if o.result is not None and o.result.created)
    known = sum(1 for o in outcomes if o.result is not None and not o.result.created)
    errors = [o.error for o in outcomes if o.error]
    parts = [f"Imported {added}"]
    if known:
        parts.append(f"{known} already there")
    if errors:
        parts.append(f"{len(errors)} failed: {first_line(errors[0])}")
    return ", ".join(parts), bool(errors)


def first_line(message: str) -> str:
    """The first line of an error message (notifications stay one line)."""
    return message.strip().splitlines()[0] if message.strip() else "unknown error"
