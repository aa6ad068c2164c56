"""The library screen's undo stack: each entry knows how to put one article back as it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.core import Library, TriageState

Kind = Literal["state", "star", "tags", "delete"]

#: Older entries are forgotten; nobody undoes a hundred steps in a list.
DEPTH = 100


@dataclass(frozen=True, slots=True)
class Change:
    """One change made to an article, with what it replaced."""

    kind: Kind
    article_id: int
    title: str
    previous_state: TriageState | None = None
    previous_starred: bool | None = None
    previous_tags: tuple[str, ...] = ()

    def describe(self) -> str:
        """What undoing this does, for a notification."""
        title = short_title(self.title)
        if self.kind == "delete":
            return f"Restored '{title}'"
        if self.kind == "state" and self.previous_state is not None:
            return f"Moved '{title}' back to {self.previous_state.value}"
        if self.kind == "star":
            return f"{'Starred' if self.previous_starred else 'Unstarred'} '{title}' again"
        return f"Restored the tags of '{title}'"

    def revert(self, library: Library) -> None:
        """Undo the change (runs in a worker thread)."""
        ids = [self.article_id]
        if self.kind == "delete":
            library.restore(ids)
        elif self.kind == "state" and self.previous_state is not None:
            library.set_state(ids, self.previous_state)
        elif self.kind == "star" and self.previous_starred is not None:
            library.set_starred(ids, self.previous_starred)
        elif self.kind == "tags":
            library.set_tags(self.article_id, self.previous_tags)


class UndoStack:
    """Changes in the order they were made; :meth:`pop` returns the latest."""

    def __init__(self) -> None:
        """Start empty."""
        self._changes: list[Change] = []

    def __bool__(self) -> bool:
        return bool(self._changes)

    def push(self, change: Change) -> None:
        """Remember a change."""
        self._changes.append(change)
        del self._changes[:-DEPTH]

    def pop(self) -> Change | None:
        """Forget and return the latest change, or None."""
        return self._changes.pop() if self._changes else None


def short_title(title: str, limit: int = 40) -> str:
    """A title cut to fit in a notification."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
