"""The CLI's web commands: ``skim add URL``, ``skim feed …`` and ``skim import-from …``; options
and handlers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.cli.output import counted, info, print_json_indented, result_line, safe
from reader.cli.progress import progress_bar
from reader.cli.services import SERVICES, import_service

if TYPE_CHECKING:
    from pathlib import Path

    from reader.core import Feed, FeedUpdate, ImportOutcome, Library

TOOLS = ("pocket", "instapaper", "bookmarks", "readwise-reader")


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
        help="import from Pocket, Instapaper, bookmarks, Readwise, Omnivore or wallabag",
        description=(
            "Import a Pocket export (ril_export.html or CSV), an Instapaper export (CSV or "
            "HTML), a browser's bookmarks.html (folders become tags) or Readwise Reader's CSV: "
            "those files hold links, not text, so each page is fetched; pages that fail are "
            "reported and the rest imported. Omnivore's export zip, wallabag's JSON export and "
            "Readwise's highlights CSV hold the text or the highlights: nothing is fetched. "
            "Articles already in the library are not stored again (their new highlights are "
            "added)."
        ),
    )
    saved.add_argument(
        "tool",
        choices=(*TOOLS, *SERVICES),
        metavar="TOOL",
        help=f"links, each page fetched: {', '.join(TOOLS)}; offline: {', '.join(SERVICES)}",
    )
    saved.add_argument("file", metavar="FILE")
    saved.add_argument(
        "--dry-run",
        action="store_true",
        help="only list the entries and which are already in the library (no network, no changes)",
    )


def add_urls(library: Library, urls: Sequence[str]) -> list[ImportOutcome]:
    """Fetch and store each URL; a failure is reported in its outcome and the others go on."""
    from reader.core import ImportOutcome, IngestError

    outcomes: list[ImportOutcome] = []
    for url in urls:
        try:
            outcomes.append(ImportOutcome(url, result=library.sources.add_url(url)))
        except IngestError as error:
            outcomes.append(ImportOutcome(url, error=str(error)))
    return outcomes


def feed(library: Library, args: argparse.Namespace) -> int:
    """``skim feed add|list|update|remove|import-opml|export-opml``."""
    from pathlib import Path

    action = args.feed_command
    if action == "add":
        result = library.sources.subscribe(args.source, full_text=args.full_text)
        print(f"Subscribed to {safe(result.feed.title)} (feed {result.feed.id})")
        return _print_update(args, result)
    if action == "list":
        return _list(args, library.sources.feeds())
    if action == "update":
        status = 0
        with progress_bar(args, "Updating feeds") as progress:
            results = library.sources.update_feeds(
                args.ids, full_text=args.full_text, progress=progress
            )
        for result in results:
            status = max(status, _print_update(args, result, heading=True))
        return status
    if action == "remove":
        removed = library.sources.unsubscribe(args.id)
        print(
            f"Unsubscribed from {safe(removed.title)} (feed {removed.id}); "
            f"its {counted(removed.articles, 'article')} stay in the library"
        )
        return 0
    if action == "import-opml":
        return _import_opml(args, library, Path(args.file))
    if action == "export-opml":
        text = library.sources.export_opml()
        if args.file in (None, "-"):
            sys.stdout.write(text)
        else:
            from reader.core import write_atomically

            write_atomically(Path(args.file), text)
            info(
                args, f"Wrote {counted(len(library.sources.feeds()), 'feed')} to {safe(args.file)}"
            )
        return 0
    raise AssertionError(f"unknown feed action {action!r}")  # argparse only allows the above


def import_from(library: Library, args: argparse.Namespace) -> int:
    """``skim import-from TOOL FILE [--dry-run]`` (a links export, or a service's export)."""
    from pathlib import Path

    if args.tool in SERVICES:
        return import_service(library, args)
    path = Path(args.file)
    if args.dry_run:
        links, problems, skipped = library.sources.preview_saved(path, args.tool)
        for problem in problems:
            print(f"skim: {safe(problem)}", file=sys.stderr)
        if skipped is not None:
            info(args, f"skim: {safe(skipped)}")
        for link, existing in links:
            where = f"have {existing}" if existing is not None else "fetch"
            print(f"{where}\t{safe(link.url)}\t{safe(link.title or '')}")
        fetch = sum(1 for _, existing in links if existing is None)
        info(args, f"{fetch} to fetch, {len(links) - fetch} already in the library")
        return 1 if problems else 0
    with progress_bar(args, "Fetching") as progress:
        outcomes = library.sources.import_saved(
            path, args.tool, on_outcome=_print_outcome, progress=progress
        )
    created = sum(1 for o in outcomes if o.result is not None and o.result.created)
    failed = sum(1 for o in outcomes if o.error is not None)
    there = sum(1 for o in outcomes if o.result is not None and not o.result.created)
    info(args, f"{created} imported, {there} already there, {failed} failed")
    return 1 if failed else 0


def _print_outcome(outcome: ImportOutcome) -> None:
    if outcome.skipped is not None:
        print(f"skim: {safe(outcome.skipped)}", file=sys.stderr)
    elif outcome.error is not None:
        print(f"skim: {safe(outcome.error)}", file=sys.stderr)
    elif outcome.result is not None:
        print(result_line(outcome.result), flush=True)


def _print_update(args: argparse.Namespace, result: FeedUpdate, *, heading: bool = False) -> int:
    name = f"{safe(result.feed.title)} (feed {result.feed.id})"
    if result.error is not None:
        print(f"skim: {name}: {safe(result.error)}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        info(args, f"skim: warning: {safe(warning)}")
    if heading:
        if result.not_modified:
            print(f"{name}: not changed since the last update")
        else:
            print(f"{name}: {result.new_articles} new")
    for added in result.added:
        if added.created:
            print(result_line(added, indent="  " if heading else ""))
    return 0


def _list(args: argparse.Namespace, feeds: list[Feed]) -> int:
    if args.json:
        from reader.core import feed_to_dict

        print_json_indented([feed_to_dict(f) for f in feeds])
        return 0
    if not feeds:
        info(args, "No feeds. Subscribe with `skim feed add URL`.")
        return 0
    for item in feeds:
        checked = item.last_checked.strftime("%Y-%m-%d %H:%M") if item.last_checked else "never"
        full = " full-text" if item.full_text else ""
        articles = "article" if item.articles == 1 else "articles"  # padded: the columns stay
        print(
            f"{item.id:>4}  {safe(item.title)[:40]:<40}  {item.articles:>4} {articles:<8}"
            f"  checked {checked}{full}  {safe(item.url)}"
        )
    return 0


def _import_opml(args: argparse.Namespace, library: Library, path: Path) -> int:
    result = library.sources.import_opml(path)
    for skipped in result.skipped:
        print(f"skim: {safe(skipped)}", file=sys.stderr)
    for item in result.added:
        print(f"{item.id}\t{safe(item.title)}\t{safe(item.url)}")
    info(
        args,
        f"Subscribed to {counted(len(result.added), 'feed')} ({len(result.existing)} already subscribed); "
        "`skim feed update` fetches them",
    )
    return 0
