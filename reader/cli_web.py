"""Argument parsers of ``skim feed …`` and ``skim import-from …`` (handlers: ``reader.commands_web``).

Kept apart from :mod:`reader.cli` so that file stays a table of contents; like it, this imports
nothing but argparse, so ``skim --help`` stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

TOOLS = ("pocket", "instapaper")


def add_web_commands(commands: Any) -> None:
    """Add the ``feed`` and ``import-from`` subcommands to ``skim``'s subparsers."""
    feed = commands.add_parser(
        "feed",
        help="subscribe to RSS/Atom feeds and import their new entries",
        description="Subscribe to RSS/Atom feeds; `skim feed update` imports new entries.",
    )
    actions = feed.add_subparsers(dest="feed_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="subscribe to a feed and import its entries")
    add.add_argument(
        "source", metavar="URL|FILE", help="a feed address, a page that links to one, or a file"
    )
    add.add_argument(
        "--full-text",
        action="store_true",
        help="when an entry is only a teaser, fetch the linked page (now and on every update)",
    )

    lst = actions.add_parser("list", help="list subscriptions")
    lst.add_argument("--json", action="store_true", help="print a JSON array")

    update = actions.add_parser("update", help="import new entries of all feeds (or of IDs)")
    update.add_argument("ids", nargs="*", type=int, metavar="ID")
    update.add_argument(
        "--full-text",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fetch the linked page of teaser entries (default: as set by `feed add`)",
    )

    remove = actions.add_parser("remove", help="unsubscribe (the articles stay)")
    remove.add_argument("id", type=int, metavar="ID")

    opml_in = actions.add_parser(
        "import-opml", help="subscribe to the feeds of an OPML file (fetched by `feed update`)"
    )
    opml_in.add_argument("file", metavar="FILE")

    opml_out = actions.add_parser("export-opml", help="write the subscriptions as OPML")
    opml_out.add_argument("file", nargs="?", metavar="FILE", help="default: standard output")

    saved = commands.add_parser(
        "import-from",
        help="import saved links from Pocket or Instapaper (fetches each page)",
        description=(
            "Import a Pocket export (ril_export.html or CSV) or an Instapaper export (CSV or "
            "HTML). Those files hold links, not text: each page is fetched; links already in "
            "the library are skipped; pages that fail are reported and the rest imported."
        ),
    )
    saved.add_argument("tool", choices=TOOLS)
    saved.add_argument("file", metavar="FILE")
    saved.add_argument(
        "--dry-run",
        action="store_true",
        help="only list the links and which are already in the library (no network, no changes)",
    )
