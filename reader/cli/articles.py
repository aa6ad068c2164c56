"""``skim add``, ``triage``, ``delete``, ``undelete`` and ``edit``: options and handlers."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader.cli.arguments import STATES
from reader.cli.output import info, result_line, safe
from reader.cli.progress import progress_bar, wanted

if TYPE_CHECKING:
    from datetime import datetime

    from reader.core import ImportOutcome, Library

#: From this many new articles on, ``skim add`` says on a terminal that it is grouping them.
SAY_GROUPING = 20
#: The options of ``skim edit``, in the order changes are printed.
EDIT_FIELDS = ("title", "published", "source", "author", "url")


def add_add_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``add`` to the ``skim`` subcommands."""
    add_ = commands.add_parser("add", help="import files, folders, web pages (URL) or stdin (-)")
    add_.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a .txt, .md or .html file, a folder, an http(s):// address, or - for stdin",
    )
    add_.add_argument(
        "--samples", action="store_true", help="import the sample articles bundled with skim"
    )


def add_triage_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``triage`` to the ``skim`` subcommands."""
    triage_ = commands.add_parser(
        "triage", help="move articles to inbox/later/archive, star them or mark them read"
    )
    triage_.add_argument("ids", type=int, nargs="+", metavar="ID")
    triage_.add_argument("action", choices=(*STATES, "star", "unstar", "read", "unread"))


def add_delete_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``delete`` and ``undelete`` to the ``skim`` subcommands."""
    delete_ = commands.add_parser(
        "delete", help="delete articles with their notes (undo with `skim delete --undo`)"
    )
    delete_.add_argument("ids", type=int, nargs="*", metavar="ID")
    delete_.add_argument(
        "--undo", action="store_true", help="bring back the articles of the most recent delete"
    )
    undelete_ = commands.add_parser("undelete", help="bring deleted articles back")
    undelete_.add_argument("ids", type=int, nargs="+", metavar="ID")


