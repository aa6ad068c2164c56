"""What the reader remembers between runs (the last view and sort), in a small JSON file.

The file lives in the user state dir (``$SKIM_STATE_DIR`` overrides it). It is a convenience, not
data: a missing, unreadable or half-understood file is ignored, and a write that fails is ignored
too (a read-only home must not stop the reader). Writes are atomic (a temporary file renamed over
the old one), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reader.core import paths
from reader.core.config import SORTS, VIEWS

STATE_FILENAME = "reader-state.json"


@dataclass(frozen=True, slots=True)
class ListState:
    """The library list as the reader left it."""

    view: str
    sort: str
    descending: bool


def state_file(directory: Path | None = None) -> Path:
    """The state file in ``directory`` (default: :func:`reader.core.paths.state_dir`)."""
    return (directory or paths.state_dir()) / STATE_FILENAME


def read_list_state(path: Path | None = None) -> ListState | None:
    """The remembered view and sort, or None when nothing (usable) is remembered."""
    try:
        data = json.loads((path or state_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    view, sort, descending = data.get("view"), data.get("sort"), data.get("descending")
    if view not in VIEWS or sort not in SORTS or not isinstance(descending, bool):
        return None
    return ListState(str(view), str(sort), descending)


def write_list_state(state: ListState, path: Path | None = None) -> bool:
    """Remember ``state``; False when the file could not be written (nothing else happens)."""
    target = path or state_file()
    data = {"view": state.view, "sort": state.sort, "descending": state.descending}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".state-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
