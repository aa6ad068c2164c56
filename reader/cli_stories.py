"""Argument parsers of ``skim stories``, ``skim compare`` and ``skim tone`` (handlers:
``reader.commands_stories``)."""

from __future__ import annotations

import argparse
from typing import Any


def add_story_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``stories``, ``compare`` and ``tone`` to the ``skim`` subcommands."""
    stories = commands.add_parser(
        "stories", help="list stories: articles from different sources about the same event"
    )
    stories.add_argument(
        "--all", action="store_true", help="also list articles that no other source covers"
    )
    stories.add_argument("--limit", type=int, metavar="N", help="at most N stories")
    stories.add_argument(
        "--regroup", action="store_true", help="group every article again from scratch first"
    )
    stories.add_argument("--json", action="store_true", help="print a JSON array")

    compare = commands.add_parser(
        "compare", help="compare how sources cover a story: figures, names, quotes"
    )
    compare.add_argument(
        "ids",
        type=int,
        nargs="+",
        metavar="ID",
        help="two or more articles, or one article to compare with the rest of its story",
    )
    compare.add_argument("--json", action="store_true", help="print the JSON form")

    tone = commands.add_parser(
        "tone", help="an article's tone label, with the evidence and its opinion sentences"
    )
    tone.add_argument("id", type=int)
    tone.add_argument("--json", action="store_true", help="print the JSON form")
