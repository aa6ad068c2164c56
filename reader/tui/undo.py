"""The one undo stack of the reader: each entry knows how to put one article back as it was.

The library screen and the article screen both push :class:`Change` entries onto an
:class:`UndoStack`; `u` pops the latest and reverts it in a worker thread. An action on several
marked articles pushes one entry of its own (any :class:`Undoable`), so one `u` takes it all back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar

from reader.core import Library, TriageState

Kind = Literal["state", "star", "read", "tags", "delete", "annotation", "details"]

#: Older entries are forgotten; nobody undoes a hundred steps in a list.
DEPTH = 100


class StoredDetails(Protocol):
    """Details an article had (the details editor's ``Details``), able to store themselves again."""

    @property
    def title(self) -> str:
        """The title among the details."""

    def store(self, library: Library, article_id: int) -> object:
        """Give the article these details (in a worker thread)."""


class Undoable(Protocol):
    """An entry of the undo stack: it can say what undoing it does, and do it."""

    def describe(self) -> str:
        """What undoing this does, for a notification."""

    def revert(self, library: Library) -> None:
        """Undo the change (runs in a worker thread)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change made to an article, with what it replaced."""

    kind: Kind
    article_id: int
    title: str
    previous_state: TriageState | None = None
    previous_starred: bool | None = None
    previous_read: bool | None = None
    previous_tags: tuple[str, ...] = ()
    annotation_id: int | None = None
    """The highlight a ``"annotation"`` change removed."""
    previous_details: StoredDetails | None = None
    """The details a ``"details"`` change replaced."""

    def describe(self) -> str:
        """What undoing this does, for a notification."""
        title = short_title(self.title)
        if self.kind == "delete":
            return f"Restored '{title}'"
        if self.kind == "state" and self.previous_state is not None:
            return f"Moved '{title}' back to {self.previous_state.value}"
        if self.kind == "star":
            return f"{'Starred' if self.previous_starred else 'Unstarred'} '{title}' again"
        if self.kind == "read":
            return f"Marked '{title}' {'read' if self.previous_read else 'unread'} again"
        if self.kind == "annotation":
            return f"Restored a highlight of '{title}'"
        if self.kind == "details":
            return f"Details of “{title}” restored."
        return f"Restored the tags of '{title}'"

    def revert(self, library: Library) -> None:
        """Undo the change (runs in a worker thread)."""
        ids = [self.article_id]
        if self.kind == "delete":
            library.articles.undelete(ids)
        elif self.kind == "state" and self.previous_state is not None:
            library.articles.set_state(ids, self.previous_state)
        elif self.kind == "star" and self.previous_starred is not None:
            library.articles.set_starred(ids, self.previous_starred)
        elif self.kind == "read" and self.previous_read is not None:
            library.articles.set_read(ids, self.previous_read)
        elif self.kind == "tags":
            library.articles.set_tags(self.article_id, self.previous_tags)
        elif self.kind == "annotation" and self.annotation_id is not None:
            library.annotations.undelete(self.annotation_id)
        elif self.kind == "details" and self.previous_details is not None:
            self.previous_details.store(library, self.article_id)


#: What one stack holds: the article screen's only :class:`Change` entries, the library's any.
U = TypeVar("U", bound=Undoable)


class UndoStack(Generic[U]):
    """Changes in the order they were made; :meth:`pop` returns the latest."""

    def __init__(self) -> None:
        """Start empty."""
        self._changes: list[U] = []

    def __bool__(self) -> bool:
        return bool(self._changes)

    def push(self, change: U) -> None:
        """Remember a change."""
        self._changes.append(change)
        del self._changes[:-DEPTH]

    def pop(self) -> U | None:
        """Forget and return the latest change, or None."""
        return self._changes.pop() if self._changes else None


def short_title(title: str, limit: int = 40) -> str:
    """A title cut to fit in a notification."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
