"""``skim backup`` and ``skim restore``: copies of the library made with SQLite's online backup."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reader.cli.output import counted

if TYPE_CHECKING:
    from reader.core import Library


def add_backup_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``backup`` and ``restore`` to the ``skim`` subcommands."""
    backup = commands.add_parser(
        "backup", help="copy the library to a backup file (safe while skim is running)"
    )
    backup.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a new file or a folder (default: the backups folder in the data dir)",
    )
    restore = commands.add_parser(
        "restore", help="replace the library by a backup (a safety copy of it is kept)"
    )
    restore.add_argument("path", metavar="PATH", help="a backup made by `skim backup`")


def backup(library: Library, args: argparse.Namespace) -> int:
    """``skim backup [PATH]``: write a consistent copy of the library; print where it went."""
    from pathlib import Path

    target = library.backups.create(Path(args.path) if args.path else None)
    print(f"backed up {counted(library.articles.count(), 'article')} to {target}")
    return 0


def restore(library: Library, args: argparse.Namespace) -> int:
    """``skim restore PATH``: check the backup, keep a copy of the current library, restore."""
    from pathlib import Path

    safety = library.backups.restore(Path(args.path))
    print(f"restored {args.path}; the library as it was is kept in {safety}")
    return 0
