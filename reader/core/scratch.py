"""Temporary files written beside their final name, and removing those a killed skim left behind.

A backup is copied to ``<name>.<pid>-<random>.partial`` and an exported file is written to
``.<name>.<pid>-<random>.tmp``, then renamed into place. A skim killed in between (SIGKILL, power
loss) leaves that file behind: 22–107 MB for a backup. The next skim that writes into the same folder
removes such files when the process named in them is no longer running (or, whatever the process,
when they are a day old). Files of older skims, named without a process id, are removed when they
are an hour old and match skim's own names exactly. Nothing else is ever removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path

#: A temporary file older than this is stale whatever its process id says (ids get reused).
STALE_AFTER_SECONDS = 24 * 3600
#: Files of older skims carry no process id: stale once this old (a write takes seconds).
LEGACY_STALE_AFTER_SECONDS = 3600
_TOKEN = r"(?P<pid>\d+)-[0-9a-f]{8}"


def scratch_path(target: Path, suffix: str, *, hidden: bool = False) -> Path:
    """A new temporary name for ``target`` in its folder, naming this process.

    >>> scratch_path(Path("b/x.sqlite3"), ".partial").name.startswith("x.sqlite3.")
    True
    """
    dot = "." if hidden else ""
    return target.with_name(f"{dot}{target.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}")


def remove_stale(
    folder: Path,
    suffix: str,
    *,
    hidden: bool = False,
    legacy: re.Pattern[str] | None = None,
    looks_ours: Callable[[Path], bool] = lambda path: True,
) -> list[Path]:
    """Remove the stale temporary files with ``suffix`` in ``folder``; return what was removed.

    Args:
        folder: where to look (a missing or unreadable folder is simply skipped).
        suffix: ``.partial`` or ``.tmp``.
        hidden: the names start with a dot (as :func:`scratch_path` makes them with ``hidden``).
        legacy: the full names older skims gave such files (no process id in them).
        looks_ours: a last check of the file's content (a backup starts with SQLite's header).
    """
    dot = r"\." if hidden else ""
    current = re.compile(rf"^{dot}.+\.{_TOKEN}{re.escape(suffix)}$")
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for path in entries:
        match = current.match(path.name)
        if match is not None:
            stale = not _running(int(match.group("pid"))) or _age(path, now) > STALE_AFTER_SECONDS
        elif legacy is not None and legacy.match(path.name):
            stale = _age(path, now) > LEGACY_STALE_AFTER_SECONDS
        else:
            continue
        if stale and path.is_file() and not path.is_symlink() and looks_ours(path):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def _running(pid: int) -> bool:
    """Whether a process with this id exists (assumed so where that cannot be asked safely)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True
