"""Argument parsers of ``skim backup`` and ``skim restore`` (handlers: ``reader.commands_backup``)."""

from __future__ import annotations

import argparse
from typing import Any


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