def add_edit_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``edit`` to the ``skim`` subcommands."""
    edit_ = commands.add_parser(
        "edit",
        help="correct an article's title, date, source, author or URL",
        description="Correct what an import got wrong: skim edit 12 --title 'Storm closes the "
        "harbour' --published 2024-03-05. An empty value (--source '') clears a detail; the "
        "title cannot be cleared.",
    )
    edit_.add_argument("id", type=int, metavar="ID")
    edit_.add_argument("--title", metavar="T", help="the new title")
    edit_.add_argument(
        "--published",
        metavar="DATE",
        help="when it was published: 2024-03-05, '2024-03-05 14:30' (UTC unless a zone is "
        "given), '5 March 2024'…",
    )
    edit_.add_argument("--source", metavar="S", help="the publication")
    edit_.add_argument("--author", metavar="A")
    edit_.add_argument("--url", metavar="U", help="the address of the original")


def report_outcomes(outcomes: list[ImportOutcome]) -> int:
    """Print each imported article, and each failure on stderr; 1 when something failed."""
    status = 0
    for outcome in outcomes:
        if outcome.error is not None:
            print(f"skim: {safe(outcome.error)}", file=sys.stderr)
            status = 1
        elif outcome.result is not None:
            print(result_line(outcome.result))
    return status


def add(library: Library, args: argparse.Namespace) -> int:
    """``skim add PATH|DIR|- …`` and ``skim add --samples``."""
    from reader.cli.web import add_urls
    from reader.core import UsageError, sort_inputs

    if not args.paths and not args.samples:
        raise UsageError("give files, folders, URLs or - (stdin) to import, or --samples")
    inputs = sort_inputs(args.paths)
    outcomes: list[ImportOutcome] = []
    # Files are stored (and searchable) first and reported; story grouping, the larger part of
    # an import's time, follows before the command ends, so no article is left out of stories.
    with progress_bar(args, "Importing") as progress:
        if args.samples:
            outcomes += library.articles.import_samples(progress=progress, group=False)
        if inputs.paths:
            outcomes += library.articles.import_paths(inputs.paths, progress=progress, group=False)
    status = report_outcomes(outcomes)
    _group(library, args, [o.result.article.id for o in outcomes if o.result and o.result.created])
    later = add_urls(library, inputs.addresses)
    if inputs.stdin:
        later.append(_add_stdin(library))
    return max(status, report_outcomes(later))


def _group(library: Library, args: argparse.Namespace, ids: list[int]) -> None:
    """File the articles just stored in stories, saying so on a terminal when it takes a while."""
    if not ids:
        return
    if len(ids) >= SAY_GROUPING and wanted(args):
        sys.stdout.flush()  # the stored articles' lines first
        print(f"skim: grouping {len(ids):,} articles into stories…", file=sys.stderr, flush=True)
    with progress_bar(args, "Grouping") as progress:
        library.stories.group_new(ids, progress=progress)


def _add_stdin(library: Library) -> ImportOutcome:
    from reader.core import ImportOutcome, IngestError, read_bytes, read_capped

    try:
        draft = read_bytes(read_capped(sys.stdin.buffer, "stdin"), name="-")
    except IngestError as error:
        return ImportOutcome("-", error=str(error))
    return ImportOutcome("-", result=library.articles.add(draft))


def triage(library: Library, args: argparse.Namespace) -> int:
    """``skim triage ID… inbox|later|archive|star|unstar|read|unread``."""
    from reader.core import TriageState

    for article_id in args.ids:
        library.articles.meta(article_id)  # raises NotFound before anything changes
    if args.action in ("star", "unstar"):
        library.articles.set_starred(args.ids, args.action == "star")
    elif args.action in ("read", "unread"):
        library.articles.set_read(args.ids, args.action == "read")
    else:
        library.articles.set_state(args.ids, TriageState(args.action))
    for article_id in args.ids:
        meta = library.articles.meta(article_id)
        print(
            f"{meta.id}\t{meta.state.value}{' starred' if meta.starred else ''}"
            f"{' read' if meta.read else ''}\t{safe(meta.title)}"
        )
    return 0


def delete(library: Library, args: argparse.Namespace) -> int:
    """``skim delete ID…`` or ``skim delete --undo``."""
    from reader.core import InvalidArgument

    if args.undo:
        if args.ids:
            raise InvalidArgument("give article ids or --undo, not both")
        ids = library.articles.last_deleted()
        if not ids:
            info(args, "Nothing to undo: no article is deleted.", file=sys.stdout)
            return 0
        return _undelete(library, ids)
    if not args.ids:
        raise InvalidArgument("give the ids of the articles to delete (see skim list)")
    titles = [
        library.articles.meta(article_id).title for article_id in args.ids
    ]  # NotFound before a change
    library.articles.delete(args.ids)
    for article_id, title in zip(args.ids, titles, strict=True):
        print(f"{article_id}\tdeleted\t{safe(title)}")
    info(args, "Undo with: skim delete --undo", file=sys.stdout)
    return 0


def undelete(library: Library, args: argparse.Namespace) -> int:
    """``skim undelete ID…``."""
    return _undelete(library, args.ids)


def _undelete(library: Library, ids: list[int]) -> int:
    library.articles.undelete(ids)
    for article_id in dict.fromkeys(ids):
        print(f"{article_id}\trestored\t{safe(library.articles.meta(article_id).title)}")
    return 0


def edit(library: Library, args: argparse.Namespace) -> int:
    """``skim edit ID [--title T] [--published DATE] [--source S] [--author A] [--url U]``."""
    from reader.core import KEEP, InvalidArgument, parse_published

    given = {f: getattr(args, f) for f in EDIT_FIELDS if getattr(args, f) is not None}
    if not given:
        raise InvalidArgument(
            "say what to change: --title, --published, --source, --author or --url"
        )
    # The date is read before anything is written: a typo must not leave half an edit behind.
    published = parse_published(given["published"]) if "published" in given else KEEP
    before = library.articles.meta(args.id)
    after = library.articles.edit_details(
        args.id,
        title=given.get("title", KEEP),
        published=published,
        source=given.get("source", KEEP),
        author=given.get("author", KEEP),
        url=given.get("url", KEEP),
    )
    lines = [
        f"{after.id}\t{field}\t{_shown(getattr(before, field))} → {_shown(getattr(after, field))}"
        for field in EDIT_FIELDS
        if getattr(before, field) != getattr(after, field)
    ]
    print("\n".join(lines) if lines else f"{after.id}\tunchanged\t{safe(after.title)}")
    return 0


def _shown(value: str | datetime | None) -> str:
    from datetime import datetime

    if value is None:
        return "(none)"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return safe(value)
