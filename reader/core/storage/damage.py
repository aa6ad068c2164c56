"""Damaged library files: SQLite's integrity checks in one line, and the note that stops writes.

SQLite answers a read of a damaged page with ``SQLITE_CORRUPT``, but it goes on writing into a file
whose damaged pages a write does not touch, which can spread the damage. So the first time skim
meets damage (an error, a failed check, a backup that fails its check) it leaves a note beside the
library, ``library.sqlite3.damaged``; while the note is there skim reads but does not write. The
note goes away when the library passes ``PRAGMA integrity_check`` again (checked when it is
opened) or is restored from a backup.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from reader.core.text import clean_line

MARKER_SUFFIX = ".damaged"
#: How long the check before an import may take; a larger library is checked up to that point.
QUICK_CHECK_SECONDS = 0.5


def marker_path(library: Path) -> Path:
    """The note saying that ``library`` was found damaged."""
    return library.with_name(library.name + MARKER_SUFFIX)


def damaged_message(library: Path, detail: str = "") -> str:
    """One line telling the reader the library is damaged and what to do."""
    found = f" ({detail})" if detail else ""
    return (
        f"the library at {library} is damaged{found}: restore a backup with `skim restore FILE` "
        "(`skim export --all` saves what can still be read); until then skim does not write to it"
    )


def note_damage(library: Path, detail: str) -> None:
    """Leave the note that stops writes; best effort (the folder may be read-only)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    with contextlib.suppress(OSError):
        marker_path(library).write_text(f"{stamp}: {clean_line(detail)}\n", encoding="utf-8")


def noted_damage(library: Path) -> str | None:
    """What the note says (``""`` when unreadable), or None when there is no note."""
    marker = marker_path(library)
    if not marker.exists():
        return None
    try:
        return clean_line(marker.read_text(encoding="utf-8", errors="replace"))[:300]
    except OSError:
        return ""


def clear_damage(library: Path) -> None:
    """Remove the note (the library checked intact, or was replaced by a backup)."""
    with contextlib.suppress(FileNotFoundError):
        marker_path(library).unlink()


def problems(
    db: sqlite3.Connection, *, quick: bool = False, seconds: float | None = None
) -> list[str]:
    """The problems ``PRAGMA integrity_check`` (or ``quick_check``) finds, one line each.

    ``quick_check`` skips comparing indexes with their tables (a backup whose index disagrees with
    its table passes it). With ``seconds``, the check stops after about that long and reports only
    what it found so far (the progress handler interrupts the statement).

    Raises:
        sqlite3.Error: the check could not run (other than for damage, reported as a problem).
    """
    pragma = "quick_check" if quick else "integrity_check"
    if seconds is not None:
        deadline = time.monotonic() + seconds
        db.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        rows = db.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code == sqlite3.SQLITE_INTERRUPT and seconds is not None:
            return []  # out of time before finding anything
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return [clean_line(str(error))]  # too damaged to list the problems
        raise
    finally:
        if seconds is not None:
            db.set_progress_handler(None, 0)
    lines = [line for row in rows for line in str(row[0]).splitlines()]
    found = [clean_line(line) for line in lines if line and not line.startswith("*** in database")]
    return [] if found == ["ok"] else found


def summary(found: list[str]) -> str:
    """``3 problems, the first: Page 12: btreeInitPage() returns error code 11`` (one line)."""
    first = found[0][:200] if found else "unknown"
    if len(found) == 1:
        return f"1 problem: {first}"
    return f"{len(found)} problems, the first: {first}"
