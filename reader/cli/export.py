"""The CLI's Markdown commands: ``skim export`` and ``skim import-notes``, options and handlers."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from reader.cli.arguments import STATES
from reader.cli.output import info, safe
from reader.cli.progress import progress_bar

if TYPE_CHECKING:
    from reader.core import Library

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
        help="a folder, one file per article (default: the config's [export] folder, else "
        "~/skim-notes), or a .md file for all",
    )
    export.add_argument(
        "--template",
        metavar="NAME|PATH",
        help="default, brief, logseq, a NAME.md in <data dir>/templates, or a template file "
        "(default: the config's [export] template, else default)",
    )
    export.add_argument(
        "--filename",
        metavar="TEMPLATE",
        help=(
            "name new files with a template, e.g. '{{title}}' or '{{published|date}} {{title}}' "
            "(default: the config's [export] filename, else a slug of the title); files exported "
            "before keep their names"
        ),
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


def export(library: Library, args: argparse.Namespace) -> int:
    """``skim export``: one line per file; 1 when a file was skipped or could not be written."""
    from pathlib import Path

    from reader.core import Settings, default_export_folder, load_settings

    settings: Settings = getattr(args, "settings", None) or load_settings(None)
    out = Path(args.out) if args.out else default_export_folder(settings)[0]
    ids = _selection(library, args)
    with progress_bar(args, "Exporting") as progress:
        report = library.exports.markdown(
            ids,
            out=out,
            template=args.template or settings.export_template,
            force=args.force,
            since=args.since,
            progress=progress,
            filename=args.filename or settings.export_filename or None,
        )
    if not report.files:
        info(args, "skim: nothing to export")
        return 0
    for outcome in report.files:
        if outcome.status in ("written", "unchanged"):
            print(f"{outcome.status:<9} {safe(str(outcome.path))}")
        elif outcome.status == "skipped":
            print(f"skim: {safe(outcome.message)}; use --force to overwrite", file=sys.stderr)
        else:
            print(f"skim: {safe(outcome.message)}", file=sys.stderr)
    counts = ", ".join(
        f"{report.count(status)} {status}"
        for status in ("written", "unchanged", "skipped", "failed")
        if report.count(status) or status == "written"
    )
    info(args, f"export: {counts}", file=sys.stdout)
    if report.unrecorded:
        print(
            f"skim: the files are written but not recorded ({safe(report.unrecorded)}): the next "
            "export leaves them as they are unless --force",
            file=sys.stderr,
        )
    return 0 if report.complete else 1


def _selection(library: Library, args: argparse.Namespace) -> list[int]:
    """The ids given, or the articles matching --all/--state/--tag, oldest first."""
    from reader.core import ArticleQuery, TriageState, UsageError

    filtered = bool(args.all or args.state or args.tag)
    if args.ids and filtered:
        raise UsageError("give article ids, or --all/--state/--tag, not both")
    if args.ids:
        return list(args.ids)
    if not filtered:
        raise UsageError("give the ids of the articles to export, or --all (or --state/--tag)")
    query = ArticleQuery(
        state=TriageState(args.state) if args.state else None, tags=tuple(args.tag)
    )
    return [meta.id for meta in library.articles.find(query, sort="added", descending=False)]


def import_notes(library: Library, args: argparse.Namespace) -> int:
    """``skim import-notes PATH…``: messages on stderr, a summary line; 1 if something was not read."""
    from pathlib import Path

    report = library.exports.import_notes([Path(p) for p in args.paths])
    for message in report.messages:
        print(f"skim: {safe(message.text)}", file=sys.stderr)
    info(args, f"import-notes: {report.summary()}", file=sys.stdout)
    return 1 if report.problems else 0
