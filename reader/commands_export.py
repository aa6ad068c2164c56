"""The CLI's Markdown commands: ``skim export`` and ``skim import-notes`` (parsers: ``cli_export``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.errors import UsageError
from reader.core.library import Library
from reader.core.models import ArticleQuery, TriageState
from reader.terminal import safe


def export(library: Library, args: argparse.Namespace) -> int:
    """``skim export``: one line per file; 1 when a file was skipped or could not be written."""
    report = library.export_markdown(
        _selection(library, args),
        out=Path(args.out),
        template=args.template,
        force=args.force,
        since=args.since,
    )
    if not report.files:
        print("skim: nothing to export", file=sys.stderr)
        return 0
    for outcome in report.files:
        if outcome.status in ("written", "unchanged"):
            print(f"{outcome.status:<9} {safe(str(outcome.path))}")
        else:
            print(f"skim: {safe(outcome.message)}", file=sys.stderr)
    counts = ", ".join(
        f"{report.count(status)} {status}"
        for status in ("written", "unchanged", "skipped", "failed")
        if report.count(status) or status == "written"
    )
    print(f"export: {counts}")
    if report.unrecorded:
        print(
            f"skim: the files are written but not recorded ({safe(report.unrecorded)}): the next "
            "export leaves them as they are unless --force",
            file=sys.stderr,
        )
    return 0 if report.complete else 1


def _selection(library: Library, args: argparse.Namespace) -> list[int]:
    """The ids given, or the articles matching --all/--state/--tag, oldest first."""
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
    return [meta.id for meta in library.list(query, sort="added", descending=False)]


def import_notes(library: Library, args: argparse.Namespace) -> int:
    """``skim import-notes PATH…``: messages on stderr, a summary line; 1 if something was not read."""
    report = library.import_notes([Path(p) for p in args.paths])
    for message in report.messages:
        print(f"skim: {safe(message.text)}", file=sys.stderr)
    print(f"import-notes: {report.summary()}")
    return 1 if report.problems else 0
