"""Word lists of the stories package, read once from ``reader/core/stories/data/``.

Plain text shipped inside the package (so an installed wheel has them): words or phrases separated
by spaces or commas; ``#`` starts a comment. Every word was chosen for skim; see the files' headers.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _text(name: str) -> str:
    return (resources.files("reader.core.stories") / "data" / name).read_text(encoding="utf-8")


@cache
def words(name: str) -> frozenset[str]:
    """The lowercase single words of list ``name`` (any number a line, split on white space)."""
    found: set[str] = set()
    for line in _text(name).splitlines():
        found.update(line.split("#", 1)[0].casefold().split())
    return frozenset(found)


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The lowercase entries of list ``name``, one a line (entries may contain spaces)."""
    found = []
    for line in _text(name).splitlines():
        entry = " ".join(line.split("#", 1)[0].casefold().split())
        if entry:
            found.append(entry)
    return tuple(found)
