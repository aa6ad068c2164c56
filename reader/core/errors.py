"""The one exception hierarchy of skim; every message is fit to show a user as one line."""

from __future__ import annotations


class SkimError(Exception):
    """Base of every error skim raises on purpose.

    ``str(error)`` is a complete, one-line sentence a user can act on.
    """


class IngestError(SkimError):
    """An input (file, stdin, URL) could not be turned into an article."""


class StorageError(SkimError):
    """The library database could not be read or written."""


class LibraryDamaged(StorageError):
    """The library file is damaged: skim reads what it can and refuses to write to it."""


class EditConflict(SkimError):
    """A note was changed by another program while the reader was editing it; nothing was saved.

    ``current`` is the note as it is now, so the reader can keep it, overwrite it, or merge.
    """

    def __init__(self, message: str, current: str) -> None:
        super().__init__(message)
        self.current = current


class NotFound(SkimError):
    """An article or annotation with the given id does not exist."""


class AnalysisError(SkimError):
    """Text could not be analysed (for example an unknown summary algorithm)."""


class UsageError(SkimError):
    """A request that does not make sense (bad option value, quote not in the article)."""


class InvalidArgument(UsageError):
    """An argument that cannot mean anything (an empty quote, ids in the wrong place).

    The command line exits 2 for these, as for any malformed option; other UsageErrors (a backup
    file that already exists, a quote that is not in the article) are refusals and exit 1.
    """


class QueryError(InvalidArgument):
    """A search the query language cannot read: an unknown filter, filters that contradict each
    other, an operator in the wrong place (exit 2 on the command line)."""
