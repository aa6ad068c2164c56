"""Argument parsers of ``skim delete``, ``skim undelete`` and ``skim tag`` (handlers: ``reader.commands_manage``)."""

from __future__ import annotations

import argparse
from typing import Any


def add_manage_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``delete``, ``undelete`` and ``tag`` to the ``skim`` subcommands."""
    delete = commands.add_parser(
        "delete", help="delete articles with their notes (undo with `skim delete --undo`)"
    )
    delete.add_argument("ids", type=int, nargs="*", metavar="ID")
    delete.add_argument(
        "--undo", action="store_true", help="bring back the articles of the most recent delete"
    )
    undelete = commands.add_parser("undelete", help="bring deleted articles back")
    undelete.add_argument("ids", type=int, nargs="+", metavar="ID")
    tag = commands.add_parser(
        "tag",
        help="add (+tag) and remove (-tag) tags; with no change, print the tags",
        description="Tag articles: skim tag 12 14 +longread -todo. IDs come first; "
        "a tag with spaces goes in quotes ('+long read').",
    )
    # REMAINDER: "-todo" after the ids is a tag to remove, not an option.
    tag.add_argument("words", nargs=argparse.REMAINDER, metavar="ID… [+TAG] [-TAG]")
