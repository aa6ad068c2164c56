"""``skim backup`` and ``skim restore``: copies of the library made with SQLite's online backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.core.library import Library


def backup(library: Library, args: argparse.Namespace) -> int:
    """``skim backup [PATH]``: write a consistent copy of the library; print where it went."""
    target = library.backup(Path(args.path) if args.path else None)
    print(f"backed up {library.count()} articles to {target}")
    return 0


def restore(library: Library, args: argparse.Namespace) -> int:
    """``skim restore PATH``: check the backup, keep a copy of the current library, restore."""
    safety = library.restore_from(Path(args.path))
    print(f"restored {args.path}; the library as it was is kept in {safety}")
    return 0
