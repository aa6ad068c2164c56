"""Argument parsers of ``skim export`` and ``skim import-notes`` (handlers: ``reader.commands_export``).

Like :mod:`reader.cli`, this imports nothing heavy, so ``skim --help`` stays fast.
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta
from typing import Any

STATES = ("inbox", "later", "archive")
DEFAULT_OUT = "skim-notes"
_AGO = re.compile(r"^(\d+)([hdw])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def since_time(text: str) -> datetime:
    """``--since``: a date (``2025-03-01``), an ISO 8601 time, or an age (``12h``, ``7d``, ``2w``).

    Dates and times without an offset are UTC.
    """
    text = text.strip()
    ago = _AGO.match(text)
    if ago:
        return datetime.now(UTC) - timedelta(**{_UNITS[ago.group(2)]: int(ago.group(1))})
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (use 2025-03-01, 2025-03-01T09:00, or an age like 7d)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_export_commands(commands: Any) -> None:
    """Add the ``export`` and ``import-notes`` subcommands to ``skim``'s subparsers."""
    export = commands.add_parser(
        "export",
        help="write articles with your highlights and notes as Markdown files",
        description=(
            "Write articles as Markdown (YAML front matter, summary, your highlights and notes). "
            "Files you edited since the last export are skipped unless --force; the exit status "
            "is 1 when a file was skipped or could not be written."
        ),
    )
    export.add_argument("ids", nargs="*", type=int, metavar="ID", help="the articles to export")
    export.add_argument("--all", action="store_true", help="every article (or with --state/--tag)")
    export.add_argument("--state", choices=STATES, help="only articles in this state")
    export.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only articles tagged T (repeatable)",
    )
    export.add_argument(
        "--out",
        metavar="DIR|FILE",
        default=DEFAULT_OUT,
        help=f"a folder, one file per article (default: ./{DEFAULT_OUT}), or a .md file for all",
    )
    export.add_argument(
        "--template",
        metavar="NAME|PATH",
        default="default",
        help="default, brief, a NAME.md in <data dir>/templates, or a template file",
    )
    export.add_argument(
        "--since",
        type=since_time,
        metavar="DATE",
        help="only articles added or whose notes changed since DATE (2025-03-01, 7d, 12h)",
    )
    export.add_argument(
        "--force", action="store_true", help="overwrite files edited since the last export"
    )

    notes = commands.add_parser(
        "import-notes",
        help="read notes and tags you edited in exported Markdown back into the library",
        description=(
            "Read exported Markdown files (or folders of them) and bring back highlight notes and "
            "tags, the ## Notes section and the front matter's tags. Nothing is deleted: highlights "
            "missing from a file are reported and kept. Exit status 1 when something was not read."
        ),
    )
    notes.add_argument("paths", nargs="+", metavar="PATH", help="exported .md files or folders")
