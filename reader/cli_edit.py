"""Argument parser of ``skim edit`` (handler: ``reader.commands_edit``)."""

from __future__ import annotations

import argparse
from typing import Any


def add_edit_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``edit`` to the ``skim`` subcommands."""
    edit = commands.add_parser(
        "edit",
        help="correct an article's title, date, source, author or URL",
        description="Correct what an import got wrong: skim edit 12 --title 'Storm closes the "
        "harbour' --published 2024-03-05. An empty value (--source '') clears a detail; the "
        "title cannot be cleared.",
    )
    edit.add_argument("id", type=int, metavar="ID")
    edit.add_argument("--title", metavar="T", help="the new title")
    edit.add_argument(
        "--published",
        metavar="DATE",
        help="when it was published: 2024-03-05, '2024-03-05 14:30' (UTC unless a zone is "
        "given), '5 March 2024'…",
    )
    edit.add_argument("--source", metavar="S", help="the publication")
    edit.add_argument("--author", metavar="A")
    edit.add_argument("--url", metavar="U", help="the address of the original")
