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


@cache
def words(package: str, name: str) -> frozenset[str]:
    """The lowercase single words of ``package``'s list ``name`` (any number a line)."""
    found: set[str] = set()
    for line in _text(package, name).splitlines():
        found.update(line.split("#", 1)[0].casefold().split())
    return frozenset(found)


@cache
def phrases(package: str, name: str) -> tuple[str, ...]:
    """The lowercase entries of ``package``'s list ``name``, one a line (entries may contain spaces)."""
    found = []
    for line in _text(package, name).splitlines():
        entry = " ".join(line.split("#", 1)[0].casefold().split())
        if entry:
            found.append(entry)
    return tuple(found)
