"""Word lists shipped as package data, read once.

Plain text inside a package's ``data/`` folder (so an installed wheel has them): words or phrases
separated by white space, or one phrase a line; ``#`` starts a comment. Every word was chosen for
skim; see each file's header.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _text(package: str, name: str) -> str:
    return (resources.files(package) / "data" / name).read_text(encoding="utf-8")


def _entries(package: str, name: str, casefold: bool) -> list[str]:
    """The lines of the list without comments and surrounding space, empty ones left out."""
    found = []
    for line in _text(package, name).splitlines():
        entry = " ".join(line.split("#", 1)[0].split())
        if entry:
            found.append(entry.casefold() if casefold else entry)
    return found


@cache
def words(package: str, name: str, *, casefold: bool = True) -> frozenset[str]:
    """The single words of ``package``'s list ``name`` (any number a line), lowercase by default."""
    return frozenset(word for entry in _entries(package, name, casefold) for word in entry.split())


@cache
def phrases(package: str, name: str, *, casefold: bool = True) -> tuple[str, ...]:
    """The entries of ``package``'s list ``name``, one a line (entries may contain spaces),
    lowercase by default."""
    return tuple(_entries(package, name, casefold))
